package bonbu.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RequestGuardTest {

    @Test
    void aFormWithoutThePagesTokenIsRefusedAndChangesNothing() {
        String key = Api.uniqueKey("guard");
        Api.createComponent(key);
        Console.Signed commander = Console.signIn("commander");
        long before = Api.lastSeq();
        given().cookie("bonbu_session", commander.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("status", "major_outage", "reason", "forged"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(415) // the JSON API takes no forms at all
                .contentType("application/problem+json");
        given().cookie("bonbu_session", commander.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("csrf", "0".repeat(64)))
                .post("/console/sign-out")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Form expired"));
        assertEquals(before, Api.lastSeq());
        assertEquals(200, SessionTest.api(commander.cookie()), "the forged sign-out did not end the session");
    }

    @Test
    void plainTextAndBodilessPostsAreRefused() throws Exception {
        Console.Signed commander = Console.signIn("commander");
        long before = Api.lastSeq();
        given().cookie("bonbu_session", commander.cookie())
                .contentType("text/plain")
                .body("{\"title\":{\"ko\":\"x\"}}")
                .post("/api/incidents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        String number = bonbu.task.TaskApiTest.declare();
        long task = bonbu.task.TaskApiTest.task(number, Map.of("title", "bodiless claim", "assignee", "responder"));
        before = Api.lastSeq();
        // A bodiless POST with no Content-Type at all, as another site's page could send it.
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/incidents/" + number + "/tasks/" + task + "/claim"))
                .header("Cookie", "bonbu_session=" + Console.signIn("responder").cookie())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        org.junit.jupiter.api.Assertions.assertTrue(response.body().contains("application/json"), response.body());
        assertEquals(before, Api.lastSeq());
    }

    @Test
    void aRequestFromAnotherSitesPageIsRefusedEvenAsJson() {
        String key = Api.uniqueKey("guard");
        Api.createComponent(key);
        Console.Signed commander = Console.signIn("commander");
        long before = Api.lastSeq();
        given().cookie("bonbu_session", commander.cookie())
                .header("Origin", "https://evil.example")
                .contentType("application/json")
                .body(Map.of("status", "major_outage", "reason", "forged"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(403)
                .body("title", equalTo("Cross-site request refused"));
        assertEquals(before, Api.lastSeq());
        // The same request from the service's own page goes through.
        given().cookie("bonbu_session", commander.cookie())
                .header(
                        "Origin",
                        io.restassured.RestAssured.baseURI.replaceFirst("/$", "") + ":"
                                + io.restassured.RestAssured.port)
                .contentType("application/json")
                .body(Map.of("status", "major_outage", "reason", "from the console"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(200);
    }

    @Test
    void theSignInFormNeedsTheTokenOfItsOwnPage() {
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("username", "commander", "password", Api.PASSWORD, "csrf", "x"))
                .post("/console/sign-in")
                .then()
                .statusCode(403);
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() {
        for (String path : new String[] {"/", "/console/sign-in", "/api/v2/summary.json", "/q/health/live"}) {
            var response = given().get(path);
            String csp = response.header("Content-Security-Policy");
            org.junit.jupiter.api.Assertions.assertNotNull(csp, path);
            org.junit.jupiter.api.Assertions.assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            org.junit.jupiter.api.Assertions.assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
        }
    }
}
