package bonbu.console;

import static bonbu.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bonbu.security.Roles;
import bonbu.security.account.AccountService;
import bonbu.support.Api;
import bonbu.support.Browser;
import bonbu.support.ConsoleSignIn;
import bonbu.timeline.Timeline;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser: a commander declares the GPKI outage from the form after
 * previewing its blast radius, hands over command and publishes a bilingual update that citizens
 * see on the public page without reloading; a viewer reads the room without any control.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL site;

    @Inject
    AccountService accounts;

    @Test
    void commanderDeclaresHandsOverAndPublishesAnUpdateCitizensSeeLive() {
        String run = Api.uniqueKey("gpki");
        String deputy = Api.uniqueKey("deputy");
        accounts.create(deputy, "Deputy commander", Api.PASSWORD, Set.of(Roles.COMMANDER), true, Timeline.SYSTEM_ACTOR);
        String number = null;
        try (Browser commander = Browser.start("ko-KR,ko");
                Browser citizen = Browser.start("ko-KR,ko")) {
            try {
                ConsoleSignIn.as(commander, site, "commander", "/console/declare");
                WebDriver c = commander.driver();
                commander.waitUntil(
                        WAIT, d -> d.findElement(By.tagName("h1")).getText().contains("Declare"));
                new Select(c.findElement(By.id("component-1"))).selectByValue("gpki-auth");
                new Select(c.findElement(By.id("status-1"))).selectByValue("major_outage");
                c.findElement(By.id("titleKo")).sendKeys("GPKI 인증 장애 " + run);
                c.findElement(By.id("titleEn")).sendKeys("GPKI sign-in failure " + run);
                c.findElement(By.id("messageKo")).sendKeys("원인을 조사하고 있습니다.");
                c.findElement(By.id("messageEn")).sendKeys("We are investigating.");
                c.findElement(By.id("preview-blast-radius")).click();

                String blast = commander.waitUntil(
                        WAIT, d -> d.findElement(By.id("blast-radius")).getText());
                assertTrue(blast.contains("새올 행정시스템") && blast.contains("Saeol"), blast);
                assertTrue(blast.contains("정부24") && blast.contains("Gov24"), blast);
                assertTrue(blast.contains("SEV1"), blast);
                assertEquals(
                        "GPKI 인증 장애 " + run, c.findElement(By.id("titleKo")).getAttribute("value"));

                c.findElement(By.id("declare")).click();
                commander.waitUntil(WAIT, d -> d.getCurrentUrl().contains("/console/incidents/INC-"));
                number = c.getCurrentUrl().substring(c.getCurrentUrl().lastIndexOf('/') + 1);
                String room = number;
                commander.waitUntil(
                        WAIT, d -> d.findElement(By.tagName("h1")).getText().contains(room));
                assertEquals(
                        "commander", c.findElement(By.id("incident-commander")).getText());
                assertTrue(c.findElement(By.id("components-table")).getText().contains("새올 행정시스템"));

                // The citizen is on the public page before anything more is said.
                citizen.open(site.toString());
                citizen.waitUntil(
                        WAIT, d -> d.findElement(By.tagName("main")).getText().contains(run));
                ((JavascriptExecutor) citizen.driver()).executeScript("window.__stayed = true;");

                new Select(c.findElement(By.id("role"))).selectByValue("INCIDENT_COMMANDER");
                c.findElement(By.id("member")).sendKeys(deputy);
                c.findElement(By.id("assign-role")).click();
                commander.waitUntil(
                        WAIT,
                        d -> d.findElement(By.id("incident-commander"))
                                .getText()
                                .equals(deputy));

                new Select(c.findElement(By.id("update-status"))).selectByValue("identified");
                c.findElement(By.id("messageKo")).sendKeys("L4 스위치 장애를 확인했습니다 " + run);
                c.findElement(By.id("messageEn")).sendKeys("An L4 switch failure was identified " + run);
                c.findElement(By.id("preview-update")).click();
                String preview = commander.waitUntil(
                        WAIT, d -> d.findElement(By.id("citizen-preview")).getText());
                assertTrue(preview.contains("L4 스위치 장애를 확인했습니다 " + run), preview);
                assertTrue(preview.contains("An L4 switch failure was identified " + run), preview);
                assertTrue(
                        !citizen.driver()
                                .findElement(By.tagName("main"))
                                .getText()
                                .contains("L4 스위치"),
                        "nothing is public before Publish");

                c.findElement(By.id("publish-update")).click();
                commander.waitUntil(
                        WAIT,
                        d -> d.findElement(By.id("updates-list")).getText().contains("L4 스위치 장애를 확인했습니다 " + run));

                citizen.waitUntil(
                        WAIT, d -> d.findElement(By.tagName("main")).getText().contains("L4 스위치 장애를 확인했습니다 " + run));
                assertEquals(
                        Boolean.TRUE,
                        ((JavascriptExecutor) citizen.driver()).executeScript("return window.__stayed === true;"),
                        "the public page was updated in place");
            } catch (RuntimeException | AssertionError e) {
                commander.screenshot(Path.of("target", "screenshots", "console-commander.png"));
                citizen.screenshot(Path.of("target", "screenshots", "console-citizen.png"));
                throw e;
            }
        } finally {
            if (number != null) {
                // GPKI sign-in is shared demo data: put it back as other tests expect it.
                as("commander")
                        .body(Map.of("status", "resolved", "message", Map.of("ko", "복구되었습니다")))
                        .post("/api/incidents/{n}/updates", number)
                        .then()
                        .statusCode(201);
            }
        }
    }

    @Test
    void viewerReadsTheBoardAndRoomWithoutControlsAndTheyPassAnAccessibilityScan() {
        String key = Api.uniqueKey("console-a11y");
        Api.createComponent(key);
        String number = Api.declare(key, "접근성 " + key);
        try (Browser viewer = Browser.start("ko-KR,ko")) {
            ConsoleSignIn.as(viewer, site, "viewer", "/console");
            viewer.waitUntil(WAIT, d -> d.findElement(By.id("main")).getText().contains(number));
            viewer.waitUntil(WAIT, d -> !d.findElement(By.id("live")).getText().isBlank());
            List<String> board = viewer.seriousAccessibilityViolations();
            assertEquals(List.of(), board, () -> "board:\n" + String.join("\n", board));

            viewer.driver().findElement(By.linkText(number)).click();
            viewer.waitUntil(
                    WAIT, d -> d.findElement(By.tagName("h1")).getText().contains(number));
            WebDriver v = viewer.driver();
            assertTrue(v.findElement(By.id("timeline-list")).getText().contains("incident.declared"));
            List<WebElement> forms = v.findElements(By.cssSelector("main form"));
            List<WebElement> controls =
                    v.findElements(By.cssSelector("main button, main input, main select, main textarea"));
            assertEquals(0, forms.size(), "no forms for a viewer");
            assertEquals(0, controls.size(), "no controls for a viewer");
            viewer.waitUntil(WAIT, d -> !d.findElement(By.id("live")).getText().isBlank());
            List<String> room = viewer.seriousAccessibilityViolations();
            assertEquals(List.of(), room, () -> "room:\n" + String.join("\n", room));
        }
    }

    @Test
    void theRoomFollowsTheIncidentLiveAndTheCommandersRoomPassesAnAccessibilityScan() {
        String key = Api.uniqueKey("console-live");
        Api.createComponent(key);
        String number = Api.declare(key, "실시간 " + key);
        try (Browser commander = Browser.start("ko-KR,ko")) {
            ConsoleSignIn.as(commander, site, "commander", "/console/incidents/" + number);
            commander.waitUntil(
                    WAIT, d -> !d.findElement(By.id("live")).getText().isBlank());
            ((JavascriptExecutor) commander.driver()).executeScript("window.__stayed = true;");
            commander.driver().findElement(By.id("messageKo")).sendKeys("작성 중인 공지");
            as("comms")
                    .body(Map.of("status", "monitoring", "message", Map.of("ko", "지켜보는 중 " + key)))
                    .post("/api/incidents/{n}/updates", number)
                    .then()
                    .statusCode(201);
            commander.waitUntil(
                    WAIT, d -> d.findElement(By.id("updates-list")).getText().contains("지켜보는 중 " + key));
            commander.waitUntil(
                    WAIT, d -> d.findElement(By.id("incident-status")).getText().contains("monitoring"));
            assertEquals(
                    "작성 중인 공지",
                    commander.driver().findElement(By.id("messageKo")).getAttribute("value"),
                    "what was being typed stays");
            assertEquals(
                    Boolean.TRUE,
                    ((JavascriptExecutor) commander.driver()).executeScript("return window.__stayed === true;"),
                    "updated in place");
            List<String> room = commander.seriousAccessibilityViolations();
            assertEquals(List.of(), room, () -> "room:\n" + String.join("\n", room));
        }
    }
}
