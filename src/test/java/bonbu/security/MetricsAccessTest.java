package bonbu.security;

import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} tells request counts per endpoint (staff activity) and the JVM's version:
 * staff only. Health stays open for probes. And a path a client makes up never becomes a tag.
 */
@QuarkusTest
class MetricsAccessTest {

    static String token(String username) {
        return as(username)
                .body(Map.of("name", "scraper " + Api.uniqueKey("m")))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
    }

    @Test
    void anonymousScrapesAreRefusedWithAProblem() {
        Response r = given().get("/q/metrics");
        assertEquals(401, r.statusCode());
        assertEquals("application/problem+json", r.contentType());
        assertTrue(r.header("WWW-Authenticate").contains("Bearer"), r.header("WWW-Authenticate"));
        assertTrue(r.jsonPath().getString("detail").contains("Authorization: Bearer"), r.asString());
        assertFalse(r.asString().contains("jvm_"), "no metric leaks in the refusal");
        // However the path is spelled, nothing is measured out without credentials.
        for (String path : List.of("/q/metrics/", "/q//metrics", "/q/./metrics", "/q/metrics?name=jvm_info")) {
            Response other = given().get(path);
            assertTrue(other.statusCode() == 401 || other.statusCode() == 404, path + " → " + other.statusCode());
            assertFalse(other.asString().contains("jvm_"), path + " leaks metrics");
        }
        assertEquals(
                401,
                given().header("Authorization", "Bearer bonbu_not-a-token")
                        .get("/q/metrics")
                        .statusCode());
    }

    @Test
    void aTokenASessionOrBasicReadsThem() {
        Response withToken =
                given().header("Authorization", "Bearer " + token("viewer")).get("/q/metrics");
        assertEquals(200, withToken.statusCode(), withToken.asString());
        assertTrue(withToken.asString().contains("jvm_memory_used_bytes"));
        assertTrue(withToken.asString().contains("bonbu_live_connections"));

        assertEquals(
                200,
                given().cookie("bonbu_session", Console.signIn("viewer").cookie())
                        .get("/q/metrics")
                        .statusCode());
        assertEquals(
                200,
                given().auth()
                        .preemptive()
                        .basic("viewer", Api.PASSWORD)
                        .get("/q/metrics")
                        .statusCode());
    }

    @Test
    void healthStaysOpenForProbes() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void madeUpPathsNeverBecomeTags() {
        String marker = "zz" + Api.uniqueKey("tagprobe").replace("-", "");
        record Probe(String method, String path) {}
        List<Probe> probes = List.of(
                new Probe("GET", "/" + marker),
                new Probe("DELETE", "/" + marker),
                new Probe("PUT", "/api/" + marker),
                new Probe("PATCH", "/api/v2/" + marker + ".json"),
                new Probe("PROPFIND", "/" + marker),
                new Probe("TRACE", "/q/health/" + marker),
                new Probe("OPTIONS", "/" + marker),
                new Probe("DELETE", "/static/" + marker + ".css"),
                new Probe("DELETE", "/incidents/" + marker),
                new Probe("POST", "/en/" + marker),
                new Probe("GET", "/incidents/" + marker),
                new Probe("GET", "/static/" + marker + ".js"),
                new Probe("GET", "/en/" + marker),
                new Probe("GET", "/console/" + marker),
                new Probe("GET", "/review/" + marker),
                new Probe("GET", "/api/incidents/" + marker),
                new Probe("GET", "/api/v2/" + marker + ".json"),
                new Probe("GET", "/q/" + marker),
                new Probe("GET", "/ws/" + marker),
                // Known routes asked for with a method they do not serve (405).
                new Probe("DELETE", "/api/incidents/" + marker),
                new Probe("PUT", "/api/incidents/" + marker + "/updates"),
                new Probe("GET", "/api/accounts/" + marker + "/disable"),
                new Probe("DELETE", "/api/components/" + marker),
                new Probe("PUT", "/console/incidents/" + marker),
                new Probe("DELETE", "/console/catalog/" + marker),
                new Probe("PATCH", "/review/incidents/" + marker));
        for (Probe p : probes) {
            given().redirects().follow(false).request(p.method(), p.path());
            given().redirects().follow(false).accept("text/html").request(p.method(), p.path());
            as("viewer").redirects().follow(false).request(p.method(), p.path());
        }
        String metrics =
                as("viewer").get("/q/metrics").then().statusCode(200).extract().asString();
        String leaked = metrics.lines()
                .filter(l -> l.toLowerCase().contains(marker.toLowerCase()))
                .collect(Collectors.joining("\n"));
        assertTrue(leaked.isEmpty(), "made-up paths became tags:\n" + leaked);
        assertTrue(metrics.contains("http_server_requests_seconds_count"), "requests are still measured per route");
        assertTrue(metrics.contains("uri=\"/api/incidents/{number}\""), "known routes keep their template");
        assertTrue(metrics.contains("uri=\"/incidents/{number}\""), "public pages are counted per kind");
    }
}
