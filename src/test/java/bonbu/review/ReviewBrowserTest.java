package bonbu.review;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A ministry viewer filters an incident's timeline and opens the printable review. */
@QuarkusTest
class ReviewBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL site;

    private Browser browser;

    @BeforeEach
    void start() {
        browser = Browser.start("ko-KR,ko");
    }

    @AfterEach
    void close() {
        if (browser != null) browser.close();
    }

    @Test
    void viewerFiltersTheTimelineAndOpensThePrintableReview() {
        String key = Api.uniqueKey("browse");
        Api.createComponent(key);
        String number = Api.declare(key, "열람 시험 " + key);
        as("commander")
                .body(Map.of("summary", "리뷰 요약 " + key))
                .put("/api/incidents/{n}/review", number)
                .then()
                .statusCode(200);

        browser.signIn(site, "viewer").open(site, "/review/incidents/" + number);
        var driver = browser.driver();
        browser.waitUntil(WAIT, d -> d.findElement(By.tagName("h1")).getText().contains(number));
        int all = driver.findElements(By.cssSelector("tr.entry")).size();
        assertTrue(all >= 4, "declared, role, statuses…: " + all);
        assertTrue(driver.findElements(By.cssSelector("tr.entry[data-audience='STAFF']"))
                        .size()
                > 0);

        new Select(driver.findElement(By.id("f-audience"))).selectByVisibleText("PUBLIC");
        driver.findElement(By.id("apply")).click();
        browser.waitUntil(WAIT, d -> d.getCurrentUrl().contains("audience=PUBLIC"));
        List<WebElement> rows = driver.findElements(By.cssSelector("tr.entry"));
        assertTrue(rows.size() > 0 && rows.size() < all, rows.size() + " of " + all);
        for (WebElement row : rows) assertTrue(row.getText().contains("PUBLIC"), row.getText());
        assertTrue(
                browser.seriousAccessibilityViolations().isEmpty(),
                browser.seriousAccessibilityViolations().toString());

        driver.findElement(By.id("printable")).click();
        browser.waitUntil(WAIT, d -> d.getPageSource().contains("Timeline verification: OK"));
        String text = driver.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("리뷰 요약 " + key), "the review's summary");
        assertTrue(text.contains(number));
        assertEquals(1, driver.findElements(By.id("verification")).size());
        assertTrue(driver.getPageSource().contains("/static/review-print.css"));
        assertTrue(io.restassured.RestAssured.get("/static/review-print.css")
                .asString()
                .contains("@media print"));
    }

    @Test
    void theTimelineFollowsAnActiveIncidentLive() {
        String key = Api.uniqueKey("follow");
        Api.createComponent(key);
        String number = Api.declare(key, "실시간 " + key);
        browser.signIn(site, "viewer").open(site, "/review/incidents/" + number);
        var driver = browser.driver();
        browser.waitUntil(WAIT, d -> !d.findElement(By.id("live")).getText().isBlank());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.__stayed = true;");
        int before = driver.findElements(By.cssSelector("tr.entry")).size();
        as("comms")
                .body(Map.of("status", "identified", "message", Map.of("ko", "원인 확인 " + key)))
                .post("/api/incidents/{n}/updates", number)
                .then()
                .statusCode(201);
        browser.waitUntil(WAIT, d -> d.findElements(By.cssSelector("tr.entry")).size() > before);
        assertTrue(driver.findElement(By.id("main")).getText().contains("원인 확인 " + key));
        assertEquals(
                Boolean.TRUE,
                ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.__stayed === true;"),
                "updated in place, not reloaded");
    }
}
