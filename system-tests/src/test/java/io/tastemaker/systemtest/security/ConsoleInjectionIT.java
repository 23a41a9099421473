package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Markup where the console shows what a user wrote, in headless Chromium: item ids of
 * recommendations, a schema's field documentation, a filter's expression, a solution's event type,
 * the failure reason of an import (which echoes the CSV header) and the reasons of rejected rows
 * (which echo the values), the test panel's messages (which echo the event sent) and a refused
 * filter expression (echoed with a caret). Each is shown as text: the page's text holds the
 * literal markup, no script ran (no alert, {@code window.__xss} undefined) and no element came of
 * it. An item's title with markup is stored too (PutItems); no console page shows item
 * attributes, so it must simply never run. Then another account opens the same page by its ARN
 * and sees nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ConsoleInjectionIT {

    private static final long SEED = 9191L;
    private static final String POPULARITY = "arn:aws:personalize:::recipe/aws-popularity-count";

    private TastemakerServer server;
    private Clients operator;
    private Clients clients;
    private Clients.NewAccount account;
    private String accountName;
    private ConsoleBrowser console;
    private String groupArn;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger imports = new AtomicInteger();

    /** Markup that runs script if a page renders it as HTML: each sets window.__xss and opens an alert. */
    private String mark(int n, boolean script) {
        String js = "window.__xss=" + n + ";alert(" + n + ")";
        return script ? "<script>" + js + "</script>" : "<img src=x id=injected-" + run + " onerror=" + js + ">";
    }

    @BeforeAll
    void prepare() throws IOException {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        accountName = "xss-" + run;
        account = operator.createAccount(accountName);
        clients = account.clients(server);
        PersonalizeClient p = clients.personalize();
        groupArn = p.createDatasetGroup(r -> r.name("xss-" + run)).datasetGroupArn();
        String interactionsSchema = p.createSchema(r -> r.name("xss-interactions-" + run).schema(SyntheticInteractions.SCHEMA))
                .schemaArn();
        String itemsSchema = p.createSchema(r -> r.name("xss-items-" + run).schema("""
                {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
                 "fields": [{"name": "ITEM_ID", "type": "string"},
                            {"name": "GENRE", "type": "string", "categorical": true},
                            {"name": "TITLE", "type": ["null", "string"], "doc": "%s"}],
                 "version": "1.0"}""".formatted(mark(1, true)))).schemaArn();
        String interactions = p.createDataset(r -> r.name("xss-interactions-" + run).schemaArn(interactionsSchema)
                .datasetGroupArn(groupArn).datasetType("Interactions")).datasetArn();
        String items = p.createDataset(r -> r.name("xss-items-" + run).schemaArn(itemsSchema).datasetGroupArn(groupArn)
                .datasetType("Items")).datasetArn();

        SplittableRandom random = new SplittableRandom(SEED);
        List<String> lines = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int u = 0; u < 40; u++) {
            for (int k = 0; k < 3; k++) {
                lines.add("u-" + u + "," + mark(2, false) + "," + (time++) + ",click");
                lines.add("u-" + u + "," + mark(3, true) + "," + (time++) + ",click");
            }
            for (int k = 0; k < 4; k++) {
                lines.add("u-" + u + ",m-" + random.nextInt(8) + "," + (time++) + ",click");
            }
        }
        importCsv(interactions, SyntheticInteractions.HEADER, lines, "FULL", "ACTIVE");
        clients.events().putItems(r -> r.datasetArn(items).items(i -> i.itemId("m-0")
                .properties("{\"genre\": \"drama\", \"title\": \"" + mark(4, true) + "\"}")));
        p.createFilter(r -> r.name("xss-filter-" + run).datasetGroupArn(groupArn)
                .filterExpression("EXCLUDE ItemID WHERE Items.GENRE IN (\"" + mark(5, true) + "\")"));
        p.createSolution(r -> r.name("xss-event-type-" + run).datasetGroupArn(groupArn).recipeArn(POPULARITY)
                .eventType(mark(6, false)));
        importCsv(items, "ITEM_ID,GENRE," + mark(7, false), List.of("m-1,drama,x"), "FULL", "CREATE FAILED");
        importCsv(interactions, SyntheticInteractions.HEADER, List.of("u-1,m-1," + mark(8, false) + ",click"),
                "INCREMENTAL", "ACTIVE");
        clients.trainAndDeploy(groupArn, POPULARITY, "xss-popular-" + run, Map.of());
        String tracker = p.createEventTracker(r -> r.name("xss-tracker-" + run).datasetGroupArn(groupArn)).eventTrackerArn();
        clients.awaitEventTracker(tracker);
        console = new ConsoleBrowser(server);
    }

    private void importCsv(String datasetArn, String header, List<String> lines, String mode, String expected)
            throws IOException {
        Path csv = Files.createTempFile(Tenant.importDir(server, account.accountId()), "xss-", ".csv");
        SyntheticInteractions.writeCsv(csv, header, lines);
        String job = clients.personalize().createDatasetImportJob(r -> r.jobName("xss-" + run + "-" + imports.incrementAndGet())
                .datasetArn(datasetArn).importMode(mode)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var done = clients.awaitDatasetImportJob(job);
        assertThat(done.status()).as("import of %s: %s", csv, done.failureReason()).isEqualTo(expected);
    }

    @AfterAll
    void close() throws IOException {
        if (console != null) {
            console.close();
        }
        if (clients != null) {
            clients.close();
        }
        operator.close();
    }

    private String groupPage() {
        return "/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void the_group_page_shows_every_markup_as_text() {
        console.open("/login.xhtml");
        console.signIn(accountName, "admin", account.adminPassword());
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        console.open(groupPage());
        console.waitFor(By.id("groupName"));
        assertShownAsText(mark(5, true), mark(6, false), mark(7, false), mark(8, false));
    }

    @Test
    @Order(2)
    void the_schema_dialog_shows_a_field_documentation_as_text() {
        List<WebElement> links = console.driver().findElements(By.cssSelector("[id$=':schema']"));
        WebElement items = links.stream().filter(l -> l.getText().contains("xss-items-")).findFirst()
                .orElseThrow();
        items.click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("schemaForm:schemaJson")).getText().contains("TITLE"));
        assertShownAsText(mark(1, true));
        console.driver().findElement(By.cssSelector("#schemaForm\\:schemaDialog .ui-dialog-titlebar-close")).click();
    }

    @Test
    @Order(3)
    void recommended_item_ids_and_the_test_events_message_are_text() {
        console.open(groupPage());
        console.type(By.id("test:userId"), "visitor-" + run);
        console.type(By.id("test:numResults"), "5");
        console.driver().findElement(By.id("test:run")).click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("[id='test:results'] td.tm-item")).size() >= 2);
        assertShownAsText(mark(2, false), mark(3, true));

        console.type(By.id("test:eventItemId"), mark(9, false));
        console.type(By.id("test:eventType"), mark(10, true));
        console.driver().findElement(By.id("test:sendEvent")).click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector(".ui-messages-info")).getText().contains(mark(9, false)));
        assertShownAsText(mark(9, false), mark(10, true));
    }

    @Test
    @Order(4)
    void a_refused_filter_expression_is_echoed_as_text() {
        console.open(groupPage());
        console.type(By.id("filters:filterName"), "xss-refused-" + run);
        console.type(By.id("filters:filterExpression"), mark(11, false));
        console.driver().findElement(By.id("filters:create")).click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        assertShownAsText(mark(11, false));
        assertThat(clients.personalize().listFilters(r -> r.datasetGroupArn(groupArn)).filters())
                .noneSatisfy(f -> assertThat(f.name()).isEqualTo("xss-refused-" + run));
    }

    @Test
    @Order(5)
    void another_account_opening_the_page_by_its_arn_sees_nothing_of_it() {
        Clients.NewAccount other = operator.createAccount("xss-other-" + run);
        console.driver().findElement(By.id("header:signOut")).click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/login.xhtml"));
        console.signIn("xss-other-" + run, "admin", other.adminPassword());
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(text()).doesNotContain("xss-" + run);
        console.open(groupPage());
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        String page = text();
        assertThat(page).contains("Could not find resource");
        assertThat(page).doesNotContain("xss-interactions-" + run).doesNotContain("xss-filter-" + run)
                .doesNotContain("xss-popular-" + run).doesNotContain("m-1").doesNotContain("window.__xss=5");
        assertThat(console.driver().findElements(By.id("groupName"))).isEmpty();
        assertNothingRan();
    }

    private String text() {
        return (String) ((JavascriptExecutor) console.driver()).executeScript("return document.body.innerText");
    }

    /** The page's text holds each markup literally, and nothing of any markup ran or became an element. */
    private void assertShownAsText(String... markups) {
        String text = text();
        for (String markup : markups) {
            assertThat(text).as("the page's text").contains(markup);
        }
        assertNothingRan();
    }

    private void assertNothingRan() {
        assertThatThrownBy(() -> console.driver().switchTo().alert()).as("an alert opened")
                .isInstanceOf(NoAlertPresentException.class);
        JavascriptExecutor js = (JavascriptExecutor) console.driver();
        assertThat(js.executeScript("return typeof window.__xss")).as("window.__xss").isEqualTo("undefined");
        assertThat(((Number) js.executeScript("return document.querySelectorAll('img[src=\"x\"], [id^=\"injected-\"]').length"))
                .intValue()).as("elements made of markup").isZero();
        assertThat(((Number) js.executeScript("return Array.from(document.scripts).filter(s => s.text.includes('__xss')).length"))
                .intValue()).as("scripts made of markup").isZero();
    }
}
