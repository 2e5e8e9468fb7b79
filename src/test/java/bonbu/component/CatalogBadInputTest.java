package bonbu.component;

import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad request gets a problem+json answer a person can act on, and writes nothing. */
@QuarkusTest
class CatalogBadInputTest {

    private long seqBefore;

    @BeforeEach
    void rememberTheTimeline() {
        seqBefore = lastSeq();
    }

    @AfterEach
    void nothingWasWritten() {
        assertEquals(seqBefore, lastSeq(), "a refused request must not write to the timeline");
    }

    @Test
    void missingFieldsAreListed() {
        as("admin")
                .body("{}")
                .post("/api/components")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("key", "name", "group", "kind", "tier", "public"))
                .body("detail", containsString("tier: is required"));
    }

    @Test
    void invalidValuesAreExplainedPerField() {
        String key = uniqueKey("invalid");
        Map<String, Object> body = new HashMap<>(component(key, 7, true));
        body.put("name", Map.of("en", "No Korean"));
        as("admin")
                .body(body)
                .post("/api/components")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("tier", "name.ko"))
                .body("errors.message", hasItems("must be between 1 and 4", "Korean text (ko) is required"));
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);

        body = new HashMap<>(component("Not A Slug", 2, true));
        as("admin").body(body).post("/api/components").then().statusCode(400).body("errors.field", hasItem("key"));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        String key = uniqueKey("kind");
        Map<String, Object> body = new HashMap<>(component(key, 2, true));
        body.put("kind", "SERVER");
        as("admin")
                .body(body)
                .post("/api/components")
                .then()
                .statusCode(400)
                .body("allowed", containsInAnyOrder("PUBLIC_SERVICE", "STAFF_SYSTEM", "SHARED_INFRASTRUCTURE"))
                .body("errors[0].field", equalTo("kind"));

        createComponent(key);
        seqBefore = lastSeq();
        as("commander")
                .body(Map.of("status", "on_fire", "reason", "x"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(400)
                .body(
                        "allowed",
                        containsInAnyOrder(
                                "operational",
                                "degraded_performance",
                                "partial_outage",
                                "major_outage",
                                "under_maintenance"))
                .body("detail", containsString("'on_fire' is not a valid value for 'status'"));
    }

    @Test
    void aMissingReasonIsRefused() {
        String key = uniqueKey("reason");
        createComponent(key);
        seqBefore = lastSeq();
        as("commander")
                .body(Map.of("status", "major_outage"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("viewer").get("/api/components/{k}", key).then().body("status", equalTo("operational"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        as("admin")
                .body("{\"key\": \"broken\", ")
                .post("/api/components")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(component(uniqueKey("extra"), 2, true));
        body.put("colour", "red");
        as("admin")
                .body(body)
                .post("/api/components")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("known", hasItem("alternatives"));
    }

    @Test
    void aWrongTypeIsNamed() {
        Map<String, Object> body = new HashMap<>(component(uniqueKey("type"), 2, true));
        body.put("tier", "one");
        as("admin").body(body).post("/api/components").then().statusCode(400).body("errors[0].field", equalTo("tier"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        as("admin").post("/api/components").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String key = uniqueKey("huge");
        Map<String, Object> body = new HashMap<>(component(key, 2, true));
        body.put("description", Map.of("ko", "가".repeat(600_000)));
        as("admin").body(body).post("/api/components").then().statusCode(413).contentType("application/problem+json");
        as("viewer").get("/api/components/{k}", key).then().statusCode(404);
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        as("admin")
                .contentType("text/plain")
                .body("key=x")
                .post("/api/components")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void anUnknownApiPathIsANotFoundProblem() {
        as("viewer").get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aWrongMethodIsNotAllowed() {
        as("admin")
                .delete("/api/components/saeol")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
