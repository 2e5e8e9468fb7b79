package bonbu.review;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every export format carries every timeline entry and states the verification hash. */
@QuarkusTest
class ExportTest {

    String number;
    List<Long> seqs;
    String lastHash;
    String summary;
    String action;

    @BeforeEach
    void incidentWithAFewSteps() {
        String key = Api.uniqueKey("export");
        Api.createComponent(key);
        number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "내보내기 <b>" + key + "</b>", "en", "Export " + key),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "조사 중 | 첫 공지", "en", "Investigating, \"first\"")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        as("comms")
                .body(Map.of(
                        "status", "resolved",
                        "message", Map.of("ko", "복구\n완료", "en", "Restored"),
                        "components", List.of(Map.of("key", key, "status", "operational"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        as("commander")
                .body(Map.of("summary", "요약 " + key, "contributingFactors", List.of("단일 장애점 " + key)))
                .put("/api/incidents/{n}/review", number)
                .then()
                .statusCode(200);
        as("commander")
                .body(Map.of("title", "이중화 " + key, "owner", "responder", "dueDate", "2030-01-01"))
                .post("/api/incidents/{n}/actions", number)
                .then()
                .statusCode(201);
        summary = "요약 " + key;
        action = "이중화 " + key;
        JsonPath timeline = as("viewer")
                .get("/api/incidents/{n}/timeline", number)
                .then()
                .extract()
                .jsonPath();
        seqs = timeline.getList("days.entries.flatten().seq", Long.class);
        lastHash = timeline.getString("verification.lastHash");
        assertTrue(seqs.size() >= 5, "declared, roles, statuses, update…: " + seqs);
    }

    Response export(String format) {
        return as("viewer").get("/api/incidents/{n}/export?format={f}", number, format);
    }

    @Test
    void jsonHasEveryEntryAndTheVerification() {
        JsonPath doc = export("json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        assertEquals(seqs, doc.getList("timeline.days.entries.flatten().seq", Long.class));
        assertEquals("OK", doc.getString("verification.status"));
        assertEquals(lastHash, doc.getString("verification.lastHash"));
        assertEquals(number, doc.getString("incident.number"));
        assertTrue(doc.getList("measures.components").size() >= 1);
        assertEquals(summary, doc.getString("review.summary"));
    }

    @Test
    void csvHasARowPerEntryAndAVerificationRow() {
        // A minute ahead of the wall clock, so a row stamped by the wall clock would be too early.
        TestClock.advance(Duration.ofMinutes(1));
        Instant before = TestClock.now();
        Response r = export("csv");
        r.then().statusCode(200).contentType("text/csv");
        assertTrue(r.header("Content-Disposition").contains(number + "-timeline.csv"));
        String csv = r.asString();
        for (Long seq : seqs) assertTrue(csv.contains("\r\n" + seq + ","), "row for seq " + seq);
        assertTrue(csv.startsWith("seq,at_utc,at_kst,type,audience,actor,data,hash\r\n"));
        Matcher verification = Pattern.compile("\r\n,([^,]+),,verification,").matcher(csv);
        assertTrue(verification.find(), csv);
        Instant stamped = Instant.parse(verification.group(1));
        assertFalse(stamped.isBefore(before), "stamped " + stamped + " by the service's clock, not before " + before);
        assertFalse(stamped.isAfter(TestClock.now()), "stamped " + stamped + " while the export was made");
        assertTrue(csv.contains(lastHash));
        assertTrue(csv.contains("Investigating, \\\"\"first\\\"\""), "quotes doubled inside quoted fields");
    }

    @Test
    void markdownHasEveryEntryAndTheHash() {
        String md = export("markdown")
                .then()
                .statusCode(200)
                .contentType("text/markdown")
                .extract()
                .asString();
        for (Long seq : seqs) assertTrue(md.contains("| " + seq + " |"), "row for seq " + seq);
        assertTrue(md.contains("Timeline verification: OK"));
        assertTrue(md.contains(lastHash));
        assertTrue(md.contains("조사 중 \\| 첫 공지"), "a | in user text does not break the table");
        assertTrue(md.contains("## Summary\n\n" + summary), "the review's summary");
        assertTrue(md.contains(action), "the follow-up actions");
    }

    @Test
    void printablePageHasEveryEntryThePrintStylesheetAndEscapesUserText() {
        String html = export("html")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        for (Long seq : seqs) assertTrue(html.contains("id=\"seq-" + seq + "\""), "row for seq " + seq);
        assertTrue(html.contains("href=\"/static/review-print.css\""));
        assertTrue(io.restassured.RestAssured.get("/static/review-print.css")
                .asString()
                .contains("@media print"));
        assertTrue(html.contains(lastHash));
        assertFalse(html.contains("<b>export"), "user text is escaped");
        assertTrue(html.contains("&lt;b&gt;"));
        assertTrue(html.contains(summary) && html.contains(action), "the review's sections");
    }

    @Test
    void anUnknownFormatIsRefusedWithTheChoices() {
        export("pdf")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("allowed", org.hamcrest.Matchers.hasItems("json", "markdown", "csv", "html"));
        as("viewer").get("/api/incidents/INC-1999-0001/export").then().statusCode(404);
    }

    @Test
    void markdownShowsHtmlAsTextAndKeepsOnlyWebLinks() {
        String key = Api.uniqueKey("export-md");
        Api.createComponent(key);
        String hostile = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "<script>alert(1)</script> " + key, "en", "<img src=x onerror=alert(2)>"),
                        "components", List.of(Map.of("key", key, "status", "major_outage")),
                        "message", Map.of("ko", "[공지](javascript:alert(3)) <b>굵게</b>")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        as("commander")
                .body(Map.of(
                        "summary",
                        "<iframe src=\"javascript:alert(4)\"></iframe>\n[안내](https://www.gov.kr/notice)",
                        "impact",
                        "![x](data:image/svg+xml;base64,PHN2Zz4=) [y](vbscript:run)",
                        "contributingFactors",
                        List.of("<a href=\"javascript:alert(5)\">L4</a>", "[ref]: javascript:alert(6)")))
                .put("/api/incidents/{n}/review", hostile)
                .then()
                .statusCode(200);
        as("commander")
                .body(Map.of(
                        "title", "[조치](javascript:alert(7)) <u>x</u>", "owner", "responder", "dueDate", "2030-01-01"))
                .post("/api/incidents/{n}/actions", hostile)
                .then()
                .statusCode(201);
        String md = as("viewer")
                .get("/api/incidents/{n}/export?format=markdown", hostile)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String raw : List.of("<script", "<img", "<b>", "<iframe", "<a ", "<u>")) {
            assertFalse(md.contains(raw), "raw HTML " + raw + " in:\n" + md);
        }
        for (String target : List.of("](javascript", "](data:", "](vbscript", "\n[ref]:")) {
            assertFalse(md.contains(target), "link target " + target + " in:\n" + md);
        }
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; " + key), md);
        assertTrue(md.contains("[안내](https://www.gov.kr/notice)"), "an https link is kept");
        assertTrue(md.contains("공지 &lt;b&gt;굵게&lt;/b&gt;"), "the label stays as text");
        assertTrue(md.contains("| 조치 &lt;u&gt;x&lt;/u&gt; |"), "the action's title, in its table cell");
    }
}
