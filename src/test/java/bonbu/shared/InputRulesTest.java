package bonbu.shared;

import static bonbu.support.Api.as;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Values PostgreSQL cannot store (text with NUL, dates far outside any incident's life) and
 * numbers that are not what they claim are refused with a 400 naming the field, wherever they are
 * sent, and nothing is written.
 */
@QuarkusTest
class InputRulesTest {

    static final String NUL = "\u0000";
    /** The largest instant ISO-8601 allows: PostgreSQL cannot store it. */
    static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

    /** A refusal naming {@code field}: 400, problem+json, one error for that field. */
    static void refusedNaming(ValidatableResponse response, String field, String reason) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(reason))
                .body("detail", containsString("'" + field + "'"));
    }

    @Test
    void nulInAnyJsonTextIsRefusedNamingTheField() {
        String key = uniqueKey("nul");
        long before = lastSeq();

        Map<String, Object> component = new HashMap<>(Api.component(key, 2, true));
        component.put("name", Map.of("ko", "이름" + NUL + "끝", "en", "Name"));
        refusedNaming(as("admin").body(component).post("/api/components").then(), "name.ko", "NUL");
        component.put("name", Map.of("ko", "이름"));
        component.put("alternatives", List.of(Map.of("name", Map.of("ko", "창구"), "howTo", "방문" + NUL)));
        refusedNaming(as("admin").body(component).post("/api/components").then(), "alternatives[0].howTo", "NUL");
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);

        String existing = uniqueKey("nul-existing");
        Api.createComponent(existing);
        before = lastSeq();
        refusedNaming(
                as("commander")
                        .body(Map.of("status", "major_outage", "reason", "GPKI" + NUL))
                        .post("/api/components/{k}/status", existing)
                        .then(),
                "reason",
                "NUL");
        // A plain string is taken as Korean text: the same rule applies to it.
        refusedNaming(
                as("commander")
                        .body(Map.of(
                                "title", "장애 " + key + NUL,
                                "components", List.of(Map.of("key", existing, "status", "major_outage")),
                                "message", Map.of("ko", "조사 중")))
                        .post("/api/incidents")
                        .then(),
                "title",
                "NUL");
        refusedNaming(
                as("commander")
                        .body(Map.of(
                                "title", Map.of("ko", "장애 " + key),
                                "components", List.of(Map.of("key", existing + NUL, "status", "major_outage")),
                                "message", Map.of("ko", "조사 중")))
                        .post("/api/incidents")
                        .then(),
                "components[0].key",
                "NUL");

        as("viewer").get("/api/components/{k}", existing).then().body("status", equalTo("operational"));
        assertFalse(
                as("viewer")
                        .get("/api/incidents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()
                        .contains(key),
                "no incident was declared");
        assertEquals(before, lastSeq(), "nothing was written");
    }

    @Test
    void nulInAFormFieldQueryOrPathIsRefusedNamingIt() {
        String key = uniqueKey("nul-form");
        long before = lastSeq();
        Console.Signed admin = Console.signIn("admin");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("nameKo", "양식" + NUL);
        fields.put("nameEn", "Form");
        fields.put("groupKo", "시험");
        fields.put("groupEn", "Tests");
        fields.put("kind", "STAFF_SYSTEM");
        fields.put("tier", "3");
        fields.put("public", "true");
        refusedNaming(
                given().cookie("bonbu_session", admin.cookie())
                        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                        .redirects()
                        .follow(false)
                        .formParam("csrf", admin.csrf())
                        .formParams(fields)
                        .post("/console/catalog")
                        .then(),
                "nameKo",
                "NUL");
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);

        // The sign-in form is a form like any other: refused before any account is looked up.
        var page = given().get("/console/sign-in");
        refusedNaming(
                given().cookie("bonbu_sign_in", page.cookie("bonbu_sign_in"))
                        .contentType("application/x-www-form-urlencoded")
                        .redirects()
                        .follow(false)
                        .formParams(Map.of(
                                "csrf",
                                csrf(page.asString()),
                                "username",
                                "commander" + NUL,
                                "password",
                                Api.PASSWORD,
                                "next",
                                "/console"))
                        .post("/console/sign-in")
                        .then(),
                "username",
                "NUL");

        refusedNaming(
                as("viewer").queryParam("assignee", "x" + NUL).get("/api/tasks").then(), "assignee", "NUL");
        refusedNaming(
                as("viewer")
                        .urlEncodingEnabled(false)
                        .get("/api/components/gov%0024")
                        .then(),
                "path",
                "NUL");
        assertEquals(before, lastSeq(), "nothing was written");
    }

    @Test
    void nulInBasicCredentialsIsAWrongPasswordNotAnError() {
        given().auth()
                .preemptive()
                .basic("admin" + NUL, Api.PASSWORD)
                .get("/api/components")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("admin", Api.PASSWORD + NUL)
                .get("/api/components")
                .then()
                .statusCode(401);
    }

    @Test
    void everyDateOutsideTheRangeIsRefusedNamingTheField() {
        String key = uniqueKey("dates");
        Api.createComponent(key);
        String number = Api.declare(key, "날짜 " + key);
        String tokenName = uniqueKey("dates-token");
        long before = lastSeq();

        for (String bad : List.of(FAR_FUTURE, "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z")) {
            refusedNaming(
                    as("commander")
                            .body(Map.of("title", "점검 " + key, "assignee", "responder", "dueAt", bad))
                            .post("/api/incidents/{n}/tasks", number)
                            .then(),
                    "dueAt",
                    "between 2000-01-01 and 2100-12-31");
        }
        refusedNaming(
                as("commander")
                        .body(Map.of("assignee", "responder", "dueAt", FAR_FUTURE))
                        .post("/api/incidents/{n}/checklists/{id}/items/{p}/task", number, 1, 1)
                        .then(),
                "dueAt",
                "between");
        for (String bad : List.of("+999999999-12-31", "1999-12-31", "2101-01-01")) {
            refusedNaming(
                    as("commander")
                            .body(Map.of("title", "조치 " + key, "owner", "responder", "dueDate", bad))
                            .post("/api/incidents/{n}/actions", number)
                            .then(),
                    "dueDate",
                    "between 2000-01-01 and 2100-12-31");
        }
        refusedNaming(
                as("viewer")
                        .body(Map.of("name", tokenName, "expiresAt", FAR_FUTURE))
                        .post("/api/tokens")
                        .then(),
                "expiresAt",
                "between");
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("title", Map.of("ko", "점검 " + key));
        window.put("components", List.of(key));
        window.put("scheduledFor", "2030-01-01T00:00:00Z");
        window.put("scheduledUntil", FAR_FUTURE);
        window.put("message", Map.of("ko", "점검"));
        refusedNaming(as("commander").body(window).post("/api/maintenances").then(), "scheduledUntil", "between");
        window.put("scheduledFor", FAR_FUTURE);
        window.put("scheduledUntil", "2030-01-01T01:00:00Z");
        refusedNaming(as("commander").body(window).post("/api/maintenances").then(), "scheduledFor", "between");
        refusedNaming(
                as("commander")
                        .body(Map.of(
                                "title", Map.of("ko", "과거 " + key),
                                "components", List.of(Map.of("key", key, "status", "major_outage")),
                                "message", Map.of("ko", "조사 중"),
                                "detectedAt", "1970-01-01T00:00:00Z"))
                        .post("/api/incidents")
                        .then(),
                "detectedAt",
                "between");

        assertEquals(before, lastSeq(), "nothing was written");
        as("viewer")
                .get("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        as("viewer")
                .get("/api/incidents/{n}/review", number)
                .then()
                .statusCode(200)
                .body("actions.size()", equalTo(0));
        assertFalse(as("viewer").get("/api/tokens").asString().contains(tokenName), "no token was made");
        assertFalse(as("viewer").get("/api/maintenances?state=all").asString().contains(key), "no window was planned");
        assertFalse(as("viewer").get("/api/incidents").asString().contains("과거 " + key), "no incident");

        // The last day of the range is still accepted.
        as("viewer")
                .body(Map.of("name", tokenName, "expiresAt", "2100-12-31T23:59:59Z"))
                .post("/api/tokens")
                .then()
                .statusCode(201);
        assertTrue(as("viewer").get("/api/tokens").asString().contains(tokenName));
    }

    @Test
    void tierIsAWholeJsonNumber() {
        String key = uniqueKey("tier");
        long before = lastSeq();
        for (Object tier : List.<Object>of(2.5, "2", 2.0, true)) {
            Map<String, Object> body = new HashMap<>(Api.component(key, 2, true));
            body.put("tier", tier);
            refusedNaming(as("admin").body(body).post("/api/components").then(), "tier", "whole number");
        }
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);
        assertEquals(before, lastSeq(), "nothing was written");

        Api.createComponent(key);
        before = lastSeq();
        refusedNaming(
                as("admin")
                        .body(Map.of("tier", "1"))
                        .patch("/api/components/{k}", key)
                        .then(),
                "tier",
                "whole number");
        refusedNaming(
                as("admin")
                        .body(Map.of("tier", 1.5))
                        .patch("/api/components/{k}", key)
                        .then(),
                "tier",
                "whole number");
        // true and false are booleans, not text
        refusedNaming(
                as("admin")
                        .body(Map.of("public", "false"))
                        .patch("/api/components/{k}", key)
                        .then(),
                "public",
                "true or false");
        as("viewer")
                .get("/api/components/{k}", key)
                .then()
                .body("tier", equalTo(2))
                .body("public", equalTo(true));
        assertEquals(before, lastSeq(), "nothing was written");
    }

    private static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"")
                .matcher(html);
        assertTrue(m.find(), "a form token on the page");
        return m.group(1);
    }
}
