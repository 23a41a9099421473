package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.SyntheticInteractions.Interaction;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The console in a real browser (headless Chromium) against a real server. The data are made
 * through the AWS SDK: a dataset group with an Interactions dataset, an import of 3,000 generated
 * interactions and two bad rows, a Popularity-Count solution version and a campaign. Then, as a
 * person would: a wrong password is refused; the operator signs in; the dashboard creates a
 * group and opens the prepared one; the group page shows the dataset, its schema, the import
 * with its counts and rejected rows, the version's metrics as GetSolutionMetrics gives them, the
 * campaign, and a recommendation test that ranks as GetRecommendations does; an import started
 * from the page runs to ACTIVE; sign-out ends the session.
 *
 * <p>Screenshots go to {@code target/console-*.png}. The seed of the data is printed;
 * {@code -Dtastemaker.it.seed=<seed>} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class ConsoleIT {

    private static final long DEFAULT_SEED = 20_241_201L;
    private static final int INTERACTIONS = 3_000;
    private static final int USERS = 300;
    private static final int ITEMS = 200;
    private static final double EXPONENT = 0.8;
    /** Where in the generated rows the two bad lines go (0-based index in the data lines). */
    private static final int FIRST_BAD_ROW = 1_000;
    private static final int NUM_RESULTS = 10;
    private static final int INCREMENTAL_ROWS = 25;
    private static final String POPULARITY_COUNT = "arn:aws:personalize:::recipe/aws-popularity-count";
    private static final String SIGN_IN_FAILED = "Sign-in failed: check the account, user name and password.";
    private static final Duration UI_TIMEOUT = ConsoleBrowser.UI_TIMEOUT;
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(3);

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private ConsoleBrowser console;
    private WebDriver browser;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    private List<Interaction> rows;
    private List<Long> badLines;
    private Path workDir;
    private String groupName;
    private String datasetName;
    private String importJobName;
    private String solutionName;
    private String campaignName;
    private String datasetGroupArn;
    private String versionArn;
    private String campaignArn;

    @BeforeAll
    void start() throws IOException {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        workDir = Files.createTempDirectory(server.dataDir().getParent(), "console-it-");
        console = new ConsoleBrowser(server);
        browser = console.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (console != null) {
            console.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void preparesAGroupWithACampaignThroughTheSdk() {
        long seed = Long.getLong("tastemaker.it.seed", DEFAULT_SEED);
        System.out.printf(Locale.ROOT, "ConsoleIT seed: %d (replay with -Dtastemaker.it.seed=%d)%n", seed, seed);
        rows = SyntheticInteractions.generate(seed, INTERACTIONS, USERS, ITEMS, EXPONENT);
        List<String> lines = new ArrayList<>(rows.stream().map(Interaction::csv).toList());
        lines.add(FIRST_BAD_ROW, "user-bad,item-bad,not-a-time,click");
        lines.add("user-bad-too,item-00001,,click");
        // The header is line 1, so data line i (0-based) is line i + 2.
        badLines = List.of((long) FIRST_BAD_ROW + 2, (long) lines.size() - 1 + 2);
        Path csv = workDir.resolve("interactions.csv");
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.HEADER, lines);

        groupName = "console-" + suffix;
        datasetName = "console-interactions-" + suffix;
        importJobName = "console-import-" + suffix;
        solutionName = "console-popularity-" + suffix;
        campaignName = "console-campaign-" + suffix;
        String schemaArn = personalize.createSchema(r -> r.name("console-schema-" + suffix).schema(SyntheticInteractions.SCHEMA))
                .schemaArn();
        datasetGroupArn = personalize.createDatasetGroup(r -> r.name(groupName)).datasetGroupArn();
        assertThat(clients.awaitDatasetGroup(datasetGroupArn).status()).isEqualTo("ACTIVE");
        String datasetArn = personalize.createDataset(r -> r.name(datasetName).schemaArn(schemaArn)
                .datasetGroupArn(datasetGroupArn).datasetType("Interactions")).datasetArn();
        assertThat(clients.awaitDataset(datasetArn).status()).isEqualTo("ACTIVE");
        String jobArn = personalize.createDatasetImportJob(r -> r.jobName(importJobName).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString())).importMode(ImportMode.FULL)).datasetImportJobArn();
        var job = clients.awaitDatasetImportJob(jobArn);
        assertThat(job.status()).as("import failure reason: %s", job.failureReason()).isEqualTo("ACTIVE");

        String solutionArn = personalize.createSolution(r -> r.name(solutionName).datasetGroupArn(datasetGroupArn)
                .recipeArn(POPULARITY_COUNT)).solutionArn();
        assertThat(clients.awaitSolution(solutionArn).status()).isEqualTo("ACTIVE");
        versionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        var version = clients.awaitSolutionVersion(versionArn);
        assertThat(version.status()).as("training failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");
        campaignArn = personalize.createCampaign(r -> r.name(campaignName).solutionVersionArn(versionArn)
                .minProvisionedTPS(1)).campaignArn();
        var campaign = clients.awaitCampaign(campaignArn);
        assertThat(campaign.status()).as("campaign failure reason: %s", campaign.failureReason()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void anAnonymousVisitorIsSentToSignInAndAWrongPasswordIsRefused() throws IOException {
        browser.get(console("/group.xhtml?arn=" + URLEncoder.encode(datasetGroupArn, StandardCharsets.UTF_8)));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login.xhtml");
        assertThat(browser.getPageSource()).doesNotContain(groupName);

        String error = errorMessageAfter(() -> signIn("operator", "admin", server.adminPassword() + "-wrong"));
        assertThat(error).isEqualTo(SIGN_IN_FAILED);
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error-summary"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".ui-messages-info, .ui-messages-warn"))).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/console/login.xhtml");
        assertThat(browser.findElement(By.id("login:password")).getAttribute("value")).isEmpty();

        // An unknown user gets exactly the same answer.
        assertThat(errorMessageAfter(() -> signIn("operator", "nobody-" + suffix, server.adminPassword())))
                .isEqualTo(SIGN_IN_FAILED);
        screenshot("console-login.png");
    }

    @Test
    @Order(3)
    void theOperatorSignsInWithANewSessionId() {
        browser.get(console("/login.xhtml"));
        Cookie before = browser.manage().getCookieNamed("JSESSIONID");

        signIn("operator", "admin", server.adminPassword());

        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(browser.findElement(By.id("header:user")).getText()).isEqualTo("admin");
        assertThat(browser.findElement(By.id("header:account")).getText()).isEqualTo("operator");
        Cookie after = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(before).as("session cookie of the sign-in page").isNotNull();
        assertThat(after).as("session cookie after sign-in").isNotNull();
        assertThat(after.getValue()).as("the session id changes on sign-in").isNotEqualTo(before.getValue());
    }

    @Test
    @Order(4)
    void theDashboardCreatesADatasetGroupAndRefusesADuplicate() throws IOException {
        browser.get(console("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/index.xhtml");
        String created = "console-made-" + suffix;

        createGroup(created);
        WebElement link = waitFor(By.linkText(created));
        assertThat(link.getAttribute("href")).contains("group.xhtml?arn=");
        assertThat(personalize.listDatasetGroups(r -> r.maxResults(100)).datasetGroups())
                .anySatisfy(g -> assertThat(g.name()).isEqualTo(created));

        assertThat(errorMessageAfter(() -> createGroup(created)))
                .contains("A dataset group with the name " + created + " already exists.");
        screenshot("console-dashboard.png");
    }

    @Test
    @Order(5)
    void theDashboardOpensTheGroup() {
        browser.get(console("/index.xhtml"));
        WebElement table = waitFor(By.id("groups:table"));
        table.findElement(By.linkText(groupName)).click();

        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/group.xhtml?arn="));
        assertThat(waitFor(By.id("groupName")).getText()).isEqualTo(groupName);
    }

    @Test
    @Order(6)
    void theGroupPageShowsTheDatasetItsSchemaAndTheImport() {
        List<WebElement> datasets = rowsOf("data:datasets");
        assertThat(datasets).hasSize(1);
        WebElement dataset = datasets.get(0);
        assertThat(cell(dataset, ".tm-type")).isEqualTo("Interactions");
        assertThat(cell(dataset, ".tm-name")).isEqualTo(datasetName);
        assertThat(cell(dataset, ".tm-status")).isEqualTo("ACTIVE");
        assertThat(cell(dataset, ".tm-rows")).isEqualTo(count(INTERACTIONS));

        dataset.findElement(By.linkText("console-schema-" + suffix)).click();
        WebElement schema = new WebDriverWait(browser, UI_TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("schemaForm:schemaJson")));
        assertThat(schema.getText()).contains("\"USER_ID\"", "\"ITEM_ID\"", "\"TIMESTAMP\"", "\"EVENT_TYPE\"");
        browser.findElement(By.cssSelector("#schemaForm\\:schemaDialog .ui-dialog-titlebar-close")).click();
        new WebDriverWait(browser, UI_TIMEOUT)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("schemaForm:schemaJson")));

        WebElement job = rowsOf("data:jobs").stream().filter(r -> cell(r, ".tm-job").equals(importJobName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for import job " + importJobName));
        assertThat(cell(job, ".tm-status")).isEqualTo("ACTIVE");
        assertThat(cell(job, ".tm-read")).isEqualTo(count(INTERACTIONS + 2));
        assertThat(cell(job, ".tm-imported")).isEqualTo(count(INTERACTIONS));
        assertThat(cell(job, ".tm-rejected")).isEqualTo("2");
        assertThat(cell(job, ".tm-failure")).isEmpty();

        List<WebElement> rejected = browser.findElements(By.cssSelector(".tm-rejections tbody tr"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected).extracting(r -> Long.parseLong(r.findElements(By.tagName("td")).get(0).getText().strip()))
                .containsExactlyElementsOf(badLines);
        assertThat(rejected).allSatisfy(r -> assertThat(r.findElements(By.tagName("td")).get(1).getText()).isNotBlank());
    }

    @Test
    @Order(7)
    void theGroupPageShowsTheSolutionVersionMetricsAndTheCampaign() {
        assertThat(browser.findElement(By.id("models:solutionsPanel")).getText()).contains(solutionName,
                "aws-popularity-count");
        List<WebElement> versions = browser.findElements(By.cssSelector(".tm-versions tbody tr"));
        assertThat(versions).hasSize(1);
        assertThat(cell(versions.get(0), ".tm-status")).isEqualTo("ACTIVE");

        Map<String, Double> expected = personalize.getSolutionMetrics(r -> r.solutionVersionArn(versionArn)).metrics();
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector(".tm-metrics tbody tr"))) {
            shown.put(cell(row, ".tm-metric-name"), cell(row, ".tm-metric-value"));
        }
        System.out.println("Metrics in the console: " + shown);
        Map<String, String> formatted = new LinkedHashMap<>();
        expected.forEach((name, value) -> formatted.put(name, String.format(Locale.ROOT, "%.4f", value)));
        assertThat(shown).isNotEmpty().containsExactlyInAnyOrderEntriesOf(formatted);

        // The chart: one bar per metric, as long as the metric's share of [0, 1].
        List<WebElement> bars = browser.findElements(By.cssSelector(".tm-chart .tm-bar-row"));
        assertThat(bars).hasSize(expected.size());
        for (WebElement bar : bars) {
            String name = bar.findElement(By.cssSelector(".tm-bar-label")).getText().strip();
            double track = bar.findElement(By.cssSelector(".tm-bar-track")).getSize().getWidth();
            double length = bar.findElement(By.cssSelector(".tm-bar")).getSize().getWidth();
            assertThat(expected).containsKey(name);
            assertThat(length / track).as("bar of %s", name).isCloseTo(expected.get(name), within(0.02));
        }

        List<WebElement> campaigns = rowsOf("models:campaigns");
        assertThat(campaigns).hasSize(1);
        assertThat(cell(campaigns.get(0), ".tm-name")).isEqualTo(campaignName);
        assertThat(cell(campaigns.get(0), ".tm-status")).isEqualTo("ACTIVE");
    }

    @Test
    @Order(8)
    void theTestPanelRanksAsGetRecommendationsDoes() throws IOException {
        String userId = rows.get(0).userId();
        GetRecommendationsResponse sdk = clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId(userId)
                .numResults(NUM_RESULTS));
        List<String> expectedItems = sdk.itemList().stream().map(PredictedItem::itemId).toList();
        List<String> expectedScores = sdk.itemList().stream()
                .map(i -> String.format(Locale.ROOT, "%.6f", i.score())).toList();
        assertThat(expectedItems).hasSize(NUM_RESULTS);

        type(By.id("test:userId"), userId);
        type(By.id("test:numResults"), Integer.toString(NUM_RESULTS));
        browser.findElement(By.id("test:run")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(d -> d.findElements(By.cssSelector("[id='test:results'] td.tm-item"))
                .size() == NUM_RESULTS);

        List<WebElement> ranked = rowsOf("test:results");
        assertThat(ranked).extracting(r -> cell(r, ".tm-rank"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, NUM_RESULTS).mapToObj(Integer::toString)
                        .toList());
        assertThat(ranked).extracting(r -> cell(r, ".tm-item")).containsExactlyElementsOf(expectedItems);
        assertThat(ranked).extracting(r -> cell(r, ".tm-score")).containsExactlyElementsOf(expectedScores);
        assertThat(browser.findElement(By.id("test:recommendationId")).getText()).matches(".*recommendation id RID-\\S+");

        screenshot("console-group.png");
    }

    @Test
    @Order(9)
    void anImportStartedFromThePageRunsToActive() {
        List<Interaction> more = SyntheticInteractions.generate(7L, INCREMENTAL_ROWS, USERS, ITEMS, EXPONENT);
        Path csv = workDir.resolve("more-interactions.csv");
        SyntheticInteractions.writeCsv(csv, more);
        String jobName = "console-more-" + suffix;

        type(By.id("import:jobName"), jobName);
        type(By.id("import:location"), csv.toUri().toString());
        browser.findElement(By.xpath("//div[@id='import:mode']//*[normalize-space(text())='Incremental (add)']")).click();
        browser.findElement(By.id("import:start")).click();
        assertThat(waitFor(By.cssSelector(".ui-messages-info")).getText()).contains("Started import job " + jobName);

        // The page polls while the import runs and re-renders the tables: elements read during a
        // refresh go stale, so reading is retried.
        new WebDriverWait(browser, IMPORT_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> rowsOf("data:jobs").stream()
                        .anyMatch(r -> cell(r, ".tm-job").equals(jobName) && !cell(r, ".tm-status").startsWith("CREATE ")));
        untilNotStale(() -> {
            WebElement job = rowsOf("data:jobs").stream().filter(r -> cell(r, ".tm-job").equals(jobName)).findFirst()
                    .orElseThrow();
            assertThat(cell(job, ".tm-status")).as("failure reason: %s", cell(job, ".tm-failure")).isEqualTo("ACTIVE");
            assertThat(cell(job, ".tm-imported")).isEqualTo(count(INCREMENTAL_ROWS));
            assertThat(cell(rowsOf("data:datasets").get(0), ".tm-rows")).isEqualTo(count(INTERACTIONS + INCREMENTAL_ROWS));
        });
    }

    @Test
    @Order(10)
    void signingOutEndsTheSession() {
        browser.findElement(By.id("header:signOut")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/login.xhtml"));
        browser.get(console("/index.xhtml"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login.xhtml");
        assertThat(browser.getPageSource()).doesNotContain(groupName);
    }

    // ---- helpers ----

    /**
     * The text of the error message that {@code action} brings: an error shown before is first
     * waited out (the response re-renders the messages), and a message replaced while being read
     * is read again.
     */
    private String errorMessageAfter(Runnable action) {
        List<WebElement> before = browser.findElements(By.cssSelector(".ui-messages-error"));
        action.run();
        if (!before.isEmpty()) {
            new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.stalenessOf(before.get(0)));
        }
        return new WebDriverWait(browser, UI_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(".ui-messages-error"));
            return shown.isEmpty() || !shown.get(0).isDisplayed() ? null : shown.get(0).getText().strip();
        });
    }

    private static void untilNotStale(Runnable checks) {
        ConsoleBrowser.untilNotStale(checks);
    }

    private String console(String path) {
        return console.console(path);
    }

    private void signIn(String account, String user, String password) {
        console.signIn(account, user, password);
    }

    private void createGroup(String name) {
        type(By.id("create:name"), name);
        browser.findElement(By.id("create:submit")).click();
    }

    private void type(By by, String text) {
        console.type(by, text);
    }

    private WebElement waitFor(By by) {
        return console.waitFor(by);
    }

    private List<WebElement> rowsOf(String tableId) {
        return console.rowsOf(tableId);
    }

    private static String cell(WebElement row, String css) {
        return ConsoleBrowser.cell(row, css);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private void screenshot(String name) {
        console.screenshot(name);
    }
}
