package bonbu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.LiveTestClient;
import bonbu.support.PackagedService;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service on one PostgreSQL: a change made through one reaches a
 * websocket client of the other, through the database alone. Runs after packaging (failsafe).
 */
class TwoReplicasIT {

    private static final String ADMIN = "chief";
    private static final String ADMIN_PASSWORD = "two-replicas-secret";
    private static EmbeddedDatabase db;
    private static PackagedService replicaA;
    private static PackagedService replicaB;
    private static String adminAuth;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "it-db"), false);
        db.recreateDatabase();
        // One after the other: the first creates the administrator in the empty database.
        replicaA = PackagedService.start(db, "replica-a", ADMIN, ADMIN_PASSWORD, Map.of())
                .awaitReady();
        replicaB = PackagedService.start(db, "replica-b", ADMIN, ADMIN_PASSWORD, Map.of())
                .awaitReady();
        adminAuth = replicaA.bearer(ADMIN, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedService replica : new PackagedService[] {replicaA, replicaB}) {
            if (replica != null) replica.close();
        }
        if (db != null) db.close();
    }

    @Test
    void theProdProfileRefusesHttpBasicAndTakesTheTokenOnEveryReplica() throws Exception {
        for (PackagedService replica : new PackagedService[] {replicaA, replicaB}) {
            HttpResponse<String> basic = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(replica.uri("/api/accounts"))
                                    .header("Authorization", PackagedService.basic(ADMIN, ADMIN_PASSWORD))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(401, basic.statusCode(), basic.body());
            assertEquals(
                    "Bearer realm=\"bonbu\"",
                    basic.headers().firstValue("WWW-Authenticate").orElse(""));
            HttpResponse<String> bearer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(replica.uri("/api/accounts"))
                                    .header("Authorization", adminAuth)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, bearer.statusCode(), bearer.body());
        }
    }

    @Test
    void aChangeMadeThroughOneReplicaReachesAClientOfTheOther() throws Exception {
        String key = "replica-" + Long.toString(System.nanoTime(), 36);
        try (LiveTestClient client = LiveTestClient.connect(replicaB.uri("/ws/public"), null, null, null)) {
            Thread.sleep(300);
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(replicaA.uri("/api/components"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", adminAuth)
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key
                                            + "\",\"name\":{\"ko\":\"복제\",\"en\":\"Replica\"},\"group\":\"시험\","
                                            + "\"kind\":\"PUBLIC_SERVICE\",\"tier\":2,\"public\":true}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            List<Map<String, Object>> seen = new ArrayList<>();
            Map<String, Object> m = client.await(
                    msg -> "component.created".equals(msg.get("type"))
                            && msg.toString().contains(key),
                    seen,
                    30);
            assertTrue(((Number) m.get("seq")).longValue() > 0);
        }
    }
}
