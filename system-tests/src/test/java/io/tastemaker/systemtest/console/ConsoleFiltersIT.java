package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.FilterSummary;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The Filters panel of the dataset group page and the test panel's filter inputs, in headless
 * Chromium against a real server. Data through the AWS SDK: {@link TwoGroups}' interactions, an
 * Items dataset giving each item a CATEGORY (shoes, hats, bags by its number) and a
 * Popularity-Count campaign. In the browser: a misspelt field is refused with the message and a
 * caret under its column; the corrected filter is created and listed; the test panel with the
 * filter and {@code CATEGORY="shoes"} ranks as GetRecommendations with the same filter does; the
 * filter is deleted. The test panel's promotion and metadata inputs, on a second campaign of the
 * same model with {@code enableMetadataWithRecommendations}: an unknown column is refused with the
 * columns there are; a promotion of hats at 20% marks 2 of 10 rows, and every row shows its
 * CATEGORY.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFiltersIT {

    private static final long SEED = 777L;
    private static final String[] CATEGORIES = {"shoes", "hats", "bags"};
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "CATEGORY", "type": "string", "categorical": true}], "version": "1.0"}""";

    private Clients clients;
    private PersonalizeClient personalize;
    private ConsoleBrowser console;
    private WebDriver browser;
    private String groupArn;
    private String campaignArn;
    private String metadataCampaignName;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void prepare() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "ConsoleFiltersIT seed %d%n", SEED);
        groupArn = TwoGroups.importInto(server, clients, "console-filters-" + suffix, SEED).datasetGroupArn();
        List<String> items = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int n = 0; n < TwoGroups.ITEMS_PER_GROUP; n++) {
                items.add(TwoGroups.item(group, n) + "," + CATEGORIES[n % 3]);
            }
        }
        String name = "console-filters-items-" + suffix;
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(ITEMS_SCHEMA)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn).datasetGroupArn(groupArn)
                .datasetType("Items")).datasetArn();
        Path csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        SyntheticInteractions.writeCsv(csv, "ITEM_ID,CATEGORY", items);
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        assertThat(clients.awaitDatasetImportJob(job).status()).isEqualTo("ACTIVE");
        Clients.Deployment deployment = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-popularity-count",
                "console-filters-" + suffix, Map.of());
        campaignArn = deployment.campaignArn();
        metadataCampaignName = "console-metadata-" + suffix;
        String metadataCampaign = personalize.createCampaign(r -> r.name(metadataCampaignName)
                .solutionVersionArn(deployment.solutionVersionArn())
                .campaignConfig(c -> c.enableMetadataWithRecommendations(true))).campaignArn();
        assertThat(clients.awaitCampaign(metadataCampaign).status()).isEqualTo("ACTIVE");
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
    void createAFilterFixingItsExpressionTryItAndDeleteIt() {
        console.signInAsOperator();
        console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
        console.waitFor(By.id("filters:filtersPanel"));
        assertThat(console.rowsOf("filters:table")).as("the other test deletes its filter").isEmpty();

        String name = "console-category-" + suffix;
        String misspelt = "INCLUDE ItemID WHERE Items.COLOUR IN ($CATEGORY)";
        console.type(By.id("filters:filterName"), name);
        console.type(By.id("filters:filterExpression"), misspelt);
        browser.findElement(By.id("filters:create")).click();
        WebElement pointer = console.waitFor(By.id("filters:problemPointer"));
        List<String> lines = pointer.getText().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(misspelt);
        assertThat(lines.get(1)).as("the caret under Items.COLOUR, column 22").isEqualTo(" ".repeat(21) + "^");
        assertThat(browser.findElement(By.id("filters:problemMessage")).getText())
                .contains("Unknown field Items.COLOUR at column 22");
        assertThat(browser.findElement(By.id("filters:filterExpression")).getAttribute("value"))
                .as("the expression stays for correcting").isEqualTo(misspelt);
        console.screenshot("console-filter-error.png");

        String expression = "INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)";
        console.type(By.id("filters:filterExpression"), expression);
        browser.findElement(By.id("filters:create")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(d -> console.rowsOf("filters:table").size() == 1);
        ConsoleBrowser.untilNotStale(() -> {
            WebElement row = console.rowsOf("filters:table").get(0);
            assertThat(ConsoleBrowser.cell(row, ".tm-name")).isEqualTo(name);
            assertThat(ConsoleBrowser.cell(row, ".tm-expression")).isEqualTo(expression);
            assertThat(ConsoleBrowser.cell(row, ".tm-status")).isEqualTo("ACTIVE");
        });
        assertThat(browser.findElements(By.id("filters:problemPointer"))).isEmpty();
        String filterArn = personalize.listFilters(r -> r.datasetGroupArn(groupArn)).filters().stream()
                .filter(f -> f.name().equals(name)).map(FilterSummary::filterArn).findFirst().orElseThrow();

        String user = TwoGroups.user(0, 4);
        List<String> expected = clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId(user)
                .numResults(8).filterArn(filterArn).filterValues(Map.of("CATEGORY", "\"shoes\""))).itemList().stream()
                .map(PredictedItem::itemId).toList();
        assertThat(expected).hasSize(8).allSatisfy(id -> assertThat(category(id)).isEqualTo("shoes"));
        console.type(By.id("test:userId"), user);
        console.type(By.id("test:numResults"), "8");
        chooseFilter(name);
        console.type(By.id("test:filterValues"), "CATEGORY=\"shoes\"");
        browser.findElement(By.id("test:run")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(d -> d.findElements(By.cssSelector("[id='test:results'] td.tm-item")).size() == 8
                        || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).as("error messages")
                .extracting(WebElement::getText).isEmpty();
        ConsoleBrowser.untilNotStale(() -> assertThat(console.rowsOf("test:results"))
                .extracting(r -> ConsoleBrowser.cell(r, ".tm-item")).containsExactlyElementsOf(expected));
        console.screenshot("console-filters.png");

        console.rowsOf("filters:table").get(0).findElement(By.cssSelector(".tm-delete")).click();
        console.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(d -> console.rowsOf("filters:table").isEmpty());
        assertThatThrownBy(() -> personalize.describeFilter(r -> r.filterArn(filterArn)))
                .isInstanceOf(ResourceNotFoundException.class);
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), "Deleted filter"));
    }

    @Test
    void theTestPanelTakesAPromotionAndMetadataColumns() {
        String name = "console-promo-" + suffix;
        String filterArn = personalize.createFilter(r -> r.name(name).datasetGroupArn(groupArn)
                .filterExpression("INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)")).filterArn();
        try {
            console.signInAsOperator();
            console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
            console.waitFor(By.id("test:promotionName"));
            choose("test:campaign", metadataCampaignName);
            console.type(By.id("test:userId"), TwoGroups.user(1, 3));
            console.type(By.id("test:numResults"), "10");
            console.type(By.id("test:promotionName"), "hat-week");
            console.type(By.id("test:promotionPercent"), "20");
            choose("test:promotionFilter", name);
            console.type(By.id("test:promotionFilterValues"), "CATEGORY=\"hats\"");
            console.type(By.id("test:metadataColumns"), "COLOUR");
            browser.findElement(By.id("test:run")).click();
            new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".ui-messages-error"), "column COLOUR"));
            assertThat(browser.findElement(By.cssSelector(".ui-messages-error")).getText())
                    .as("the unknown column and the columns there are").contains("its columns are CATEGORY");

            console.type(By.id("test:metadataColumns"), "CATEGORY");
            browser.findElement(By.id("test:run")).click();
            new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                    .until(d -> d.findElements(By.cssSelector("[id='test:results'] td.tm-item")).size() == 10
                            && d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
            ConsoleBrowser.untilNotStale(() -> {
                List<WebElement> rows = console.rowsOf("test:results");
                assertThat(rows).hasSize(10).allSatisfy(row -> assertThat(ConsoleBrowser.cell(row, ".tm-metadata"))
                        .isEqualTo("CATEGORY=" + category(ConsoleBrowser.cell(row, ".tm-item"))));
                List<WebElement> promoted = rows.stream()
                        .filter(row -> ConsoleBrowser.cell(row, ".tm-promotion").equals("hat-week")).toList();
                assertThat(promoted).as("20%% of 10").hasSize(2)
                        .allSatisfy(row -> assertThat(ConsoleBrowser.cell(row, ".tm-metadata")).isEqualTo("CATEGORY=hats"));
                assertThat(rows).as("a v1 recipe gives no reason")
                        .allSatisfy(row -> assertThat(ConsoleBrowser.cell(row, ".tm-reason")).isEmpty());
            });
            console.screenshot("console-test-promotion-metadata.png");
        } finally {
            personalize.deleteFilter(r -> r.filterArn(filterArn));
        }
    }

    /**
     * The editor's category quota help: the insert buttons append example clauses on the group's
     * categorical field, a quota with a percentage out of range is refused with the caret under it,
     * and the corrected quota filter, tried in the test panel, caps every category as
     * GetRecommendations with the same filter does.
     */
    @Test
    void insertAQuotaClauseFixItsPercentageAndTryIt() {
        console.signInAsOperator();
        console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
        console.waitFor(By.id("filters:quotaHelp"));
        assertThat(browser.findElement(By.id("filters:quotaHelp")).getText()).contains("QUOTA AT LEAST 30 PERCENT FROM")
                .contains("QUOTA AT MOST 40 PERCENT PER");

        By editor = By.id("filters:filterExpression");
        browser.findElement(By.id("filters:insertAtMost")).click();
        String atMost = "QUOTA AT MOST 40 PERCENT PER Items.CATEGORY";
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> atMost.equals(d.findElement(editor).getAttribute("value")));
        browser.findElement(By.id("filters:insertAtLeast")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> (atMost
                + " | QUOTA AT LEAST 30 PERCENT FROM Items.CATEGORY IN ($CATEGORY)").equals(d.findElement(editor)
                        .getAttribute("value")));

        String name = "console-quota-" + suffix;
        String tooMuch = "QUOTA AT MOST 140 PERCENT PER Items.CATEGORY";
        console.type(By.id("filters:filterName"), name);
        console.type(editor, tooMuch);
        browser.findElement(By.id("filters:create")).click();
        List<String> lines = console.waitFor(By.id("filters:problemPointer")).getText().lines().toList();
        assertThat(lines).containsExactly(tooMuch, " ".repeat(14) + "^");
        assertThat(browser.findElement(By.id("filters:problemMessage")).getText())
                .contains("The percentage 140 at column 15 must be a whole number from 1 to 100");
        console.screenshot("console-quota-error.png");

        console.type(editor, atMost);
        browser.findElement(By.id("filters:create")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(d -> console.rowsOf("filters:table").stream()
                .anyMatch(row -> ConsoleBrowser.cell(row, ".tm-name").equals(name)));
        String filterArn = personalize.listFilters(r -> r.datasetGroupArn(groupArn)).filters().stream()
                .filter(f -> f.name().equals(name)).map(FilterSummary::filterArn).findFirst().orElseThrow();

        String user = TwoGroups.user(1, 2);
        List<String> expected = clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId(user)
                .numResults(10).filterArn(filterArn)).itemList().stream().map(PredictedItem::itemId).toList();
        assertThat(expected).hasSize(10);
        for (String category : CATEGORIES) {
            assertThat(expected.stream().filter(id -> category(id).equals(category))).as(category).hasSizeLessThanOrEqualTo(4);
        }
        console.type(By.id("test:userId"), user);
        console.type(By.id("test:numResults"), "10");
        chooseFilter(name);
        browser.findElement(By.id("test:run")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(d -> d.findElements(By.cssSelector("[id='test:results'] td.tm-item")).size() == 10
                        || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).extracting(WebElement::getText).isEmpty();
        ConsoleBrowser.untilNotStale(() -> assertThat(console.rowsOf("test:results"))
                .extracting(r -> ConsoleBrowser.cell(r, ".tm-item")).containsExactlyElementsOf(expected));
        console.screenshot("console-quota.png");
        personalize.deleteFilter(r -> r.filterArn(filterArn));
    }

    /** Picks a filter in the test panel's menu, and waits until the menu shows it. */
    private void chooseFilter(String name) {
        choose("test:filter", name);
    }

    /** Picks the entry labelled {@code name} in the select menu {@code menuId}, and waits until the menu shows it. */
    private void choose(String menuId, String name) {
        By label = By.id(menuId + "_label");
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> {
                    if (!d.findElement(label).getText().strip().equals(name)) {
                        d.findElement(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger")).click();
                        new WebDriverWait(d, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + name + "']"))).click();
                    }
                    return d.findElement(label).getText().strip().equals(name);
                });
    }

    private static String category(String itemId) {
        return CATEGORIES[Integer.parseInt(itemId.substring(itemId.lastIndexOf('-') + 1)) % 3];
    }
}
