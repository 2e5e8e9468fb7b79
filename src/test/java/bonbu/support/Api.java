package bonbu.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers for API tests: signed-in requests as the demo accounts, and unique names. */
public final class Api {

    public static final String PASSWORD = "bonbu-demo";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    private Api() {}

    /** A JSON request signed in as one of the demo accounts. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PASSWORD).contentType(ContentType.JSON);
    }

    /** A key no other test uses: {@code prefix-<run>-<n>}. */
    public static String uniqueKey(String prefix) {
        return prefix + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** A minimal valid component body. */
    public static Map<String, Object> component(String key, int tier, boolean isPublic) {
        return Map.of(
                "key",
                key,
                "name",
                Map.of("ko", "테스트 " + key, "en", "Test " + key),
                "group",
                Map.of("ko", "시험", "en", "Tests"),
                "kind",
                "PUBLIC_SERVICE",
                "tier",
                tier,
                "public",
                isPublic);
    }

    public static void createComponent(String key) {
        as("admin").body(component(key, 2, true)).post("/api/components").then().statusCode(201);
    }

    public static void depend(String downstream, String upstream, String kind) {
        as("admin")
                .body(Map.of("kind", kind))
                .put("/api/components/{d}/dependencies/{u}", downstream, upstream)
                .then()
                .statusCode(201);
    }

    public static void setStatus(String key, String status) {
        as("commander")
                .body(Map.of("status", status, "reason", "test"))
                .post("/api/components/{k}/status", key)
                .then()
                .statusCode(200);
    }

    /** Declares an incident as the commander with one component in major outage; answers its number. */
    public static String declare(String key, String titleKo) {
        return as("commander")
                .body(Map.of(
                        "title", Map.of("ko", titleKo),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "조사 중")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }

    /**
     * The highest committed timeline seq of a change, read through the API. Audit entries
     * ({@code security.*}: sign-ins, refused requests, written asynchronously) are not changes, so
     * a refused request leaves this number where it was.
     */
    public static long lastSeq() {
        long since = 0;
        long last = 0;
        while (true) {
            var page = as("viewer")
                    .get("/api/timeline?since={s}&limit=1000", since)
                    .then()
                    .statusCode(200)
                    .extract();
            List<Map<String, Object>> entries = page.jsonPath().getList("entries");
            for (Map<String, Object> e : entries) {
                if (!String.valueOf(e.get("type")).startsWith("security.")) {
                    last = ((Number) e.get("seq")).longValue();
                }
            }
            long next = page.jsonPath().getLong("next");
            if (!page.jsonPath().getBoolean("more")) return last;
            since = next;
        }
    }

    /** Timeline entries of one type after {@code since}, oldest first (waits up to 5 s for at least one). */
    public static List<Map<String, Object>> entriesOfType(String type, long since) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<Map<String, Object>> found = new java.util.ArrayList<>();
            long from = since;
            while (true) {
                var page = as("viewer")
                        .get("/api/timeline?since={s}&limit=1000", from)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                page.<Map<String, Object>>getList("entries").stream()
                        .filter(e -> type.equals(e.get("type")))
                        .forEach(found::add);
                if (!page.getBoolean("more")) break;
                from = page.getLong("next");
            }
            if (!found.isEmpty() || System.nanoTime() > deadline) return found;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }
}
