package bonbu.maintenance;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.uniqueKey;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refused maintenance request gets a problem+json answer a person can act on, and writes nothing. */
@QuarkusTest
class MaintenanceBadInputTest {

    private final Windows windows = new Windows();
    private String key;
    private long seqBefore;

    @BeforeEach
    void aComponentAndTheTimeline() {
        key = uniqueKey("mnt-bad");
        createComponent(key);
        seqBefore = lastSeq();
    }

    @AfterEach
    void nothingWasWritten() {
        try {
            assertEquals(seqBefore, lastSeq(), "a refused request must not write to the timeline");
        } finally {
            windows.settle();
        }
    }

    private Map<String, Object> body() {
        return new HashMap<>(Windows.body(ofMinutes(10), ofHours(1), key));
    }

    @Test
    void anEndBeforeTheStartIsRefusedNamingBothFields() {
        Map<String, Object> body = body();
        Object start = body.get("scheduledFor");
        body.put("scheduledFor", body.get("scheduledUntil"));
        body.put("scheduledUntil", start);
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("scheduledFor", "scheduledUntil"))
                .body("detail", containsString("scheduledUntil (" + start + ") must be after scheduledFor"));

        body.put("scheduledUntil", body.get("scheduledFor"));
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("scheduledUntil"));
    }

    @Test
    void aWindowThatIsAlreadyOverIsRefused() {
        as("commander")
                .body(Windows.body(ofHours(-3), ofHours(1), key))
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .body("errors.field", contains("scheduledUntil"))
                .body("detail", containsString("has already passed"));
    }

    @Test
    void koreanTitleAndMessageAreRequired() {
        Map<String, Object> body = body();
        body.put("title", Map.of("en", "English only"));
        body.put("message", Map.of("ko", " ", "en", "English only"));
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title.ko", "message.ko"))
                .body("errors.message", hasItem("Korean text (ko) is required"));
    }

    @Test
    void missingFieldsAreListed() {
        as("commander")
                .body("{}")
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .body(
                        "errors.field",
                        containsInAnyOrder("title", "components", "scheduledFor", "scheduledUntil", "message"))
                .body("detail", containsString("scheduledFor: is required: when the work starts"));
        as("commander").post("/api/maintenances").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void atLeastOneComponentIsRequired() {
        Map<String, Object> body = body();
        body.put("components", List.of());
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .body("errors.field", contains("components"))
                .body("errors.message", contains("must list between 1 and 200 component keys"));
    }

    @Test
    void aBlankComponentKeyIsRefused() {
        Map<String, Object> body = body();
        body.put("components", List.of(key, " "));
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .body("errors.message", contains("must be a component key"));
    }

    @Test
    void anUnknownComponentIsNotFoundAndNamed() {
        Map<String, Object> body = body();
        body.put("components", List.of(key, "no-such-service"));
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("There is no component with key 'no-such-service'. GET /api/components lists them."))
                .body("unknown", contains("no-such-service"));
        body.put("components", List.of("nothing-1", key, "nothing-2"));
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(404)
                .body("unknown", contains("nothing-1", "nothing-2"))
                .body("detail", containsString("'nothing-1', 'nothing-2'"));
    }

    @Test
    void aTimeThatIsNotAnInstantIsRefusedNamingTheField() {
        Map<String, Object> body = body();
        body.put("scheduledFor", "next Tuesday");
        as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("scheduledFor"));
    }

    @Test
    void anUnknownStatusListsTheAllowedOnes() {
        String number = windows.schedule(ofMinutes(10), ofHours(1), key);
        seqBefore = lastSeq();
        as("commander")
                .body(Map.of("status", "done"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"))
                .body("allowed", hasItem("in_progress"))
                .body("allowed", hasItem("cancelled"));
        as("commander")
                .body(Map.of("message", Map.of("ko", "상태 없음")))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(400)
                .body("errors.field", contains("status"));
        as("commander")
                .body(Map.of("status", "in_progress", "message", Map.of("en", "no Korean")))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(400)
                .body("errors.field", contains("message.ko"));
        assertEquals("scheduled", Windows.status(number));
        assertEquals("operational", Windows.componentStatus(key));
    }

    @Test
    void anUnknownWindowIsNotFound() {
        as("viewer")
                .get("/api/maintenances/MNT-1999-0001")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("There is no maintenance window MNT-1999-0001. GET /api/maintenances lists them."));
        as("commander")
                .body(Map.of("status", "in_progress"))
                .post("/api/maintenances/MNT-1999-0001/status")
                .then()
                .statusCode(404);
    }

    @Test
    void anUnknownListStateListsTheAllowedOnes() {
        as("viewer")
                .get("/api/maintenances?state=past")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"))
                .body("allowed", contains("upcoming", "active", "completed", "all"));
    }
}
