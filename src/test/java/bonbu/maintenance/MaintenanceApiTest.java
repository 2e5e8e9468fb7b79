package bonbu.maintenance;

import static bonbu.maintenance.Windows.data;
import static bonbu.maintenance.Windows.entriesSince;
import static bonbu.maintenance.Windows.move;
import static bonbu.support.Api.as;
import static bonbu.support.Api.component;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static java.time.Duration.ofHours;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scheduling, reading and listing maintenance windows, and who may do what. */
@QuarkusTest
class MaintenanceApiTest {

    private final Windows windows = new Windows();

    @AfterEach
    void closeOpenWindows() {
        windows.settle();
    }

    @Test
    void schedulingAnswersTheWindowAndRecordsItPublicly() {
        String key = uniqueKey("mnt-portal");
        createComponent(key);
        Map<String, Object> body = Windows.body(ofHours(1), ofHours(2), key);
        long before = lastSeq();
        JsonPath created = as("commander")
                .body(body)
                .post("/api/maintenances")
                .then()
                .statusCode(201)
                .body("number", matchesPattern("MNT-\\d{4}-\\d{4}"))
                .body("title.ko", equalTo("정기 점검"))
                .body("title.en", equalTo("Planned maintenance"))
                .body("status", equalTo("scheduled"))
                .body("components.key", contains(key))
                .body("components[0].name.en", equalTo("Test " + key))
                .body("components[0].status", equalTo("operational"))
                .body("components[0].effectiveStatus", equalTo("operational"))
                .body("scheduledFor", equalTo(body.get("scheduledFor")))
                .body("scheduledUntil", equalTo(body.get("scheduledUntil")))
                .body("startedAt", nullValue())
                .body("completedAt", nullValue())
                .body("message.en", equalTo("Unavailable during the work"))
                .body("version", equalTo(0))
                .extract()
                .jsonPath();
        String number = created.getString("number");
        windows.remember(number);
        int year = TestClock.now().atZone(ZoneId.of("Asia/Seoul")).getYear();
        assertTrue(number.startsWith("MNT-" + year + "-"), number + " is numbered by the year it was scheduled in");

        List<Map<String, Object>> entries = entriesSince(before);
        assertEquals(1, entries.size());
        assertEquals("maintenance.scheduled", entries.get(0).get("type"));
        assertEquals("PUBLIC", entries.get(0).get("audience"));
        assertEquals("commander", entries.get(0).get("actor"));
        Map<String, Object> data = data(entries.get(0));
        assertEquals(number, data.get("number"));
        assertEquals("scheduled", data.get("status"));
        assertEquals(body.get("scheduledFor"), data.get("scheduledFor"));
        assertEquals(
                List.of(key),
                ((List<?>) data.get("components"))
                        .stream().map(c -> ((Map<?, ?>) c).get("key")).toList());

        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .statusCode(200)
                .body("number", equalTo(number))
                .body("scheduledFor", equalTo(body.get("scheduledFor")))
                .body("components[0].name.ko", equalTo("테스트 " + key));
        as("viewer").get("/api/maintenances").then().statusCode(200).body("number", hasItem(number));
    }

    @Test
    void theLocationHeaderNamesTheNewWindow() {
        String key = uniqueKey("mnt-loc");
        createComponent(key);
        String location = as("admin")
                .body(Windows.body(ofHours(1), ofHours(1), key))
                .post("/api/maintenances")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/maintenances/MNT-\\d{4}-\\d{4}"))
                .extract()
                .header("Location");
        String number = location.substring(location.lastIndexOf('/') + 1);
        windows.remember(number);
        given().auth()
                .preemptive()
                .basic("viewer", "bonbu-demo")
                .get(location)
                .then()
                .statusCode(200);
    }

    @Test
    void numbersFollowOneAnotherWithinTheYear() {
        String key = uniqueKey("mnt-seq");
        createComponent(key);
        String first = windows.schedule(ofHours(1), ofHours(1), key);
        String second = windows.schedule(ofHours(3), ofHours(1), key);
        assertEquals(first.substring(0, 9), second.substring(0, 9));
        assertEquals(Integer.parseInt(first.substring(9)) + 1, Integer.parseInt(second.substring(9)));
    }

    @Test
    void aComponentNamedTwiceIsTakenOnce() {
        String key = uniqueKey("mnt-twice");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(1), key, key);
        as("viewer").get("/api/maintenances/{n}", number).then().body("components.key", contains(key));
    }

    @Test
    void publicEntriesNameOnlyPublicComponentsAndStaffOnlyWindowsStayWithStaff() {
        String portal = uniqueKey("mnt-public");
        String backOffice = uniqueKey("mnt-staff");
        createComponent(portal);
        as("admin")
                .body(component(backOffice, 2, false))
                .post("/api/components")
                .then()
                .statusCode(201);

        long before = lastSeq();
        windows.schedule(ofHours(1), ofHours(1), portal, backOffice);
        Map<String, Object> mixed = entriesSince(before).get(0);
        assertEquals("PUBLIC", mixed.get("audience"));
        assertEquals(
                List.of(portal),
                ((List<?>) data(mixed).get("components"))
                        .stream().map(c -> ((Map<?, ?>) c).get("key")).toList());

        before = lastSeq();
        String staffOnly = windows.schedule(ofHours(1), ofHours(1), backOffice);
        Map<String, Object> staff = entriesSince(before).get(0);
        assertEquals("STAFF", staff.get("audience"));
        assertEquals(staffOnly, data(staff).get("number"));
        as("viewer").get("/api/maintenances/{n}", staffOnly).then().body("components.key", contains(backOffice));
    }

    @ParameterizedTest
    @ValueSource(strings = {"responder", "comms", "viewer"})
    void onlyCommandersAndAdminsScheduleAndMoveWindows(String user) {
        String key = uniqueKey("mnt-denied");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(1), key);
        long before = lastSeq();
        as(user).body(Windows.body(ofHours(1), ofHours(1), key))
                .post("/api/maintenances")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
        as(user).body(Map.of("status", "in_progress"))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertEquals(before, lastSeq());
        assertEquals("scheduled", Windows.status(number));
        assertEquals("operational", Windows.componentStatus(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "commander", "responder", "comms", "viewer"})
    void everyRoleCanRead(String user) {
        String key = uniqueKey("mnt-read");
        createComponent(key);
        String number = windows.schedule(ofHours(1), ofHours(1), key);
        as(user).get("/api/maintenances").then().statusCode(200).body("number", hasItem(number));
        as(user).get("/api/maintenances/{n}", number).then().statusCode(200);
    }

    @Test
    void readingWithoutSigningInIsUnauthorized() {
        given().get("/api/maintenances").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theListFiltersByStateAndIsOrderedByScheduledStart() {
        String key = uniqueKey("mnt-list");
        createComponent(key);
        String upcoming = windows.schedule(ofHours(4), ofHours(1), key);
        String active = windows.schedule(ofHours(3), ofHours(1), key);
        String completed = windows.schedule(ofHours(2), ofHours(1), key);
        String cancelled = windows.schedule(ofHours(1), ofHours(1), key);
        move(active, "in_progress");
        move(completed, "in_progress");
        move(completed, "completed");
        move(cancelled, "cancelled");

        Map<String, List<String>> expected = Map.of(
                "upcoming", List.of(upcoming),
                "active", List.of(active),
                "completed", List.of(completed),
                "all", List.of(cancelled, completed, active, upcoming));
        List<String> mine = List.of(upcoming, active, completed, cancelled);
        for (var e : expected.entrySet()) {
            List<String> listed = as("viewer")
                    .get("/api/maintenances?state={s}", e.getKey())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("number");
            assertEquals(e.getValue(), listed.stream().filter(mine::contains).toList(), "state=" + e.getKey());
        }
        List<String> everything = as("viewer")
                .get("/api/maintenances")
                .then()
                .statusCode(200)
                .body("number", hasItem(cancelled))
                .extract()
                .jsonPath()
                .getList("scheduledFor");
        List<Instant> starts =
                new ArrayList<>(everything.stream().map(Instant::parse).toList());
        List<Instant> sorted = new ArrayList<>(starts);
        sorted.sort(null);
        assertEquals(sorted, starts, "windows are listed by scheduled start");
        as("viewer")
                .get("/api/maintenances?state=upcoming")
                .then()
                .body("number", not(hasItem(cancelled)))
                .body("status", not(hasItem("cancelled")));
    }

    @Test
    void theViewShowsWhereTheWindowsComponentsStandNow() {
        String up = uniqueKey("mnt-up");
        String down = uniqueKey("mnt-down");
        createComponent(up);
        createComponent(down);
        depend(down, up, "REQUIRED");
        String number = windows.schedule(ofHours(1), ofHours(1), down);
        setStatus(up, "partial_outage");
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("components[0].status", equalTo("operational"))
                .body("components[0].effectiveStatus", equalTo("partial_outage"));
        setStatus(up, "operational");
        as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .body("components[0].effectiveStatus", equalTo("operational"));
    }
}
