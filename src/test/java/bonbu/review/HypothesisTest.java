package bonbu.review;

import static bonbu.statuspage.PublicSite.awaitSnapshot;
import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 2023: first the sign-in server after a patch, then an L4 switch, in the end a router. */
@QuarkusTest
class HypothesisTest {

    static String declare() {
        String key = Api.uniqueKey("cause");
        Api.createComponent(key);
        return as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "원인 추적 " + key, "en", "Cause hunt " + key),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "조사 중", "en", "Investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    static long suspect(String number, String ko, String en, String evidence) {
        return as("responder")
                .body(Map.of("statement", Map.of("ko", ko, "en", en), "evidence", evidence))
                .post("/api/incidents/{n}/hypotheses", number)
                .then()
                .statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("suspected"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static JsonPath decide(String number, long id, String verb, String evidence) {
        return as("commander")
                .body(Map.of("evidence", evidence))
                .post("/api/incidents/{n}/hypotheses/{id}/" + verb, number, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** What the public incident page says about the cause, once the snapshot has caught up. */
    static String incidentPage(String number) {
        return causeLine("/incidents/" + number);
    }

    static String causeLine(String path) {
        awaitSnapshot();
        String html = given().get(path).then().statusCode(200).extract().asString();
        int start = html.indexOf("<p class=\"incident-cause\">");
        assertTrue(start >= 0, "the page states the cause");
        return html.substring(start, html.indexOf("</p>", start));
    }

    @Test
    void theCauseStaysUnderInvestigationUntilOneIsConfirmedAndPublished() {
        String number = declare();
        assertTrue(incidentPage(number).contains("원인 조사 중"));

        long patch = suspect(number, "보안 패치 후 인증 서버 오류", "Sign-in server after a security patch", "patched 08:20");
        long l4 = suspect(number, "L4 스위치 장애", "L4 switch failure", "switch logs show resets");
        decide(number, patch, "refute", "rolled back the patch; still failing");
        JsonPath confirmed = decide(number, l4, "confirm", "replacing the switch restored sign-in");
        assertEquals("confirmed", confirmed.getString("status"));
        assertTrue(incidentPage(number).contains("원인 조사 중"), "confirmed but not yet published");

        as("comms")
                .post("/api/incidents/{n}/hypotheses/{id}/publish", number, l4)
                .then()
                .statusCode(200);
        String published = incidentPage(number);
        assertTrue(published.contains("장애 원인: L4 스위치 장애"), "published");
        assertFalse(published.contains("원인 조사 중"));
        awaitSnapshot();
        assertTrue(causeLine("/en/incidents/" + number).contains("Cause: L4 switch failure"));

        // The cause is revised: the switch is refuted, a router confirmed and published.
        long router = suspect(number, "라우터 장애", "Router failure", "vendor analysis");
        decide(number, l4, "refute", "switch replaced again; router logs show the fault first");
        assertTrue(incidentPage(number).contains("원인 조사 중"), "a refuted cause is withdrawn at once");
        decide(number, router, "confirm", "router firmware defect reproduced");
        as("commander")
                .post("/api/incidents/{n}/hypotheses/{id}/publish", number, router)
                .then()
                .statusCode(200);
        assertTrue(incidentPage(number).contains("장애 원인: 라우터 장애"));

        JsonPath all = as("viewer")
                .get("/api/incidents/{n}/hypotheses", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("refuted", "refuted", "confirmed"), all.getList("status"));
        assertEquals(List.of(false, false, true), all.getList("published"));
        // Every version kept, with evidence, author and time.
        assertEquals(
                List.of("suspected", "confirmed", "refuted"),
                all.getList("find { it.id == " + l4 + " }.versions.status"));
        assertEquals(
                List.of(
                        "switch logs show resets",
                        "replacing the switch restored sign-in",
                        "switch replaced again; router logs show the fault first"),
                all.getList("find { it.id == " + l4 + " }.versions.evidence"));
        assertEquals(
                List.of("responder", "commander", "commander"),
                all.getList("find { it.id == " + l4 + " }.versions.author"));

        List<String> types = as("viewer")
                .get("/api/incidents/{n}/timeline?type=incident", number)
                .then()
                .extract()
                .jsonPath()
                .getList("days.entries.flatten().type");
        assertTrue(
                types.containsAll(List.of(
                        "incident.hypothesis_recorded",
                        "incident.hypothesis_refuted",
                        "incident.hypothesis_confirmed",
                        "incident.cause_published",
                        "incident.cause_withdrawn")),
                types.toString());
    }

    @Test
    void illegalMovesAndMissingEvidenceAreRefusedAndWriteNothing() {
        String number = declare();
        long h = suspect(number, "전원 장애", "Power failure", "UPS alarm");
        long before = Api.lastSeq();
        as("commander")
                .post("/api/incidents/{n}/hypotheses/{id}/publish", number, h)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("only a confirmed cause can be published"));
        as("commander")
                .body(Map.of("evidence", " "))
                .post("/api/incidents/{n}/hypotheses/{id}/confirm", number, h)
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("evidence"));
        assertEquals(before, Api.lastSeq(), "the refused publish and confirm wrote nothing");
        decide(number, h, "refute", "UPS fine");
        long afterRefute = Api.lastSeq();
        as("commander")
                .body(Map.of("evidence", "again"))
                .post("/api/incidents/{n}/hypotheses/{id}/confirm", number, h)
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("stays refuted"));
        as("viewer")
                .body(Map.of("statement", Map.of("ko", "x"), "evidence", "y"))
                .post("/api/incidents/{n}/hypotheses", number)
                .then()
                .statusCode(403);
        as("commander")
                .body(Map.of("evidence", "x"))
                .post("/api/incidents/{n}/hypotheses/{id}/confirm", number, 999_999_999L)
                .then()
                .statusCode(404);
        assertEquals(afterRefute, Api.lastSeq(), "refusals wrote nothing");
        assertTrue(afterRefute > before);
    }
}
