'use strict';
// Markdown summary of one run.sh output folder: the service and the yardstick side by side,
// per number of clients, and whether the targets are met.
//
//   node report.js target/bench-fanout/<UTC time>

const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
if (!dir) {
    console.error('usage: node report.js <run folder>');
    process.exit(64);
}
const files = fs.readdirSync(dir).filter((f) => /^(bonbu|yardstick)-.*\.json$/.test(f));
const rounds = files.filter((f) => !f.includes('.contended-')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
const contended = files.filter((f) => f.includes('.contended-')).map((f) => ({ f, r: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
const get = (target, label, n) => rounds.find((r) => r.target === target && r.label === label && r.clients === n);
const sizes = [...new Set(rounds.map((r) => r.clients))].sort((a, b) => a - b);
const fmt = (v) => (v === undefined || v === null || Number.isNaN(v) ? '–' : typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 1 }) : String(v));
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : '–');
/** Server CPU (PostgreSQL included) per update and per delivered message, over the updates and the drain. */
const serverCpu = (r) => {
    const secs = r.cpu.serverCpuSeconds ?? r.cpu.serverCores * r.cpu.windowSeconds;
    const all = secs + (r.cpu.postgresCores || 0) * r.cpu.windowSeconds;
    const updates = r.warmupUpdates + r.updates;
    return { perUpdateMs: (all * 1000) / updates, perMessageUs: (all * 1e6) / updates / r.clients };
};
const closes = (r) => {
    const e = Object.entries(r.delivery.unexpectedCloses || {});
    return e.length ? e.map(([k, v]) => `${v} × ${k}`).join(', ') : '0';
};

if (fs.existsSync(path.join(dir, 'run-info.txt'))) {
    console.log('```');
    console.log(fs.readFileSync(path.join(dir, 'run-info.txt'), 'utf8').trim());
    console.log('```\n');
}

function table(label, title) {
    const present = sizes.filter((n) => get('bonbu', label, n) || get('yardstick', label, n));
    if (!present.length) return;
    console.log(`### ${title}\n`);
    console.log('| clients | server | connected | deliveries timed | p50 ms | p90 ms | p99 ms | max ms | lost | dup | unexpected closes | per update: first / last delivery, median ms | trigger median ms | CPU cores: server / clients / other |');
    console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
    for (const n of present) {
        const b = get('bonbu', label, n);
        const y = get('yardstick', label, n);
        for (const [name, r] of [['Bonbu', b], ['`ws` yardstick', y]]) {
            if (!r) continue;
            const L = r.latencyMs;
            console.log(
                `| ${fmt(n)} | ${name} | ${fmt(r.connect.opened)} | ${fmt(L.n)} | ${fmt(L.p50)} | ${fmt(L.p90)} | ${fmt(L.p99)} | ${fmt(L.max)} | ${fmt(r.delivery.lost)} | ${fmt(r.delivery.duplicates)} | ${closes(r)} | ${fmt(r.perUpdate.firstDeliveryMs.p50)} / ${fmt(r.perUpdate.lastDeliveryMs.p50)} | ${fmt(r.trigger.responseMs.p50)} | ${fmt(r.cpu.serverCores + (r.cpu.postgresCores || 0))} / ${fmt(r.cpu.clientCores)} / ${fmt(Math.max(0, r.cpu.otherCores))} |`,
            );
        }
        if (b && y) {
            console.log(`| ${fmt(n)} | **ratio** | | | ${ratio(b.latencyMs.p50, y.latencyMs.p50)} | ${ratio(b.latencyMs.p90, y.latencyMs.p90)} | ${ratio(b.latencyMs.p99, y.latencyMs.p99)} | ${ratio(b.latencyMs.max, y.latencyMs.max)} | | | | | | |`);
        }
    }
    console.log();
    const lines = [];
    for (const n of present) {
        for (const r of [get('bonbu', label, n), get('yardstick', label, n)].filter(Boolean)) {
            const A = r.latencyAfterClientParseMs;
            let s = `- ${r.target === 'bonbu' ? 'Bonbu' : 'yardstick'}, ${fmt(n)} clients: connected in ${fmt(r.connect.seconds)} s (${Object.entries(r.connect.extensions).map(([k, v]) => `${fmt(v)} × ${k}`).join(', ')}); ${fmt(r.warmupUpdates)} warm-up + ${fmt(r.measuredPerClient)} timed updates, ${fmt(r.frameBytes)}-byte messages; after the client's own inflate and parse p50 ${fmt(A.p50)} / p99 ${fmt(A.p99)} ms; server RSS ${fmt(r.serverRssMiB)} MiB; server CPU ${fmt(serverCpu(r).perUpdateMs)} ms per update (${fmt(serverCpu(r).perMessageUs)} µs per client); interrupts/softirqs ${fmt(r.cpu.irqCores)} and steal ${fmt(r.cpu.stealCores)} cores`;
            if (r.clientLoopDelayMs) s += `; client event-loop delay p99 ${fmt(r.clientLoopDelayMs.p99)} / max ${fmt(r.clientLoopDelayMs.max)} ms`;
            if (r.roundStartS !== null && r.roundStartS !== undefined) s += `; round ran ${fmt(r.roundStartS)}–${fmt(r.roundEndS)} s after the server's start`;
            if (r.serverMetrics) {
                const m = r.serverMetrics;
                s += `; /q/metrics: drops ${fmt(m.drops)}, resyncs ${fmt(m.resyncs)}, public sends ${fmt(m.sent)} (expected ${fmt(r.delivery.expectedMessages)}), GC ${fmt(m.gcPauses)} pauses / ${fmt(m.gcPauseMs)} ms, heap ${fmt(m.heapUsedMiB)} MiB, fan-out lag mean ${fmt(m.fanoutLagMeanMs)} ms`;
                s += `; CPU of PostgreSQL ${fmt(r.cpu.postgresCores)} cores, of the service's threads: ${Object.entries(r.cpu.serverThreadsCores || {}).slice(0, 6).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`;
            }
            if (r.delivery.resyncMessages) s += `; resync messages ${fmt(r.delivery.resyncMessages)}`;
            if (r.trigger.failed) s += `; **${r.trigger.failed} updates failed**: ${r.trigger.errors.join(' | ')}`;
            if (r.timeline && r.timeline.warning) s += `; **${r.timeline.warning}**`;
            lines.push(s + '.');
        }
    }
    console.log(lines.join('\n') + '\n');
}

if (contended.length) {
    console.log(
        `Repeated because other processes used the CPU during the round (the figures below are from the repeats): ${contended
            .map(({ f, r }) => `${f} (other processes ${fmt(r.cpu.otherCores)} cores; p50 ${fmt(r.latencyMs.p50)} / p99 ${fmt(r.latencyMs.p99)} ms)`)
            .join('; ')}.\n`,
    );
}
const busy = rounds.filter((r) => r.cpu.otherCores > 0.25);
if (busy.length) {
    console.log(`**Contended rounds kept:** ${busy.map((r) => `${r.target} ${r.label} ${fmt(r.clients)} (other processes ${fmt(r.cpu.otherCores)} cores)`).join('; ')}.\n`);
}

table('measured', 'After warm-up');
table('first-minute', 'First minute after start (nothing excluded)');

console.log('### Targets\n');
const verdict = (ok) => (ok ? '**met**' : '**not met**');
const b10 = get('bonbu', 'measured', 10000);
if (b10) {
    const ok = b10.latencyMs.p99 <= 250 && b10.delivery.lost === 0 && b10.connect.opened === 10000;
    console.log(`- 10,000 clients, p99 ≤ 250 ms with zero lost: ${verdict(ok)} (p99 ${fmt(b10.latencyMs.p99)} ms, lost ${fmt(b10.delivery.lost)}, connected ${fmt(b10.connect.opened)}).`);
} else console.log('- 10,000 clients: not run.');
const b1 = get('bonbu', 'measured', 1000);
if (b1) {
    console.log(`- 1,000 clients, p50 ≤ 50 ms: ${verdict(b1.latencyMs.p50 <= 50 && b1.delivery.lost === 0)} (p50 ${fmt(b1.latencyMs.p50)} ms, lost ${fmt(b1.delivery.lost)}).`);
} else console.log('- 1,000 clients: not run.');
