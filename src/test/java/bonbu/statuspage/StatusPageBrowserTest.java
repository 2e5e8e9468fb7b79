package bonbu.statuspage;

import static bonbu.support.Api.as;
import static bonbu.support.Api.createComponent;
import static bonbu.support.Api.depend;
import static bonbu.support.Api.lastSeq;
import static bonbu.support.Api.setStatus;
import static bonbu.support.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The public status page in a real browser, as a citizen whose browser prefers Korean sees it:
 * live updates without reloading, the language switch, the service search, and an accessibility
 * scan of each public page.
 */
@QuarkusTest
class StatusPageBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String KOREAN = "ko-KR,ko;q=0.9";

    @TestHTTPResource("/")
    URL site;

    private Browser browser;
    private String testName;

    @BeforeEach
    void startBrowser(TestInfo info) {
        // A fresh profile per test: nothing cached from another test's page.
        browser = Browser.start(KOREAN);
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    @Test
    void pageShowsAStatusChangeMadeThroughTheApiWithoutReloading() {
        String upstream = uniqueKey("live-up");
        String downstream = uniqueKey("live-down");
        String other = uniqueKey("live-inc");
        createComponent(upstream);
        createComponent(downstream);
        createComponent(other);
        depend(downstream, upstream, "REQUIRED");
        open("/");
        waitFor("the page to say it is live", d -> text(By.id("live-state")).contains("실시간 갱신 중"));
        String before = row(name(downstream)).getText();
        assertTrue(before.contains("정상") && !before.contains("전면 장애"), before);
        markWindow();

        setStatus(upstream, "major_outage");

        waitFor(
                "the dependent service to show the outage and its cause",
                d -> rowTextWith(name(downstream), "전면 장애", "원인: " + name(upstream)));
        String cause = row(name(upstream)).getText();
        assertTrue(cause.contains("전면 장애"), cause);
        waitFor("screen readers to be told of the change", d -> announced().contains(name(downstream) + ": 전면 장애"));
        waitFor(
                "the page to say when it was last updated",
                d -> text(By.id("live-state")).contains("마지막 갱신"));

        String title = "시험 장애 " + uniqueKey("title");
        declare(title, other, "partial_outage");

        waitFor("the new incident to be listed", d -> text(By.tagName("main")).contains(title));
        waitFor("the incident's service to show its status", d -> rowTextWith(name(other), "부분 장애"));
        assertWindowNotReloaded();
    }

    @Test
    void languageSwitchGoesToTheEnglishPageAndBack() {
        open("/");
        assertEquals("ko", language());
        assertTrue(text(By.tagName("main")).contains("서비스별 상태"));

        browser.driver().findElement(By.linkText("English")).click();

        waitFor("the English page", d -> d.getCurrentUrl().endsWith("/en/") && "en".equals(language()));
        String english = text(By.tagName("main"));
        assertTrue(english.contains("Services"), english);
        assertTrue(english.contains("Active incidents"), english);
        assertTrue(english.contains("Find a service"), english);

        browser.driver().findElement(By.linkText("한국어")).click();

        waitFor(
                "the Korean page again",
                d -> "ko".equals(language()) && !d.getCurrentUrl().contains("/en/"));
        String korean = text(By.tagName("main"));
        assertTrue(korean.contains("서비스별 상태"), korean);
        assertTrue(korean.contains("진행 중인 장애"), korean);
    }

    @Test
    void searchFiltersServicesWithoutReloading() {
        String wanted = uniqueKey("find");
        String unwanted = uniqueKey("find");
        createComponent(wanted);
        createComponent(unwanted);
        // Both keys are find-<run>-<n>: the common part matches the two, the whole key only one.
        String common = wanted.substring(0, wanted.lastIndexOf('-') + 1);
        open("/");
        markWindow();
        WebElement search = browser.driver().findElement(By.id("component-search"));

        search.sendKeys(common);

        waitFor(
                "both services, and only they, to be shown",
                d -> Set.copyOf(visibleServices()).equals(Set.of(name(wanted), name(unwanted))));
        waitFor(
                "the number of matches to be said",
                d -> text(By.tagName("main")).contains("2개 서비스가 검색되었습니다"));

        search.sendKeys(wanted.substring(common.length()));

        waitFor("only the matching service to be shown", d -> visibleServices().equals(List.of(name(wanted))));
        waitFor(
                "the number of matches to be said",
                d -> text(By.tagName("main")).contains("1개 서비스가 검색되었습니다"));
        assertWindowNotReloaded();

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);

        // Groups go back to how they were (open or not depends on how many services the page has).
        waitFor("the search to be cleared", d -> !text(By.tagName("main")).contains("검색되었습니다"));
        assertWindowNotReloaded();
    }

    @Test
    void publicPagesHaveNoSeriousAccessibilityViolations() {
        String key = uniqueKey("a11y");
        createComponent(key);
        String number = declare("접근성 시험 " + uniqueKey("title"), key, "partial_outage");

        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String path : List.of("/", "/en/", "/incidents/" + number, "/en/incidents/" + number, "/history")) {
            open(path);
            if (path.equals("/") || path.equals("/en/")) {
                // Scan the page as it settles with live updates on, connection state included.
                waitFor(
                        "the page to go live",
                        d -> d.findElement(By.id("live-state")).isDisplayed());
            }
            violations.put(path, browser.seriousAccessibilityViolations());
        }

        violations.forEach(
                (path, found) -> assertEquals(List.of(), found, () -> path + ":\n" + String.join("\n", found)));
    }

    // --- the page ---------------------------------------------------------------------------

    /** Opens a public page once the snapshot it is served from includes every change made so far. */
    private void open(String path) {
        long seq = lastSeq();
        Supplier<Long> served = () -> Long.parseLong(given().header("Accept-Language", KOREAN)
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .header("X-Bonbu-Seq"));
        new FluentWait<>(served)
                .withTimeout(WAIT)
                .pollingEvery(Duration.ofMillis(50))
                .withMessage("the public snapshot to include seq " + seq)
                .until(s -> s.get() >= seq);
        browser.open(site.toString().replaceAll("/$", "") + path);
    }

    /** Waits until the condition holds; on timeout, fails with what the page showed and a screenshot. */
    private <T> T waitFor(String what, Function<WebDriver, T> condition) {
        try {
            return browser.waitUntil(WAIT, d -> {
                try {
                    return condition.apply(d);
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return null; // not there yet, or being replaced by a live update
                }
            });
        } catch (TimeoutException e) {
            Path shot = browser.screenshot(Path.of("target", "browser-screenshots", testName + ".png"));
            throw new AssertionError("Waited " + WAIT.toSeconds() + " s for " + what + ". Screenshot: " + shot
                    + "\nThe page showed:\n" + text(By.tagName("body")) + "\nAnnounced: " + announced());
        }
    }

    private String text(By by) {
        return browser.driver().findElement(by).getText();
    }

    private String language() {
        return browser.driver().findElement(By.tagName("html")).getDomAttribute("lang");
    }

    /** The visible text of the service row with this name. */
    private WebElement row(String name) {
        return browser.driver().findElement(By.xpath("//li[.//*[normalize-space(text())='" + name + "']]"));
    }

    /** The row's visible text once it shows every one of {@code parts}, else null. */
    private String rowTextWith(String name, String... parts) {
        String shown = row(name).getText();
        for (String part : parts) {
            if (!shown.contains(part)) return null;
        }
        return shown;
    }

    /** The names of the services the page shows now, in order. */
    @SuppressWarnings("unchecked")
    private List<String> visibleServices() {
        return (List<String>) js("return Array.from(document.querySelectorAll('li.component'))"
                + ".filter(li => li.checkVisibility())"
                + ".map(li => li.querySelector('.name').textContent.trim());");
    }

    /** What the page last said to screen readers through its live region (visually hidden). */
    private String announced() {
        Object said = js("var el = document.getElementById('announcer'); return el ? el.textContent : '';");
        return said == null ? "" : said.toString();
    }

    private void markWindow() {
        js("window.__notReloaded = true;");
    }

    private void assertWindowNotReloaded() {
        assertEquals(Boolean.TRUE, js("return window.__notReloaded === true;"), "the page was reloaded");
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }

    // --- data -------------------------------------------------------------------------------

    /** The Korean name {@link bonbu.support.Api#component} gives a component. */
    private static String name(String key) {
        return "테스트 " + key;
    }

    /** Declares an incident on one component as the commander and answers its number. */
    private static String declare(String title, String key, String status) {
        return as("commander")
                .body(Map.of(
                        "title",
                        Map.of("ko", title, "en", title),
                        "components",
                        List.of(Map.of("key", key, "status", status)),
                        "message",
                        Map.of("ko", "원인을 조사하고 있습니다.", "en", "We are investigating.")))
                .post("/api/incidents")
                .then()
                .statusCode(201)
                .extract()
                .path("number");
    }
}
