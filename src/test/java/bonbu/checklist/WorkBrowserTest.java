package bonbu.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.support.Api;
import bonbu.support.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** A responder completes checklist steps; the commander sees them done without reloading. */
@QuarkusTest
class WorkBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    static String stepStatus(WebDriver d, long checklist, int position) {
        return d.findElement(By.cssSelector(
                        "tr.item[data-checklist='" + checklist + "'][data-position='" + position + "'] td.status"))
                .getText();
    }

    @Test
    void theCommanderSeesTheRespondersStepsDoneLive() {
        String key = Api.uniqueKey("work");
        Api.createComponent(key);
        String number = Api.declare(key, "복구 작업 " + key);
        long checklist =
                ChecklistTest.instantiate(number, "gpki-signin-failure").getLong("id");
        Api.as("commander")
                .body(Map.of("title", "라우터 로그 수집 " + key, "assignee", "responder", "priority", "P1"))
                .post("/api/incidents/{n}/tasks", number)
                .then()
                .statusCode(201);
        String page = "/console/incidents/" + number + "/work";
        try (Browser responder = Browser.start("ko-KR,ko");
                Browser commander = Browser.start("ko-KR,ko");
                Browser viewer = Browser.start("ko-KR,ko")) {
            commander.signIn(site, "commander").open(site, page);
            commander.waitUntil(
                    WAIT, d -> d.findElement(By.tagName("h1")).getText().contains(number));
            ((JavascriptExecutor) commander.driver()).executeScript("window.__stayed = true;");

            responder.signIn(site, "responder").open(site, page);
            WebDriver r = responder.driver();
            responder.waitUntil(
                    WAIT, d -> d.findElement(By.id("note-" + checklist + "-1")).isDisplayed());
            assertTrue(r.findElement(By.tagName("main")).getText().contains("라우터 로그 수집 " + key), "the task list");
            assertTrue(
                    responder.seriousAccessibilityViolations().isEmpty(),
                    responder.seriousAccessibilityViolations().toString());

            // Evidence is required for step 1: the refusal is shown, nothing is done.
            r.findElement(By.cssSelector("button.complete[data-checklist='" + checklist + "'][data-position='1']"))
                    .click();
            responder.waitUntil(
                    WAIT, d -> d.findElement(By.id("error")).getText().contains("needs evidence"));
            r.findElement(By.id("note-" + checklist + "-1")).sendKeys("인증 서버 로그 확보");
            r.findElement(By.cssSelector("button.complete[data-checklist='" + checklist + "'][data-position='1']"))
                    .click();
            responder.waitUntil(WAIT, d -> stepStatus(d, checklist, 1).contains("done"));
            r.findElement(By.id("note-" + checklist + "-2")).sendKeys("네트워크팀 별도 점검");
            r.findElement(By.cssSelector("button.skip[data-checklist='" + checklist + "'][data-position='2']"))
                    .click();
            responder.waitUntil(WAIT, d -> stepStatus(d, checklist, 2).contains("skipped"));

            commander.waitUntil(
                    WAIT,
                    d -> stepStatus(d, checklist, 1).contains("done")
                            && stepStatus(d, checklist, 1).contains("responder")
                            && stepStatus(d, checklist, 2).contains("skipped"));
            // Read through the wait: the page may be replacing its rows at this very moment.
            commander.waitUntil(WAIT, d -> stepStatus(d, checklist, 1).contains("인증 서버 로그 확보"));
            assertEquals(
                    Boolean.TRUE,
                    ((JavascriptExecutor) commander.driver()).executeScript("return window.__stayed === true;"),
                    "the commander's page was updated in place");

            viewer.signIn(site, "viewer").open(site, page);
            viewer.waitUntil(
                    WAIT, d -> d.findElement(By.tagName("h1")).getText().contains(number));
            assertEquals(
                    0,
                    viewer.driver()
                            .findElements(By.cssSelector("button.complete"))
                            .size(),
                    "viewers read only");

            responder.signIn(site, "responder").open(site, "/console/tasks");
            responder.waitUntil(
                    WAIT, d -> d.findElement(By.tagName("main")).getText().contains("라우터 로그 수집 " + key));
        }
    }
}
