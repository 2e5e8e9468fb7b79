'use strict';
// One round of the fan-out benchmark against one server (the service or the yardstick):
// open N websocket clients on /ws/public in batches, spread over W client processes; trigger
// K warm-up and then M measured updates, one every --interval-ms; wait for the deliveries; then
// count what each client received against what it should have, and summarise the latencies.
// Writes the whole result as JSON (--out) and prints a short summary.
//
//   node bench.js --target bonbu --base http://127.0.0.1:PORT --clients 1000 --updates 40 ...
//
// For the service, an update is `POST /api/components/<component>/status` as commander,
// toggling between degraded_performance and operational; each one commits one PUBLIC timeline
// entry (component.effective_status_changed). The expected PUBLIC seqs are read back from
// `GET /api/timeline` as viewer. For the yardstick, an update is `POST /broadcast`.

const { fork } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

// ---------------------------------------------------------------- arguments
const defaults = {
    target: 'bonbu',
    base: '',
    clients: 1000,
    updates: 40,
    warmup: 5,
    'interval-ms': 500,
    workers: 0,
    batch: 500,
    'pause-ms': 50,
    deflate: 'on',
    label: '',
    'started-at': 0,
    'server-pid': 0,
    'pg-pidfile': '',
    bytes: 0,
    component: 'gov24-guidance',
    'drain-seconds': 20,
    'max-seconds': 300,
    'clk-tck': 100,
    out: '',
};
const opt = { ...defaults };
for (let i = 2; i < process.argv.length; i++) {
    const a = process.argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const k = a.slice(2);
    if (!(k in defaults)) throw new Error(`unknown option --${k}; known: ${Object.keys(defaults).join(', ')}`);
    opt[k] = typeof defaults[k] === 'number' ? Number(process.argv[++i]) : process.argv[++i];
}
if (!opt.base) throw new Error('--base is required');
const N = opt.clients;
const W = opt.workers > 0 ? opt.workers : Math.min(4, Math.max(1, Math.ceil(N / 2500)));
const wsUrl = opt.base.replace(/^http/, 'ws') + '/ws/public';
const isBonbu = opt.target === 'bonbu';

const selfTimer = setTimeout(() => {
    console.error(`bench.js: round still running after ${opt['max-seconds']} s; giving up`);
    shutdown(4);
}, opt['max-seconds'] * 1000);
selfTimer.unref();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => performance.timeOrigin + performance.now();
const log = (...a) => console.log(`[${opt.target} ${opt.label} N=${N}]`, ...a);

// ---------------------------------------------------------------- HTTP
const auth = (user) => 'Basic ' + Buffer.from(`${user}:bonbu-demo`).toString('base64');

async function http(method, url, { user, body, timeoutMs = 30000 } = {}) {
    const headers = {};
    if (user) headers.Authorization = auth(user);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const t0 = nowMs();
    const res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, text, ms: nowMs() - t0 };
}

async function timelineSince(since) {
    const entries = [];
    let cursor = since;
    for (let page = 0; page < 1000; page++) {
        const r = await http('GET', `${opt.base}/api/timeline?since=${cursor}&limit=1000`, { user: 'viewer' });
        if (r.status !== 200) throw new Error(`GET /api/timeline answered ${r.status}: ${r.text.slice(0, 300)}`);
        const d = JSON.parse(r.text);
        entries.push(...d.entries);
        if (!d.more || d.entries.length === 0) break;
        cursor = d.next;
    }
    return entries;
}

async function lastSeq() {
    const e = await timelineSince(0);
    return e.length ? e[e.length - 1].seq : 0;
}

async function metrics() {
    // Metrics are for staff: the demo profile's viewer reads them with HTTP Basic.
    const r = await http('GET', `${opt.base}/q/metrics`, { user: 'viewer' });
    const out = {};
    for (const line of r.text.split('\n')) {
        if (line.startsWith('#') || !line.trim()) continue;
        const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
        if (m) out[m[1]] = Number(m[2]);
    }
    return out;
}

const pick = (m, re) => Object.entries(m).filter(([k]) => re.test(k)).reduce((s, [, v]) => s + v, 0);

// ---------------------------------------------------------------- CPU accounting (Linux /proc)
function procStat(pid) {
    try {
        const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
    } catch {
        return null;
    }
}

function treeTicks(root) {
    if (!root) return 0;
    const children = new Map();
    const ticks = new Map();
    for (const d of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(d)) continue;
        const st = procStat(d);
        if (!st) continue;
        ticks.set(Number(d), st.ticks);
        if (!children.has(st.ppid)) children.set(st.ppid, []);
        children.get(st.ppid).push(Number(d));
    }
    let sum = 0;
    const stack = [root];
    while (stack.length) {
        const p = stack.pop();
        sum += ticks.get(p) || 0;
        for (const c of children.get(p) || []) stack.push(c);
    }
    return sum;
}

function machineTicks() {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return { busy: f[0] + f[1] + f[2], irq: (f[5] || 0) + (f[6] || 0), steal: f[7] || 0 };
}

function pgPid() {
    if (!opt['pg-pidfile']) return 0;
    try {
        return Number(fs.readFileSync(opt['pg-pidfile'], 'utf8').split('\n')[0]) || 0;
    } catch {
        return 0;
    }
}

function rssMiB(pid) {
    try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : null;
    } catch {
        return null;
    }
}

/** CPU ticks of each thread of one process, summed by thread name without its number. */
function threadTicks(pid) {
    const out = {};
    if (!pid) return out;
    let tasks = [];
    try {
        tasks = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
        return out;
    }
    for (const t of tasks) {
        try {
            const s = fs.readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
            const name = s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')).replace(/[#-]?\d+$/, '#');
            const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
            out[name] = (out[name] || 0) + Number(f[11]) + Number(f[12]);
        } catch {
            // the thread ended
        }
    }
    return out;
}

function cpuSnapshot() {
    const pg = pgPid();
    return {
        at: nowMs(),
        machine: machineTicks(),
        server: opt['server-pid'] ? treeTicks(opt['server-pid']) : 0,
        threads: threadTicks(opt['server-pid']),
        pg: treeTicks(pg),
        clients: treeTicks(process.pid), // this driver and its client processes
        self: process.cpuUsage(),
    };
}

// ---------------------------------------------------------------- client processes
const workers = [];
const pending = new Map(); // worker -> resolver for its next event

function startWorkers() {
    for (let i = 0; i < W; i++) {
        const w = fork(path.join(__dirname, 'client-worker.js'), [], {
            serialization: 'advanced',
            env: { ...process.env, FANOUT_WORKER_MAX_SECONDS: String(opt['max-seconds'] + 60) },
        });
        w.on('message', (m) => {
            if (m.ev === 'error') console.error(`worker ${w.pid}: ${m.message}`);
            const r = pending.get(w);
            if (r) {
                pending.delete(w);
                r(m);
            }
        });
        w.on('exit', (code) => {
            const r = pending.get(w);
            if (r) {
                pending.delete(w);
                r({ ev: 'exit', code });
            }
        });
        workers.push(w);
    }
}

function ask(w, msg) {
    return new Promise((resolve) => {
        pending.set(w, resolve);
        w.send(msg);
    });
}

const waitReady = (w) => new Promise((resolve) => pending.set(w, resolve));

function shutdown(code) {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGTERM');
    process.exit(code);
}
process.on('SIGTERM', () => shutdown(143));
process.on('SIGINT', () => shutdown(130));

// ---------------------------------------------------------------- statistics
function stats(arr) {
    const a = Float64Array.from(arr).sort();
    const n = a.length;
    if (!n) return { n: 0 };
    const rank = (p) => a[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
    let sum = 0;
    for (const v of a) sum += v;
    const r = (v) => Math.round(v * 10) / 10;
    return { n, min: r(a[0]), p50: r(rank(0.5)), p90: r(rank(0.9)), p99: r(rank(0.99)), max: r(a[n - 1]), mean: r(sum / n) };
}

// ---------------------------------------------------------------- the round
async function main() {
    const result = {
        target: opt.target,
        label: opt.label,
        clients: N,
        workers: W,
        warmupUpdates: opt.warmup,
        updates: opt.updates,
        intervalMs: opt['interval-ms'],
        deflateOffered: opt.deflate === 'on',
        date: new Date().toISOString(),
    };
    const sinceStart = () => (opt['started-at'] ? Math.round((Date.now() - opt['started-at']) / 100) / 10 : null);
    result.roundStartS = sinceStart();

    startWorkers();
    await Promise.all(workers.map(waitReady));

    // 1. Connect, in batches spread over the client processes.
    const share = (i) => Math.floor(N / W) + (i < N % W ? 1 : 0);
    const perBatch = Math.max(1, Math.ceil(opt.batch / W));
    const tc = Date.now();
    const conn = await Promise.all(
        workers.map((w, i) =>
            ask(w, {
                cmd: 'connect',
                url: wsUrl,
                count: share(i),
                batch: perBatch,
                pauseMs: opt['pause-ms'],
                deflate: opt.deflate === 'on',
                handshakeTimeout: 30000,
            }),
        ),
    );
    const opened = conn.reduce((s, c) => s + (c.opened || 0), 0);
    const failed = conn.reduce((s, c) => s + (c.failed || 0), 0);
    const extensions = {};
    const connectErrors = {};
    for (const c of conn) {
        for (const [k, v] of Object.entries(c.extensions || {})) extensions[k] = (extensions[k] || 0) + v;
        for (const [k, v] of Object.entries(c.errors || {})) connectErrors[k] = (connectErrors[k] || 0) + v;
    }
    result.connect = { opened, failed, seconds: (Date.now() - tc) / 1000, extensions, errors: connectErrors };
    log(`connected ${opened}/${N} in ${result.connect.seconds} s (failed ${failed}); extensions ${JSON.stringify(extensions)}`);
    await sleep(1000);

    // 2. Baseline.
    let seqBefore = 0;
    let m0 = null;
    let status = 'operational';
    if (isBonbu) {
        seqBefore = await lastSeq();
        m0 = await metrics();
        const c = await http('GET', `${opt.base}/api/components/${opt.component}`, { user: 'viewer' });
        status = JSON.parse(c.text).status;
        result.serverConnectionsGauge = m0['bonbu_live_connections{endpoint="public"}'];
    } else {
        const h = await http('GET', `${opt.base}/health`);
        result.serverConnectionsGauge = JSON.parse(h.text).clients;
    }
    await Promise.all(workers.map((w) => ask(w, { cmd: 'mark' })));
    const cpu0 = cpuSnapshot();

    // 3. Updates, one every interval (scheduled from the start, so a slow one does not shift the rest).
    const total = opt.warmup + opt.updates;
    const updates = [];
    const t0 = nowMs();
    for (let i = 0; i < total; i++) {
        const due = t0 + i * opt['interval-ms'];
        const wait = due - nowMs();
        if (wait > 0) await sleep(wait);
        const u = { i, warmup: i < opt.warmup, sinceStartS: sinceStart() };
        try {
            if (isBonbu) {
                status = status === 'operational' ? 'degraded_performance' : 'operational';
                const r = await http('POST', `${opt.base}/api/components/${opt.component}/status`, {
                    user: 'commander',
                    body: { status, reason: 'bench' },
                });
                u.status = r.status;
                u.ms = r.ms;
                if (r.status !== 200) u.error = r.text.slice(0, 300);
            } else {
                const r = await http('POST', `${opt.base}/broadcast?bytes=${opt.bytes}`);
                u.status = r.status;
                u.ms = r.ms;
                const d = JSON.parse(r.text);
                u.seq = d.seq;
                u.bytes = d.bytes;
            }
        } catch (e) {
            u.status = 0;
            u.error = String(e);
        }
        updates.push(u);
    }
    result.updatesSeconds = (nowMs() - t0) / 1000;

    // 4. What every client should have received.
    let expected = [];
    let measured = [];
    if (isBonbu) {
        const entries = await timelineSince(seqBefore);
        const pub = entries.filter((e) => e.audience === 'PUBLIC');
        expected = pub.map((e) => e.seq);
        result.timeline = {
            seqBefore,
            entries: entries.length,
            public: pub.length,
            publicTypes: [...new Set(pub.map((e) => e.type))],
            staff: entries.length - pub.length,
        };
        // The i-th update's PUBLIC entry is the i-th PUBLIC entry (one writer, one entry each).
        if (pub.length === total) {
            pub.forEach((e, i) => {
                updates[i].seq = e.seq;
                updates[i].at = e.at;
            });
            measured = pub.slice(opt.warmup).map((e) => e.seq);
        } else {
            // Not one PUBLIC entry per update (another writer?): time every PUBLIC entry, and say so.
            measured = expected.slice();
            result.timeline.warning = `expected ${total} PUBLIC entries, found ${pub.length}; all of them were timed`;
        }
    } else {
        expected = updates.filter((u) => u.status === 200).map((u) => u.seq);
        measured = updates.filter((u) => u.status === 200 && !u.warmup).map((u) => u.seq);
    }

    // 5. Drain: until every client has everything, nothing moves for 3 s, or the drain budget.
    const want = expected.length * opened;
    const td = nowMs();
    let last = -1;
    let lastChange = nowMs();
    let got = 0;
    while (nowMs() - td < opt['drain-seconds'] * 1000) {
        const p = await Promise.all(workers.map((w) => ask(w, { cmd: 'progress' })));
        got = p.reduce((s, x) => s + (x.messages || 0), 0);
        if (got >= want) break;
        if (got !== last) {
            last = got;
            lastChange = nowMs();
        } else if (nowMs() - lastChange > 3000) break;
        await sleep(200);
    }
    result.drainSeconds = (nowMs() - td) / 1000;
    const cpu1 = cpuSnapshot();

    // 6. Server-side evidence.
    if (isBonbu) {
        const m1 = await metrics();
        const d = (k) => (m1[k] ?? 0) - (m0[k] ?? 0);
        result.serverMetrics = {
            drops: d('bonbu_live_drops_total{endpoint="public"}'),
            resyncs: d('bonbu_live_resyncs_total{endpoint="public"}'),
            sent: d('bonbu_live_messages_sent_total{endpoint="public"}'),
            connectionsGauge: m1['bonbu_live_connections{endpoint="public"}'],
            fanoutLagMeanMs:
                d('bonbu_live_fanout_lag_seconds_count') > 0
                    ? Math.round((d('bonbu_live_fanout_lag_seconds_sum') / d('bonbu_live_fanout_lag_seconds_count')) * 10000) / 10
                    : null,
            fanoutLagP50Ms: Math.round((m1['bonbu_live_fanout_lag_seconds{quantile="0.5"}'] ?? NaN) * 10000) / 10,
            fanoutLagP99Ms: Math.round((m1['bonbu_live_fanout_lag_seconds{quantile="0.99"}'] ?? NaN) * 10000) / 10,
            fanoutLagMaxMs: Math.round((m1['bonbu_live_fanout_lag_seconds_max'] ?? NaN) * 10000) / 10,
            gcPauses: pick(m1, /^jvm_gc_pause_seconds_count/) - pick(m0, /^jvm_gc_pause_seconds_count/),
            gcPauseMs: Math.round((pick(m1, /^jvm_gc_pause_seconds_sum/) - pick(m0, /^jvm_gc_pause_seconds_sum/)) * 1000),
            heapUsedMiB: Math.round(pick(m1, /^jvm_memory_used_bytes\{area="heap"/) / 1048576),
        };
    }
    result.serverRssMiB = opt['server-pid'] ? rssMiB(opt['server-pid']) : null;

    // 7. What the clients got.
    const reps = await Promise.all(workers.map((w) => ask(w, { cmd: 'report', expected, measured })));
    const sum = (k) => reps.reduce((s, r) => s + (r[k] || 0), 0);
    const merge = (k) => {
        const o = {};
        for (const r of reps) for (const [c, v] of Object.entries(r[k] || {})) o[c] = (o[c] || 0) + v;
        return o;
    };
    const recv = [];
    const msg = [];
    for (const r of reps) {
        for (const v of r.recv) recv.push(v);
        for (const v of r.msg) msg.push(v);
    }
    const perSeq = {};
    for (const r of reps) {
        for (const [s, p] of Object.entries(r.perSeq)) {
            const q = perSeq[s] || (perSeq[s] = { n: 0, recvMin: Infinity, recvMax: -Infinity, msgMax: -Infinity });
            q.n += p.n;
            q.recvMin = Math.min(q.recvMin, p.recvMin);
            q.recvMax = Math.max(q.recvMax, p.recvMax);
            q.msgMax = Math.max(q.msgMax, p.msgMax);
        }
    }
    const measuredSet = new Set(measured);
    const firstDelivery = [];
    const lastDelivery = [];
    const spread = [];
    for (const [s, p] of Object.entries(perSeq)) {
        if (!measuredSet.has(Number(s))) continue;
        firstDelivery.push(p.recvMin);
        lastDelivery.push(p.recvMax);
        spread.push(p.recvMax - p.recvMin);
    }
    result.expectedPerClient = expected.length;
    result.measuredPerClient = measured.length;
    result.delivery = {
        messages: sum('messages'),
        expectedMessages: want,
        lost: sum('lost'),
        clientsWithLoss: sum('clientsWithLoss'),
        duplicates: sum('dups'),
        unexpected: sum('unexpected'),
        resyncMessages: sum('resyncs'),
        badMessages: sum('badMessages'),
        openAtEnd: sum('openAtEnd'),
        unexpectedCloses: merge('unexpectedCloses'),
        errors: merge('errors'),
    };
    result.latencyMs = stats(recv);
    result.latencyAfterClientParseMs = stats(msg);
    result.perUpdate = { firstDeliveryMs: stats(firstDelivery), lastDeliveryMs: stats(lastDelivery), spreadMs: stats(spread) };
    // The client processes' own event-loop delay during the updates (worst process).
    result.clientLoopDelayMs = {
        p50: Math.round(Math.max(...reps.map((r) => r.loopDelayMs.p50)) * 10) / 10,
        p99: Math.round(Math.max(...reps.map((r) => r.loopDelayMs.p99)) * 10) / 10,
        max: Math.round(Math.max(...reps.map((r) => r.loopDelayMs.max)) * 10) / 10,
    };
    result.trigger = {
        ok: updates.filter((u) => u.status === 200).length,
        failed: updates.filter((u) => u.status !== 200).length,
        responseMs: stats(updates.filter((u) => u.status === 200).map((u) => u.ms)),
        errors: updates.filter((u) => u.error).slice(0, 5).map((u) => u.error),
    };
    result.frameBytes = Math.max(0, ...reps.map((r) => r.frameBytes || 0));

    // 8. CPU during the updates and the drain, in cores (1.0 = one core busy all the time).
    const secs = (cpu1.at - cpu0.at) / 1000;
    const tck = opt['clk-tck'];
    const clientCpuMs = reps.reduce((s, r) => s + r.cpuMs, 0); // whole life of the workers
    const selfMs = (cpu1.self.user + cpu1.self.system - cpu0.self.user - cpu0.self.system) / 1000;
    const machineCores = ((cpu1.machine.busy + cpu1.machine.irq - cpu0.machine.busy - cpu0.machine.irq) / tck) / secs;
    const serverCores = ((cpu1.server - cpu0.server) / tck) / secs;
    const pgCores = ((cpu1.pg - cpu0.pg) / tck) / secs;
    result.cpu = {
        windowSeconds: Math.round(secs * 10) / 10,
        machineCores: Math.round(machineCores * 100) / 100,
        serverCores: Math.round(serverCores * 100) / 100,
        serverCpuSeconds: Math.round(((cpu1.server - cpu0.server) / tck) * 100) / 100,
        postgresCores: Math.round(pgCores * 100) / 100,
        driverCores: Math.round((selfMs / 1000 / secs) * 100) / 100,
        // Interrupts and softirqs (loopback TCP is mostly here) and time the hypervisor took away.
        irqCores: Math.round((((cpu1.machine.irq - cpu0.machine.irq) / tck) / secs) * 100) / 100,
        stealCores: Math.round((((cpu1.machine.steal - cpu0.machine.steal) / tck) / secs) * 100) / 100,
        clientCores: Math.round((((cpu1.clients - cpu0.clients) / tck) / secs) * 100) / 100,
        // Everything else on the machine: other people's builds and tests would show up here.
        otherCores:
            Math.round(
                (((cpu1.machine.busy - cpu0.machine.busy) - (cpu1.server - cpu0.server) - (cpu1.pg - cpu0.pg) - (cpu1.clients - cpu0.clients)) / tck / secs) * 100,
            ) / 100,
        clientProcessesCpuSecondsWholeRound: Math.round(clientCpuMs / 100) / 10,
        clientRssMiB: reps.map((r) => r.rssMiB),
        // The server's threads, by name (Linux keeps the first 15 characters), in cores.
        serverThreadsCores: Object.fromEntries(
            Object.entries(cpu1.threads)
                .map(([k, v]) => [k, Math.round((((v - (cpu0.threads[k] || 0)) / tck) / secs) * 100) / 100])
                .filter(([, v]) => v >= 0.01)
                .sort((a, b) => b[1] - a[1]),
        ),
    };
    for (const u of updates) {
        const p = perSeq[u.seq];
        if (p) Object.assign(u, { delivered: p.n, firstMs: Math.round(p.recvMin * 10) / 10, lastMs: Math.round(p.recvMax * 10) / 10 });
    }
    result.updatesDetail = updates;

    // 9. Close.
    await Promise.all(workers.map((w) => ask(w, { cmd: 'close' })));
    result.roundEndS = sinceStart();

    if (opt.out) fs.writeFileSync(opt.out, JSON.stringify(result, null, 1));
    const L = result.latencyMs;
    log(
        `delivery ms p50 ${L.p50} p99 ${L.p99} max ${L.max} (n ${L.n}); after client parse p50 ${result.latencyAfterClientParseMs.p50} p99 ${result.latencyAfterClientParseMs.p99}; ` +
            `lost ${result.delivery.lost}, dups ${result.delivery.duplicates}, unexpected closes ${JSON.stringify(result.delivery.unexpectedCloses)}; ` +
            `first/last delivery per update p50 ${result.perUpdate.firstDeliveryMs.p50}/${result.perUpdate.lastDeliveryMs.p50} ms; ` +
            `cpu cores machine ${result.cpu.machineCores} server ${result.cpu.serverCores} pg ${result.cpu.postgresCores} clients ${result.cpu.clientCores}; ` +
            `client event-loop delay p99 ${result.clientLoopDelayMs.p99} max ${result.clientLoopDelayMs.max} ms` +
            (result.serverMetrics ? `; drops ${result.serverMetrics.drops} resyncs ${result.serverMetrics.resyncs} sent ${result.serverMetrics.sent}` : ''),
    );
    clearTimeout(selfTimer);
    // Let the client processes finish closing before the next round starts.
    await Promise.race([
        Promise.all(workers.map((w) => (w.exitCode !== null ? null : new Promise((r) => w.once('exit', r))))),
        sleep(10000),
    ]);
    for (const w of workers) if (w.exitCode === null) w.kill('SIGTERM');
    const failedRound = opened < N || result.delivery.lost > 0 || result.trigger.failed > 0;
    process.exit(failedRound ? 2 : 0);
}

main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    shutdown(1);
});
