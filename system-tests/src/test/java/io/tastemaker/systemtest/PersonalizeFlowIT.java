package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.SyntheticInteractions.Interaction;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * The life of a popularity campaign, through the official AWS SDK only: schema, dataset group,
 * dataset, a CSV import of 120,000 generated interactions, a solution and its version, metrics, a
 * campaign and its recommendations; then events streamed through an event tracker, a retrained
 * version, a campaign update, the List operations, and a server restart that the campaign survives.
 *
 * <p>The expected recommendations are computed here from the generated rows: Popularity-Count
 * ranks items by the number of distinct users who interacted with them, ties by item id
 * ascending. The seed is printed; {@code -Dtastemaker.it.seed=<seed>} replays a run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class PersonalizeFlowIT {

    private static final long DEFAULT_SEED = 20_241_128L;
    private static final int INTERACTIONS = 120_000;
    private static final int USERS = 15_000;
    private static final int ITEMS = 6_000;
    /**
     * Skew of item popularity (Zipf exponent). With these sizes the top item has under 1,000
     * distinct users, which bounds the PutEvents calls (one per user) needed to overtake it.
     */
    private static final double EXPONENT = 0.5;
    private static final int NUM_RESULTS = 10;
    private static final String POPULARITY_COUNT = "arn:aws:personalize:::recipe/aws-popularity-count";
    private static final String NEW_ITEM = "item-brand-new";
    /** How many more distinct users the new item gets than the most popular imported item. */
    private static final int NEW_ITEM_LEAD = 25;
    private static final List<String> METRICS = List.of("coverage", "mean_reciprocal_rank_at_25",
            "normalized_discounted_cumulative_gain_at_5", "normalized_discounted_cumulative_gain_at_10",
            "normalized_discounted_cumulative_gain_at_25", "precision_at_5", "precision_at_10", "precision_at_25");

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    private List<Interaction> rows;
    private Map<String, Integer> popularity;
    private String schemaArn;
    private String datasetGroupArn;
    private String datasetArn;
    private String importJobArn;
    private String solutionArn;
    private String firstVersionArn;
    private String secondVersionArn;
    private String campaignArn;
    private String eventTrackerArn;
    private List<String> recommendedAfterUpdate;

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
    }

    @AfterAll
    void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void createsSchemaDatasetGroupAndDataset() {
        schemaArn = personalize.createSchema(r -> r.name("flow-interactions-" + suffix).schema(SyntheticInteractions.SCHEMA))
                .schemaArn();
        datasetGroupArn = personalize.createDatasetGroup(r -> r.name("flow-" + suffix)).datasetGroupArn();
        assertThat(clients.awaitDatasetGroup(datasetGroupArn).status()).isEqualTo("ACTIVE");
        datasetArn = personalize.createDataset(r -> r.name("flow-interactions-" + suffix).schemaArn(schemaArn)
                .datasetGroupArn(datasetGroupArn).datasetType("Interactions")).datasetArn();
        assertThat(clients.awaitDataset(datasetArn).status()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void importsGeneratedInteractions() throws Exception {
        long seed = Long.getLong("tastemaker.it.seed", DEFAULT_SEED);
        System.out.printf(Locale.ROOT, "PersonalizeFlowIT seed: %d (replay with -Dtastemaker.it.seed=%d)%n", seed, seed);
        rows = SyntheticInteractions.generate(seed, INTERACTIONS, USERS, ITEMS, EXPONENT);
        popularity = SyntheticInteractions.distinctUsersPerItem(rows);
        Path csv = Files.createTempFile(server.dataDir().getParent(), "flow-interactions-", ".csv");
        SyntheticInteractions.writeCsv(csv, rows);

        importJobArn = personalize.createDatasetImportJob(r -> r.jobName("flow-import-" + suffix).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString())).importMode(ImportMode.FULL)).datasetImportJobArn();
        DatasetImportJob job = clients.awaitDatasetImportJob(importJobArn);

        assertThat(job.status()).as("import failure reason: %s", job.failureReason()).isEqualTo("ACTIVE");
        assertThat(personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(importJobArn)).datasetImportJob())
                .satisfies(j -> {
                    assertThat(j.status()).isEqualTo("ACTIVE");
                    assertThat(j.datasetArn()).isEqualTo(datasetArn);
                    assertThat(j.dataSource().dataLocation()).isEqualTo(csv.toUri().toString());
                    assertThat(j.failureReason()).isNull();
                });
    }

    @Test
    @Order(3)
    void trainsPopularityCountWithMetrics() {
        solutionArn = personalize.createSolution(r -> r.name("flow-popularity-" + suffix).datasetGroupArn(datasetGroupArn)
                .recipeArn(POPULARITY_COUNT)).solutionArn();
        assertThat(clients.awaitSolution(solutionArn).status()).isEqualTo("ACTIVE");
        firstVersionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        SolutionVersion version = clients.awaitSolutionVersion(firstVersionArn);
        assertThat(version.status()).as("training failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");

        Map<String, Double> metrics = personalize.getSolutionMetrics(r -> r.solutionVersionArn(firstVersionArn)).metrics();
        System.out.println("Solution metrics: " + metrics);
        assertThat(metrics).containsKeys(METRICS.toArray(String[]::new));
        for (String name : METRICS) {
            assertThat(metrics.get(name)).as(name).isBetween(0.0, 1.0);
        }
    }

    @Test
    @Order(4)
    void campaignRecommendsTheMostPopularItems() {
        campaignArn = personalize.createCampaign(r -> r.name("flow-campaign-" + suffix).solutionVersionArn(firstVersionArn)
                .minProvisionedTPS(1)).campaignArn();
        Campaign campaign = clients.awaitCampaign(campaignArn);
        assertThat(campaign.status()).as("campaign failure reason: %s", campaign.failureReason()).isEqualTo("ACTIVE");

        List<String> expected = SyntheticInteractions.mostPopular(popularity, NUM_RESULTS);
        System.out.println("Expected top " + NUM_RESULTS + ": " + describe(expected, popularity));
        GetRecommendationsResponse known = recommend(rows.get(0).userId());
        assertThat(itemIds(known)).containsExactlyElementsOf(expected);
        assertThat(known.recommendationId()).isNotBlank();
        assertScoresDescend(known.itemList());
        // Popularity does not depend on the user: an unknown one gets the same list.
        assertThat(itemIds(recommend("user-never-seen"))).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(5)
    void streamedEventsMakeANewItemTheMostPopularAfterRetraining() {
        var tracker = personalize.createEventTracker(r -> r.name("flow-tracker-" + suffix).datasetGroupArn(datasetGroupArn));
        eventTrackerArn = tracker.eventTrackerArn();
        assertThat(tracker.trackingId()).isNotBlank();
        assertThat(clients.awaitEventTracker(eventTrackerArn).status()).isEqualTo("ACTIVE");

        int top = popularity.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int newUsers = top + NEW_ITEM_LEAD;
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int u = 1; u <= newUsers; u++) {
            String user = SyntheticInteractions.userId(u);
            // Two events per user: the item must still count this user once.
            List<Event> batch = List.of(
                    Event.builder().eventId("e1-" + user).eventType("click").itemId(NEW_ITEM).sentAt(now.minusSeconds(60)).build(),
                    Event.builder().eventId("e2-" + user).eventType("purchase").itemId(NEW_ITEM).sentAt(now).build());
            clients.events().putEvents(r -> r.trackingId(tracker.trackingId()).userId(user).sessionId("session-" + user)
                    .eventList(batch));
        }
        System.out.printf(Locale.ROOT, "PutEvents: %d calls of 2 events in %.1f s%n", newUsers,
                (System.nanoTime() - started) / 1e9);
        Map<String, Integer> updated = new HashMap<>(popularity);
        updated.put(NEW_ITEM, newUsers);
        List<String> expected = SyntheticInteractions.mostPopular(updated, NUM_RESULTS);
        assertThat(expected.get(0)).isEqualTo(NEW_ITEM);

        secondVersionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        SolutionVersion version = clients.awaitSolutionVersion(secondVersionArn);
        assertThat(version.status()).as("training failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");

        personalize.updateCampaign(r -> r.campaignArn(campaignArn).solutionVersionArn(secondVersionArn));
        Campaign campaign = clients.awaitCampaignUpdate(campaignArn);
        assertThat(campaign.latestCampaignUpdate().status()).as("update failure reason: %s",
                campaign.latestCampaignUpdate().failureReason()).isEqualTo("ACTIVE");
        assertThat(campaign.latestCampaignUpdate().solutionVersionArn()).isEqualTo(secondVersionArn);
        assertThat(campaign.solutionVersionArn()).isEqualTo(secondVersionArn);

        GetRecommendationsResponse response = recommend(rows.get(0).userId());
        recommendedAfterUpdate = itemIds(response);
        assertThat(recommendedAfterUpdate).first().isEqualTo(NEW_ITEM);
        assertThat(recommendedAfterUpdate).containsExactlyElementsOf(expected);
        assertScoresDescend(response.itemList());
    }

    @Test
    @Order(6)
    void listOperationsReturnTheCreatedResources() {
        assertThat(StreamSupport.stream(personalize.listSchemasPaginator(r -> { }).schemas().spliterator(), false)
                .map(s -> s.schemaArn())).contains(schemaArn);
        assertThat(StreamSupport.stream(personalize.listDatasetGroupsPaginator(r -> { }).datasetGroups().spliterator(), false)
                .filter(g -> g.datasetGroupArn().equals(datasetGroupArn)))
                .singleElement().satisfies(g -> assertThat(g.status()).isEqualTo("ACTIVE"));
        assertThat(StreamSupport.stream(personalize.listDatasetsPaginator(r -> r.datasetGroupArn(datasetGroupArn))
                .datasets().spliterator(), false).map(d -> d.datasetArn())).containsExactly(datasetArn);
        assertThat(StreamSupport.stream(personalize.listDatasetImportJobsPaginator(r -> r.datasetArn(datasetArn))
                .datasetImportJobs().spliterator(), false))
                .singleElement().satisfies(j -> {
                    assertThat(j.datasetImportJobArn()).isEqualTo(importJobArn);
                    assertThat(j.status()).isEqualTo("ACTIVE");
                });
        assertThat(StreamSupport.stream(personalize.listSolutionsPaginator(r -> r.datasetGroupArn(datasetGroupArn))
                .solutions().spliterator(), false).map(s -> s.solutionArn())).containsExactly(solutionArn);
        assertThat(StreamSupport.stream(personalize.listSolutionVersionsPaginator(r -> r.solutionArn(solutionArn))
                .solutionVersions().spliterator(), false).map(v -> v.solutionVersionArn()))
                .containsExactlyInAnyOrder(firstVersionArn, secondVersionArn);
        assertThat(StreamSupport.stream(personalize.listCampaignsPaginator(r -> r.solutionArn(solutionArn))
                .campaigns().spliterator(), false).map(c -> c.campaignArn())).containsExactly(campaignArn);
        assertThat(StreamSupport.stream(personalize.listEventTrackersPaginator(r -> r.datasetGroupArn(datasetGroupArn))
                .eventTrackers().spliterator(), false).map(t -> t.eventTrackerArn())).containsExactly(eventTrackerArn);
    }

    @Test
    @Order(7)
    void campaignAnswersTheSameAfterARestart() {
        server.restart();
        // From the moment GET /ping answers 200, as a client that waited for it would call, until
        // Payara Micro has finished starting: every call should be answered, and the same way.
        String user = rows.get(0).userId();
        Map<String, Integer> failures = new LinkedHashMap<>();
        int calls = 0;
        long deadline = System.nanoTime() + Clients.RESOURCE_TIMEOUT.toNanos();
        do {
            calls++;
            try {
                List<String> answer = itemIds(recommend(user));
                if (!answer.equals(recommendedAfterUpdate)) {
                    failures.merge("answered " + answer, 1, Integer::sum);
                }
            } catch (SdkException e) {
                failures.merge(e.getMessage(), 1, Integer::sum);
            }
            pause(Duration.ofMillis(250));
        } while (!server.isBootCompleted() && System.nanoTime() < deadline);
        server.awaitBootCompleted();
        System.out.printf(Locale.ROOT, "After the restart: %d GetRecommendations calls until start-up completed, %d failed%n",
                calls, failures.values().stream().mapToInt(Integer::intValue).sum());

        GetRecommendationsResponse response = recommend(user);
        assertThat(itemIds(response)).containsExactlyElementsOf(recommendedAfterUpdate);
        assertScoresDescend(response.itemList());
        Campaign campaign = personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign();
        assertThat(campaign.status()).isEqualTo("ACTIVE");
        assertThat(campaign.solutionVersionArn()).isEqualTo(secondVersionArn);

        // A restart deploys the application once, and the API answers as soon as /ping does. (With
        // a reused Payara root directory, Payara loaded the application it had recorded there and
        // then deployed the WAR of --deploy again: /ping could answer 200 in between, and the API
        // then failed with 404/500/503 for the ~25 s of the second deployment.)
        SoftAssertions restart = new SoftAssertions();
        restart.assertThat(server.applicationLoadsSinceStart()).as("times the restarted server loaded the application"
                + " (see 'Loading application' in %s)", server.logFile()).isEqualTo(1);
        restart.assertThat(failures).as("GetRecommendations calls (of %d; failure -> count) that failed after the restarted"
                + " server answered GET /ping with 200 and before Payara Micro logged 'ready'", calls).isEmpty();
        restart.assertAll();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private GetRecommendationsResponse recommend(String userId) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId(userId).numResults(NUM_RESULTS));
    }

    private static List<String> itemIds(GetRecommendationsResponse response) {
        return response.itemList().stream().map(PredictedItem::itemId).toList();
    }

    private static void assertScoresDescend(List<PredictedItem> items) {
        List<Double> scores = items.stream().map(PredictedItem::score).toList();
        assertThat(scores).as("scores").doesNotContainNull().allSatisfy(s -> assertThat(s).isPositive());
        for (int i = 1; i < scores.size(); i++) {
            assertThat(scores.get(i)).as("score %d of %s", i, scores).isLessThanOrEqualTo(scores.get(i - 1));
        }
    }

    private static String describe(List<String> items, Map<String, Integer> counts) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            out.add(item + "=" + counts.get(item));
        }
        return String.join(", ", out);
    }
}
