package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Awaits;
import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.LongTraining;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * A training run seen and stopped from outside, through the AWS SDK: DescribeSolutionVersion
 * reports the step, percent and time left while the version trains (Tastemaker's
 * {@code trainingProgress} member, read from the raw answer since the SDK's model does not carry
 * it), and StopSolutionVersionCreation ends it in CREATE STOPPED with the time trained so far.
 *
 * <p>The run must last long enough to be caught ({@link LongTraining}); the test stops it once the
 * first of its two models (evaluation, final) is under way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class TrainingControlIT {

    private static final long SEED = 777L;
    private static final Duration CATCH_TIMEOUT = Duration.ofMinutes(5);

    private Clients clients;
    private PersonalizeClient personalize;
    private String solutionArn;
    private String versionArn;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importData() {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "TrainingControlIT seed %d%n", SEED);
        solutionArn = LongTraining.prepare(server, clients, "control-" + suffix, SEED).solutionArn();
    }

    @Test
    @Order(1)
    void describeShowsProgressWhileTraining() {
        versionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        JsonObject running = Awaits.until("solution version " + versionArn + " to report progress", CATCH_TIMEOUT,
                () -> describeRaw(versionArn),
                v -> !"CREATE PENDING".equals(v.getString("status")),
                v -> "status " + v.getString("status"));
        assertThat(running.getString("status")).as("status once started").isEqualTo("CREATE IN_PROGRESS");
        JsonObject progress = running.getJsonObject("trainingProgress");
        assertThat(progress).as("trainingProgress of %s", running).isNotNull();
        assertThat(progress.getString("step")).isNotBlank();
        assertThat(progress.getJsonNumber("percentComplete").doubleValue()).isBetween(0.0, 100.0);

        JsonObject later = Awaits.until("the evaluation model to start", CATCH_TIMEOUT, () -> describeRaw(versionArn),
                v -> !"CREATE IN_PROGRESS".equals(v.getString("status"))
                        || v.getJsonObject("trainingProgress").getJsonNumber("percentComplete").doubleValue() >= 5,
                v -> v.toString());
        assertThat(later.getString("status")).as("still training when the test stops it: %s", later)
                .isEqualTo("CREATE IN_PROGRESS");
        assertThat(later.getJsonObject("trainingProgress").getString("step"))
                .matches("(Evaluation model|Final model): .+");
    }

    @Test
    @Order(2)
    void stopEndsTheRunInCreateStopped() {
        personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(versionArn));
        String right = personalize.describeSolutionVersion(r -> r.solutionVersionArn(versionArn)).solutionVersion().status();
        assertThat(right).isIn("CREATE STOPPING", "CREATE STOPPED");

        SolutionVersion stopped = clients.awaitSolutionVersion(versionArn);
        assertThat(stopped.status()).isEqualTo("CREATE STOPPED");
        assertThat(stopped.trainingHours()).as("training time up to the stop, billed").isPositive();
        assertThat(describeRaw(versionArn).containsKey("trainingProgress")).isFalse();
    }

    @Test
    @Order(3)
    void aStoppedVersionCannotBeStoppedAgainNorDeployed() {
        assertThatThrownBy(() -> personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(versionArn)))
                .isInstanceOf(ResourceInUseException.class).hasMessageContaining("CREATE STOPPED");
        assertThatThrownBy(() -> personalize.createCampaign(r -> r.name("stopped-" + suffix)
                .solutionVersionArn(versionArn).minProvisionedTPS(1)))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("CREATE STOPPED");
        assertThatThrownBy(() -> personalize.getSolutionMetrics(r -> r.solutionVersionArn(versionArn)))
                .isInstanceOf(ResourceInUseException.class);
    }

    private JsonObject describeRaw(String arn) {
        return clients.controlPlaneJson("DescribeSolutionVersion", "{\"solutionVersionArn\":\"" + arn + "\"}")
                .getJsonObject("solutionVersion");
    }
}
