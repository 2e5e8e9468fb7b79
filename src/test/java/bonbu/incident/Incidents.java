package bonbu.incident;

import static bonbu.support.Api.as;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Helpers for incident tests. */
final class Incidents {

    private Incidents() {}

    static Map<String, Object> text(String ko, String en) {
        return Map.of("ko", ko, "en", en);
    }

    static Map<String, Object> change(String key, String status) {
        return Map.of("key", key, "status", status);
    }

    /** Declares an incident as the commander and answers its number. */
    static String declare(String title, List<Map<String, Object>> components) {
        return as("commander")
                .body(Map.of(
                        "title",
                        text(title, title),
                        "components",
                        components,
                        "message",
                        text("조사 중", "Investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    static JsonPath get(String number) {
        return as("viewer")
                .get("/api/incidents/{n}", number)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static void update(String number, String status, List<Map<String, Object>> components) {
        as("commander")
                .body(Map.of(
                        "status", status, "message", text("진행 " + status, "Now " + status), "components", components))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
    }

    /** Timeline entries of one incident after {@code since}, as JSON. */
    static List<Map<String, Object>> entriesOf(String number, long since) {
        List<Map<String, Object>> all = as("viewer")
                .get("/api/timeline?since={s}&limit=1000", since)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries");
        return all.stream().filter(e -> number.equals(e.get("incident"))).toList();
    }

    static List<Object> typesOf(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("type")).toList();
    }
}
