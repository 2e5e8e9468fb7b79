package bonbu.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real websocket client for tests: collects every message it receives, parsed. */
public final class LiveTestClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinkedBlockingQueue<Map<String, Object>> inbox = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private volatile String closedWith;

    private LiveTestClient(WebSocket.Builder builder, URI uri) throws Exception {
        socket = builder.connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                @SuppressWarnings("unchecked")
                                Map<String, Object> message = JSON.readValue(partial.toString(), Map.class);
                                inbox.add(message);
                            } catch (Exception e) {
                                inbox.add(Map.of("type", "unparsable", "data", Map.of("text", partial.toString())));
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closedWith = code + " " + reason;
                        return null;
                    }
                })
                .get(15, TimeUnit.SECONDS);
    }

    /** Connects to {@code http://…/ws/x} (given as the HTTP test URI), optionally signed in and with an Origin. */
    public static LiveTestClient connect(URI httpUri, Long since, String user, String origin) throws Exception {
        String ws = httpUri.toString().replaceFirst("^http", "ws") + (since == null ? "" : "?since=" + since);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (user != null) {
            String token =
                    Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        if (origin != null) builder.header("Origin", origin);
        return new LiveTestClient(builder, URI.create(ws));
    }

    /** Waits for the first message that matches, failing after {@code seconds}; earlier ones are kept in {@code seen}. */
    public Map<String, Object> await(Predicate<Map<String, Object>> wanted, List<Map<String, Object>> seen, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Map<String, Object> m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (m == null) continue;
            seen.add(m);
            if (wanted.test(m)) return m;
        }
        fail("no matching message within " + seconds + " s; got " + seen.size() + " others; closed: " + closedWith);
        return null;
    }

    /** Everything received so far and within {@code millis} more. */
    public List<Map<String, Object>> drain(long millis) throws InterruptedException {
        List<Map<String, Object>> all = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            Map<String, Object> m = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (m != null) all.add(m);
        }
        return all;
    }

    /** How the server closed the connection ("code reason"), waiting up to {@code seconds}; null if it did not. */
    public String awaitClose(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (closedWith == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return closedWith;
    }

    public static long seq(Map<String, Object> message) {
        return ((Number) message.get("seq")).longValue();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }
}
