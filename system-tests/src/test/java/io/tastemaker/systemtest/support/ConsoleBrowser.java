package io.tastemaker.systemtest.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code /usr/bin/chromium} and {@code chromedriver}) on a fresh
 * profile, pointed at a {@link TastemakerServer}'s console over HTTPS, with the waits and reads
 * the console tests share. It accepts the server's self-signed certificate by its public key
 * ({@code --ignore-certificate-errors-spki-list}), and no other certificate error.
 */
public final class ConsoleBrowser implements AutoCloseable {

    /** How long a page element may take to appear. */
    public static final Duration UI_TIMEOUT = Duration.ofSeconds(20);

    private final TastemakerServer server;
    private final ChromeDriverService driverService;
    private final Path profile;
    private final ChromeDriver driver;

    public ConsoleBrowser(TastemakerServer server) throws IOException {
        this.server = server;
        profile = Files.createTempDirectory("console-it-chromium-");
        driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-US",
                // Accept the server's self-signed certificate, and no other: it is pinned by its public key.
                "--ignore-certificate-errors-spki-list=" + server.certificate().spkiSha256Base64());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
        driver = new ChromeDriver(driverService, options);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The messages Chromium's console logged since the last call (errors, warnings, and what the
     * pages logged), e.g. Content-Security-Policy violations, which Chromium logs as errors.
     */
    public List<String> browserLog() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** The absolute URL of a console page, e.g. {@code /login.xhtml}. */
    public String console(String path) {
        return server.endpoint() + "/console" + path;
    }

    /** Opens a console page. */
    public void open(String path) {
        driver.get(console(path));
    }

    /** Fills in and submits the sign-in form of the page that is open. */
    public void signIn(String account, String user, String password) {
        type(By.id("login:account"), account);
        type(By.id("login:user"), user);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:submit")).click();
    }

    /** Signs in as the server's operator, unless signed in already, and waits for the dashboard. */
    public void signInAsOperator() {
        open("/index.xhtml");
        if (driver.getCurrentUrl().contains("/console/login.xhtml")) {
            signIn("operator", "admin", server.adminPassword());
        }
        new WebDriverWait(driver, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
    }

    public void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, UI_TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** The data rows of a PrimeFaces table (not its "no records" row). */
    public List<WebElement> rowsOf(String tableId) {
        return driver.findElements(By.cssSelector("[id='" + tableId + "'] tbody tr:not(.ui-datatable-empty-message)"));
    }

    public static String cell(WebElement row, String css) {
        return row.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Runs checks that read the page again if a refresh replaced the elements they held. */
    public static void untilNotStale(Runnable checks) {
        for (int attempt = 1; ; attempt++) {
            try {
                checks.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
                Awaits.sleep(Duration.ofMillis(500));
            }
        }
    }

    /** A PNG of the whole page (the window grown to its height) under {@code target/}. */
    public void screenshot(String name) {
        Dimension size = driver.manage().window().getSize();
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "return Math.ceil(document.documentElement.scrollHeight)");
        driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(height + 120, 6000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        try {
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            driverService.stop();
            try (var paths = Files.walk(profile)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
