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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewTest {

    static String declare(String key, String title) {
        return Api.declare(key, title);
    }

    static void resolve(String number, String key) {
        as("commander")
                .body(Map.of(
                        "status", "resolved",
                        "message", Map.of("ko", "해결"),
                        "components", List.of(Map.of("key", key, "status", "operational"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
    }

    @Test
    void reviewBringsTogetherWhatHappenedWhyAndTheRecurrence() {
        String key = Api.uniqueKey("review");
        Api.createComponent(key);
        String first = declare(key, "인증 장애 " + key);
        resolve(first, key);
        // The 22 November slowdown, five days and two hours after the 17 November outage.
        TestClock.advance(Duration.ofDays(5).plusHours(2));
        String second = declare(key, "과부하 " + key);
        as("commander")
                .body(Map.of("number", first, "kind", "RECURRENCE_OF"))
                .post("/api/incidents/{n}/links", second)
                .then()
                .statusCode(201);
        as("responder")
                .body(Map.of("statement", Map.of("ko", "라우터 장애"), "evidence", "vendor report"))
                .post("/api/incidents/{n}/hypotheses", first)
                .then()
                .statusCode(201);
        long declared = as("viewer")
                .get("/api/incidents/{n}/timeline?type=incident.declared", first)
                .then()
                .extract()
                .jsonPath()
                .getLong("days[0].entries[0].seq");

        JsonPath written = as("commander")
                .body(Map.of(
                        "summary",
                        "행정전자서명 인증이 멈춰 새올과 정부24가 함께 중단되었다.",
                        "impact",
                        "전국 주민센터 증명서 발급 중단",
                        "contributingFactors",
                        List.of("공통 인증 경로의 단일 장애점", "네트워크 장비 이중화 미흡"),
                        "highlights",
                        List.of(declared)))
                .put("/api/incidents/{n}/review", first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("commander", written.getString("updatedBy"));

        JsonPath review = as("viewer")
                .get("/api/incidents/{n}/review", first)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("전국 주민센터 증명서 발급 중단", review.getString("impact"));
        assertEquals(2, review.getList("contributingFactors").size());
        assertTrue(review.getBoolean("highlightsChosen"));
        assertEquals(List.of(declared), review.getList("highlights.seq", Long.class));
        assertEquals("suspected", review.getString("hypotheses[0].status"));
        assertEquals("OK", review.getString("verification.status"));
        assertEquals(key, review.getString("measures.components[0].key"));
        assertEquals(second, review.getString("related[0].number"));
        assertEquals("RECURRENCE_OF", review.getString("related[0].kind"));
        long apart = review.getLong("related[0].minutesApart");
        assertTrue(apart >= (5 * 24 + 2) * 60 && apart < (5 * 24 + 2) * 60 + 5, "five days two hours: " + apart);
        assertTrue(review.getString("related[0].apart").startsWith("5 d 2 h"), review.getString("related[0].apart"));
        JsonPath fromSecond = as("viewer")
                .get("/api/incidents/{n}/review", second)
                .then()
                .extract()
                .jsonPath();
        assertTrue(fromSecond.getString("related[0].apart").endsWith("before"));
        assertEquals(first, fromSecond.getString("related[0].number"));
    }

    @Test
    void followUpActionsStayTrackedAfterTheIncidentCloses() {
        String key = Api.uniqueKey("actions");
        Api.createComponent(key);
        String number = declare(key, "후속 조치 " + key);
        LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Asia/Seoul"));
        long late = as("commander")
                .body(Map.of(
                        "title",
                        "라우터 이중화 " + key,
                        "owner",
                        "responder",
                        "dueDate",
                        today.minusDays(1).toString()))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long later = as("commander")
                .body(Map.of(
                        "title",
                        "위험 등급 분류 " + key,
                        "owner",
                        "admin",
                        "dueDate",
                        today.plusDays(30).toString()))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        resolve(number, key);

        JsonPath open = as("viewer")
                .get("/api/actions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> ids = open.getList("id", Long.class);
        assertTrue(ids.contains(late) && ids.contains(later), "open after the incident closed");
        assertTrue(ids.indexOf(late) < ids.indexOf(later), "soonest due first");
        assertEquals(true, open.get("find { it.id == " + late + " }.overdue"));
        assertEquals(false, open.get("find { it.id == " + later + " }.overdue"));
        assertEquals(
                List.of(late),
                as("viewer")
                        .get("/api/actions?owner=responder")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.incident == '" + number + "' }.id", Long.class));

        as("responder")
                .body(Map.of("status", "in_progress"))
                .post("/api/incidents/{n}/actions/{id}/status", number, late)
                .then()
                .statusCode(200);
        as("responder")
                .body(Map.of("status", "done", "note", "두 번째 라우터 설치"))
                .post("/api/incidents/{n}/actions/{id}/status", number, late)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("done"));
        assertFalse(as("viewer")
                .get("/api/actions")
                .then()
                .extract()
                .jsonPath()
                .getList("id", Long.class)
                .contains(late));
        assertEquals(
                "done",
                as("viewer")
                        .get("/api/incidents/{n}/review", number)
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("actions.find { it.id == " + late + " }.status"));
    }

    @Test
    void badInputIsRefusedClearlyAndWritesNothing() {
        String key = Api.uniqueKey("reviewbad");
        Api.createComponent(key);
        String number = declare(key, "잘못된 입력 " + key);
        long action = as("commander")
                .body(Map.of("title", "점검", "owner", "responder", "dueDate", "2030-01-01"))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long before = Api.lastSeq();
        as("commander")
                .body(Map.of("title", "점검", "owner", "nobody-here", "dueDate", "2030-01-01"))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("no staff account 'nobody-here'"));
        as("commander")
                .body(Map.of("title", "점검", "owner", "responder", "dueDate", "someday"))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(400);
        as("commander")
                .body(Map.of("status", "cancelled"))
                .post("/api/incidents/{n}/actions/{id}/status", number, action)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("Say why"));
        as("commander")
                .body(Map.of("summary", "x", "highlights", List.of(1L)))
                .put("/api/incidents/{n}/review", number)
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("not in " + number));
        as("viewer")
                .body(Map.of("summary", "x"))
                .put("/api/incidents/{n}/review", number)
                .then()
                .statusCode(403);
        as("viewer")
                .body(Map.of("title", "점검", "owner", "responder", "dueDate", "2030-01-01"))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(403);
        assertEquals(before, Api.lastSeq(), "nothing written");
        as("viewer")
                .get("/api/incidents/{n}/export?format=markdown", number)
                .then()
                .statusCode(200);
    }
}
