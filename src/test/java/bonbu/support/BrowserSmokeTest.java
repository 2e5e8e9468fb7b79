package bonbu.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Proves the browser tests' tooling works here: Chromium runs scripts, and the axe scan can fail. */
class BrowserSmokeTest {

    private static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void chromiumRunsThePagesScriptAndPaintsIt() throws Exception {
        browser.open(page("""
                <p id="out">waiting</p>
                <script>
                  setTimeout(() => { document.getElementById('out').textContent = 'written by script'; }, 50);
                </script>
                """));

        String text = browser.waitUntil(Duration.ofSeconds(10), d -> {
            String t = d.findElement(By.id("out")).getText();
            return t.equals("written by script") ? t : null;
        });
        assertEquals("written by script", text);

        Path shot = browser.screenshot(Path.of("target", "browser-screenshots", "smoke.png"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        assertArrayEquals(png, Arrays.copyOf(Files.readAllBytes(shot), 4));
    }

    @Test
    void theScanReportsAnImageWithoutAltAndAnUnlabelledInput() {
        browser.open(page("""
                <h1>Report an outage</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <input id="q" type="text">
                """));

        List<String> violations = browser.seriousAccessibilityViolations();

        assertTrue(violations.stream().anyMatch(v -> v.startsWith("image-alt (critical)")), violations::toString);
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("label (critical)")), violations::toString);
    }

    @Test
    void theScanFindsNothingSeriousOnAnAccessiblePage() {
        browser.open(page("""
                <h1>Report an outage</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Service map">
                <label for="q">Service name</label>
                <input id="q" type="text">
                """));

        assertEquals(List.of(), browser.seriousAccessibilityViolations());
    }

    /** A complete page (language and title set, so only the body is under test) as a data: URL. */
    private static String page(String body) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Smoke</title></head>"
                + "<body><main>" + body + "</main></body></html>";
        return "data:text/html;base64," + Base64.getEncoder().encodeToString(html.getBytes(UTF_8));
    }
}
