'use strict';
// The yardstick: a plain Node.js `ws` broadcast server on 127.0.0.1 with the service's message
// shape. `POST /broadcast?bytes=N` builds one message {"seq","type","at","data"} (`at` taken just
// before serialising, padded to about N bytes), serialises it once into one Buffer and sends that
// Buffer to every open client on /ws/public. `GET /health` answers the number of clients.
// Default `ws` server options, so permessage-deflate is not negotiated, as with any plain `ws`
// server. Exits by itself after --max-seconds.
//
//   node yardstick-server.js --port 18080 [--max-seconds 900]

const http = require('node:http');
const { performance } = require('node:perf_hooks');
const { WebSocketServer, WebSocket } = require('ws');

function arg(name, dflt) {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const port = Number(arg('port', 0));
const maxSeconds = Number(arg('max-seconds', 900));

/** Now as an ISO-8601 instant with microseconds, like Java's Instant.toString(). */
function isoMicros() {
    const ms = performance.timeOrigin + performance.now();
    const whole = Math.floor(ms);
    const micros = Math.floor((ms - whole) * 1000);
    const iso = new Date(whole).toISOString(); // ...T12:34:56.789Z
    return iso.slice(0, -1) + String(micros).padStart(3, '0') + 'Z';
}

let seq = 0;
const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/health') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ status: 'UP', clients: wss.clients.size }));
        return;
    }
    if (req.method === 'POST' && url.pathname === '/broadcast') {
        req.resume();
        req.on('end', () => {
            const bytes = Math.max(0, Number(url.searchParams.get('bytes') || 0));
            seq++;
            const at = isoMicros();
            const message = {
                seq,
                type: 'component.effective_status_changed',
                at,
                data: { changes: [{ to: 'degraded_performance', from: 'operational', keys: ['gov24-guidance'], causes: [] }], pad: '' },
            };
            const bare = Buffer.byteLength(JSON.stringify(message));
            message.data.pad = 'x'.repeat(Math.max(0, bytes - bare));
            const frame = Buffer.from(JSON.stringify(message)); // serialised once
            let sent = 0;
            for (const client of wss.clients) {
                if (client.readyState === WebSocket.OPEN) {
                    client.send(frame, { binary: false });
                    sent++;
                }
            }
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ seq, at, sent, bytes: frame.length }));
        });
        return;
    }
    res.writeHead(404);
    res.end();
});
const wss = new WebSocketServer({ server, path: '/ws/public' });
wss.on('connection', (ws) => ws.on('error', () => {}));

server.listen(port, '127.0.0.1', 4096, () => {
    console.log(`yardstick listening on 127.0.0.1:${server.address().port}`);
});
const stop = () => {
    for (const c of wss.clients) c.terminate();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setTimeout(() => {
    console.error(`yardstick: still running after ${maxSeconds} s; exiting`);
    stop();
}, maxSeconds * 1000).unref();
