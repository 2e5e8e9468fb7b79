package bonbu.component;

import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may do what in the catalog, and what a refusal looks like. */
@QuarkusTest
class CatalogAccessTest {

    @Test
    void readingWithoutSigningInIsUnauthorizedWithAChallenge() {
        given().get("/api/components")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("title", equalTo("Unauthorized"));
        given().get("/api/timeline").then().statusCode(401);
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        given().auth()
                .preemptive()
                .basic("commander", "not-the-password")
                .get("/api/components")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("nobody-at-all", "bonbu-demo")
                .get("/api/components")
                .then()
                .statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "commander", "responder", "comms", "viewer"})
    void everyRoleCanRead(String user) {
        as(user).get("/api/components/saeol").then().statusCode(200).body("key", equalTo("saeol"));
        as(user).get("/api/timeline?limit=1").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"commander", "responder", "comms", "viewer"})
    void onlyAdminsShapeTheCatalog(String user) {
        String key = uniqueKey("denied");
        String existing = uniqueKey("existing");
        createComponent(existing);
        long before = lastSeq();
        as(user).body(component(key, 2, true))
                .post("/api/components")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        as(user).body(Map.of("tier", 1))
                .patch("/api/components/{k}", existing)
                .then()
                .statusCode(403);
        as(user).body(Map.of("kind", "REQUIRED"))
                .put("/api/components/{d}/dependencies/{u}", existing, "saeol")
                .then()
                .statusCode(403);
        as(user).delete("/api/components/{d}/dependencies/{u}", "saeol", "gpki-auth")
                .then()
                .statusCode(403);
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);
        as("viewer").get("/api/components/saeol").then().body("upstreams.size()", equalTo(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"commander", "responder"})
    void commandersAndRespondersSetStatuses(String user) {
        String key = uniqueKey("status-" + user);
        createComponent(key);
        as(user).body(Map.of("status", "degraded_performance", "reason", "slow"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(200)
                .body("component.status", equalTo("degraded_performance"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "comms", "viewer"})
    void othersCannotSetStatuses(String user) {
        String key = uniqueKey("status-denied");
        createComponent(key);
        long before = lastSeq();
        as(user).body(Map.of("status", "major_outage", "reason", "nope"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, lastSeq());
        as("viewer").get("/api/components/{k}", key).then().body("status", equalTo("operational"));
    }
}
