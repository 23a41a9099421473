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
 * The RELATED_ITEMS recipes through the AWS SDK (GetRecommendations with {@code itemId}), on a
 * catalog of three topics: each topic's items share a genre and words in their description, and
 * each topic's users interact only with its items. Two items per topic exist only in the Items
 * dataset (no interaction), to show what each recipe does with a brand-new item.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedItemsIT {

    private static final long SEED = 5150L;
    private static final String[] GENRES = {"Comedy", "Horror", "Space"};
    private static final String[][] WORDS = {
            {"funny", "laugh", "joke", "comic", "hilarious", "prank", "giggle", "silly"},
            {"ghost", "blood", "fear", "haunted", "scream", "monster", "nightmare", "zombie"},
            {"rocket", "planet", "galaxy", "astronaut", "orbit", "alien", "starship", "comet"}};
    private static final int WARM_ITEMS = 20;
    private static final int COLD_ITEMS = 2;
    private static final int USERS_PER_TOPIC = 40;
    private static final int ITEMS_PER_USER = 10;
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRES", "type": "string", "categorical": true},
                        {"name": "DESCRIPTION", "type": "string", "textual": true}],
             "version": "1.0"}""";

    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importTopics() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "RelatedItemsIT seed %d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);

        List<String> interactions = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int topic = 0; topic < GENRES.length; topic++) {
            for (int u = 0; u < USERS_PER_TOPIC; u++) {
                for (int k = 0; k < ITEMS_PER_USER; k++) {
                    interactions.add("t" + topic + "-user-" + u + "," + item(topic, random.nextInt(WARM_ITEMS)) + ","
                            + (time++) + ",click");
                }
            }
        }
        List<String> items = new ArrayList<>();
        for (int topic = 0; topic < GENRES.length; topic++) {
            for (int i = 0; i < WARM_ITEMS + COLD_ITEMS; i++) {
                items.add(item(topic, i) + "," + GENRES[topic] + ",\"" + description(topic, random) + "\"");
            }
        }

        groupArn = personalize.createDatasetGroup(r -> r.name("related-" + suffix)).datasetGroupArn();
        importCsv(server, "Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, interactions);
        importCsv(server, "Items", ITEMS_SCHEMA, "ITEM_ID,GENRES,DESCRIPTION", items);
    }

    @Test
    void simsRelatesItemsThatTheSameUsersChoseAndAnswersUnknownItemsWithPopularOnes() {
        var deployed = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-sims", "sims-" + suffix, Map.of());
        for (int topic = 0; topic < GENRES.length; topic++) {
            String itemId = item(topic, 4);
            List<PredictedItem> related = related(deployed.campaignArn(), itemId, 5);
            String prefix = "t" + topic + "-";
            assertThat(related).as("items related to %s", itemId).hasSize(5)
                    .allSatisfy(i -> assertThat(i.itemId()).startsWith(prefix).isNotEqualTo(itemId));
        }
        assertThat(related(deployed.campaignArn(), "never-seen-item", 5)).as("popular items for an unknown item")
                .hasSize(5);

        Map<String, Double> metrics = personalize.getSolutionMetrics(r -> r.solutionVersionArn(
                deployed.solutionVersionArn())).metrics();
        System.out.println("aws-sims metrics: " + metrics);
        assertThat(metrics).containsKeys("normalized_discounted_cumulative_gain_at_10", "precision_at_5", "coverage");
    }

    @Test
    void similarItemsGivesABrandNewItemNeighboursFromItsMetadata() {
        var deployed = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-similar-items",
                "similar-" + suffix, Map.of());
        for (int topic = 0; topic < GENRES.length; topic++) {
            String cold = item(topic, WARM_ITEMS);
            String prefix = "t" + topic + "-";
            assertThat(related(deployed.campaignArn(), cold, 5)).as("items related to the new item %s", cold).hasSize(5)
                    .allSatisfy(i -> assertThat(i.itemId()).startsWith(prefix).isNotEqualTo(cold));
            String warm = item(topic, 7);
            assertThat(related(deployed.campaignArn(), warm, 5)).as("items related to %s", warm)
                    .allSatisfy(i -> assertThat(i.itemId()).startsWith(prefix));
        }
    }

    @Test
    void semanticSimilarityRelatesItemsByTheirText() {
        var deployed = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-semantic-similarity",
                "semantic-" + suffix, Map.of("neighbors_per_item", "30"));
        for (int topic = 0; topic < GENRES.length; topic++) {
            String cold = item(topic, WARM_ITEMS + 1);
            String prefix = "t" + topic + "-";
            List<PredictedItem> related = related(deployed.campaignArn(), cold, 10);
            assertThat(related).as("items whose text is like %s", cold).hasSize(10)
                    .allSatisfy(i -> assertThat(i.itemId()).startsWith(prefix).isNotEqualTo(cold));
            assertThat(related.stream().map(PredictedItem::score).toList()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void aRelatedItemsCampaignNeedsAnItemId() {
        var deployed = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-sims", "sims-user-" + suffix,
                Map.of());
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(deployed.campaignArn())
                .userId("t0-user-1")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("itemId is required");
    }

    private List<PredictedItem> related(String campaignArn, String itemId, int n) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).itemId(itemId).numResults(n)).itemList();
    }

    private void importCsv(TastemakerServer server, String type, String schema, String header, List<String> lines)
            throws IOException {
        String name = "related-" + type.toLowerCase(Locale.ROOT) + "-" + suffix;
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

    private static String description(int topic, SplittableRandom random) {
        StringBuilder text = new StringBuilder("A story,");
        for (int w = 0; w < 4; w++) {
            text.append(' ').append(WORDS[topic][random.nextInt(WORDS[topic].length)]);
        }
        return text.append(" and more").toString();
    }

    private static String item(int topic, int n) {
        return String.format(Locale.ROOT, "t%d-item-%03d", topic, n);
    }
}
