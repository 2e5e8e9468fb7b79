package bonbu.maintenance;

import static bonbu.maintenance.Windows.componentStatus;
import static bonbu.maintenance.Windows.data;
import static bonbu.maintenance.Windows.effectiveStatus;
import static bonbu.maintenance.Windows.entriesAbout;
import static bonbu.maintenance.Windows.entriesSince;
import static bonbu.maintenance.Windows.move;
import static bonbu.maintenance.Windows.status;
import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Windows moving through their lifecycle, on schedule (driven by the service's clock, never by
 * sleeping) and by hand, and what that does to their components.
 */
@QuarkusTest
class MaintenanceLifecycleTest {

    @Inject
    MaintenanceService maintenance;

    private final Windows windows = new Windows();

    @AfterEach
    void closeOpenWindows() {
        windows.settle();
    }

    @Test
    void aWindowStartsAndCompletesOnScheduleTakingItsComponentsDownAndBack() {
        String database = uniqueKey("mnt-db");
        String portal = uniqueKey("mnt-portal");
        createComponent(database);
        createComponent(portal);
        depend(portal, database, "REQUIRED");
        String number = windows.schedule(ofMinutes(1), ofMinutes(2), database);

        maintenance.advance();
        assertEquals("scheduled", status(number), "not yet due");
        assertEquals("operational", componentStatus(database));

        long beforeStart = lastSeq();
        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("status", equalTo("in_progress"))
                .body("startedAt", notNullValue())
                .body("completedAt", nullValue())
                .body("components[0].status", equalTo("under_maintenance"))
                .body("version", equalTo(1));
        assertEquals("under_maintenance", componentStatus(database));
        assertEquals("operational", componentStatus(portal));
        assertEquals("under_maintenance", effectiveStatus(portal), "the downstream is down through its upstream");
        as("viewer").get("/api/components/{k}", portal).then().body("causes[0].key", equalTo(database));

        List<Map<String, Object>> started = entriesAbout(beforeStart, "maintenance.status_changed", number);
        assertEquals(1, started.size());
        assertEquals("system", started.get(0).get("actor"));
        assertEquals("PUBLIC", started.get(0).get("audience"));
        assertEquals("scheduled", data(started.get(0)).get("from"));
        assertEquals("in_progress", data(started.get(0)).get("to"));
        assertEquals(List.of(), data(started.get(0)).get("skipped"));
        Map<String, Object> componentEntry = entriesSince(beforeStart).stream()
                .filter(e -> "component.status_changed".equals(e.get("type")) && database.equals(data(e).get("key")))
                .findFirst()
                .orElseThrow();
        assertEquals("under_maintenance", data(componentEntry).get("to"));
        assertTrue(((String) data(componentEntry).get("reason")).contains(number));
        assertEquals(started.get(0).get("at"), componentEntry.get("at"), "recorded in the same transaction");

        long beforeEnd = lastSeq();
        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("status", equalTo("completed"))
                .body("completedAt", notNullValue())
                .body("components[0].status", equalTo("operational"));
        assertEquals("operational", componentStatus(database));
        assertEquals("operational", effectiveStatus(portal));
        List<Map<String, Object>> completed = entriesAbout(beforeEnd, "maintenance.status_changed", number);
        assertEquals(1, completed.size());
        assertEquals("system", completed.get(0).get("actor"));
        assertEquals("in_progress", data(completed.get(0)).get("from"));
        assertEquals("completed", data(completed.get(0)).get("to"));

        long afterEnd = lastSeq();
        TestClock.advance(ofMinutes(1));
        maintenance.advance();
        assertEquals(afterEnd, lastSeq(), "a completed window is not moved again");
    }

    @Test
    void aWindowWhoseWholeTimePassedUnseenStartsAndCompletesInOneCheck() {
        String key = uniqueKey("mnt-missed");
        createComponent(key);
        String number = windows.schedule(ofMinutes(1), ofMinutes(1), key);

        long before = lastSeq();
        TestClock.advance(ofMinutes(3));
        maintenance.advance();
        assertEquals("completed", status(number));
        assertEquals("operational", componentStatus(key));
        assertEquals(
                List.of("in_progress", "completed"),
                entriesAbout(before, "maintenance.status_changed", number).stream()
                        .map(e -> data(e).get("to"))
                        .toList());
    }

    @Test
    void anOutageOutranksPlannedWorkAndIsLeftAsItIs() {
        String broken = uniqueKey("mnt-broken");
        String healthy = uniqueKey("mnt-healthy");
        createComponent(broken);
        createComponent(healthy);
        setStatus(broken, "major_outage");
        String number = windows.schedule(ofMinutes(1), ofMinutes(2), broken, healthy);

        long before = lastSeq();
        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("in_progress", status(number));
        assertEquals("major_outage", componentStatus(broken));
        assertEquals("under_maintenance", componentStatus(healthy));
        Map<String, Object> started =
                entriesAbout(before, "maintenance.status_changed", number).get(0);
        List<?> skipped = (List<?>) data(started).get("skipped");
        assertEquals(1, skipped.size());
        Map<?, ?> skip = (Map<?, ?>) skipped.get(0);
        assertEquals(broken, skip.get("key"));
        assertEquals("major_outage", skip.get("status"));
        assertEquals("outage", skip.get("why"));

        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("completed", status(number));
        assertEquals("major_outage", componentStatus(broken), "completing maintenance does not end an outage");
        assertEquals("operational", componentStatus(healthy));
    }

    @Test
    void aComponentStillHeldByAnotherWindowStaysUnderMaintenance() {
        String shared = uniqueKey("mnt-shared");
        String other = uniqueKey("mnt-other");
        createComponent(shared);
        createComponent(other);
        String shorter = windows.schedule(ofMinutes(1), ofMinutes(2), shared);
        String longer = windows.schedule(ofMinutes(1), ofMinutes(4), shared, other);

        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("in_progress", status(shorter));
        assertEquals("in_progress", status(longer));

        long before = lastSeq();
        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("completed", status(shorter));
        assertEquals("in_progress", status(longer));
        assertEquals("under_maintenance", componentStatus(shared), "the longer window still holds it");
        Map<?, ?> skip = (Map<?, ?>) ((List<?>) data(entriesAbout(before, "maintenance.status_changed", shorter)
                                .get(0))
                        .get("skipped"))
                .get(0);
        assertEquals("held_by_another_window", skip.get("why"));
        assertEquals(longer, skip.get("window"));

        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("completed", status(longer));
        assertEquals("operational", componentStatus(shared));
        assertEquals("operational", componentStatus(other));
    }

    @Test
    void manualMovesGoForwardAndCarryTheirMessage() {
        String key = uniqueKey("mnt-manual");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(2), key);

        long before = lastSeq();
        as("commander")
                .body(Map.of("status", "in_progress", "message", Map.of("ko", "조기 시작", "en", "Started early")))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200)
                .body("status", equalTo("in_progress"))
                .body("startedAt", notNullValue())
                .body("message.en", equalTo("Started early"))
                .body("components[0].status", equalTo("under_maintenance"))
                .body("version", equalTo(1));
        Map<String, Object> started =
                entriesAbout(before, "maintenance.status_changed", number).get(0);
        assertEquals("commander", started.get("actor"));
        assertEquals("Started early", ((Map<?, ?>) data(started).get("message")).get("en"));

        as("admin")
                .body(Map.of("status", "verifying"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200)
                .body("status", equalTo("verifying"))
                .body("message.en", equalTo("Started early"))
                .body("components[0].status", equalTo("under_maintenance"));
        move(number, "completed");
        assertEquals("operational", componentStatus(key));
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("status", equalTo("completed"))
                .body("version", equalTo(3));
    }

    @Test
    void illegalMovesAreConflictsSayingWhereTheWindowStandsAndWriteNothing() {
        String key = uniqueKey("mnt-illegal");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(2), key);
        move(number, "in_progress");

        long before = lastSeq();
        as("commander")
                .body(Map.of("status", "scheduled"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("current", equalTo("in_progress"))
                .body("allowed", contains("verifying", "completed"))
                .body(
                        "detail",
                        equalTo("Maintenance " + number + " is in_progress and cannot go back to scheduled: a window"
                                + " only moves forward. From in_progress it can move to: verifying, completed."));
        as("commander")
                .body(Map.of("status", "in_progress"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("is already in_progress"));
        as("commander")
                .body(Map.of("status", "cancelled"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(409)
                .body("detail", containsString("only a scheduled window can be cancelled"));
        assertEquals(before, lastSeq());
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("status", equalTo("in_progress"))
                .body("version", equalTo(1));

        // Skipping forward is allowed.
        move(number, "completed");
        before = lastSeq();
        as("commander")
                .body(Map.of("status", "verifying"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(409)
                .body("current", equalTo("completed"))
                .body("allowed", empty())
                .body("detail", containsString("is completed, so its status cannot change any more"));
        assertEquals(before, lastSeq());
    }

    @Test
    void aScheduledWindowCanBeCancelledAndThenNeverStarts() {
        String key = uniqueKey("mnt-cancel");
        createComponent(key);
        String number = windows.schedule(ofMinutes(1), ofMinutes(2), key);

        long before = lastSeq();
        as("commander")
                .body(Map.of("status", "cancelled", "message", Map.of("ko", "점검 취소", "en", "Work called off")))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancelledAt", notNullValue())
                .body("startedAt", nullValue())
                .body("message.ko", equalTo("점검 취소"))
                .body("components[0].status", equalTo("operational"));
        List<Map<String, Object>> entries = entriesSince(before);
        assertEquals(
                List.of("maintenance.status_changed"),
                entries.stream().map(e -> e.get("type")).toList());
        assertEquals("cancelled", data(entries.get(0)).get("to"));

        TestClock.advance(ofMinutes(2));
        maintenance.advance();
        assertEquals("cancelled", status(number));
        assertEquals("operational", componentStatus(key));
        as("commander")
                .body(Map.of("status", "in_progress"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(409)
                .body("current", equalTo("cancelled"));
    }

    @Test
    void aStatusSetOnPurposeDuringTheWindowIsLeftAtCompletion() {
        String changed = uniqueKey("mnt-changed");
        String untouched = uniqueKey("mnt-untouched");
        createComponent(changed);
        createComponent(untouched);
        String number = windows.schedule(ofHours(1), ofHours(1), changed, untouched);
        move(number, "in_progress");
        setStatus(changed, "degraded_performance");

        long before = lastSeq();
        move(number, "completed");
        assertEquals("degraded_performance", componentStatus(changed));
        assertEquals("operational", componentStatus(untouched));
        Map<?, ?> skip = (Map<?, ?>) ((List<?>) data(entriesAbout(before, "maintenance.status_changed", number)
                                .get(0))
                        .get("skipped"))
                .get(0);
        assertEquals(changed, skip.get("key"));
        assertEquals("changed_during_window", skip.get("why"));
    }

    @Test
    void aWindowCompletedWithoutStartingLeavesItsComponentsAlone() {
        String key = uniqueKey("mnt-unstarted");
        createComponent(key);
        setStatus(key, "under_maintenance");
        String number = windows.schedule(ofHours(1), ofHours(1), key);

        long before = lastSeq();
        as("commander")
                .body(Map.of("status", "completed"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200)
                .body("status", equalTo("completed"))
                .body("startedAt", nullValue())
                .body("components[0].status", equalTo("under_maintenance"));
        assertEquals("under_maintenance", componentStatus(key), "this window never took it down");
        List<Map<String, Object>> entries = entriesSince(before);
        assertEquals(
                List.of("maintenance.status_changed"),
                entries.stream().map(e -> e.get("type")).toList());
        assertNotNull(data(entries.get(0)).get("components"));
        setStatus(key, "operational");
    }
}
