package bonbu.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.shared.embedded.EmbeddedDatabase;
import bonbu.support.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service keeps its public pages and JSON up while PostgreSQL is stopped, saying how
 * old they are, while the replica stays ready, wellness reports the database down and staff writes fail fast with a 503.
 * Runs after packaging (failsafe), on its own PostgreSQL.
 */
class PublicPagesSurviveDatabaseStopIT {

    private static final String ADMIN = "chief";
    private static final String PASSWORD = "survive-secret";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedDatabase db;
    private static PackagedService service;
    private static String adminAuth;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "it-db-public"), false);
        db.recreateDatabase();
        service = PackagedService.start(
                        db, "public-survives", ADMIN, PASSWORD, Map.of("BONBU_STATUSPAGE_REFRESH_EVERY", "1s"))
                .awaitReady();
        adminAuth = service.bearer(ADMIN, PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
        if (db != null) db.close();
    }

    @Test
    void publicPagesKeepAnsweringFromTheLastSnapshotWhileTheDatabaseIsDown() throws Exception {
        String key = "survivor-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(uri("/api/components"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", adminAuth)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key
                                + "\",\"name\":{\"ko\":\"살아남는 서비스\",\"en\":\"Surviving service\"},"
                                + "\"group\":\"시험\",\"kind\":\"PUBLIC_SERVICE\",\"tier\":1,\"public\":true,"
                                + "\"status\":\"partial_outage\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        await("/", r -> r.body().contains(key), 30);

        db.close();
        db = null;

        // The periodic refresh notices the outage and marks the page with the time it is from.
        HttpResponse<String> stale = await("/", r -> r.body().contains("class=\"asof stale\""), 30);
        assertEquals(200, stale.statusCode());
        assertTrue(stale.body().contains("살아남는 서비스"), "the last snapshot is still shown");
        assertTrue(stale.body().contains("서버와 연결이 원활하지 않아"), "and says it is stale");
        HttpResponse<String> english = get("/en/");
        assertEquals(200, english.statusCode());
        assertTrue(english.body().contains("We cannot reach our servers right now"));
        for (String path :
                new String[] {"/api/v2/summary.json", "/api/v2/components.json", "/history", "/history.atom"}) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
        }
        assertTrue(get("/api/v2/summary.json").body().contains(key));

        // The replica stays in rotation (it serves the snapshot); wellness reports the database down.
        assertEquals(200, get("/q/health/ready").statusCode(), "still ready: the public site is served");
        HttpResponse<String> well = get("/q/health/well");
        assertEquals(503, well.statusCode(), "wellness reports the database down");
        assertTrue(well.body().contains("Database"), well.body());
        long started = System.nanoTime();
        HttpResponse<String> write = HTTP.send(
                HttpRequest.newBuilder(uri("/api/components"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", adminAuth)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + key + "-late\","
                                + "\"name\":\"늦은\",\"group\":\"시험\",\"kind\":\"PUBLIC_SERVICE\",\"tier\":1,"
                                + "\"public\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, write.statusCode(), write.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 10, "fails fast");
    }

    private static HttpResponse<String> await(String path, Predicate<HttpResponse<String>> ok, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (ok.test(last)) return last;
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not reach the expected state in " + seconds + " s; last: "
                + (last == null
                        ? "no answer"
                        : last.statusCode() + " "
                                + last.body()
                                        .substring(0, Math.min(300, last.body().length())))
                + "; see target/it-public-survives.log");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return service.uri(path);
    }
}
