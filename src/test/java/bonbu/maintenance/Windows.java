package bonbu.maintenance;

import static bonbu.support.Api.as;

import bonbu.support.TestClock;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maintenance windows for API tests, relative to the service's clock. Remembers what it
 * scheduled so that {@link #settle()} can close every window a test left open: the scheduler runs
 * in the background during the whole test run and must find nothing of ours to move later.
 */
final class Windows {

    private final List<String> numbers = new ArrayList<>();

    /** A valid body: work on {@code keys} from now + {@code startIn}, lasting {@code length}. */
    static Map<String, Object> body(Duration startIn, Duration length, String... keys) {
        java.time.Instant from = TestClock.now().plus(startIn).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", Map.of("ko", "정기 점검", "en", "Planned maintenance"));
        body.put("components", List.of(keys));
        body.put("scheduledFor", from.toString());
        body.put("scheduledUntil", from.plus(length).toString());
        body.put("message", Map.of("ko", "점검 중에는 이용할 수 없습니다", "en", "Unavailable during the work"));
        return body;
    }

    /** Schedules a window as the commander; answers its number. */
    String schedule(Duration startIn, Duration length, String... keys) {
        String number = as("commander")
                .body(body(startIn, length, keys))
                .post("/api/maintenances")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("number");
        numbers.add(number);
        return number;
    }

    /** Remembers a window scheduled some other way. */
    void remember(String number) {
        numbers.add(number);
    }

    static JsonPath get(String number) {
        return as("viewer")
                .get("/api/maintenances/{n}", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String status(String number) {
        return get(number).getString("status");
    }

    /** Moves a window by hand as the commander, expecting it to succeed. */
    static JsonPath move(String number, String status) {
        return as("commander")
                .body(Map.of("status", status))
                .post("/api/maintenances/{n}/status", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Cancels what has not started and completes what has, so nothing is left for the scheduler. */
    void settle() {
        for (String number : numbers) {
            String status = status(number);
            if (status.equals("scheduled")) move(number, "cancelled");
            if (status.equals("in_progress") || status.equals("verifying")) move(number, "completed");
        }
        numbers.clear();
    }

    /** A component's own status. */
    static String componentStatus(String key) {
        return as("viewer").get("/api/components/{k}", key).then().extract().path("status");
    }

    /** A component's effective status. */
    static String effectiveStatus(String key) {
        return as("viewer").get("/api/components/{k}", key).then().extract().path("effectiveStatus");
    }

    /** Timeline entries after {@code since}. */
    static List<Map<String, Object>> entriesSince(long since) {
        return as("viewer")
                .get("/api/timeline?since={s}&limit=1000", since)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
    }

    /** Timeline entries after {@code since} of one type about one window. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entriesAbout(long since, String type, String number) {
        return entriesSince(since).stream()
                .filter(e -> type.equals(e.get("type")))
                .filter(e -> number.equals(((Map<String, Object>) e.get("data")).get("number")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("data");
    }
}
