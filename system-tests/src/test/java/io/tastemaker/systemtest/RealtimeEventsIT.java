package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.TrainingMode;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Real-time personalization through the AWS SDK, with no retraining: on the two-group data
 * ({@link TwoGroups}), events sent with PutEvents change the very next GetRecommendations of the
 * user who sent them; a session without a user id gets session-based recommendations under its
 * session id, and is stitched to the user once an event of the session carries the user id. A
 * trainingMode UPDATE version brings in a user imported after the FULL training.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeEventsIT {

    private static final long SEED = 9090L;

    private TastemakerServer server;
    private Clients clients;
    private TwoGroups data;
    private Clients.Deployment deployment;
    private String campaignArn;
    private String trackingId;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void deploy() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        PersonalizeClient personalize = clients.personalize();
        data = TwoGroups.importInto(server, clients, "realtime-" + suffix, SEED);
        deployment = clients.trainAndDeploy(data.datasetGroupArn(), "arn:aws:personalize:::recipe/aws-user-personalization",
                "realtime-" + suffix, Map.of());
        campaignArn = deployment.campaignArn();
        String trackerArn = personalize.createEventTracker(r -> r.name("realtime-" + suffix)
                .datasetGroupArn(data.datasetGroupArn())).eventTrackerArn();
        trackingId = clients.awaitEventTracker(trackerArn).trackingId();
    }

    @Test
    void eventsShiftTheNextRecommendationsTowardsWhatWasJustViewed() {
        String user = TwoGroups.user(0, 5);
        assertThat(groupShare(recommend(user), 1)).as("group-1 items before any event").isZero();

        long sent = System.nanoTime();
        putEvents(user, "session-" + user, 0, 10);
        List<PredictedItem> after = recommend(user);
        double millis = (System.nanoTime() - sent) / 1e6;
        System.out.printf(Locale.ROOT, "PutEvents to changed recommendations: %.1f ms%n", millis);

        assertThat(groupShare(after, 1)).as("group-1 items after ten group-1 views").isGreaterThanOrEqualTo(0.5);
        assertThat(millis).as("PutEvents and the next GetRecommendations").isLessThan(1_000);
    }

    @Test
    void anAnonymousSessionGetsSessionBasedRecommendationsAndIsStitchedToTheUser() {
        String session = "anonymous-session-" + suffix;
        putEvents(null, session, 0, 6);
        assertThat(groupShare(recommend(session), 1)).as("recommendations for the session id").isEqualTo(1.0);

        String newUser = "signed-up-" + suffix;
        assertThat(groupShare(recommend(newUser), 1)).as("a new user before the session is stitched").isLessThan(1.0);
        clients.events().putEvents(r -> r.trackingId(trackingId).sessionId(session).userId(newUser)
                .eventList(event(TwoGroups.item(1, 20))));
        assertThat(groupShare(recommend(newUser), 1)).as("the user after the session is stitched").isEqualTo(1.0);
    }

    @Test
    void anUpdateTrainingBringsInAUserImportedAfterTheFullTraining() throws IOException {
        PersonalizeClient personalize = clients.personalize();
        String newUser = "imported-later-" + suffix;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lines.add(newUser + "," + TwoGroups.item(1, i * 3) + "," + (SyntheticInteractions.FIRST_TIMESTAMP + 10_000_000 + i)
                    + ",click");
        }
        Path csv = Files.createTempFile(server.dataDir().getParent(), "realtime-later-", ".csv");
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.HEADER, lines);
        String job = personalize.createDatasetImportJob(r -> r.jobName("realtime-later-" + suffix)
                .datasetArn(data.interactionsDatasetArn()).importMode(ImportMode.INCREMENTAL)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        assertThat(clients.awaitDatasetImportJob(job).status()).isEqualTo("ACTIVE");
        assertThat(groupShare(recommend(newUser), 1)).as("the FULL model does not know the user").isLessThan(1.0);

        String update = personalize.createSolutionVersion(r -> r.solutionArn(deployment.solutionArn())
                .trainingMode(TrainingMode.UPDATE)).solutionVersionArn();
        var updated = clients.awaitSolutionVersion(update);
        assertThat(updated.status()).as("failure reason: %s", updated.failureReason()).isEqualTo("ACTIVE");
        assertThat(updated.trainingMode()).isEqualTo(TrainingMode.UPDATE);
        System.out.printf(Locale.ROOT, "UPDATE training: %.4f h%n", updated.trainingHours());
        personalize.updateCampaign(r -> r.campaignArn(campaignArn).solutionVersionArn(update));
        clients.awaitCampaignUpdate(campaignArn);
        assertThat(groupShare(recommend(newUser), 1)).as("after UPDATE").isEqualTo(1.0);

        var sims = clients.trainAndDeploy(data.datasetGroupArn(), "arn:aws:personalize:::recipe/aws-sims",
                "realtime-sims-" + suffix, Map.of());
        assertThatThrownBy(() -> personalize.createSolutionVersion(r -> r.solutionArn(sims.solutionArn())
                .trainingMode(TrainingMode.UPDATE))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("UPDATE");
    }

    private void putEvents(String userId, String sessionId, int from, int count) {
        List<Event> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(event(TwoGroups.item(1, i)));
        }
        for (int start = 0; start < events.size(); start += 10) {
            List<Event> batch = events.subList(start, Math.min(events.size(), start + 10));
            clients.events().putEvents(r -> r.trackingId(trackingId).sessionId(sessionId).userId(userId).eventList(batch));
        }
    }

    private static Event event(String itemId) {
        return Event.builder().eventType("click").itemId(itemId).sentAt(Instant.now()).build();
    }

    private List<PredictedItem> recommend(String userId) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId(userId).numResults(10)).itemList();
    }

    private static double groupShare(List<PredictedItem> items, int group) {
        return items.stream().filter(i -> i.itemId().startsWith("g" + group + "-")).count() / (double) items.size();
    }
}
