package bonbu.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A websocket client that behaves like the pages' {@code live.js}: after any close or error it
 * reconnects with jittered exponential backoff (0.25–0.5 s first, doubling to 30 s) and resumes
 * with {@code ?since=<last seq>}. It records every message (so duplicates show), every close with
 * its code, and when each connection opened, for the topology rehearsal.
 */
public final class ResumingClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService TIMERS = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "resuming-client");
        t.setDaemon(true);
        return t;
    });

    /** One received message: its seq, its type, its {@code at} and when it arrived (epoch micros). */
    public record Received(long seq, String type, String at, long receivedMicros) {}

    private final HttpClient http;
    private final String base;
    private volatile long since;
    private volatile int attempt;
    private volatile boolean stopped;
    private volatile WebSocket socket;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> closes = new CopyOnWriteArrayList<>();
    private final List<Long> opens = new CopyOnWriteArrayList<>();
    private final List<Long> drops = new CopyOnWriteArrayList<>();
    private volatile int resyncs;

    public ResumingClient(HttpClient http, URI wsBase, long since) {
        this.http = http;
        this.base = wsBase.toString();
        this.since = since;
        open();
    }

    private void open() {
        if (stopped) return;
        http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base + "?since=" + since), new Listener())
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        closes.add("connect failed: " + failure.getClass().getSimpleName());
                        schedule();
                    } else {
                        socket = ws;
                        attempt = 0;
                        opens.add(System.nanoTime());
                    }
                });
    }

    private void schedule() {
        if (stopped) return;
        attempt++;
        long ceiling = Math.min(30_000, 500L << Math.min(attempt - 1, 10));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        TIMERS.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private boolean ended;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                java.time.Instant t = java.time.Instant.now();
                long now = t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = JSON.readValue(partial.toString(), Map.class);
                    long seq = ((Number) m.get("seq")).longValue();
                    String type = String.valueOf(m.get("type"));
                    if ("resync".equals(type)) {
                        resyncs++;
                    } else {
                        received.add(new Received(seq, type, String.valueOf(m.get("at")), now));
                    }
                    if (seq > since) since = seq;
                } catch (Exception e) {
                    closes.add("unparsable message");
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            ended(code + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended("error " + error.getClass().getSimpleName());
        }

        private synchronized void ended(String how) {
            if (ended) return;
            ended = true;
            drops.add(System.nanoTime());
            closes.add(how);
            schedule();
        }
    }

    public boolean isOpen() {
        WebSocket ws = socket;
        return ws != null && !ws.isInputClosed() && !ws.isOutputClosed();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<String> closes() {
        return new ArrayList<>(closes);
    }

    /** {@link System#nanoTime()} of every successful open. */
    public List<Long> opens() {
        return new ArrayList<>(opens);
    }

    /** {@link System#nanoTime()} of every close or error of an open connection. */
    public List<Long> drops() {
        return new ArrayList<>(drops);
    }

    public int resyncs() {
        return resyncs;
    }

    @Override
    public void close() {
        stopped = true;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
    }
}
