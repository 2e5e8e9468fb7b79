package bonbu.checklist;

import static bonbu.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChecklistTest {

    @Inject
    RunbookLibrary library;

    @Inject
    AgroalDataSource dataSource;

    /** An incident on a fresh shared sign-in with a public service behind it. */
    static String incident() {
        String auth = Api.uniqueKey("cl-auth");
        String portal = Api.uniqueKey("cl-portal");
        Map<String, Object> shared = new HashMap<>(Api.component(auth, 1, false));
        shared.put("kind", "SHARED_INFRASTRUCTURE");
        as("admin").body(shared).post("/api/components").then().statusCode(201);
        Api.createComponent(portal);
        Api.depend(portal, auth, "REQUIRED");
        return Api.declare(auth, "인증 장애 " + auth);
    }

    static JsonPath instantiate(String number, String runbook) {
        return as("commander")
                .body(Map.of("runbook", runbook))
                .post("/api/incidents/{n}/checklists", number)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static io.restassured.response.ValidatableResponse step(
            String who, String number, long id, int pos, String verb, Map<String, ?> body) {
        return as(who).body(body)
                .post("/api/incidents/{n}/checklists/{id}/items/{p}/" + verb, number, id, pos)
                .then();
    }

    @Test
    void runbooksMatchingTheAffectedComponentsAreSuggested() {
        String number = incident();
        JsonPath suggested = as("viewer")
                .get("/api/incidents/{n}/runbooks", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = suggested.getList("id");
        assertTrue(ids.containsAll(List.of("gpki-signin-failure", "datacentre-network-failure")), ids.toString());
        assertTrue(
                ids.contains("first-working-day-after-outage"),
                "the public service affected through the sign-in: " + ids);
        assertTrue(suggested.getInt("find { it.id == 'gpki-signin-failure' }.expectedMinutes") > 0);
    }

    @Test
    void stepsAreCompletedWithEvidenceSkippedWithAReasonOrTurnedIntoTasks() {
        String number = incident();
        JsonPath checklist = instantiate(number, "gpki-signin-failure");
        long id = checklist.getLong("id");
        assertEquals(7, checklist.getInt("progress.total"));
        assertEquals(true, checklist.getBoolean("items[0].evidenceRequired"));

        step("responder", number, id, 1, "complete", Map.of())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("needs evidence"));
        step("responder", number, id, 1, "complete", Map.of("evidence", "패치 08:20 적용 확인"))
                .statusCode(200)
                .body("items[0].status", org.hamcrest.Matchers.equalTo("done"))
                .body("items[0].doneBy", org.hamcrest.Matchers.equalTo("responder"));
        step("responder", number, id, 1, "complete", Map.of("evidence", "again"))
                .statusCode(409)
                .body("detail", containsString("already done"));
        step("responder", number, id, 2, "skip", Map.of()).statusCode(400).body("detail", containsString("say why"));
        step("responder", number, id, 2, "skip", Map.of("reason", "네트워크팀이 별도 점검"))
                .statusCode(200);
        JsonPath tasked = step("commander", number, id, 5, "task", Map.of("assignee", "responder"))
                .statusCode(200)
                .extract()
                .jsonPath();
        long task = tasked.getLong("items[4].task");
        as("responder").get("/api/tasks?assignee=me").then().body("id", hasItem((int) task));

        JsonPath progress = as("viewer")
                .get("/api/incidents/{n}/checklists", number)
                .then()
                .extract()
                .jsonPath();
        assertEquals(1, progress.getInt("[0].progress.done"));
        assertEquals(1, progress.getInt("[0].progress.skipped"));
        assertEquals(5, progress.getInt("[0].progress.pending"));
        assertEquals(28, progress.getInt("[0].progress.percent"));
        assertEquals(170, progress.getInt("[0].progress.expectedMinutes"));
        assertTrue(progress.getLong("[0].items[0].spentMinutes") >= 0);

        List<String> types = as("viewer")
                .get("/api/incidents/{n}/timeline?type=checklist", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertEquals(
                List.of(
                        "checklist.created",
                        "checklist.item_completed",
                        "checklist.item_skipped",
                        "checklist.item_tasked"),
                types);
    }

    @Test
    void aChecklistKeepsTheRunbookItWasMadeFromWhenTheFileChanges() throws Exception {
        String first = incident();
        JsonPath before = instantiate(first, "citizen-portal-overload");
        Path file = Path.of("target", "test-runbooks", "citizen-portal-overload.yaml");
        String original = Files.readString(file);
        try {
            Files.writeString(file, original.replace("국민 포털(정부24) 과부하 대응", "과부하 대응 (개정판)"));
            library.reload();
            String second = incident();
            JsonPath after = instantiate(second, "citizen-portal-overload");
            assertEquals("과부하 대응 (개정판)", after.getString("title.ko"));
            assertNotEquals(before.getString("runbookVersion"), after.getString("runbookVersion"));
            JsonPath kept = as("viewer")
                    .get("/api/incidents/{n}/checklists", first)
                    .then()
                    .extract()
                    .jsonPath();
            assertEquals("국민 포털(정부24) 과부하 대응", kept.getString("[0].title.ko"), "the copy it was made from");
            assertEquals(before.getString("runbookVersion"), kept.getString("[0].runbookVersion"));
        } finally {
            Files.writeString(file, original);
            library.reload();
        }
    }

    @Test
    void theStoredCopyOfTheRunbookKeepsItsShape() throws Exception {
        String number = incident();
        long id = instantiate(number, "gpki-signin-failure").getLong("id");
        JsonNode copy;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT runbook::text FROM checklist WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "checklist " + id + " is stored");
                copy = new ObjectMapper().readTree(r.getString(1));
            }
        }
        Runbook runbook = library.get("gpki-signin-failure").orElseThrow();
        assertEquals(Set.of("id", "version", "file", "title", "components", "kinds", "steps"), fieldsOf(copy), "keys");
        assertEquals("gpki-signin-failure", copy.get("id").asText());
        assertEquals(runbook.version(), copy.get("version").asText());
        assertEquals(runbook.file(), copy.get("file").asText());
        assertEquals("행정전자서명(GPKI) 인증 장애 대응", copy.get("title").get("ko").asText());
        assertEquals("Shared GPKI sign-in failure", copy.get("title").get("en").asText());
        assertEquals("[\"gpki-auth\"]", copy.get("components").toString());
        assertEquals("[\"SHARED_INFRASTRUCTURE\"]", copy.get("kinds").toString());
        assertEquals(7, copy.get("steps").size());
        JsonNode first = copy.get("steps").get(0);
        assertEquals(Set.of("text", "role", "team", "minutes", "evidence"), fieldsOf(first), "keys of a step");
        assertTrue(first.get("role").isNull(), "a step without a role stores null");
        assertEquals("gpki-operations", first.get("team").asText());
        assertEquals(15, first.get("minutes").asInt());
        assertTrue(first.get("evidence").asBoolean());
        assertEquals("INCIDENT_COMMANDER", copy.get("steps").get(2).get("role").asText());
        assertTrue(copy.get("steps").get(2).get("team").isNull(), "a step without a team stores null");
    }

    private static Set<String> fieldsOf(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badRequestsAreRefusedClearlyAndWriteNothing() {
        String number = incident();
        long id = instantiate(number, "datacentre-network-failure").getLong("id");
        long before = Api.lastSeq();
        as("commander")
                .body(Map.of("runbook", "no-such-runbook"))
                .post("/api/incidents/{n}/checklists", number)
                .then()
                .statusCode(400)
                .body("allowed", hasItem("gpki-signin-failure"));
        as("commander")
                .body(Map.of("runbook", "datacentre-network-failure"))
                .post("/api/incidents/{n}/checklists", number)
                .then()
                .statusCode(409);
        as("viewer")
                .body(Map.of("runbook", "gpki-signin-failure"))
                .post("/api/incidents/{n}/checklists", number)
                .then()
                .statusCode(403);
        step("viewer", number, id, 1, "complete", Map.of("evidence", "x")).statusCode(403);
        step("responder", number, id, 99, "complete", Map.of("evidence", "x")).statusCode(404);
        step("commander", number, id, 2, "task", Map.of("assignee", "nobody-like-this"))
                .statusCode(400);
        assertEquals(before, Api.lastSeq(), "nothing written");
    }
}
