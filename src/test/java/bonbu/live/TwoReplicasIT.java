package bonbu.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.EmbeddedDatabase;
import bonbu.support.LiveTestClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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
    private static final List<Process> replicas = new ArrayList<>();
    private static int portA;
    private static int portB;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "it-db"), false);
        db.recreateDatabase();
        portA = freePort();
        portB = freePort();
        // One after the other: the first creates the administrator in the empty database.
        replicas.add(start(portA, "a"));
        awaitReady(portA);
        replicas.add(start(portB, "b"));
        awaitReady(portB);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : replicas) {
            p.destroy();
            p.waitFor();
        }
        if (db != null) db.close();
    }

    @Test
    void aChangeMadeThroughOneReplicaReachesAClientOfTheOther() throws Exception {
        String key = "replica-" + Long.toString(System.nanoTime(), 36);
        try (LiveTestClient client =
                LiveTestClient.connect(URI.create("http://127.0.0.1:" + portB + "/ws/public"), null, null, null)) {
            Thread.sleep(300);
            HttpResponse<String> created = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + portA + "/api/components"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
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

    private static Process start(int port, String name) throws IOException {
        String jar = System.getProperty("bonbu.app.jar", "target/quarkus-app/quarkus-run.jar");
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar);
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("BONBU_ADMIN_USERNAME", ADMIN);
        env.put("BONBU_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File("target/it-replica-" + name + ".log"));
        return pb.start();
    }

    private static void awaitReady(int port) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("replica on port " + port + " did not become ready; see target/it-replica-*.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
