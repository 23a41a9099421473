package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Filter;
import software.amazon.awssdk.services.personalize.model.FilterSummary;
import software.amazon.awssdk.services.personalize.model.ListFiltersResponse;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Filters through the AWS SDK: CreateFilter, DescribeFilter, ListFilters and DeleteFilter with
 * their errors, and filterArn/filterValues on GetRecommendations and GetPersonalizedRanking. The
 * data: two groups of users, each clicking only its own group's items; every item has a CATEGORY
 * (shoes, hats, bags by its number) and a PRICE (10 + its number); users have a TIER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiltersIT {

    private static final long SEED = 1616L;
    private static final int USERS_PER_GROUP = 60;
    private static final int ITEMS_PER_GROUP = 30;
    private static final int CLICKS_PER_USER = 12;
    private static final String[] CATEGORIES = {"shoes", "hats", "bags"};
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "CATEGORY", "type": "string", "categorical": true},
                        {"name": "PRICE", "type": "double"},
                        {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true}],
             "version": "1.0"}""";
    private static final String USERS_SCHEMA = """
            {"type": "record", "name": "Users", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"},
                        {"name": "TIER", "type": "string", "categorical": true}],
             "version": "1.0"}""";

    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private String userCampaign;
    private String rankingCampaign;
    private String simsCampaign;
    private String trackingId;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importAndDeploy() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "FiltersIT seed %d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> interactions = new ArrayList<>();
        List<String> users = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < USERS_PER_GROUP; u++) {
                for (int k = 0; k < CLICKS_PER_USER; k++) {
                    interactions.add(user(group, u) + "," + item(group, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++)
                            + ",click");
                }
                users.add(user(group, u) + "," + (u % 2 == 0 ? "gold" : "basic"));
            }
        }
        List<String> items = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int n = 0; n < ITEMS_PER_GROUP; n++) {
                items.add(item(group, n) + "," + category(n) + "," + price(n) + ",\"item " + n + "\"");
            }
        }
        groupArn = personalize.createDatasetGroup(r -> r.name("filters-" + suffix)).datasetGroupArn();
        importCsv(server, "Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, interactions);
        importCsv(server, "Items", ITEMS_SCHEMA, "ITEM_ID,CATEGORY,PRICE,DESCRIPTION", items);
        importCsv(server, "Users", USERS_SCHEMA, "USER_ID,TIER", users);
        userCampaign = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                "filters-up-" + suffix, Map.of()).campaignArn();
        rankingCampaign = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-personalized-ranking",
                "filters-rank-" + suffix, Map.of()).campaignArn();
        simsCampaign = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-sims",
                "filters-sims-" + suffix, Map.of()).campaignArn();
        String trackerArn = personalize.createEventTracker(r -> r.name("filters-" + suffix).datasetGroupArn(groupArn))
                .eventTrackerArn();
        trackingId = clients.awaitEventTracker(trackerArn).trackingId();
    }

    @Test
    void createDescribeListAndDeleteAFilter() {
        String expression = "INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORIES)";
        String arn = createFilter("crud-" + suffix, expression);
        Filter described = personalize.describeFilter(r -> r.filterArn(arn)).filter();
        assertThat(described.name()).isEqualTo("crud-" + suffix);
        assertThat(described.status()).as("ACTIVE when CreateFilter returns").isEqualTo("ACTIVE");
        assertThat(described.filterExpression()).isEqualTo(expression);
        assertThat(described.datasetGroupArn()).isEqualTo(groupArn);
        assertThat(described.creationDateTime()).isNotNull();
        assertThat(arn).endsWith(":filter/crud-" + suffix);

        String second = createFilter("crud2-" + suffix, "EXCLUDE ItemID WHERE Items.PRICE > 30");
        ListFiltersResponse first = personalize.listFilters(r -> r.datasetGroupArn(groupArn).maxResults(1));
        assertThat(first.filters()).hasSize(1);
        assertThat(first.nextToken()).isNotNull();
        List<String> all = new ArrayList<>(first.filters().stream().map(FilterSummary::filterArn).toList());
        ListFiltersResponse rest = personalize.listFilters(r -> r.datasetGroupArn(groupArn).nextToken(first.nextToken()));
        rest.filters().forEach(f -> all.add(f.filterArn()));
        assertThat(all).contains(arn, second).doesNotHaveDuplicates();

        assertThatThrownBy(() -> createFilter("crud-" + suffix, expression))
                .isInstanceOf(ResourceAlreadyExistsException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> personalize.createFilter(r -> r.name("nogroup-" + suffix).filterExpression(expression)
                .datasetGroupArn(groupArn + "-missing"))).isInstanceOf(ResourceNotFoundException.class);

        personalize.deleteFilter(r -> r.filterArn(arn));
        personalize.deleteFilter(r -> r.filterArn(second));
        assertThatThrownBy(() -> personalize.describeFilter(r -> r.filterArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> recommend(userCampaign, user(0, 1), 5, arn, Map.of("CATEGORIES", "\"shoes\"")))
                .as("a deleted filter").isInstanceOf(software.amazon.awssdk.services.personalizeruntime.model
                        .ResourceNotFoundException.class);
    }

    @Test
    void badExpressionsAreRefusedWithTheirMessageAndColumn() {
        assertInvalid("INCLUDE ItemID WHERE Items.COLOR IN (\"red\")",
                "Unknown field Items.COLOR at column 22");
        assertInvalid("INCLUDE ItemID WHERE Items.DESCRIPTION IN (\"x\")", "Items.DESCRIPTION at column 22");
        assertInvalid("INCLUDE ItemID WHERE Items.PRICE IN (\"10\")", "column");
        assertInvalid("EXCLUDE ItemID WHERE Items.CATEGORY NOT IN ($C)", "NOT IN");
        assertInvalid("INCLUDE ItemID WHER Items.PRICE > 3", "column 16");
        assertInvalid("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"a\") AND Items.PRICE > 3", "column");
        assertThatThrownBy(() -> createFilter("Bad Name " + suffix, "EXCLUDE ItemID WHERE Items.PRICE > 3"))
                .isInstanceOf(software.amazon.awssdk.services.personalize.model.InvalidInputException.class)
                .hasMessageContaining("regular expression pattern");
    }

    @Test
    void aPurchaseIsExcludedFromTheVeryNextRequest() {
        String filter = createFilter("purchased-" + suffix, "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchase\")");
        String user = user(0, 3);
        List<String> before = ids(recommend(userCampaign, user, 10, filter, Map.of()));
        assertThat(before).hasSize(10);
        String bought = before.get(0);
        clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("s-" + user)
                .eventList(Event.builder().eventType("Purchase").itemId(bought).sentAt(Instant.now()).build()));
        List<String> after = ids(recommend(userCampaign, user, 10, filter, Map.of()));
        assertThat(after).as("recommendations after buying %s (event type matched ignoring case)", bought)
                .hasSize(10).doesNotContain(bought);
        assertThat(ids(recommend(userCampaign, user, 10, null, null))).as("without the filter").contains(bought);
    }

    @Test
    void includeACategoryGivenAsAParameter() {
        String filter = createFilter("category-" + suffix, "INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORIES)");
        List<PredictedItem> items = recommend(userCampaign, user(1, 4), 50, filter,
                Map.of("CATEGORIES", "\"shoes\",\"hats\""));
        assertThat(items).as("only shoes and hats: 40 of the 60 items, fewer than the 50 asked for").hasSize(40)
                .allSatisfy(i -> assertThat(category(number(i.itemId()))).isIn("shoes", "hats"));
        assertThat(items.subList(0, 10)).as("the user's own group still comes first")
                .allSatisfy(i -> assertThat(i.itemId()).startsWith("g1-"));

        assertThatThrownBy(() -> recommend(userCampaign, user(1, 4), 10, filter, Map.of()))
                .as("INCLUDE without its parameter").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("$CATEGORIES");
        assertThatThrownBy(() -> recommend(userCampaign, user(1, 4), 10, filter, Map.of("CATEGORIES", "shoes")))
                .as("a value without quotes").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CATEGORIES");
    }

    @Test
    void anExcludeWithoutItsParameterIsLeftOutAndIfCurrentUserReadsTheUsersDataset() {
        String filter = createFilter("tier-" + suffix,
                "EXCLUDE ItemID WHERE Items.CATEGORY IN ($HIDDEN) | EXCLUDE ItemID WHERE Items.PRICE >= 20 IF CurrentUser.TIER IN (\"basic\")");
        String gold = user(0, 2);
        String basic = user(0, 3);
        assertThat(recommend(userCampaign, gold, 60, filter, Map.of())).as("gold: nothing excluded").hasSize(60);
        assertThat(recommend(userCampaign, basic, 60, filter, Map.of())).as("basic: only items under 20")
                .hasSize(20).allSatisfy(i -> assertThat(price(number(i.itemId()))).isLessThan(20));
        assertThat(recommend(userCampaign, gold, 60, filter, Map.of("HIDDEN", "\"bags\""))).hasSize(40);
    }

    @Test
    void currentItemKeepsCheaperRelatedItems() {
        String filter = createFilter("cheaper-" + suffix, "INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE");
        String itemId = item(0, 15);
        List<PredictedItem> related = clients.runtime().getRecommendations(r -> r.campaignArn(simsCampaign).itemId(itemId)
                .numResults(20).filterArn(filter)).itemList();
        assertThat(related).as("items related to %s (price %s)", itemId, price(15)).isNotEmpty()
                .allSatisfy(i -> assertThat(price(number(i.itemId()))).isLessThan(price(15)));
        assertThatThrownBy(() -> recommend(userCampaign, user(0, 1), 5, filter, Map.of()))
                .as("CurrentItem needs an item").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CurrentItem");
    }

    @Test
    void personalizedRankingKeepsOnlyAllowedItems() {
        String filter = createFilter("ranked-" + suffix, "INCLUDE ItemID WHERE Items.PRICE <= $MAX");
        List<String> input = List.of(item(0, 25), item(0, 2), item(1, 3), item(0, 7), item(1, 20), "unknown-item");
        List<PredictedItem> ranked = clients.runtime().getPersonalizedRanking(r -> r.campaignArn(rankingCampaign)
                .userId(user(0, 5)).inputList(input).filterArn(filter).filterValues(Map.of("MAX", "17"))).personalizedRanking();
        assertThat(ids(ranked)).as("items of price at most 17").containsExactlyInAnyOrder(item(0, 2), item(1, 3), item(0, 7));
        assertThat(ids(ranked).get(ranked.size() - 1)).as("the other group's item last").isEqualTo(item(1, 3));
        assertThatThrownBy(() -> clients.runtime().getPersonalizedRanking(r -> r.campaignArn(rankingCampaign)
                .userId(user(0, 5)).inputList(input).filterArn(filter).filterValues(Map.of("MAX", "\"cheap\""))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("MAX");
    }

    @Test
    void aPromotionTakesItsShareOfTheListAndIsMarked() {
        String bags = createFilter("promo-bags-" + suffix, "INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)");
        String shoes = createFilter("no-bags-" + suffix, "EXCLUDE ItemID WHERE Items.CATEGORY IN (\"bags\")");
        for (int round = 0; round < 5; round++) {
            String user = user(round % 2, round);
            List<PredictedItem> items = clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user)
                    .numResults(25).filterArn(shoes)
                    .promotions(p -> p.name("bag-week").percentPromotedItems(20).filterArn(bags)
                            .filterValues(Map.of("CATEGORY", "\"bags\"")))).itemList();
            assertThat(items).as("round %d", round).hasSize(25);
            List<PredictedItem> promoted = items.stream().filter(i -> "bag-week".equals(i.promotionName())).toList();
            assertThat(promoted).as("20%% of 25").hasSize(5)
                    .allSatisfy(i -> assertThat(category(number(i.itemId()))).isEqualTo("bags"));
            assertThat(promoted.stream().map(PredictedItem::score).toList()).as("promoted items in their own order")
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(items.stream().filter(i -> i.promotionName() == null).toList())
                    .as("the request filter applies to the others").hasSize(20)
                    .allSatisfy(i -> assertThat(category(number(i.itemId()))).isNotEqualTo("bags"));
            assertThat(ids(items)).doesNotHaveDuplicates();
        }
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user(0, 1))
                .promotions(p -> p.name("no-filter").percentPromotedItems(20))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("filterArn");
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user(0, 1))
                .promotions(p -> p.name("too-much").percentPromotedItems(101).filterArn(bags))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("percentPromotedItems");
    }

    @Test
    void metadataFromACampaignWithoutItAndFilterValuesWithoutAFilterAreRefused() {
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user(0, 1))
                .metadataColumns(Map.of("ITEMS", List.of("PRICE")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("enableMetadataWithRecommendations");
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user(0, 1))
                .filterValues(Map.of("A", "\"x\"")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("filterArn");
    }

    @Test
    void deletingADatasetGroupDeletesItsFilters() {
        String group = personalize.createDatasetGroup(r -> r.name("filters-gone-" + suffix)).datasetGroupArn();
        String schema = personalize.createSchema(r -> r.name("filters-gone-" + suffix).schema(ITEMS_SCHEMA)).schemaArn();
        String dataset = personalize.createDataset(r -> r.name("filters-gone-" + suffix).schemaArn(schema)
                .datasetGroupArn(group).datasetType("Items")).datasetArn();
        String filter = personalize.createFilter(r -> r.name("gone-" + suffix).datasetGroupArn(group)
                .filterExpression("EXCLUDE ItemID WHERE Items.PRICE > 3")).filterArn();
        personalize.deleteDataset(r -> r.datasetArn(dataset));
        personalize.deleteDatasetGroup(r -> r.datasetGroupArn(group));
        assertThatThrownBy(() -> personalize.describeFilter(r -> r.filterArn(filter)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private String createFilter(String name, String expression) {
        return personalize.createFilter(r -> r.name(name).datasetGroupArn(groupArn).filterExpression(expression)).filterArn();
    }

    private void assertInvalid(String expression, String message) {
        assertThatThrownBy(() -> createFilter("bad-" + Math.abs(expression.hashCode()) + "-" + suffix, expression))
                .as(expression).isInstanceOf(software.amazon.awssdk.services.personalize.model.InvalidInputException.class)
                .hasMessageContaining(message);
    }

    private List<PredictedItem> recommend(String campaign, String user, int n, String filter, Map<String, String> values) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user).numResults(n).filterArn(filter)
                .filterValues(values)).itemList();
    }

    private void importCsv(TastemakerServer server, String type, String schema, String header, List<String> lines)
            throws IOException {
        String name = "filters-" + type.toLowerCase(Locale.ROOT) + "-" + suffix;
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(schema)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn).datasetGroupArn(groupArn)
                .datasetType(type)).datasetArn();
        Path csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        SyntheticInteractions.writeCsv(csv, header, lines);
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var imported = clients.awaitDatasetImportJob(job);
        assertThat(imported.status()).as("import of %s: %s", type, imported.failureReason()).isEqualTo("ACTIVE");
    }

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).collect(Collectors.toList());
    }

    private static String user(int group, int n) {
        return String.format(Locale.ROOT, "g%d-user-%03d", group, n);
    }

    private static String item(int group, int n) {
        return String.format(Locale.ROOT, "g%d-item-%03d", group, n);
    }

    private static int number(String itemId) {
        return Integer.parseInt(itemId.substring(itemId.lastIndexOf('-') + 1));
    }

    private static String category(int n) {
        return CATEGORIES[n % 3];
    }

    private static double price(int n) {
        return 10 + n;
    }
}
