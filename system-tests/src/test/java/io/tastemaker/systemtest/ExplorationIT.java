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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.EventParameters;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * New items, impressions and event weights through the AWS SDK, on two groups of users who each
 * like one genre: jazz items ({@code g0-item-007}, GENRE jazz, saxophone descriptions) and rock items
 * ({@code g1-...}, GENRE rock, guitar descriptions).
 *
 * <ul>
 *   <li>An item put with PutItems after training appears, marked {@code Exploration}, for a user whose
 *       genre it has, at explorationWeight 0.9 and never at 0.</li>
 *   <li>An item shown to a user often and never chosen (PutEvents' {@code impression}) drops in that
 *       user's list, and not in the list of a user who sent the same events without impressions.</li>
 *   <li>Event weights ({@code eventsConfig}) change what the model learns: users who click one genre
 *       and buy the other get the genre of the heavier event type.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorationIT {

    private static final long SEED = 1600L;
    private static final int USERS_PER_GROUP = 40;
    private static final int ITEMS_PER_GROUP = 30;
    private static final int CLICKS_PER_USER = 12;
    private static final String RECIPE = "arn:aws:personalize:::recipe/aws-user-personalization";
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRE", "type": "string", "categorical": true},
                        {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true},
                        {"name": "CREATION_TIMESTAMP", "type": "long"}],
             "version": "1.0"}""";
    private static final String[] JAZZ_WORDS = {"saxophone", "trumpet", "improvisation", "swing", "bebop"};
    private static final String[] ROCK_WORDS = {"guitar", "drums", "distortion", "riff", "stadium"};

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private String itemsDatasetArn;
    private String versionArn;
    private String exploring;
    private String notExploring;
    private String trackingId;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importAndDeploy() throws IOException {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "ExplorationIT seed %d%n", SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> interactions = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < USERS_PER_GROUP; u++) {
                for (int k = 0; k < CLICKS_PER_USER; k++) {
                    interactions.add(user(group, u) + "," + item(group, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++)
                            + ",click");
                }
            }
        }
        List<String> items = new ArrayList<>();
        for (int group = 0; group < 2; group++) {
            for (int n = 0; n < ITEMS_PER_GROUP; n++) {
                items.add(item(group, n) + "," + genre(group) + ",\"" + description(group, n) + "\","
                        + SyntheticInteractions.FIRST_TIMESTAMP);
            }
        }
        groupArn = personalize.createDatasetGroup(r -> r.name("explore-" + suffix)).datasetGroupArn();
        importCsv("Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, interactions);
        itemsDatasetArn = importCsv("Items", ITEMS_SCHEMA, "ITEM_ID,GENRE,DESCRIPTION,CREATION_TIMESTAMP", items);
        Clients.Deployment deployment = clients.trainAndDeploy(groupArn, RECIPE, "explore-" + suffix, Map.of());
        versionArn = deployment.solutionVersionArn();
        notExploring = deployment.campaignArn();
        personalize.updateCampaign(r -> r.campaignArn(notExploring).campaignConfig(c -> c.itemExplorationConfig(
                Map.of("explorationWeight", "0"))));
        clients.awaitCampaignUpdate(notExploring);
        exploring = personalize.createCampaign(r -> r.name("explore-heavy-" + suffix).solutionVersionArn(versionArn)
                .campaignConfig(c -> c.itemExplorationConfig(Map.of("explorationWeight", "0.9",
                        "explorationItemAgeCutOff", "10")))).campaignArn();
        assertThat(clients.awaitCampaign(exploring).status()).isEqualTo("ACTIVE");
        String trackerArn = personalize.createEventTracker(r -> r.name("explore-" + suffix).datasetGroupArn(groupArn))
                .eventTrackerArn();
        trackingId = clients.awaitEventTracker(trackerArn).trackingId();
    }

    @Test
    void aNewItemIsExploredForUsersOfItsGenreAtWeightNineTenthsAndNeverAtZero() {
        String jazzFan = user(0, 3);
        String rockFan = user(1, 3);
        assertThat(ids(recommend(exploring, jazzFan))).noneMatch(id -> id.startsWith("new-"));

        long now = Instant.now().getEpochSecond();
        clients.events().putItems(r -> r.datasetArn(itemsDatasetArn).items(
                Item.builder().itemId("new-jazz-" + suffix).properties("{\"genre\": \"jazz\", \"description\": "
                        + "\"a saxophone and trumpet improvisation\", \"creationTimestamp\": " + now + "}").build(),
                Item.builder().itemId("new-rock-" + suffix).properties("{\"genre\": \"rock\", \"description\": "
                        + "\"guitar riff over stadium drums\", \"creationTimestamp\": " + now + "}").build()));

        List<PredictedItem> jazzList = recommend(exploring, jazzFan);
        List<PredictedItem> rockList = recommend(exploring, rockFan);
        System.out.println("explorationWeight 0.9, " + jazzFan + ": " + describe(jazzList));
        System.out.println("explorationWeight 0.9, " + rockFan + ": " + describe(rockList));
        PredictedItem newJazz = find(jazzList, "new-jazz-" + suffix);
        assertThat(newJazz).as("the new jazz item for a jazz fan").isNotNull();
        assertThat(newJazz.reason()).containsExactly("Exploration");
        assertThat(ids(jazzList).indexOf("new-jazz-" + suffix)).as("the new jazz item comes before the new rock item")
                .isLessThan(rank(ids(jazzList), "new-rock-" + suffix));
        assertThat(ids(rockList).indexOf("new-rock-" + suffix)).as("and the other way round for a rock fan")
                .isGreaterThanOrEqualTo(0).isLessThan(rank(ids(rockList), "new-jazz-" + suffix));
        assertThat(jazzList.stream().filter(i -> !i.itemId().startsWith("new-"))).as("the model's own items")
                .allMatch(i -> i.reason().isEmpty()).allMatch(i -> i.itemId().startsWith("g0-"));

        for (int u = 0; u < 10; u++) {
            assertThat(ids(recommend(notExploring, user(u % 2, u)))).as("explorationWeight 0, user %d", u)
                    .noneMatch(id -> id.startsWith("new-"));
        }
    }

    @Test
    void theExplorationConfigIsStoredShownAndChecked() {
        var described = personalize.describeCampaign(r -> r.campaignArn(exploring)).campaign();
        assertThat(described.campaignConfig().itemExplorationConfig())
                .containsEntry("explorationWeight", "0.9").containsEntry("explorationItemAgeCutOff", "10");
        assertThatThrownBy(() -> personalize.createCampaign(r -> r.name("explore-bad-" + suffix).solutionVersionArn(versionArn)
                .campaignConfig(c -> c.itemExplorationConfig(Map.of("explorationWeight", "1.5")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig.explorationWeight");
        assertThatThrownBy(() -> personalize.updateCampaign(r -> r.campaignArn(exploring)
                .campaignConfig(c -> c.itemExplorationConfig(Map.of("explorationItemAgeCutOff", "0")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig.explorationItemAgeCutOff");
    }

    @Test
    void anItemShownOftenAndNeverChosenDropsForThatUser() {
        // Two new users with the same history; only one of them is shown an item again and again.
        String shown = "shown-" + suffix;
        String control = "control-" + suffix;
        List<String> chosen = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            chosen.add(item(0, n * 4));
        }
        for (String user : List.of(shown, control)) {
            for (String item : chosen) {
                click(user, item, null, List.of());
            }
        }
        List<String> before = ids(recommend(notExploring, shown));
        assertThat(ids(recommend(notExploring, control))).isEqualTo(before);
        String ignored = before.stream().filter(id -> !chosen.contains(id)).findFirst().orElseThrow();
        for (int e = 0; e < chosen.size(); e++) {
            String item = chosen.get(e);
            click(shown, item, "RID-" + suffix + "-" + e, List.of(ignored, item));
            click(control, item, null, List.of());
        }
        List<String> after = ids(recommend(notExploring, shown));
        List<String> controlAfter = ids(recommend(notExploring, control));
        System.out.printf(Locale.ROOT, "%s shown %d times, never chosen: rank %d before, %d after; %d for the control user%n",
                ignored, chosen.size(), before.indexOf(ignored), rank(after, ignored), rank(controlAfter, ignored));
        assertThat(rank(after, ignored)).as("rank of the ignored item after %d impressions", chosen.size())
                .isGreaterThan(rank(controlAfter, ignored));
        assertThat(after).as("the model's other items keep their order")
                .containsSubsequence(controlAfter.stream().filter(id -> !id.equals(ignored) && after.contains(id)).toList());
    }

    private void click(String user, String item, String recommendationId, List<String> impression) {
        Event.Builder event = Event.builder().eventType("click").itemId(item).sentAt(Instant.now());
        if (recommendationId != null) {
            event.recommendationId(recommendationId);
        }
        if (!impression.isEmpty()) {
            event.impression(impression);
        }
        clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("s-" + user)
                .eventList(event.build()));
    }

    @Test
    void eventWeightsChangeWhatTheModelLearns() throws IOException {
        // Every user clicks items of one genre and buys items of the other, equally often.
        SplittableRandom random = new SplittableRandom(SEED + 1);
        List<String> lines = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int u = 0; u < 60; u++) {
            for (int k = 0; k < 6; k++) {
                lines.add("w-user-" + u + "," + item(0, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++) + ",click");
                lines.add("w-user-" + u + "," + item(1, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++) + ",purchase");
            }
        }
        String weightsGroup = personalize.createDatasetGroup(r -> r.name("explore-weights-" + suffix)).datasetGroupArn();
        importCsv(weightsGroup, "Interactions", SyntheticInteractions.SCHEMA, SyntheticInteractions.HEADER, lines);
        double purchasesHeavy = rockShare(weightsGroup, "buy", 1.0, 0.25);
        double clicksHeavy = rockShare(weightsGroup, "click", 0.25, 1.0);
        System.out.printf(Locale.ROOT, "share of bought (rock) items in the top 10: purchase 1 / click 0.25: %.3f; "
                + "purchase 0.25 / click 1: %.3f%n", purchasesHeavy, clicksHeavy);
        assertThat(purchasesHeavy).isGreaterThan(clicksHeavy + 0.2);

        assertThatThrownBy(() -> personalize.createSolution(r -> r.name("explore-bad-weights-" + suffix)
                .datasetGroupArn(weightsGroup).recipeArn(RECIPE + "-v2").solutionConfig(c -> c.eventsConfig(e ->
                        e.eventParametersList(EventParameters.builder().eventType("click").weight(2.0).build())))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("solutionConfig.eventsConfig.eventParametersList[0].weight");
    }

    /** Trains aws-user-personalization-v2 (iALS) with the weights and measures the bought genre's share. */
    private double rockShare(String group, String name, double purchaseWeight, double clickWeight) {
        String solution = personalize.createSolution(r -> r.name("explore-" + name + "-" + suffix).datasetGroupArn(group)
                .recipeArn(RECIPE + "-v2").solutionConfig(c -> c.algorithmHyperParameters(Map.of("algorithm", "ials"))
                        .eventsConfig(e -> e.eventParametersList(
                                EventParameters.builder().eventType("purchase").weight(purchaseWeight).build(),
                                EventParameters.builder().eventType("click").weight(clickWeight).build()))))
                .solutionArn();
        clients.awaitSolution(solution);
        String version = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        var trained = clients.awaitSolutionVersion(version);
        assertThat(trained.status()).as("training %s: %s", name, trained.failureReason()).isEqualTo("ACTIVE");
        String campaign = personalize.createCampaign(r -> r.name("explore-" + name + "-" + suffix)
                .solutionVersionArn(version)).campaignArn();
        assertThat(clients.awaitCampaign(campaign).status()).isEqualTo("ACTIVE");
        long rock = 0;
        long all = 0;
        for (int u = 0; u < 60; u += 3) {
            int user = u;
            List<PredictedItem> list = clients.runtime().getRecommendations(r -> r.campaignArn(campaign)
                    .userId("w-user-" + user).numResults(10)).itemList();
            rock += list.stream().filter(i -> i.itemId().startsWith("g1-")).count();
            all += list.size();
        }
        return rock / (double) all;
    }

    private List<PredictedItem> recommend(String campaign, String user) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user).numResults(10)).itemList();
    }

    private String importCsv(String type, String schema, String header, List<String> lines) throws IOException {
        return importCsv(groupArn, type, schema, header, lines);
    }

    private String importCsv(String group, String type, String schema, String header, List<String> lines)
            throws IOException {
        String name = "explore-" + type.toLowerCase(Locale.ROOT) + "-" + Long.toString(System.nanoTime(), 36);
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

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).toList();
    }

    private static PredictedItem find(List<PredictedItem> items, String id) {
        return items.stream().filter(i -> i.itemId().equals(id)).findFirst().orElse(null);
    }

    /** The place of {@code id} in {@code ids}; {@link Integer#MAX_VALUE} when it is not there. */
    private static int rank(List<String> ids, String id) {
        int index = ids.indexOf(id);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static String describe(List<PredictedItem> items) {
        StringBuilder out = new StringBuilder();
        for (PredictedItem item : items) {
            out.append(item.itemId()).append(item.reason().isEmpty() ? "" : item.reason()).append(' ');
        }
        return out.toString().strip();
    }

    private static String user(int group, int n) {
        return String.format(Locale.ROOT, "g%d-user-%03d", group, n);
    }

    private static String item(int group, int n) {
        return String.format(Locale.ROOT, "g%d-item-%03d", group, n);
    }

    private static String genre(int group) {
        return group == 0 ? "jazz" : "rock";
    }

    private static String description(int group, int n) {
        String[] words = group == 0 ? JAZZ_WORDS : ROCK_WORDS;
        return words[n % words.length] + " and " + words[(n + 2) % words.length] + " number " + n;
    }
}
