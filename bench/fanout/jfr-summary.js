'use strict';
// Summarises a JDK Flight Recorder file of the service (run.sh --jfr): where the CPU samples
// fell, by thread and by method, and the garbage-collection pauses. Reads `jfr print` as a stream,
// so long recordings fit in memory.
//
//   node jfr-summary.js <file.jfr>

const { spawn } = require('node:child_process');
const readline = require('node:readline');

const file = process.argv[2];
if (!file) {
    console.error('usage: node jfr-summary.js <file.jfr>');
    process.exit(64);
}

/** Every event of one type as {thread, frames[], fields{}}, from `jfr print`'s text form. */
async function events(name, depth) {
    const jfr = spawn('jfr', ['print', '--stack-depth', String(depth), '--events', name, file]);
    jfr.stderr.pipe(process.stderr);
    const out = [];
    let e = null;
    let inStack = false;
    for await (const line of readline.createInterface({ input: jfr.stdout, crlfDelay: Infinity })) {
        const t = line.trim();
        if (/^jdk\.\w+ \{$/.test(t)) {
            e = { thread: '?', frames: [], fields: {} };
            inStack = false;
            continue;
        }
        if (!e) continue;
        if (inStack) {
            if (t === ']') inStack = false;
            else if (t && t !== '...') e.frames.push(t.replace(/\(.*$/, '').trim());
            continue;
        }
        if (t === '}') {
            out.push(e);
            e = null;
            continue;
        }
        if (t.startsWith('stackTrace = [')) {
            inStack = !t.endsWith(']');
            continue;
        }
        const m = /^(\w+) = (.*)$/.exec(t);
        if (!m) continue;
        if (m[1] === 'sampledThread' || m[1] === 'eventThread') {
            const q = /^"([^"]*)"/.exec(m[2]);
            if (m[1] === 'sampledThread' || e.thread === '?') e.thread = q ? q[1] : m[2];
        } else {
            e.fields[m[1]] = m[2].replace(/^"|"$/g, '');
        }
    }
    return out;
}

const threadGroup = (t) => t.replace(/[-\s#]?\d+$/, '-N');
const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;

// Threads waiting in the kernel show up in native samples; that is not CPU.
const idle = /epoll|EPoll|poll0|accept|socketRead|Unsafe\.park|Object\.wait|Thread\.sleep|PGStream|SocketInputStream|NioSocketImpl\.(read|park)|\.read0$|waitForProcessExit|FileInputStream\.readBytes/;
const interesting = /^(bonbu\.|io\.quarkus\.websockets|io\.vertx\.core\.http\.impl\.(ServerWebSocket|WebSocket)|io\.netty\.handler\.codec\.(http\.websocketx|compression)|java\.util\.zip|com\.fasterxml\.jackson\.databind\.ObjectMapper\.(write|read)|io\.smallrye\.(mutiny|context)|java\.lang\.String\.getBytes|sun\.nio\.ch\.(SocketChannelImpl|IOUtil)\.write$)/;

function summarise(title, evs, skipIdle) {
    const byThread = new Map();
    const self = new Map();
    const incl = new Map();
    let n = 0;
    for (const e of evs) {
        if (!e.frames.length) continue;
        if (skipIdle && e.frames.slice(0, 6).some((f) => idle.test(f))) continue;
        n++;
        const t = threadGroup(e.thread);
        byThread.set(t, (byThread.get(t) || 0) + 1);
        self.set(e.frames[0], (self.get(e.frames[0]) || 0) + 1);
        for (const f of new Set(e.frames)) incl.set(f, (incl.get(f) || 0) + 1);
    }
    console.log(`## ${title}: ${n} samples${skipIdle ? ' (threads waiting in the kernel left out)' : ''}\n`);
    if (!n) return;
    console.log('By thread:');
    for (const [k, v] of top(byThread, 12)) console.log(`  ${pct(v, n).padStart(7)}  ${k}`);
    console.log('\nTop of stack (self):');
    for (const [k, v] of top(self, 25)) console.log(`  ${pct(v, n).padStart(7)}  ${k}`);
    console.log('\nOn the stack (inclusive), selected packages:');
    for (const [k, v] of top(new Map([...incl].filter(([k]) => interesting.test(k))), 30)) console.log(`  ${pct(v, n).padStart(7)}  ${k}`);
    console.log();
}

/** "12.3 ms", "1.02 s", "950 us" -> milliseconds. */
function ms(s) {
    const m = /^([\d.,]+)\s*(ns|us|µs|ms|s|min)$/.exec(String(s || '').trim());
    if (!m) return NaN;
    const v = Number(m[1].replace(/,/g, ''));
    return v * { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, min: 60000 }[m[2]];
}

async function main() {
    summarise('Java execution samples (jdk.ExecutionSample, 64 frames deep)', await events('jdk.ExecutionSample', 64), false);
    summarise('Native method samples (jdk.NativeMethodSample, 24 frames deep)', await events('jdk.NativeMethodSample', 24), true);
    const pauses = (await events('jdk.GarbageCollection', 1)).map((e) => ({
        name: e.fields.name,
        cause: e.fields.cause,
        ms: ms(e.fields.sumOfPauses),
    }));
    const total = pauses.reduce((s, p) => s + (p.ms || 0), 0);
    const longest = Math.max(0, ...pauses.map((p) => p.ms || 0));
    console.log(`## Garbage collections: ${pauses.length}, pauses ${total.toFixed(1)} ms in total, longest ${longest.toFixed(1)} ms`);
    const byCause = new Map();
    for (const p of pauses) byCause.set(`${p.name}: ${p.cause}`, (byCause.get(`${p.name}: ${p.cause}`) || 0) + 1);
    for (const [k, v] of top(byCause, 8)) console.log(`  ${v} × ${k}`);
}

main().catch((e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
});
