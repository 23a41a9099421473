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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Item metadata in responses and the -v2 recipes' popular fill, through the AWS SDK.
 *
 * <p>The data: two groups of users, each clicking only its own group's items. Every item has
 * GENRES (a categorical string: {@code Comedy|Drama}, {@code Action} or {@code Horror} by its
 * number; item 0 of each group is {@code Rare}), a TITLE (a plain string, not used in training) and
 * a PRICE. After training, three new items of genre Rare, unknown to the models, are clicked by 4, 3
 * and 2 users (PutEvents) and described by PutItems, and a new Action item by 6 users. A second
 * dataset group, encrypted at rest with a KMS key, returns its items' metadata decrypted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusinessRulesIT {

    private static final long SEED = 5005L;
    private static final int USERS_PER_GROUP = 40;
    private static final int ITEMS_PER_GROUP = 20;
    private static final int CLICKS_PER_USER = 10;
    private static final String[] GENRES = {"Comedy|Drama", "Action", "Horror"};
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRES", "type": "string", "categorical": true},
                        {"name": "TITLE", "type": "string"},
                        {"name": "PRICE", "type": "double"}],
             "version": "1.0"}""";
    private static final List<String> NEW_RARE = List.of("new-rare-1", "new-rare-2", "new-rare-3");

    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private String itemsDatasetArn;
    private String plainCampaign;
    private String metadataCampaign;
    private String v2Campaign;
    private String rareFilter;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importTrainAndDeploy() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "BusinessRulesIT seed %d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> interactions = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < USERS_PER_GROUP; u++) {
                interactions.add(user(group, u) + "," + item(group, u % ITEMS_PER_GROUP) + "," + (time++) + ",click");
                for (int k = 1; k < CLICKS_PER_USER; k++) {
                    interactions.add(user(group, u) + "," + item(group, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++)
                            + ",click");
                }
            }
        }
        List<String> items = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int n = 0; n < ITEMS_PER_GROUP; n++) {
                items.add(item(group, n) + "," + genres(n) + ",\"Title " + group + "-" + n + "\"," + price(n));
            }
        }
        groupArn = personalize.createDatasetGroup(r -> r.name("rules-" + suffix)).datasetGroupArn();
        importCsv(server, "Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, interactions);
        itemsDatasetArn = importCsv(server, "Items", ITEMS_SCHEMA, "ITEM_ID,GENRES,TITLE,PRICE", items);
        Clients.Deployment v1 = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                "rules-up-" + suffix, Map.of());
        plainCampaign = v1.campaignArn();
        metadataCampaign = personalize.createCampaign(r -> r.name("rules-meta-" + suffix)
                .solutionVersionArn(v1.solutionVersionArn())
                .campaignConfig(c -> c.enableMetadataWithRecommendations(true))).campaignArn();
        assertThat(clients.awaitCampaign(metadataCampaign).status()).isEqualTo("ACTIVE");
        v2Campaign = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization-v2",
                "rules-up2-" + suffix, Map.of()).campaignArn();
        String trackerArn = personalize.createEventTracker(r -> r.name("rules-" + suffix).datasetGroupArn(groupArn))
                .eventTrackerArn();
        String trackingId = clients.awaitEventTracker(trackerArn).trackingId();

        for (int i = 0; i < NEW_RARE.size(); i++) {
            putItem(NEW_RARE.get(i), "Rare", "New rare " + (i + 1), 5);
            clickedBy(trackingId, NEW_RARE.get(i), 4 - i);
        }
        putItem("new-action", "Action", "New action", 5);
        clickedBy(trackingId, "new-action", 6);
        rareFilter = personalize.createFilter(r -> r.name("rules-genre-" + suffix).datasetGroupArn(groupArn)
                .filterExpression("INCLUDE ItemID WHERE Items.GENRES IN ($GENRE)")).filterArn();
    }

    @Test
    void metadataColumnsComeBackFromTheItemsDataset() {
        Campaign described = personalize.describeCampaign(r -> r.campaignArn(metadataCampaign)).campaign();
        assertThat(described.campaignConfig().enableMetadataWithRecommendations()).isTrue();

        List<PredictedItem> items = clients.runtime().getRecommendations(r -> r.campaignArn(metadataCampaign)
                .userId(user(0, 3)).numResults(50).metadataColumns(Map.of("ITEMS", List.of("GENRES", "title", "PRICE"))))
                .itemList();
        assertThat(items).hasSize(40);
        for (PredictedItem item : items) {
            int group = item.itemId().startsWith("g0-") ? 0 : 1;
            int n = number(item.itemId());
            assertThat(item.metadata()).as(item.itemId()).containsOnlyKeys("GENRES", "title", "PRICE")
                    .containsEntry("GENRES", genres(n)).containsEntry("title", "Title " + group + "-" + n);
            assertThat(Double.parseDouble(item.metadata().get("PRICE"))).isEqualTo(price(n));
            assertThat(item.score()).isNotNull();
            assertThat(item.reason()).as("v1 recipes give no reason").isEmpty();
        }
        List<PredictedItem> plain = clients.runtime().getRecommendations(r -> r.campaignArn(metadataCampaign)
                .userId(user(0, 3)).numResults(5)).itemList();
        assertThat(plain).allSatisfy(i -> assertThat(i.hasMetadata()).as("no metadata unless asked").isFalse());

        List<String> input = List.of(item(1, 4), item(0, 2), "not-an-item");
        List<PredictedItem> ranked = clients.runtime().getPersonalizedRanking(r -> r.campaignArn(metadataCampaign)
                .userId(user(0, 3)).inputList(input).metadataColumns(Map.of("ITEMS", List.of("TITLE")))).personalizedRanking();
        assertThat(ranked).extracting(PredictedItem::itemId).containsExactlyInAnyOrderElementsOf(input);
        assertThat(ranked).filteredOn(i -> i.itemId().equals(item(1, 4))).singleElement()
                .satisfies(i -> assertThat(i.metadata()).containsExactly(Map.entry("TITLE", "Title 1-4")));
        assertThat(ranked).filteredOn(i -> i.itemId().equals("not-an-item")).singleElement()
                .satisfies(i -> assertThat(i.metadata()).as("an item the Items dataset lacks").isEmpty());
    }

    @Test
    void putItemsReachesTheMetadataOfTheVeryNextRequest() {
        String fresh = "fresh-" + suffix;
        List<String> input = List.of(item(0, 1), fresh);
        assertThat(titleOf(fresh, input)).as("before PutItems").isNull();
        putItem(fresh, "Horror", "First title", 7);
        assertThat(titleOf(fresh, input)).isEqualTo("First title");
        putItem(fresh, "Horror", "Second title", 7);
        assertThat(titleOf(fresh, input)).isEqualTo("Second title");
    }

    @Test
    void badMetadataRequestsAreRefusedWithWhatToFix() {
        assertThatThrownBy(() -> withMetadata(metadataCampaign, 10, Map.of("ITEMS", List.of("GENRES", "COLOR"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column COLOR")
                .hasMessageContaining("its columns are GENRES, TITLE, PRICE");
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "GENRES").toList();
        assertThatThrownBy(() -> withMetadata(metadataCampaign, 10, Map.of("ITEMS", eleven)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("11 columns")
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> withMetadata(metadataCampaign, 51, Map.of("ITEMS", List.of("GENRES"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults may be at most 50");
        assertThatThrownBy(() -> withMetadata(metadataCampaign, 10, Map.of("USERS", List.of("GENRES"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one key, ITEMS");
        List<String> manyItems = IntStream.range(0, 51).mapToObj(i -> item(0, i % ITEMS_PER_GROUP) + "-" + i).toList();
        assertThatThrownBy(() -> clients.runtime().getPersonalizedRanking(r -> r.campaignArn(metadataCampaign)
                .userId(user(0, 1)).inputList(manyItems).metadataColumns(Map.of("ITEMS", List.of("TITLE")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputList may be at most 50");
    }

    @Test
    void aCampaignWithoutMetadataRefusesItUntilUpdated() {
        String campaign = personalize.createCampaign(r -> r.name("rules-later-" + suffix)
                .solutionVersionArn(personalize.describeCampaign(d -> d.campaignArn(plainCampaign)).campaign()
                        .solutionVersionArn())).campaignArn();
        assertThat(clients.awaitCampaign(campaign).status()).isEqualTo("ACTIVE");
        assertThatThrownBy(() -> withMetadata(campaign, 5, Map.of("ITEMS", List.of("TITLE"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("enableMetadataWithRecommendations")
                .hasMessageContaining("UpdateCampaign");
        personalize.updateCampaign(r -> r.campaignArn(campaign).campaignConfig(c -> c.enableMetadataWithRecommendations(true)));
        assertThat(clients.awaitCampaignUpdate(campaign).latestCampaignUpdate().status()).isEqualTo("ACTIVE");
        assertThat(personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign().campaignConfig()
                .enableMetadataWithRecommendations()).isTrue();
        assertThat(withMetadata(campaign, 5, Map.of("ITEMS", List.of("TITLE"))))
                .hasSize(5).allSatisfy(i -> assertThat(i.metadata()).containsKey("TITLE"));
        personalize.deleteCampaign(r -> r.campaignArn(campaign));
    }

    @Test
    void aV2CampaignFillsAFilteredListWithPopularQualifyingItems() {
        List<PredictedItem> v2 = clients.runtime().getRecommendations(r -> r.campaignArn(v2Campaign).userId(user(0, 5))
                .numResults(10).filterArn(rareFilter).filterValues(Map.of("GENRE", "\"Rare\""))
                .metadataColumns(Map.of("ITEMS", List.of("GENRES")))).itemList();
        assertThat(v2).as("the two trained Rare items, then the new Rare items by popularity").hasSize(5);
        assertThat(v2.subList(0, 2)).extracting(PredictedItem::itemId).containsExactlyInAnyOrder(item(0, 0), item(1, 0));
        assertThat(v2.subList(0, 2)).allSatisfy(i -> {
            assertThat(i.score()).isNotNull();
            assertThat(i.reason()).isEmpty();
        });
        assertThat(v2.subList(2, 5)).extracting(PredictedItem::itemId).containsExactlyElementsOf(NEW_RARE);
        assertThat(v2.subList(2, 5)).allSatisfy(i -> {
            assertThat(i.score()).as("a popular item has no score").isNull();
            assertThat(i.reason()).containsExactly("Popular item");
        });
        assertThat(v2).allSatisfy(i -> assertThat(i.metadata()).as("metadata is on for -v2 recipes")
                .containsExactly(Map.entry("GENRES", "Rare")));

        List<PredictedItem> v1 = clients.runtime().getRecommendations(r -> r.campaignArn(plainCampaign).userId(user(0, 5))
                .numResults(10).filterArn(rareFilter).filterValues(Map.of("GENRE", "\"Rare\""))).itemList();
        assertThat(v1).as("v1 returns only what qualifies").extracting(PredictedItem::itemId)
                .containsExactlyInAnyOrder(item(0, 0), item(1, 0));
        assertThat(v1).allSatisfy(i -> assertThat(i.reason()).isEmpty());
    }

    @Test
    void promotedItemsOfAV2CampaignSayWhy() {
        List<PredictedItem> items = clients.runtime().getRecommendations(r -> r.campaignArn(v2Campaign).userId(user(1, 2))
                .numResults(10).promotions(p -> p.name("action-week").percentPromotedItems(20).filterArn(rareFilter)
                        .filterValues(Map.of("GENRE", "\"Action\"")))).itemList();
        assertThat(items).hasSize(10);
        List<PredictedItem> promoted = items.stream().filter(i -> "action-week".equals(i.promotionName())).toList();
        assertThat(promoted).hasSize(2).allSatisfy(i -> assertThat(i.reason()).containsExactly("Promoted item"));
        assertThat(items).filteredOn(i -> i.promotionName() == null)
                .allSatisfy(i -> assertThat(i.reason()).as("no filter, nothing to fill").isEmpty());
    }

    @Test
    void anEncryptedGroupReturnsItsMetadataInTheClear() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        String keyArn = clients.kms().createKey(r -> r.description("business rules " + suffix)).keyMetadata().arn();
        String role = "arn:aws:iam::" + keyArn.split(":")[4] + ":role/PersonalizeKms";
        String encryptedGroup = personalize.createDatasetGroup(r -> r.name("rules-enc-" + suffix).kmsKeyArn(keyArn)
                .roleArn(role)).datasetGroupArn();
        assertThat(clients.awaitDatasetGroup(encryptedGroup).status()).isEqualTo("ACTIVE");
        List<String> interactions = new ArrayList<>();
        List<String> items = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int n = 0; n < ITEMS_PER_GROUP; n++) {
            items.add(item(0, n) + "," + genres(n) + ",\"Secret title " + n + "\"," + price(n));
            for (int u = 0; u <= n; u++) {
                interactions.add(user(0, u) + "," + item(0, n) + "," + (time++) + ",click");
            }
        }
        importCsvInto(server, encryptedGroup, "enc-interactions", "Interactions", SyntheticInteractions.SCHEMA,
                SyntheticInteractions.HEADER, interactions);
        importCsvInto(server, encryptedGroup, "enc-items", "Items", ITEMS_SCHEMA, "ITEM_ID,GENRES,TITLE,PRICE", items);
        Clients.Deployment popular = clients.trainAndDeploy(encryptedGroup,
                "arn:aws:personalize:::recipe/aws-popularity-count", "rules-enc-" + suffix, Map.of());
        String campaign = personalize.createCampaign(r -> r.name("rules-enc-meta-" + suffix)
                .solutionVersionArn(popular.solutionVersionArn())
                .campaignConfig(c -> c.enableMetadataWithRecommendations(true))).campaignArn();
        assertThat(clients.awaitCampaign(campaign).status()).isEqualTo("ACTIVE");

        List<PredictedItem> top = withMetadata(campaign, 3, Map.of("ITEMS", List.of("TITLE", "GENRES")));
        assertThat(top).extracting(PredictedItem::itemId).as("the most clicked items first")
                .containsExactly(item(0, 19), item(0, 18), item(0, 17));
        assertThat(top).allSatisfy(i -> assertThat(i.metadata()).as("decrypted when read, not sealed text")
                .containsExactly(Map.entry("TITLE", "Secret title " + number(i.itemId())),
                        Map.entry("GENRES", genres(number(i.itemId())))));
    }

    private String titleOf(String itemId, List<String> input) {
        return clients.runtime().getPersonalizedRanking(r -> r.campaignArn(metadataCampaign).userId(user(0, 1))
                .inputList(input).metadataColumns(Map.of("ITEMS", List.of("TITLE")))).personalizedRanking().stream()
                .filter(i -> i.itemId().equals(itemId)).findFirst().orElseThrow().metadata().get("TITLE");
    }

    private List<PredictedItem> withMetadata(String campaign, int n, Map<String, List<String>> columns) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user(0, 1)).numResults(n)
                .metadataColumns(columns)).itemList();
    }

    private void putItem(String itemId, String genres, String title, double price) {
        clients.events().putItems(r -> r.datasetArn(itemsDatasetArn).items(Item.builder().itemId(itemId)
                .properties(String.format(Locale.ROOT, "{\"genres\": \"%s\", \"title\": \"%s\", \"price\": %s}", genres, title,
                        price)).build()));
    }

    private void clickedBy(String trackingId, String itemId, int users) {
        for (int u = 0; u < users; u++) {
            String user = user(u % 2, 30 + u);
            clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("s-" + user)
                    .eventList(Event.builder().eventType("click").itemId(itemId).sentAt(Instant.now()).build()));
        }
    }

    private String importCsv(TastemakerServer server, String type, String schema, String header, List<String> lines)
            throws IOException {
        return importCsvInto(server, groupArn, type.toLowerCase(Locale.ROOT), type, schema, header, lines);
    }

    private String importCsvInto(TastemakerServer server, String group, String label, String type, String schema,
            String header, List<String> lines) throws IOException {
        String name = "rules-" + label + "-" + suffix;
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(schema)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn).datasetGroupArn(group)
                .datasetType(type)).datasetArn();
        Path csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        SyntheticInteractions.writeCsv(csv, header, lines);
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var imported = clients.awaitDatasetImportJob(job);
        assertThat(imported.status()).as("import of %s: %s", type, imported.failureReason()).isEqualTo("ACTIVE");
        return datasetArn;
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

    private static String genres(int n) {
        return n == 0 ? "Rare" : GENRES[n % 3];
    }

    private static double price(int n) {
        return 10 + n;
    }
}
