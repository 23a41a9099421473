package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Awaits;
import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;
import software.amazon.awssdk.services.personalizeevents.model.Event;

/**
 * Automatic training on a server of its own whose schedules are seconds instead of hours (first
 * training 5 s after a solution is created, automatic updates every 20 s, checked every 2 s):
 * a solution trains by itself, a deployed version is updated by itself once events arrive and
 * its campaign moves to the update while requests keep being answered, and UpdateSolution
 * changes the schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AutoTrainingIT {

    private static final String USER_PERSONALIZATION = "arn:aws:personalize:::recipe/aws-user-personalization";

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;

    @BeforeAll
    void start() {
        server = TastemakerServer.dedicated(Map.of(
                "TASTEMAKER_AUTO_TRAINING_CHECK_INTERVAL", "PT2S",
                "TASTEMAKER_AUTO_TRAINING_FIRST_DELAY", "PT5S",
                "TASTEMAKER_AUTO_UPDATE_INTERVAL", "PT20S"));
        clients = Clients.of(server);
        personalize = clients.personalize();
    }

    @AfterAll
    void stop() {
        clients.close();
        server.close();
    }

    @Test
    void a_solution_with_automatic_training_trains_by_itself() {
        TwoGroups data = TwoGroups.importInto(server, clients, "auto-first", 11);
        String solution = personalize.createSolution(r -> r.name("auto-first").datasetGroupArn(data.datasetGroupArn())
                .recipeArn(USER_PERSONALIZATION).performAutoTraining(true)
                .solutionConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("rate(3 days)")))).solutionArn();

        SolutionVersionSummary first = Awaits.until("an automatic version of " + solution, Duration.ofMinutes(3),
                () -> personalize.listSolutionVersions(r -> r.solutionArn(solution)).solutionVersions(),
                list -> !list.isEmpty(), list -> list.size() + " versions").get(0);
        SolutionVersion trained = clients.awaitSolutionVersion(first.solutionVersionArn());
        assertThat(trained.status()).isEqualTo("ACTIVE");
        assertThat(trained.trainingTypeAsString()).isEqualTo("AUTOMATIC");
        assertThat(trained.trainingModeAsString()).isEqualTo("FULL");
        var described = personalize.describeSolution(r -> r.solutionArn(solution)).solution();
        assertThat(described.performAutoTraining()).isTrue();
        assertThat(described.solutionConfig().autoTrainingConfig().schedulingExpression()).isEqualTo("rate(3 days)");

        sleep(Duration.ofSeconds(8));
        assertThat(personalize.listSolutionVersions(r -> r.solutionArn(solution)).solutionVersions())
                .as("one automatic training per period, and the next is three days away").hasSize(1);
    }

    @Test
    void a_deployed_version_is_updated_automatically_and_its_campaign_moves_without_a_failed_request() throws Exception {
        TwoGroups data = TwoGroups.importInto(server, clients, "auto-update", 12);
        String solution = personalize.createSolution(r -> r.name("auto-update").datasetGroupArn(data.datasetGroupArn())
                .recipeArn(USER_PERSONALIZATION).performAutoTraining(false)).solutionArn();
        clients.awaitSolution(solution);
        String full = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        assertThat(clients.awaitSolutionVersion(full).status()).isEqualTo("ACTIVE");
        String campaign = personalize.createCampaign(r -> r.name("auto-update").solutionVersionArn(full)).campaignArn();
        assertThat(clients.awaitCampaign(campaign).status()).isEqualTo("ACTIVE");
        String tracker = personalize.createEventTracker(r -> r.name("auto-update").datasetGroupArn(data.datasetGroupArn()))
                .eventTrackerArn();
        String trackingId = clients.awaitEventTracker(tracker).trackingId();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread load = new Thread(() -> {
            while (running.get() && failure.get() == null) {
                try {
                    clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(TwoGroups.user(0, 1)).numResults(5));
                    answered.incrementAndGet();
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        }, "auto-update-load");
        load.start();
        try {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int item = i;
                events.add(Event.builder().eventType("click").itemId(TwoGroups.item(1, item)).sentAt(Instant.now()).build());
            }
            clients.events().putEvents(r -> r.trackingId(trackingId).userId("brand-new-user").sessionId("s-new").eventList(events));

            String moved = Awaits.until("campaign " + campaign + " on an automatic update", Duration.ofMinutes(4),
                    () -> personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign(),
                    c -> !full.equals(c.solutionVersionArn()) && "ACTIVE".equals(c.status())
                            && (c.latestCampaignUpdate() == null || "ACTIVE".equals(c.latestCampaignUpdate().status())),
                    c -> c.solutionVersionArn() + " " + c.status()).solutionVersionArn();
            SolutionVersion update = personalize.describeSolutionVersion(r -> r.solutionVersionArn(moved)).solutionVersion();
            assertThat(update.trainingTypeAsString()).isEqualTo("AUTOMATIC");
            assertThat(update.trainingModeAsString()).isEqualTo("UPDATE");
            sleep(Duration.ofSeconds(2));
        } finally {
            running.set(false);
            load.join();
        }
        assertThat(failure.get()).as("requests during the switch").isNull();
        System.out.printf("GetRecommendations answered %d requests during the automatic update, none failed%n", answered.get());
        assertThat(answered.get()).isPositive();
    }

    @Test
    void update_solution_changes_the_schedule_and_refuses_bad_expressions() {
        TwoGroups data = TwoGroups.importInto(server, clients, "auto-settings", 13);
        String solution = personalize.createSolution(r -> r.name("auto-settings").datasetGroupArn(data.datasetGroupArn())
                .recipeArn("arn:aws:personalize:::recipe/aws-popularity-count").performAutoTraining(false)).solutionArn();
        personalize.updateSolution(r -> r.solutionArn(solution).performAutoTraining(true)
                .solutionUpdateConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("rate(14 days)"))));
        var described = personalize.describeSolution(r -> r.solutionArn(solution)).solution();
        assertThat(described.performAutoTraining()).isTrue();
        assertThat(described.solutionConfig().autoTrainingConfig().schedulingExpression()).isEqualTo("rate(14 days)");

        assertThatThrownBy(() -> personalize.updateSolution(r -> r.solutionArn(solution)
                .solutionUpdateConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("rate(45 days)")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("N from 1 to 30");
        assertThatThrownBy(() -> personalize.createSolution(r -> r.name("auto-bad").datasetGroupArn(data.datasetGroupArn())
                .recipeArn(USER_PERSONALIZATION)
                .solutionConfig(c -> c.autoTrainingConfig(a -> a.schedulingExpression("cron(0 12 * * ? *)")))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rate(N days)");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
