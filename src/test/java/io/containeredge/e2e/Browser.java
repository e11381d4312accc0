package io.containeredge.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver (packages {@code chromium} and
 * {@code chromium-driver}, installed by run-tests.sh), with a fresh profile and every network
 * feature of the browser itself turned off: only the gateway on loopback is reached. Screenshots go
 * to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final Path screenshots;

    private Browser(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    static Browser start(Path profileDir) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("install the Debian packages chromium and chromium-driver (run-tests.sh does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createDirectories(profileDir).toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Path shots = Files.createDirectories(ChildProcess.root().resolve("src/test/target/screenshots"));
        return new Browser(driver, shots);
    }

    void open(String url) {
        driver.get(url);
    }

    /** Waits up to 30 s for the element to be visible. */
    WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits up to {@code timeout} for the element's text to contain {@code text}. */
    void awaitText(By by, String text, Duration timeout) {
        new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void type(By by, String text) {
        WebElement e = visible(by);
        e.clear();
        e.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /**
     * The console's first-time setup: the administrator made with the setup token from the gateway's log.
     * Returns once the overview shows, with the browser logged in as that administrator.
     */
    void createFirstAdministrator(String consoleUrl, String setupToken, String name, String password) {
        open(consoleUrl + "setup.html");
        type(By.id("setup-token"), setupToken);
        type(By.id("setup-name"), name);
        type(By.id("setup-password"), password);
        type(By.id("setup-password-again"), password);
        click(By.id("setup-submit"));
        visible(By.id("overview-state"));
    }

    /**
     * Lays pages out as a phone of {@code width} CSS pixels does (Chromium's device emulation: the page's
     * {@code width=device-width} viewport), until {@link #desktopScreen}.
     */
    void phoneScreen(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size after {@link #phoneScreen}. */
    void desktopScreen() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * What runs off the right edge of the screen on the current page: the page wider than the viewport, and
     * each element whose right edge is beyond it, except inside the boxes that scroll sideways by design (a
     * wide table in its {@code .table-wrap}, a configuration diff), which are checked as elements themselves.
     * Empty when the page fits.
     */
    @SuppressWarnings("unchecked")
    List<String> overflowingTheScreen() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const root = document.documentElement, width = root.clientWidth, found = [];
                if (root.scrollWidth > width) found.push('page ' + root.scrollWidth + ' px wide, screen ' + width);
                const scrolls = e => e.matches('.table-wrap, .diff') && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
                for (const e of document.body.querySelectorAll('*')) {
                  const box = e.getBoundingClientRect();
                  if (box.width === 0 || box.right <= width + 0.5) continue;
                  let up = e.parentElement;
                  while (up && up !== document.body && !scrolls(up)) up = up.parentElement;
                  if (up && up !== document.body) continue;
                  found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "'
                      + (e.textContent || '').trim().slice(0, 40) + '" ends at ' + Math.round(box.right));
                }
                return found;
                """);
    }

    /** Saves a PNG of the page as {@code <name>.png} under target/screenshots. */
    void screenshot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(screenshots.resolve(name + ".png"), png);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
