package bonbu.security;

import static bonbu.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.statuspage.PublicSite;
import bonbu.support.Api;
import bonbu.support.Console;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Script and markup typed into every free-text field comes back as text on every page that shows
 * it: the staff console, the review pages and the public status page.
 */
@QuarkusTest
class HostileTextTest {

    /** Each payload ends with a marker so a page can be searched for the escaped form too. */
    static final List<String> CORPUS = List.of(
            "<script>window.__xss=1</script>",
            "\"><img src=x onerror=window.__xss=2>",
            "'><svg onload=window.__xss=3>",
            "</textarea><script>window.__xss=4</script>",
            "</script><script>window.__xss=5</script>",
            "<a href=\"javascript:window.__xss=6\">click</a>",
            "<iframe srcdoc=\"<script>parent.__xss=7</script>\"></iframe>",
            "{inject:session.csrfToken} {#each x}{/each} ${7*7}");

    /** What a payload must never appear as: the markup it carries, unescaped. */
    static List<String> dangerous(String payload) {
        List<String> parts = new ArrayList<>();
        for (String marker : new String[] {
            "<script>",
            "<img src=x",
            "<svg onload",
            "</textarea><script",
            "</script><script",
            "<a href=\"javascript:",
            "<iframe srcdoc"
        }) {
            if (payload.contains(marker)) parts.add(marker);
        }
        return parts;
    }

    static String payload(int i) {
        return CORPUS.get(i % CORPUS.size());
    }

    @Test
    void hostileTextInEveryFieldIsShownAsTextOnEveryPage() {
        // A component, an incident, its updates, a hypothesis, a review, a task: each text field
        // gets a payload.
        String key = Api.uniqueKey("hostile");
        Map<String, Object> component = new LinkedHashMap<>(Api.component(key, 1, true));
        component.put("name", Map.of("ko", payload(0) + key, "en", payload(1) + key));
        component.put("description", Map.of("ko", payload(2), "en", payload(3)));
        component.put(
                "alternatives",
                List.of(Map.of(
                        "name", Map.of("ko", payload(4), "en", payload(5)),
                        "howTo", Map.of("ko", payload(6), "en", payload(7)),
                        "url", "https://example.go.kr/?q=\"><script>window.__xss=8</script>")));
        as("admin").body(component).post("/api/components").then().statusCode(201);
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", payload(0) + " 제목", "en", payload(1) + " title"),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", payload(2) + " 메시지", "en", payload(3) + " message")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        as("commander")
                .body(Map.of(
                        "status",
                        "identified",
                        "message",
                        Map.of("ko", payload(4) + " 갱신", "en", payload(5) + " update")))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        long hypothesis = ((Number) as("commander")
                        .body(Map.of(
                                "statement",
                                Map.of("ko", payload(6) + " 원인", "en", payload(7) + " cause"),
                                "evidence",
                                payload(0) + " 증거"))
                        .post("/api/incidents/{n}/hypotheses", number)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
        as("commander")
                .body(Map.of("evidence", payload(1) + " 확인"))
                .post("/api/incidents/{n}/hypotheses/{id}/confirm", number, hypothesis)
                .then()
                .statusCode(200);
        as("commander")
                .post("/api/incidents/{n}/hypotheses/{id}/publish", number, hypothesis)
                .then()
                .statusCode(200);
        as("commander")
                .body(Map.of(
                        "summary",
                        payload(2) + " 요약",
                        "impact",
                        payload(3),
                        "contributingFactors",
                        List.of(payload(4))))
                .put("/api/incidents/{n}/review", number)
                .then()
                .statusCode(200);
        as("commander")
                .body(Map.of("title", payload(5) + " 작업", "description", payload(6), "assignee", "responder"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(201);
        PublicSite.awaitSnapshot();

        String staff = Console.signIn("viewer").cookie();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : consolePages(number)) {
            pages.put(
                    path,
                    given().cookie("bonbu_session", staff)
                            .get(path)
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
        }
        for (String path : List.of("/", "/en/", "/incidents/" + number, "/en/incidents/" + number, "/history")) {
            pages.put(path, given().get(path).then().statusCode(200).extract().asString());
        }

        List<String> unsafe = new ArrayList<>();
        pages.forEach((path, html) -> {
            for (String payload : CORPUS) {
                for (String marker : dangerous(payload)) {
                    int at = html.indexOf(marker + "window.__xss");
                    if (at < 0) at = html.indexOf(marker.equals("<script>") ? "<script>window.__xss" : marker);
                    if (at >= 0) unsafe.add(path + " shows " + marker + " unescaped");
                }
            }
            if (html.contains("window.__xss=8</script>")) unsafe.add(path + " shows the URL's script unescaped");
            if (html.contains("{inject:session.csrfToken}") && html.contains("value=\"" + "{inject")) {
                unsafe.add(path + " evaluated template text");
            }
        });
        assertTrue(unsafe.isEmpty(), String.join("\n", unsafe));
        // And the text is there, escaped: proof the pages did show the fields.
        for (String path : List.of(
                "/console",
                "/console/incidents/" + number,
                "/console/catalog",
                "/console/incidents/" + number + "/work",
                "/review/incidents/" + number,
                "/")) {
            assertTrue(
                    pages.get(path).contains("&lt;script&gt;window.__xss=1&lt;/script&gt;")
                            || pages.get(path).contains("&lt;script&gt;window.__xss=4&lt;/script&gt;")
                            || pages.get(path).contains("&quot;&gt;&lt;img src=x onerror=window.__xss=2&gt;"),
                    path + " shows none of the hostile text, escaped or not");
        }
    }

    /** The staff pages that show an incident's and the catalog's text. */
    static List<String> consolePages(String number) {
        return List.of(
                "/console",
                "/console/incidents/" + number,
                "/console/catalog",
                "/console/incidents/" + number + "/work",
                "/console/tasks",
                "/review/incidents/" + number,
                "/api/incidents/" + number + "/export?format=html");
    }

    @Test
    void aLinkThatIsNotHttpIsRefused() {
        Map<String, Object> component = new LinkedHashMap<>(Api.component(Api.uniqueKey("hostile"), 3, true));
        component.put(
                "alternatives",
                List.of(Map.of("name", Map.of("ko", "창구", "en", "Counter"), "url", "javascript:window.__xss=9")));
        long before = Api.lastSeq();
        as("admin").body(component).post("/api/components").then().statusCode(400);
        assertTrue(before == Api.lastSeq());
    }
}
