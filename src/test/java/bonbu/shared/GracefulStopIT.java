package bonbu.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.LiveTestClient;
import bonbu.support.PackagedService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged service, as Docker and Kubernetes send it: websocket clients are told to
 * reconnect elsewhere (close code 1012 with a reason), readiness goes down, new websockets and then
 * new requests are refused with 503, a request already in flight still gets its answer, and the
 * process exits soon after rather than at the end of the timeout.
 */
class GracefulStopIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "graceful-stop-secret";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static EmbeddedDatabase db;
    private static PackagedService service;
    private static String auth;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "it-db-graceful-stop"), false);
        db.recreateDatabase();
        service = PackagedService.start(db, "graceful-stop", ADMIN, PASSWORD, Map.of("BONBU_SHUTDOWN_DELAY", "3s"))
                .awaitReady();
        auth = service.bearer(ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
        if (db != null) db.close();
    }

    @Test
    void aStoppingReplicaSendsItsClientsElsewhereAndFinishesWhatItStarted() throws Exception {
        String key = "graceful-" + Long.toString(System.nanoTime(), 36);
        byte[] body = ("{\"key\":\"" + key + "\",\"name\":\"정지\",\"group\":\"시험\",\"kind\":\"PUBLIC_SERVICE\","
                        + "\"tier\":3,\"public\":true}")
                .getBytes(StandardCharsets.UTF_8);
        try (LiveTestClient client = LiveTestClient.connect(service.uri("/ws/public"), null, null, null);
                Socket inFlight = new Socket("127.0.0.1", service.port())) {
            // A request whose headers have arrived but whose body has not: it is in flight.
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /api/components HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Authorization: " + auth + "\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(500);

            long stopAt = System.nanoTime();
            service.signalStop();

            String closed = client.awaitClose(10);
            assertNotNull(closed, "the websocket client was not closed by the stopping replica");
            assertTrue(closed.startsWith("1012 "), "close code 1012 (service restart): " + closed);
            assertTrue(closed.contains("reconnect"), "the reason says to reconnect: " + closed);

            // Still answering during the delay, but out of rotation and refusing new websockets.
            assertEquals(503, get("/q/health/ready").statusCode(), "readiness is down while stopping");
            assertEquals(200, get("/").statusCode(), "the public page is still served during the delay");
            assertUpgradeRefused();

            // After the delay: new requests are refused ...
            Thread.sleep(Math.max(0, 3_500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopAt)));
            assertEquals(503, get("/api/v2/status.json").statusCode(), "new requests are refused after the delay");

            // ... while the one in flight completes.
            out.write(body);
            out.flush();
            inFlight.setSoTimeout(10_000);
            String status = new BufferedReader(new InputStreamReader(inFlight.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertEquals("HTTP/1.1 201 Created", status, "the request in flight was answered");
        }
        int code = service.awaitExit(Duration.ofSeconds(15));
        assertTrue(code == 0 || code == 143, "exit code " + code);
        assertTrue(service.log().contains("none in flight"), "the replica waited for nothing left in flight");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(service.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertUpgradeRefused() throws InterruptedException {
        try {
            WebSocket ws = HTTP.newWebSocketBuilder()
                    .buildAsync(
                            java.net.URI.create("ws://127.0.0.1:" + service.port() + "/ws/public"),
                            new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            ws.abort();
            fail("a stopping replica accepted a new websocket");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            assertTrue(
                    cause instanceof WebSocketHandshakeException h
                            && h.getResponse().statusCode() == 503,
                    "refused with 503: " + cause);
        } catch (java.util.concurrent.TimeoutException e) {
            fail("no answer to the websocket upgrade");
        }
    }
}
