package bonbu.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Debian Chromium driven through Selenium, with an axe-core accessibility scan. */
public final class Browser implements AutoCloseable {

    // The OS packages (apt-get install chromium chromium-driver); naming both keeps Selenium Manager
    // from looking for, or downloading, a browser or driver of its own.
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final int TARGETS_SHOWN = 3;

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Starts a fresh browser with its own profile under target/browser-profiles/. */
    public static Browser start() {
        return start(null);
    }

    /**
     * Starts a fresh browser whose user prefers {@code acceptLanguages} (e.g. {@code "ko-KR,ko"}),
     * as sent in {@code Accept-Language}; null keeps Chromium's default (English).
     */
    public static Browser start(String acceptLanguages) {
        requireChromium();
        Path profile = Path.of("target", "browser-profiles", UUID.randomUUID().toString())
                .toAbsolutePath();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless",
                        "--no-sandbox", // CI containers run as root, where the sandbox cannot start
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        if (acceptLanguages != null) {
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(profile, new ChromeDriver(service, options));
    }

    /**
     * Browser tests need Debian's Chromium and chromedriver ({@code .ci/run} installs them). On CI
     * their absence fails the build; elsewhere the browser tests are skipped with instructions, so
     * {@code ./mvnw verify} still runs everything else on a machine with only a JDK.
     */
    private static void requireChromium() {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) return;
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(message);
        org.junit.jupiter.api.Assumptions.abort(message);
    }

    /** Signs in through the console's sign-in form as a demo account (password bonbu-demo). */
    public Browser signIn(java.net.URL site, String username) {
        return signIn(site, username, Api.PASSWORD);
    }

    public Browser signIn(java.net.URL site, String username, String password) {
        open(site.getProtocol() + "://" + site.getHost() + ":" + site.getPort() + "/console/sign-in");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]"))
                .click();
        waitUntil(java.time.Duration.ofSeconds(20), d -> !d.getCurrentUrl().contains("/console/sign-in"));
        return this;
    }

    /** Opens a path of the site under test. */
    public Browser open(java.net.URL site, String path) {
        return open(site.getProtocol() + "://" + site.getHost() + ":" + site.getPort() + path);
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits until the condition returns something other than null or false, and returns it. */
    public <T> T waitUntil(Duration timeout, Function<? super WebDriver, T> condition) {
        // A page that refreshes part of itself in place may replace an element between finding it
        // and reading it: look again rather than fail.
        return new WebDriverWait(driver, timeout)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** One line per serious or critical axe-core violation on the current page; empty when none. */
    public List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException(
                    "axe-core could not scan " + results.getUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> SERIOUS.contains(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        String targets = rule.getNodes().stream()
                .limit(TARGETS_SHOWN)
                .map(node -> String.valueOf(node.getTarget()))
                .collect(Collectors.joining(", "));
        String more = rule.getNodes().size() > TARGETS_SHOWN
                ? " and " + (rule.getNodes().size() - TARGETS_SHOWN) + " more"
                : "";
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + targets + more;
    }

    /** Saves what the page looks like now, e.g. when a test fails. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Only disk space under target/ is lost; mvn clean removes it.
        }
    }
}
