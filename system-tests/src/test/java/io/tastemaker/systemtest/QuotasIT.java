package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Category quotas ({@code QUOTA} clauses of a filter expression, Tastemaker's extension) through the
 * unchanged AWS SDK: CreateFilter checks them, GetRecommendations with the filter's ARN honours them
 * on every request. The data: 60 items, 40 comedies (every fifth also a drama), 12 dramas and 8
 * documentaries; 80 users who click comedies 80% of the time, dramas 15% and documentaries 5%, so
 * that a list without quotas is mostly comedy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotasIT {

    private static final long SEED = 3030L;
    private static final int USERS = 80;
    private static final int ITEMS = 60;
    private static final int CLICKS_PER_USER = 15;
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRES", "type": "string", "categorical": true},
                        {"name": "PRICE", "type": "double"},
                        {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true}],
             "version": "1.0"}""";

    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private String userCampaign;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importAndDeploy() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "QuotasIT seed %d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> interactions = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int u = 0; u < USERS; u++) {
            for (int k = 0; k < CLICKS_PER_USER; k++) {
                double p = random.nextDouble();
                int n = p < 0.80 ? random.nextInt(40) : p < 0.95 ? 40 + random.nextInt(12) : 52 + random.nextInt(8);
                interactions.add(user(u) + "," + item(n) + "," + (time++) + ",click");
            }
        }
        List<String> items = new ArrayList<>();
        for (int n = 0; n < ITEMS; n++) {
            items.add(item(n) + "," + genres(n) + "," + (10 + n) + ",\"item " + n + "\"");
        }
        groupArn = personalize.createDatasetGroup(r -> r.name("quotas-" + suffix)).datasetGroupArn();
        importCsv(server, "Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, interactions);
        importCsv(server, "Items", ITEMS_SCHEMA, "ITEM_ID,GENRES,PRICE,DESCRIPTION", items);
        userCampaign = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                "quotas-up-" + suffix, Map.of()).campaignArn();
    }

    @Test
    void atLeastGivesACategoryItsShareOnEveryRequest() {
        String filter = createFilter("at-least-" + suffix, "QUOTA AT LEAST 30 PERCENT FROM Items.GENRES IN ($GENRE)");
        int withoutBelowShare = 0;
        for (int u = 0; u < 40; u++) {
            String user = user(u);
            List<PredictedItem> plain = recommend(user, 10, null, null);
            if (count(plain, "documentary") < 3) {
                withoutBelowShare++;
            }
            List<PredictedItem> items = recommend(user, 10, filter, Map.of("GENRE", "\"documentary\""));
            assertThat(items).as("user %s", user).hasSize(10).extracting(PredictedItem::itemId).doesNotHaveDuplicates();
            assertThat(count(items, "documentary")).as("user %s: 30%% of 10", user).isGreaterThanOrEqualTo(3);
            assertThat(items.stream().map(PredictedItem::score).toList()).as("the model's order is kept")
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            List<PredictedItem> others = items.stream().filter(i -> !genres(number(i.itemId())).contains("documentary"))
                    .toList();
            assertThat(ids(others)).as("the other places keep the model's best items")
                    .isEqualTo(ids(plain.stream().filter(i -> !genres(number(i.itemId())).contains("documentary"))
                            .limit(others.size()).toList()));
        }
        assertThat(withoutBelowShare).as("lists without the quota that have fewer than 3 documentaries").isGreaterThan(30);

        List<PredictedItem> drama = recommend(user(1), 25, filter, Map.of("GENRE", "\"drama\""));
        assertThat(count(drama, "drama")).as("30%% of 25, rounded up").isGreaterThanOrEqualTo(8);
        assertThatThrownBy(() -> recommend(user(1), 10, filter, Map.of()))
                .as("a quota's parameter is required").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("$GENRE");
    }

    @Test
    void atMostPerValueCapsEveryGenreOnEveryRequest() {
        String filter = createFilter("at-most-" + suffix, "QUOTA AT MOST 40 PERCENT PER Items.GENRES");
        int comedyHeavyWithout = 0;
        for (int u = 0; u < 40; u++) {
            String user = user(u);
            if (count(recommend(user, 10, null, null), "comedy") > 4) {
                comedyHeavyWithout++;
            }
            List<PredictedItem> items = recommend(user, 10, filter, Map.of());
            assertThat(items).as("user %s", user).hasSize(10).extracting(PredictedItem::itemId).doesNotHaveDuplicates();
            for (String genre : List.of("comedy", "drama", "documentary")) {
                assertThat(count(items, genre)).as("user %s: %s, a comedy|drama item counting toward both", user, genre)
                        .isLessThanOrEqualTo(4);
            }
        }
        assertThat(comedyHeavyWithout).as("lists without the cap that hold more than 4 comedies").isGreaterThan(30);
    }

    @Test
    void quotasCombineWithExpressionsAndHoldBesideAPromotion() {
        String filter = createFilter("combined-" + suffix, "EXCLUDE ItemID WHERE Items.PRICE < 15 "
                + "| QUOTA AT LEAST 30 PERCENT FROM Items.GENRES IN (\"drama\") | QUOTA AT MOST 20 PERCENT FROM Items.GENRES "
                + "IN (\"comedy\")");
        String promotionFilter = createFilter("promo-docs-" + suffix, "INCLUDE ItemID WHERE Items.GENRES IN (\"documentary\")");
        for (int u = 0; u < 20; u++) {
            String user = user(u);
            List<PredictedItem> items = recommend(user, 10, filter, Map.of());
            assertThat(items).as("user %s", user).hasSize(10)
                    .allSatisfy(i -> assertThat(number(i.itemId())).as("PRICE >= 15").isGreaterThanOrEqualTo(5));
            assertThat(count(items, "drama")).as("user %s", user).isGreaterThanOrEqualTo(3);
            assertThat(count(items, "comedy")).as("user %s", user).isLessThanOrEqualTo(2);

            List<PredictedItem> promoted = clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user)
                    .numResults(10).filterArn(filter)
                    .promotions(p -> p.name("docs").percentPromotedItems(20).filterArn(promotionFilter))).itemList();
            List<PredictedItem> regular = promoted.stream().filter(i -> i.promotionName() == null).toList();
            assertThat(promoted).as("user %s", user).hasSize(10);
            assertThat(promoted.stream().filter(i -> "docs".equals(i.promotionName())).toList()).hasSize(2)
                    .allSatisfy(i -> assertThat(genres(number(i.itemId()))).contains("documentary"));
            assertThat(count(regular, "drama")).as("user %s: 30%% of the 8 other places", user).isGreaterThanOrEqualTo(3);
            assertThat(count(regular, "comedy")).as("user %s: 20%% of the 8 other places", user).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void createFilterRefusesBadQuotaClausesWithTheirColumn() {
        assertInvalid("QUOTA AT LEAST 0 PERCENT FROM Items.GENRES IN (\"drama\")",
                "The percentage 0 at column 16 must be a whole number from 1 to 100");
        assertInvalid("QUOTA AT LEAST 30 PERCENT PER Items.GENRES", "PER at column 27");
        assertInvalid("QUOTA AT MOST 40 PERCENT PER Items.PRICE",
                "Items.PRICE at column 30 is a double field; a quota counts the values of a categorical field");
        assertInvalid("QUOTA AT MOST 40 PERCENT PER Items.GENRE", "Unknown field Items.GENRE at column 30");
        assertInvalid("EXCLUDE ItemID WHERE Items.PRICE > 3 | QUOTA AT MOST 40 PERCENT PER Items.DESCRIPTION",
                "Items.DESCRIPTION at column 69 is a textual field");
        String related = createFilter("related-" + suffix, "QUOTA AT LEAST 30 PERCENT FROM Items.GENRES IN CurrentItem.GENRES");
        assertThatThrownBy(() -> recommend(user(1), 10, related, Map.of()))
                .as("CurrentItem needs a related-items request").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("CurrentItem");
    }

    private String createFilter(String name, String expression) {
        return personalize.createFilter(r -> r.name(name).datasetGroupArn(groupArn).filterExpression(expression)).filterArn();
    }

    private void assertInvalid(String expression, String message) {
        assertThatThrownBy(() -> createFilter("bad-" + Math.abs(expression.hashCode()) + "-" + suffix, expression))
                .as(expression).isInstanceOf(software.amazon.awssdk.services.personalize.model.InvalidInputException.class)
                .hasMessageContaining(message);
    }

    private List<PredictedItem> recommend(String user, int n, String filter, Map<String, String> values) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(userCampaign).userId(user).numResults(n)
                .filterArn(filter).filterValues(values)).itemList();
    }

    private void importCsv(TastemakerServer server, String type, String schema, String header, List<String> lines)
            throws IOException {
        String name = "quotas-" + type.toLowerCase(Locale.ROOT) + "-" + suffix;
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

    private static long count(List<PredictedItem> items, String genre) {
        return items.stream().filter(i -> genres(number(i.itemId())).contains(genre)).count();
    }

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).toList();
    }

    private static String user(int n) {
        return String.format(Locale.ROOT, "user-%03d", n);
    }

    private static String item(int n) {
        return String.format(Locale.ROOT, "item-%03d", n);
    }

    private static int number(String itemId) {
        return Integer.parseInt(itemId.substring(itemId.lastIndexOf('-') + 1));
    }

    /** 0-39 comedy (every fifth comedy|drama), 40-51 drama, 52-59 documentary. */
    private static String genres(int n) {
        return n < 40 ? n % 5 == 0 ? "comedy|drama" : "comedy" : n < 52 ? "drama" : "documentary";
    }
}
