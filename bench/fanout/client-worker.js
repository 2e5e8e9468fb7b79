'use strict';
// One load-client process: holds a share of the websocket connections and records, for every
// message on every connection, when its bytes were read from the socket and when the `message`
// event fired, each minus the message's `at`. Driven by bench.js over the IPC channel; exits by
// itself if the driver goes away or after --max-seconds.
//
// Two receipt times per message:
//   recv: when this process read the frame's bytes from the socket (a `data` listener that runs
//         before ws's own parser). This is the delivery time of the server under test.
//   msg:  when ws emitted `message`, after this process inflated (permessage-deflate) and
//         parsed the frame. It adds the client's own costs, which 2-4 processes here pay for
//         thousands of connections on cores shared with the server.

const WebSocket = require('ws');
const { performance, monitorEventLoopDelay } = require('node:perf_hooks');

const maxSeconds = Number(process.env.FANOUT_WORKER_MAX_SECONDS || 900);
const suicide = setTimeout(() => {
    console.error(`[worker ${process.pid}] still running after ${maxSeconds} s; exiting`);
    process.exit(3);
}, maxSeconds * 1000);
suicide.unref();
process.on('disconnect', () => process.exit(0));

const nowMs = () => performance.timeOrigin + performance.now();

// How long this process's event loop was busy before it could look at a socket: a receipt time
// can be late by that much because of the client itself. Reset when the updates start.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

/** Milliseconds since the epoch, with the microseconds of an ISO-8601 instant such as Java's. */
function parseAt(s) {
    if (typeof s !== 'string' || s.length < 20) return NaN;
    const base = Date.parse(s.slice(0, 19) + 'Z');
    const m = /^\.(\d+)/.exec(s.slice(19));
    if (!m) return base;
    return base + Number('0.' + m[1]) * 1000;
}

const conns = []; // { ws, lastData, seqs: number[], closeCode, closeReason, error, opened }
// Every message on every connection, in arrival order (parallel arrays).
const mSeq = [];
const mRecv = [];
const mMsg = [];
let resyncs = 0;
let badMessages = 0;
let messages = 0;
let frameBytes = 0; // largest message payload seen (after inflating)
const extensions = {};
const unexpectedCloses = {}; // close code -> count, for closes this process did not ask for
const errors = {};
let closing = false;

function count(map, key) {
    map[key] = (map[key] || 0) + 1;
}

function openOne(url, deflate, handshakeTimeout) {
    return new Promise((resolve) => {
        const c = { ws: null, lastData: 0, seqs: [], opened: false };
        const ws = new WebSocket(url, { perMessageDeflate: deflate, handshakeTimeout });
        c.ws = ws;
        let settled = false;
        const settle = (ok) => {
            if (settled) return;
            settled = true;
            resolve(ok ? c : null);
        };
        ws.on('open', () => {
            c.opened = true;
            count(extensions, ws.extensions || '(none)');
            // Runs before ws's own `data` listener, so it sees the bytes before they are parsed.
            ws._socket.prependListener('data', () => {
                c.lastData = nowMs();
            });
            conns.push(c);
            settle(true);
        });
        ws.on('message', (data, isBinary) => {
            const t = nowMs();
            messages++;
            if (data.length > frameBytes) frameBytes = data.length;
            let m;
            try {
                m = JSON.parse(isBinary ? data.toString('utf8') : data.toString());
            } catch (e) {
                badMessages++;
                return;
            }
            if (m.type === 'resync') resyncs++;
            const at = parseAt(m.at);
            const seq = Number(m.seq);
            c.seqs.push(seq);
            mSeq.push(seq);
            mRecv.push((c.lastData || t) - at);
            mMsg.push(t - at);
        });
        ws.on('error', (e) => {
            count(errors, e.code || e.message || String(e));
            settle(false);
        });
        ws.on('close', (code, reason) => {
            c.closeCode = code;
            c.closeReason = reason ? reason.toString() : '';
            if (!closing) count(unexpectedCloses, `${code}${c.closeReason ? ' ' + c.closeReason : ''}`);
            settle(false);
        });
    });
}

async function connect({ url, count: n, batch, pauseMs, deflate, handshakeTimeout }) {
    const t0 = Date.now();
    let failed = 0;
    for (let i = 0; i < n; i += batch) {
        const k = Math.min(batch, n - i);
        const results = await Promise.all(Array.from({ length: k }, () => openOne(url, deflate, handshakeTimeout)));
        failed += results.filter((r) => r === null).length;
        if (i + k < n && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
    }
    return { opened: conns.filter((c) => c.opened).length, failed, ms: Date.now() - t0, extensions, errors };
}

function report({ expected, measured }) {
    const exp = new Set(expected);
    const meas = new Set(measured);
    let lost = 0;
    let clientsWithLoss = 0;
    let dups = 0;
    let unexpected = 0;
    let openAtEnd = 0;
    for (const c of conns) {
        if (c.ws.readyState === WebSocket.OPEN) openAtEnd++;
        const seen = new Set();
        for (const s of c.seqs) {
            if (seen.has(s)) dups++;
            else seen.add(s);
            if (!exp.has(s)) unexpected++;
        }
        let l = 0;
        for (const s of exp) if (!seen.has(s)) l++;
        lost += l;
        if (l > 0) clientsWithLoss++;
    }
    // Latencies of the measured updates, and per update the first and last delivery.
    const recv = [];
    const msg = [];
    const perSeq = {};
    for (let i = 0; i < mSeq.length; i++) {
        const s = mSeq[i];
        if (!exp.has(s)) continue;
        let p = perSeq[s];
        if (!p) p = perSeq[s] = { n: 0, recvMin: Infinity, recvMax: -Infinity, msgMax: -Infinity };
        p.n++;
        if (mRecv[i] < p.recvMin) p.recvMin = mRecv[i];
        if (mRecv[i] > p.recvMax) p.recvMax = mRecv[i];
        if (mMsg[i] > p.msgMax) p.msgMax = mMsg[i];
        if (!meas.has(s)) continue;
        recv.push(mRecv[i]);
        msg.push(mMsg[i]);
    }
    const cpu = process.cpuUsage();
    return {
        connections: conns.length,
        openAtEnd,
        messages,
        frameBytes,
        badMessages,
        resyncs,
        lost,
        clientsWithLoss,
        dups,
        unexpected,
        unexpectedCloses,
        errors,
        recv: Float64Array.from(recv),
        msg: Float64Array.from(msg),
        perSeq,
        cpuMs: (cpu.user + cpu.system) / 1000,
        // Beyond the 10 ms sampling interval itself.
        loopDelayMs: {
            p50: Math.max(0, loopDelay.percentile(50) / 1e6 - 10),
            p99: Math.max(0, loopDelay.percentile(99) / 1e6 - 10),
            max: Math.max(0, loopDelay.max / 1e6 - 10),
        },
        rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    };
}

async function closeAll() {
    closing = true;
    const open = conns.filter((c) => c.ws.readyState === WebSocket.OPEN || c.ws.readyState === WebSocket.CONNECTING);
    await Promise.race([
        Promise.all(
            open.map(
                (c) =>
                    new Promise((resolve) => {
                        c.ws.once('close', resolve);
                        c.ws.close(1000, 'bench done');
                    }),
            ),
        ),
        new Promise((r) => setTimeout(r, 10000)),
    ]);
    for (const c of conns) if (c.ws.readyState !== WebSocket.CLOSED) c.ws.terminate();
}

process.on('message', async (m) => {
    try {
        if (m.cmd === 'connect') {
            process.send({ ev: 'connected', ...(await connect(m)) });
        } else if (m.cmd === 'progress') {
            process.send({ ev: 'progress', messages, open: conns.filter((c) => c.ws.readyState === WebSocket.OPEN).length });
        } else if (m.cmd === 'mark') {
            loopDelay.reset();
            process.send({ ev: 'marked' });
        } else if (m.cmd === 'report') {
            process.send({ ev: 'report', ...report(m) });
        } else if (m.cmd === 'close') {
            await closeAll();
            process.send({ ev: 'closed' });
            setTimeout(() => process.exit(0), 50);
        }
    } catch (e) {
        process.send({ ev: 'error', message: String((e && e.stack) || e) });
    }
});
process.send({ ev: 'ready' });
