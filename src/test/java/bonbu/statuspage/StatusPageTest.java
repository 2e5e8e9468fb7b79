package bonbu.statuspage;

import static bonbu.statuspage.PublicSite.awaitSnapshot;
import static bonbu.statuspage.PublicSite.page;
import static bonbu.statuspage.PublicSite.row;
import static bonbu.support.Api.as;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusPageTest {

    /** The 2023 shape, with fresh keys: a hidden shared sign-in that a portal and its certificates need. */
    record Scenario(String auth, String portal, String certs, String family, String counters) {}

    static Scenario gpkiScenario() {
        Scenario s = new Scenario(
                uniqueKey("gpki"), uniqueKey("portal"), uniqueKey("certs"), uniqueKey("family"), uniqueKey("counters"));
        create(s.auth(), "행정전자서명 인증 " + s.auth(), "GPKI sign-in " + s.auth(), false, null);
        create(s.portal(), "정부24 " + s.portal(), "Gov24 " + s.portal(), true, null);
        create(s.family(), "가족관계등록 " + s.family(), "Family registry " + s.family(), true, null);
        create(s.counters(), "민원 창구 " + s.counters(), "Office counters " + s.counters(), true, null);
        create(
                s.certs(),
                "증명서 발급 " + s.certs(),
                "Certificates " + s.certs(),
                true,
                List.of(Map.of(
                        "name", Map.of("ko", "가족관계증명서로 대신 제출", "en", "Submit a family relations certificate"),
                        "howTo", Map.of("ko", "제출처에 확인하세요", "en", "Ask where you submit it"),
                        "url", "https://efamily.scourt.go.kr",
                        "hours", Map.of("ko", "24시간", "en", "24 hours"),
                        "component", s.family())));
        Api.depend(s.portal(), s.auth(), "REQUIRED");
        Api.depend(s.certs(), s.portal(), "REQUIRED");
        Api.depend(s.counters(), s.auth(), "DEGRADES");
        return s;
    }

    static void create(String key, String ko, String en, boolean isPublic, List<Map<String, Object>> alternatives) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("key", key);
        body.put("name", en == null ? Map.of("ko", ko) : Map.of("ko", ko, "en", en));
        body.put("group", Map.of("ko", "시험 " + key, "en", "Tests " + key));
        body.put("kind", isPublic ? "PUBLIC_SERVICE" : "SHARED_INFRASTRUCTURE");
        body.put("tier", 1);
        body.put("public", isPublic);
        if (alternatives != null) body.put("alternatives", alternatives);
        as("admin").body(body).post("/api/components").then().statusCode(201);
    }

    @Test
    void sharedSignInFailureShowsPropagatedStatusesCausesAndAlternativesInKorean() {
        Scenario s = gpkiScenario();
        Api.setStatus(s.auth(), "major_outage");
        try {
            awaitSnapshot();
            String html = page("/");
            assertTrue(html.contains("<html lang=\"ko\">"));
            assertFalse(html.contains("data-key=\"" + s.auth() + "\""), "the hidden shared sign-in has no row");

            String portal = row(html, s.portal());
            assertTrue(portal.contains("전면 장애"), portal);
            assertTrue(portal.contains("원인: 행정전자서명 인증 " + s.auth()), portal);

            String certs = row(html, s.certs());
            assertTrue(certs.contains("전면 장애"), certs);
            assertTrue(certs.contains("원인: 행정전자서명 인증 " + s.auth()), "the root cause, not the portal: " + certs);
            assertTrue(certs.contains("<div class=\"alternatives\">"), "alternatives are shown: " + certs);
            assertTrue(certs.contains("가족관계증명서로 대신 제출"), certs);
            assertTrue(certs.contains("https://efamily.scourt.go.kr"), certs);
            assertTrue(certs.contains("이용 시간: 24시간"), certs);
            assertTrue(certs.contains("(정상)"), "the alternative's own status: " + certs);

            String counters = row(html, s.counters());
            assertTrue(counters.contains("성능 저하"), counters);

            assertTrue(row(html, s.family()).contains("정상"));
            assertTrue(html.contains("주요 서비스에 장애가 있습니다"), "overall banner");
        } finally {
            Api.setStatus(s.auth(), "operational");
        }
    }

    @Test
    void sharedSignInFailureReadsTheSameInEnglish() {
        Scenario s = gpkiScenario();
        Api.setStatus(s.auth(), "major_outage");
        try {
            awaitSnapshot();
            String html = page("/en/");
            assertTrue(html.contains("<html lang=\"en\">"));
            String certs = row(html, s.certs());
            assertTrue(certs.contains("Major outage"), certs);
            assertTrue(certs.contains("via GPKI sign-in " + s.auth()), certs);
            assertTrue(certs.contains("Submit a family relations certificate"), certs);
            assertTrue(certs.contains("Hours: 24 hours"), certs);
            assertTrue(row(html, s.counters()).contains("Degraded performance"));
            assertTrue(html.contains("Major services are down"));
            assertTrue(html.contains("href=\"/?lang=ko\""), "a visible switch back to Korean");
        } finally {
            Api.setStatus(s.auth(), "operational");
        }
    }

    @Test
    void englishFallsBackToKoreanWhereNoEnglishWasGiven() {
        String key = uniqueKey("koonly");
        create(key, "한국어만 있는 서비스 " + key, null, true, null);
        awaitSnapshot();
        assertTrue(row(page("/en/"), key).contains("한국어만 있는 서비스 " + key));
    }

    @Test
    void userTextIsShownAsTextNeverAsMarkup() {
        String key = uniqueKey("xss");
        create(key, "<script>window.pwned=1</script><b>굵게</b>", "<img src=x onerror=alert(1)>", true, null);
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", "<script>alert('제목')</script>", "en", "<svg onload=alert(1)>"),
                        "components", List.of(Map.of("key", key, "status", "partial_outage")),
                        "message", Map.of("ko", "<iframe src=javascript:alert(1)>", "en", "</p><script>x()</script>")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        awaitSnapshot();
        for (String path : List.of("/", "/en/", "/incidents/" + number, "/en/incidents/" + number, "/history")) {
            String html = page(path);
            for (String raw : List.of(
                    "<script>window.pwned",
                    "<b>굵게",
                    "<img src=x",
                    "<script>alert('제목')",
                    "<svg onload",
                    "<iframe",
                    "<script>x()")) {
                assertFalse(html.contains(raw), path + " contains raw " + raw);
            }
        }
        assertTrue(page("/").contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;b&gt;굵게&lt;/b&gt;"));
        assertTrue(page("/incidents/" + number).contains("&lt;iframe src=javascript:alert(1)&gt;"));
        String feed = page("/history.atom");
        assertFalse(feed.contains("<script>alert"), "the feed escapes titles");
        assertTrue(feed.contains("&lt;script&gt;alert("));
        as("commander")
                .body(Map.of(
                        "status",
                        "resolved",
                        "message",
                        Map.of("ko", "해결"),
                        "components",
                        List.of(Map.of("key", key, "status", "operational"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
    }

    @Test
    void incidentPageHistoryAndFeedTellThePublicStory() {
        Scenario s = gpkiScenario();
        String title = "인증 장애 " + s.auth();
        String number = as("commander")
                .body(Map.of(
                        "title", Map.of("ko", title, "en", "Sign-in outage " + s.auth()),
                        "components", List.of(Map.of("key", s.auth(), "status", "major_outage")),
                        "message", Map.of("ko", "원인을 조사하고 있습니다", "en", "We are investigating")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
        as("commander")
                .body(Map.of(
                        "status", "resolved",
                        "message", Map.of("ko", "복구되었습니다", "en", "Service is restored"),
                        "components", List.of(Map.of("key", s.auth(), "status", "operational"))))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        awaitSnapshot();

        String ko = page("/incidents/" + number);
        assertTrue(ko.contains("<h1>" + title + "</h1>"), ko);
        assertTrue(ko.contains("원인을 조사하고 있습니다") && ko.contains("복구되었습니다"));
        assertTrue(ko.indexOf("복구되었습니다") < ko.indexOf("원인을 조사하고 있습니다"), "newest update first");
        assertTrue(ko.contains("해결됨"));
        assertTrue(ko.contains("정부24 " + s.portal()), "names the public components it set or held down");
        assertFalse(ko.contains("commander"), "no staff names on the public page");
        String en = page("/en/incidents/" + number);
        assertTrue(en.contains("Sign-in outage " + s.auth()) && en.contains("Service is restored"));
        assertTrue(en.contains("Resolved"));

        String history = page("/history");
        assertTrue(history.contains("href=\"/incidents/" + number + "\""), "listed in the history");
        assertTrue(page("/en/history").contains("href=\"/en/incidents/" + number + "\""));

        Response feed = given().get("/history.atom");
        assertEquals(200, feed.statusCode());
        assertTrue(feed.contentType().startsWith("application/atom+xml"));
        String atom = feed.asString();
        assertTrue(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ko\">"));
        assertTrue(atom.contains("[해결됨] " + title));
        assertTrue(atom.contains("/incidents/" + number + "</id>"));
        assertTrue(given().get("/en/history.atom").asString().contains("Service is restored"));

        given().get("/incidents/no-such-incident").then().statusCode(404).contentType(Resource.HTML);
        String mistyped = given().header("Accept", "text/html")
                .get("/no-such-page")
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertTrue(mistyped.contains("<html lang=\"ko\">") && mistyped.contains("페이지를 찾을 수 없습니다"));
        given().header("Accept", "text/html")
                .get("/api/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertTrue(given().get("/en/incidents/no-such-incident").asString().contains("Page not found"));
    }

    @Test
    void matchingEtagAnswers304AndAChangeGivesANewEtag() {
        awaitSnapshot();
        Response first = given().get("/api/v2/summary.json");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(etag.startsWith("\""), "a strong ETag: " + etag);
        given().header("If-None-Match", etag)
                .get("/api/v2/summary.json")
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "\"something-else\"")
                .get("/api/v2/summary.json")
                .then()
                .statusCode(200);

        String key = uniqueKey("etag");
        Api.createComponent(key);
        awaitSnapshot();
        Response after = given().header("If-None-Match", etag).get("/api/v2/summary.json");
        assertEquals(200, after.statusCode());
        assertNotEquals(etag, after.header("ETag"));
        assertTrue(after.asString().contains(key));
    }

    @Test
    void responsesAreGzippedCacheableCorsOpenAndAnswerHead() throws Exception {
        awaitSnapshot();
        Response plain = given().config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig()
                                .noContentDecoders()))
                .get("/");
        Response zipped = given().header("Accept-Encoding", "gzip").get("/");
        // RestAssured decodes gzip itself; the header says what travelled.
        assertEquals(null, plain.header("Content-Encoding"));
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertEquals(plain.asString(), zipped.asString());
        assertNotEquals(plain.header("ETag"), zipped.header("ETag"), "each encoding has its own strong ETag");
        assertTrue(plain.header("Cache-Control").contains("max-age=5"));
        assertTrue(plain.header("Cache-Control").contains("stale-while-revalidate="));
        assertEquals("*", given().get("/api/v2/components.json").header("Access-Control-Allow-Origin"));

        Response head = given().head("/api/v2/summary.json");
        assertEquals(200, head.statusCode());
        assertEquals("", head.asString());
        assertEquals(given().get("/api/v2/summary.json").header("Content-Length"), head.header("Content-Length"));
        assertEquals(given().get("/api/v2/summary.json").header("ETag"), head.header("ETag"));

        byte[] raw = given().header("Accept-Encoding", "gzip")
                .config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig()
                                .noContentDecoders()))
                .get("/history")
                .asByteArray();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            assertEquals(page("/history"), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void acceptLanguagePicksTheDefaultOnlyAtTheFrontPage() {
        awaitSnapshot();
        Response english = PublicSite.get("/", Map.of("Accept-Language", "en-US,en;q=0.9,ko;q=0.5"));
        assertEquals(302, english.statusCode());
        assertEquals("/en/", english.header("Location"));
        assertTrue(english.header("Vary").contains("Accept-Language"));

        Response korean = PublicSite.get("/", Map.of("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8"));
        assertEquals(200, korean.statusCode());
        assertTrue(korean.asString().contains("<html lang=\"ko\">"));

        Response chosen = PublicSite.get("/?lang=ko", Map.of("Accept-Language", "en"));
        assertEquals(200, chosen.statusCode(), "the language switch wins over the browser's preference");

        Response other = PublicSite.get("/history", Map.of("Accept-Language", "en"));
        assertEquals(200, other.statusCode());
        assertTrue(other.asString().contains("<html lang=\"ko\">"), "other pages keep the language of their path");
        assertTrue(PublicSite.get("/en", Map.of()).asString().contains("<html lang=\"en\">"));
    }

    @Test
    void searchWithoutJavaScriptFiltersOnTheServer() {
        String wanted = uniqueKey("findme");
        String other = uniqueKey("other");
        create(wanted, "찾는 서비스 " + wanted, "Wanted service " + wanted, true, null);
        create(other, "다른 서비스 " + other, "Other service " + other, true, null);
        awaitSnapshot();
        String html = given().queryParam("q", wanted)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("data-key=\"" + wanted + "\""));
        assertFalse(html.contains("data-key=\"" + other + "\""));
        assertTrue(html.contains("value=\"" + wanted + "\""), "the box keeps the query");
        String en = given().queryParam("q", "WANTED SERVICE " + wanted.toUpperCase())
                .get("/en/")
                .asString();
        assertTrue(en.contains("data-key=\"" + wanted + "\""), "case-insensitive, by English name too");
    }
}
