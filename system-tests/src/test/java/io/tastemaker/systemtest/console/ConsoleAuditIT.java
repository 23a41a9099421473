package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * The console's audit page in headless Chromium, as a new account's administrator: a refused and
 * a successful sign-in, a dataset group created in the console and a failed API call all show up;
 * the search narrows by action and outcome; the search downloads as JSON lines and CSV with the
 * same records and no password; the chain verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleAuditIT {

    private TastemakerServer server;
    private Clients operator;
    private Clients.NewAccount account;
    private ConsoleBrowser console;
    private WebDriver browser;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    @BeforeAll
    void prepare() throws IOException {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        account = operator.createAccount("console-audit-" + suffix);
        console = new ConsoleBrowser(server);
        browser = console.driver();
    }

    @AfterAll
    void close() throws IOException {
        console.close();
        operator.close();
    }

    @Test
    void actions_show_on_the_audit_page_export_and_verify() throws Exception {
        console.open("/login.xhtml");
        console.signIn(account.accountId(), "admin", "not-the-password-" + suffix);
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-error"), "Sign-in failed"));
        console.signIn(account.accountId(), "admin", account.adminPassword());
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));

        String group = "audited-in-console-" + suffix;
        console.type(By.id("create:name"), group);
        browser.findElement(By.id("create:submit")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), group));
        try (Clients api = account.clients(server)) {
            assertThatThrownBy(() -> api.personalize().describeDatasetGroup(r -> r.datasetGroupArn(
                    "arn:aws:personalize:us-east-1:" + account.accountId() + ":dataset-group/absent-" + suffix)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        browser.findElement(By.id("navAudit")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/audit.xhtml"));
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(d -> console.rowsOf("results:records").size() >= 4);
        String page = browser.findElement(By.id("results:records")).getText();
        assertThat(page).contains("console:SignIn", "personalize:CreateDatasetGroup", "personalize:DescribeDatasetGroup",
                "ResourceNotFoundException", "FailedAuthentication", account.accessKeyId(), group);
        assertThat(browser.findElements(By.id("search:account"))).as("only the operator picks accounts").isEmpty();

        console.type(By.id("search:action"), "console:");
        browser.findElement(By.id("search:submit")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> console.rowsOf("results:records").stream().allMatch(r -> r.getText().contains("console:SignIn")));
        ConsoleBrowser.untilNotStale(() -> assertThat(console.rowsOf("results:records")).hasSize(2));

        chooseOutcome("Failure");
        browser.findElement(By.id("search:submit")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> console.rowsOf("results:records").size() == 1);
        ConsoleBrowser.untilNotStale(() -> assertThat(console.rowsOf("results:records").get(0).getText())
                .contains("console:SignIn", "Failure 401", "FailedAuthentication", "admin"));
        console.screenshot("console-audit.png");

        String jsonLines = download(browser.findElement(By.id("results:exportJson")).getAttribute("href"));
        List<JsonObject> records = jsonLines.lines().map(ConsoleAuditIT::parse).toList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getString("action")).isEqualTo("console:SignIn");
        assertThat(records.get(0).getString("outcome")).isEqualTo("Failure");
        assertThat(records.get(0).getString("accountId")).isEqualTo(account.accountId());
        assertThat(records.get(0).getString("hash")).matches("[0-9a-f]{64}");
        String csv = download(browser.findElement(By.id("results:exportCsv")).getAttribute("href"));
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("eventTime,eventId,accountId,principal");
        assertThat(lines.get(1)).contains(records.get(0).getString("eventId"), "console:SignIn", "FailedAuthentication");

        console.type(By.id("search:action"), "");
        chooseOutcome("Any");
        browser.findElement(By.id("search:submit")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> console.rowsOf("results:records").size() >= 4);
        String everything = download(browser.findElement(By.id("results:exportJson")).getAttribute("href"));
        assertThat(everything.lines().count()).isGreaterThanOrEqualTo(4);
        assertThat(everything).doesNotContain(account.adminPassword()).doesNotContain(account.secretAccessKey())
                .doesNotContain("not-the-password-" + suffix);

        browser.findElement(By.id("chain:verify")).click();
        String result = console.waitFor(By.id("chain:result")).getText();
        assertThat(result).contains("Chain of account " + account.accountId() + " verified").doesNotContain("BROKEN");
        console.screenshot("console-audit-verified.png");
    }

    /** Picks an outcome in the search form's menu (a plain {@code <select>}). */
    private void chooseOutcome(String label) {
        new Select(browser.findElement(By.id("search:outcome"))).selectByVisibleText(label);
    }

    /** GETs a console URL with the browser's session cookie, as the browser's download would. */
    private String download(String url) throws IOException, InterruptedException {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the console session cookie").isNotNull();
        HttpResponse<String> response = server.httpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session.getValue()).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        return response.body();
    }

    private static JsonObject parse(String line) {
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }
}
