package bonbu.live;

import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static bonbu.support.LiveTestClient.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.LiveTestClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/ws/public")
    URI publicUri;

    @TestHTTPResource("/ws/console")
    URI consoleUri;

    @Test
    void aPublicClientReceivesAChangeMadeThroughTheApi() throws Exception {
        String key = uniqueKey("live");
        createComponent(key);
        try (LiveTestClient client = LiveTestClient.connect(publicUri, null, null, null)) {
            Thread.sleep(200); // let the connection register before the change
            setStatus(key, "major_outage");
            List<Map<String, Object>> seen = new ArrayList<>();
            Map<String, Object> m = client.await(
                    msg -> "component.effective_status_changed".equals(msg.get("type"))
                            && msg.toString().contains(key),
                    seen,
                    15);
            assertNotNull(m.get("seq"));
            assertNotNull(m.get("at"));
            assertFalse(m.containsKey("actor"), "the public feed does not say who did it");
        }
    }

    @Test
    void resumingWithSinceGivesEveryEntryExactlyOnceWhileWritesContinue() throws Exception {
        String key = uniqueKey("resume");
        createComponent(key);
        long start = lastSeq();
        int writes = 24;
        ExecutorService writer = Executors.newSingleThreadExecutor();
        List<Long> received = new ArrayList<>();
        Future<?> writing;
        try (LiveTestClient first = LiveTestClient.connect(consoleUri, start, "viewer", null)) {
            writing = writer.submit(() -> {
                for (int i = 0; i < writes; i++) {
                    setStatus(key, i % 2 == 0 ? "partial_outage" : "operational");
                }
            });
            // take a few, then drop the connection mid-stream
            List<Map<String, Object>> seen = new ArrayList<>();
            first.await(m -> seq(m) >= start + 5, seen, 20);
            seen.forEach(m -> received.add(seq(m)));
        }
        long resumeFrom = received.get(received.size() - 1);
        Thread.sleep(300); // writes go on while disconnected
        try (LiveTestClient second = LiveTestClient.connect(consoleUri, resumeFrom, "viewer", null)) {
            writing.get(60, TimeUnit.SECONDS);
            long end = lastSeq();
            List<Map<String, Object>> seen = new ArrayList<>();
            if (end > resumeFrom) second.await(m -> seq(m) >= end, seen, 20);
            seen.forEach(m -> received.add(seq(m)));
        }
        writer.shutdown();
        long end = lastSeq();
        List<Long> expected = new ArrayList<>();
        for (long s = start + 1; s <= end; s++) expected.add(s);
        assertEquals(expected, received, "no gap and no duplicate across the reconnect");
    }

    @Test
    void aPublicClientNeverReceivesAStaffEntry() throws Exception {
        long start = lastSeq();
        String hidden = uniqueKey("staff-only");
        String shown = uniqueKey("shown");
        try (LiveTestClient client = LiveTestClient.connect(publicUri, start, null, null)) {
            as("admin")
                    .body(component(hidden, 2, false))
                    .post("/api/components")
                    .then()
                    .statusCode(201);
            setStatus(hidden, "major_outage"); // staff-only facts
            createComponent(shown); // public
            setStatus(shown, "degraded_performance");
            long end = lastSeq();
            List<Map<String, Object>> seen = new ArrayList<>();
            client.await(m -> seq(m) >= end - 1 && m.toString().contains(shown), seen, 15);
            seen.addAll(client.drain(500));
            List<Map<String, Object>> all = as("viewer")
                    .get("/api/timeline?since={s}&limit=1000", start)
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("entries");
            List<Long> publicSeqs = all.stream()
                    .filter(e -> "PUBLIC".equals(e.get("audience")))
                    .map(e -> ((Number) e.get("seq")).longValue())
                    .filter(s -> s <= end)
                    .toList();
            List<Long> got =
                    seen.stream().map(LiveTestClient::seq).filter(s -> s <= end).toList();
            assertEquals(publicSeqs, got, "exactly the public entries, in order");
            assertFalse(seen.stream()
                    .map(Object::toString)
                    .collect(Collectors.joining())
                    .contains(hidden));
        }
    }

    @Test
    void theConsoleFeedRefusesAnonymousClients() {
        ExecutionException e =
                assertThrows(ExecutionException.class, () -> LiveTestClient.connect(consoleUri, null, null, null));
        assertTrue(e.getCause() instanceof WebSocketHandshakeException, e.toString());
        assertEquals(
                401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
    }

    @Test
    void theConsoleFeedRefusesAnotherSitesOrigin() throws Exception {
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> LiveTestClient.connect(consoleUri, null, "viewer", "https://evil.example"));
        assertEquals(
                403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        String own = "http://" + consoleUri.getHost() + ":" + consoleUri.getPort();
        try (LiveTestClient client = LiveTestClient.connect(consoleUri, null, "viewer", own)) {
            assertNotNull(client);
        }
    }

    @Test
    void aClientThatMissedTooMuchIsToldToResync() throws Exception {
        // More than the replay bound: each new component is at least one entry.
        for (long seq = lastSeq(); seq <= 1100; seq++) {
            createComponent(uniqueKey("pad"));
        }
        try (LiveTestClient client = LiveTestClient.connect(consoleUri, 0L, "viewer", null)) {
            List<Map<String, Object>> seen = new ArrayList<>();
            Map<String, Object> m = client.await(msg -> true, seen, 15);
            assertEquals("resync", m.get("type"));
            // and then it is live
            String key = uniqueKey("after-resync");
            createComponent(key);
            client.await(msg -> msg.toString().contains(key), seen, 15);
        }
    }

    @Test
    void theClientHelperIsServedAndTheFeedIsMeasured() throws Exception {
        io.restassured.RestAssured.given()
                .get("/static/live.js")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("BonbuLive"));
        try (LiveTestClient client = LiveTestClient.connect(publicUri, null, null, null)) {
            Thread.sleep(200);
            String metrics = as("viewer")
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(
                    metrics.contains("bonbu_live_connections{endpoint=\"public\"}"), "open connections per endpoint");
            assertTrue(metrics.contains("bonbu_live_messages_sent_total"));
            assertTrue(metrics.contains("bonbu_live_drops_total"));
            assertTrue(metrics.contains("bonbu_live_resyncs_total"));
            assertTrue(metrics.contains("bonbu_live_fanout_lag_seconds"));
        }
    }

    @Test
    void readinessSaysThisReplicaCanServeAndWellnessReportsTheDatabaseAndTheListener() {
        io.restassured.RestAssured.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'Public site' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Database")));
        io.restassured.RestAssured.given()
                .get("/q/health/well")
                .then()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("Timeline listener", "Database"))
                .body("checks.find { it.name == 'Timeline listener' }.status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
