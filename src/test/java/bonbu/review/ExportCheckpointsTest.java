package bonbu.review;

import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resolving an incident takes a signed checkpoint, and the incident's exports carry it. */
@QuarkusTest
class ExportCheckpointsTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitResolutionCheckpoint(String number) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<Map<String, Object>> listed = given().get("/checkpoints.json")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("checkpoints");
            for (Map<String, Object> c : listed) {
                if ("resolution".equals(c.get("reason")) && number.equals(c.get("incident"))) return c;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no checkpoint for the resolution of " + number + " in " + listed);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void resolvingTakesACheckpointThatEveryExportCarries() {
        String key = Api.uniqueKey("anchor");
        Api.createComponent(key);
        String number = Api.declare(key, "검증점 " + key);
        as("comms")
                .body(Map.of("status", "resolved", "message", Map.of("ko", "복구 완료")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        List<Map<String, Object>> entries = as("viewer")
                .get("/api/incidents/{n}/timeline", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten()");
        long resolved = entries.stream()
                .filter(e -> "incident.update_published".equals(e.get("type"))
                        && "resolved".equals(((Map<?, ?>) e.get("data")).get("status")))
                .mapToLong(e -> ((Number) e.get("seq")).longValue())
                .max()
                .orElseThrow();

        Map<String, Object> checkpoint = awaitResolutionCheckpoint(number);
        long seq = ((Number) checkpoint.get("seq")).longValue();
        assertTrue(seq >= resolved, "the checkpoint covers the resolution");
        String signature = (String) checkpoint.get("signature");

        JsonPath doc = as("viewer")
                .get("/api/incidents/{n}/export?format=json", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(doc.getList("checkpoints.covering.seq", Long.class).contains(seq));
        assertEquals(seq, doc.getLong("checkpoints.covering[-1].seq"), "the resolution's checkpoint pins the record");
        assertTrue(doc.getBoolean("checkpoints.pinned"));
        assertEquals("Ed25519", doc.getString("checkpoints.algorithm"));
        assertEquals(
                given().get("/checkpoints.json").jsonPath().getString("keys[0].publicKey"),
                doc.getString("checkpoints.keys[0].publicKey"));
        assertEquals("OK", doc.getString("verification.status"));
        assertTrue(doc.getInt("verification.checkpoints.checked") >= 1, "its checkpoints were checked");

        String md = as("viewer")
                .get("/api/incidents/{n}/export?format=markdown", number)
                .then()
                .extract()
                .asString();
        assertTrue(md.contains("## Signed checkpoints"));
        assertTrue(md.contains("seq " + seq + " · hash " + checkpoint.get("hash")));
        assertTrue(md.contains(signature));
        assertTrue(md.contains("signed checkpoint"), "the verification line says checkpoints agree");
        String csv = as("viewer")
                .get("/api/incidents/{n}/export?format=csv", number)
                .then()
                .extract()
                .asString();
        assertTrue(csv.contains("\r\n" + seq + "," + checkpoint.get("at") + ",,checkpoint,"), csv);
        assertTrue(csv.contains(signature));
        String html = as("viewer")
                .get("/api/incidents/{n}/export?format=html", number)
                .then()
                .extract()
                .asString();
        assertTrue(html.contains("id=\"checkpoints\""));
        assertTrue(html.contains(signature));
    }
}
