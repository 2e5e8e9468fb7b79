package bonbu.shared.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.PackagedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's run command on its embedded PostgreSQL, as a person would meet it: a second start
 * on the same data directory is refused and leaves the first serving; a PostgreSQL killed under
 * the running service comes back with nothing lost. Runs after packaging (failsafe).
 */
class EmbeddedModeIT {

    private static final Path DATA = Path.of("target", "it-embedded-mode");
    private static final String COMMANDER = PackagedService.basic("commander", "bonbu-demo");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PackagedService first;

    @BeforeAll
    static void start() throws Exception {
        if (Files.exists(DATA)) {
            EmbeddedDatabase.start(DATA, false).close(); // stops what an interrupted run left
            try (Stream<Path> files = Files.walk(DATA)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        first = PackagedService.demo(DATA, "embedded-first").awaitReady();
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) first.close();
    }

    @Test
    void aSecondStartOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsServing() throws Exception {
        long postmaster = postmasterPid();

        PackagedService second = PackagedService.demo(DATA, "embedded-second");
        int exit = second.awaitExit(Duration.ofSeconds(60));
        String said = second.log();
        assertNotEquals(0, exit, said);
        assertTrue(said.contains("Bonbu refuses to start: the data directory"), said);
        assertTrue(said.contains("is in use by process " + first.pid()), said);
        assertTrue(said.contains("PostgreSQL on 127.0.0.1:"), said);

        assertEquals(postmaster, postmasterPid(), "the first instance's PostgreSQL was not touched");
        assertTrue(EmbeddedDatabase.alive(postmaster));
        assertEquals(200, setStatus("saeol", "degraded_performance").statusCode());
        assertEquals(200, get("/api/components/saeol").statusCode());
        assertEquals(200, setStatus("saeol", "operational").statusCode());
    }

    @Test
    void aPostgresKilledUnderTheServiceIsStartedAgainAndTheTimelineHasNoGap() throws Exception {
        HttpResponse<String> before = setStatus("gov24", "partial_outage");
        assertEquals(200, before.statusCode(), before.body());
        long killed = postmasterPid();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        // Until it is back, staff writes answer 503 (never a 500) and the replica stays ready.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> after = null;
        List<Integer> answers = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            after = setStatus("gov24", "operational");
            answers.add(after.statusCode());
            assertTrue(after.statusCode() == 200 || after.statusCode() == 503, after.body());
            assertEquals(200, get("/q/health/ready").statusCode(), "readiness stays up");
            if (after.statusCode() == 200) break;
            Thread.sleep(200);
        }
        assertEquals(200, after.statusCode(), "a write succeeds within 30 s; answers: " + answers);
        assertNotEquals(killed, postmasterPid(), "a new PostgreSQL runs");

        // The pool and the timeline listener reconnect: wellness is all up again.
        long settled = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> wellness = get("/q/health/well");
        while (wellness.statusCode() != 200 && System.nanoTime() < settled) {
            Thread.sleep(200);
            wellness = get("/q/health/well");
        }
        assertEquals(200, wellness.statusCode(), wellness.body());
        JsonNode well = JSON.readTree(wellness.body());
        JsonNode database = null;
        for (JsonNode check : well.get("checks")) {
            if (check.get("name").asText().equals("Database")) database = check;
        }
        assertEquals("UP", database.get("status").asText(), well.toString());
        assertTrue(database.get("data").get("embeddedRestarts").asInt() >= 1, well.toString());

        // Every entry from the first to the last, in one unbroken run of seqs, with both writes.
        List<JsonNode> entries = new ArrayList<>();
        long since = 0;
        boolean more = true;
        while (more) {
            JsonNode page = JSON.readTree(
                    get("/api/timeline?since=" + since + "&limit=1000").body());
            page.get("entries").forEach(entries::add);
            since = page.get("next").asLong();
            more = page.get("more").asBoolean();
        }
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(
                    entries.get(i - 1).get("seq").asLong() + 1,
                    entries.get(i).get("seq").asLong(),
                    "no gap in the timeline");
        }
        long gov24Changes = entries.stream()
                .filter(e -> e.toString().contains("\"gov24\"")
                        && e.get("type").asText().startsWith("component.status"))
                .count();
        assertTrue(gov24Changes >= 2, "both writes are in the timeline");
        assertTrue(get("/api/timeline/verify").body().contains("\"OK\""), "the hash chain verifies");
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(DATA.resolve("postgres/postmaster.pid"), StandardCharsets.UTF_8)
                .get(0)
                .trim());
    }

    private static HttpResponse<String> setStatus(String key, String status) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(first.uri("/api/components/" + key + "/status"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", COMMANDER)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"status\":\"" + status + "\",\"reason\":\"embedded mode test\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(first.uri(path))
                        .header("Authorization", COMMANDER)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
