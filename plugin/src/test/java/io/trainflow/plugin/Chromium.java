package io.trainflow.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromium-driver (no browser or driver is downloaded), with a person's
 * actions: sign in, open, fill, click; and axe-core's WCAG 2.1 AA check of the page shown.
 */
final class Chromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Installed by the front-end build (npm ci, devDependency axe-core): injected into each page checked. */
    private static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");

    /** Generous: the machine building this may be busy with other builds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(45);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final WebDriverWait wait;

    Chromium(int port) {
        this(port, false);
    }

    /** @param blockThirdPartyCookies as a browser set to block them (what an LMS's embedded tools face) */
    Chromium(int port, boolean blockThirdPartyCookies) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(
                    "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium"
                            + " chromium-driver (.ci/run does it)");
        }
        try {
            profile = Files.createTempDirectory("trainflow-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=en-GB");
        if (blockThirdPartyCookies) {
            options.setExperimentalOption(
                    "prefs", Map.of("profile.block_third_party_cookies", true, "profile.cookie_controls_mode", 1));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    void signIn(String username, String password) {
        open("/login");
        field("#username").sendKeys(username);
        field("#password").sendKeys(password);
        click("#sign-in");
        wait.until(ExpectedConditions.urlContains("/inbox"));
        waitFor("#who");
        wait.until(d -> !text("#who").isBlank());
    }

    void signOut() {
        click("#sign-out");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** A page of another site (e.g. the LMS embedding Trainflow). */
    void openUrl(String url) {
        driver.get(url);
    }

    /** Works inside the frame {@code css} from now on. */
    void intoFrame(String css) {
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector(css)));
    }

    /** Back to the page itself (out of any frame). */
    void outOfFrame() {
        driver.switchTo().defaultContent();
    }

    /** The cookies the browser holds for the page (or frame) shown. */
    java.util.Set<org.openqa.selenium.Cookie> cookies() {
        return driver.manage().getCookies();
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String part) {
        try {
            new WebDriverWait(driver, TIMEOUT)
                    .withMessage(() -> css + " to contain '" + part + "', it says '" + safeText(css) + "' on "
                            + driver.getCurrentUrl())
                    .until(d -> safeText(css).contains(part));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed"); // for a person to see what the page showed instead
            throw e;
        }
    }

    private String safeText(String css) {
        List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    /**
     * Opens the page again until {@code css} shows on it: what the process does next happens in the background,
     * later on a busy machine.
     */
    void reopenUntil(String path, String css, Duration within) {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        while (true) {
            open(path);
            waitFor("#main > *:not(#loading)");
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
                return;
            } catch (org.openqa.selenium.TimeoutException notYet) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    screenshot("failed");
                    throw new AssertionError(css + " did not show on " + path + " within " + within, notYet);
                }
            }
        }
    }

    WebElement field(String css) {
        return waitFor(css);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String url() {
        return driver.getCurrentUrl();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** axe-core on the page as it is now: no violation of WCAG 2.0/2.1 A and AA, each named if any. */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        try {
            script(Files.readString(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "axe-core is installed by the front-end build (npm ci): " + AXE.toAbsolutePath(), e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Map<String, Object> results = (Map<String, Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))"
                        + ".catch(e => done({error: String(e)}));");
        assertThat(results.get("error")).as("axe-core ran on " + page).isNull();
        assertThat((List<Object>) results.get("violations"))
                .as("WCAG 2.1 AA violations on " + page)
                .isEmpty();
    }

    /** For a person to look at: target/screenshots/NAME.png. */
    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
