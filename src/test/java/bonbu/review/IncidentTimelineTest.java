package bonbu.review;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentTimelineTest {

    static String declare(String key, String title) {
        return as("commander")
                .body(Map.of(
                        "title", Map.of("ko", title, "en", title),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "조사 중", "en", "Investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    @Test
    void timelineIsChronologicalGroupedByDayInKoreaAndFilterable() {
        String key = Api.uniqueKey("tl");
        String other = Api.uniqueKey("tl-other");
        Api.createComponent(key);
        Api.createComponent(other);
        String number = declare(key, "타임라인 " + key);
        TestClock.advance(Duration.ofDays(1));
        as("comms")
                .body(Map.of(
                        "status", "identified",
                        "message", Map.of("ko", "원인 확인", "en", "Identified"),
                        "components", List.of(Map.of("key", other, "status", "degraded_performance"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);

        JsonPath all = as("viewer")
                .get("/api/incidents/{n}/timeline", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(number, all.getString("incident"));
        assertEquals("Asia/Seoul", all.getString("timeZone"));
        assertTrue(all.getBoolean("active"));
        List<Map<String, Object>> days = all.getList("days");
        assertTrue(days.size() >= 2, "two days apart: " + days.size());
        List<Long> seqs = all.getList("days.entries.flatten().seq", Long.class);
        assertEquals(all.getInt("count"), seqs.size());
        for (int i = 1; i < seqs.size(); i++) assertTrue(seqs.get(i) > seqs.get(i - 1), "chronological");
        Map<String, Object> first = all.getMap("days[0].entries[0]");
        assertTrue(first.get("atKst").toString().endsWith(" KST"));
        assertTrue(first.get("at").toString().endsWith("Z"), "UTC as well");
        assertEquals(days.get(0).get("date"), first.get("atKst").toString().substring(0, 10));
        assertTrue(first.get("hash").toString().matches("[0-9a-f]{64}"));
        assertEquals("OK", all.getString("verification.status"));
        assertEquals(Map.of(), all.getMap("filters"), "no filter, none listed");

        JsonPath publicOnly = as("viewer")
                .get("/api/incidents/{n}/timeline?audience=public", number)
                .then()
                .extract()
                .jsonPath();
        assertEquals(Map.of("audience", "PUBLIC"), publicOnly.getMap("filters"), "only the filters that are set");
        List<String> audiences = publicOnly.getList("days.entries.flatten().audience");
        assertFalse(audiences.isEmpty());
        assertTrue(audiences.stream().allMatch("PUBLIC"::equals));

        List<String> byComms = as("viewer")
                .get("/api/incidents/{n}/timeline?actor=comms", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertTrue(byComms.contains("incident.update_published"));
        assertFalse(byComms.contains("incident.declared"));

        List<String> updates = as("viewer")
                .get("/api/incidents/{n}/timeline?type=incident", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertTrue(updates.stream().allMatch(t -> t.startsWith("incident.")), updates.toString());

        List<Map<String, Object>> aboutOther = as("viewer")
                .get("/api/incidents/{n}/timeline?component={c}", number, other)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten()");
        assertFalse(aboutOther.isEmpty());
        assertTrue(aboutOther.stream().allMatch(e -> e.get("data").toString().contains(other)));
        assertTrue(aboutOther.stream().noneMatch(e -> "incident.declared".equals(e.get("type"))));
    }

    @Test
    void badFiltersAndUnknownIncidentsAreRefusedClearly() {
        String key = Api.uniqueKey("tlbad");
        Api.createComponent(key);
        String number = declare(key, "잘못된 필터");
        as("viewer")
                .get("/api/incidents/{n}/timeline?audience=everyone", number)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("allowed", org.hamcrest.Matchers.hasItems("PUBLIC", "STAFF"));
        as("viewer").get("/api/incidents/INC-1999-0000/timeline").then().statusCode(404);
        io.restassured.RestAssured.given()
                .get("/api/incidents/{n}/timeline", number)
                .then()
                .statusCode(401);
    }

    @Test
    void ministryViewersReadButChangeNothing() {
        String key = Api.uniqueKey("viewer");
        Api.createComponent(key);
        String number = declare(key, "열람 " + key);
        long before = Api.lastSeq();
        as("viewer").get("/api/incidents/{n}/timeline", number).then().statusCode(200);
        as("viewer")
                .body(Map.of("status", "resolved", "message", Map.of("ko", "해결")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(403);
        as("viewer")
                .body(Map.of("status", "operational", "reason", "x"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(403);
        assertEquals(before, Api.lastSeq(), "nothing written");
    }
}
