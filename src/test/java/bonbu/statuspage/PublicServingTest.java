package bonbu.statuspage;

import static bonbu.statuspage.PublicSite.awaitSnapshot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How public documents are served: from memory, without the database, and mirrored to disk. */
@QuarkusTest
class PublicServingTest {

    @Inject
    PublicSnapshot snapshot;

    @Inject
    PublicDatabaseGuard guard;

    @Inject
    AgroalDataSource dataSource;

    static double metric(String name) {
        // Metrics are for staff (MetricsAccessTest).
        String text = Api.as("viewer").get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$")
                .matcher(text);
        if (!m.find()) throw new AssertionError(name + " is not exported");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void publicRequestsTakeNoDatabaseConnection() {
        awaitSnapshot();
        double queries = metric("bonbu_public_db_queries_total");
        double served = metric("bonbu_public_requests_total");
        List<String> paths = List.of(
                "/",
                "/en/",
                "/history",
                "/history.atom",
                "/api/v2/summary.json",
                "/api/v2/incidents.json",
                "/en/api/v2/components.json",
                "/live/notices.html");
        for (int i = 0; i < 40; i++) {
            for (String path : paths) given().get(path).then().statusCode(200);
        }
        assertEquals(served + 40 * paths.size(), metric("bonbu_public_requests_total"), "all counted as public");
        assertEquals(queries, metric("bonbu_public_db_queries_total"), "no connection taken while serving them");
    }

    @Test
    void theGuardCountsAConnectionTakenWhileServing() throws Exception {
        double before = guard.counter().count();
        guard.enter();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("SELECT 1");
        } finally {
            guard.exit();
        }
        assertEquals(before + 1, guard.counter().count(), "the pool interceptor sees the public request's query");
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("SELECT 1");
        }
        assertEquals(before + 1, guard.counter().count(), "other work is not counted");
    }

    @Test
    void mirrorFilesMatchTheLiveResponses() throws Exception {
        String key = Api.uniqueKey("mirror");
        Api.createComponent(key);
        awaitSnapshot();
        Path root = Path.of("target", "test-mirror");
        List<String> mismatches = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertTrue(snapshot.awaitIdle(15_000));
            mismatches.clear();
            Site site = snapshot.site();
            for (Map.Entry<String, Resource> e : site.resources().entrySet()) {
                Path file = root.resolve(StaticMirror.fileOf(e.getKey()));
                if (!Files.exists(file)) {
                    mismatches.add(e.getKey() + " has no file " + file);
                    continue;
                }
                Response live = given().get(e.getKey());
                if (!java.util.Arrays.equals(live.asByteArray(), Files.readAllBytes(file))) {
                    mismatches.add(e.getKey() + " differs from " + file);
                }
            }
            if (mismatches.isEmpty()) break;
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertTrue(Files.readString(root.resolve("index.html")).contains(key));
        assertTrue(Files.exists(root.resolve("en/index.html")));
        assertTrue(Files.exists(root.resolve("api/v2/scheduled-maintenances/upcoming.json")));
        assertTrue(Files.exists(root.resolve("history.atom")));
        for (String asset : StaticMirror.ASSETS) {
            assertArrayEquals(
                    given().get("/static/" + asset).asByteArray(),
                    Files.readAllBytes(root.resolve("static").resolve(asset)),
                    asset);
        }
    }
}
