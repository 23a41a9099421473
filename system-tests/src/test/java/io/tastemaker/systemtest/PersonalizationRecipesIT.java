package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * aws-user-personalization and aws-personalized-ranking through the AWS SDK, on data with known
 * structure: two groups of users, each interacting only with its own group of items. A user of
 * one group must be recommended (and ranked) items of that group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalizationRecipesIT {

    private static final long SEED = 4242L;

    private Clients clients;
    private PersonalizeClient personalize;
    private String groupArn;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importTwoGroups() {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "PersonalizationRecipesIT seed %d%n", SEED);
        groupArn = TwoGroups.importInto(server, clients, "recipes-" + suffix, SEED).datasetGroupArn();
    }

    @Test
    void userPersonalizationRecommendsTheUsersOwnGroup() {
        String campaign = deploy("arn:aws:personalize:::recipe/aws-user-personalization", "up");
        for (int group = 0; group < 2; group++) {
            String userId = user(group, 3);
            var items = clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(userId).numResults(10))
                    .itemList();
            String prefix = "g" + group + "-";
            assertThat(items).hasSize(10).allSatisfy(i -> assertThat(i.itemId()).startsWith(prefix));
            assertThat(items.stream().map(PredictedItem::score).toList()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void theV2RecipesServeTheSameKindOfModel() {
        String up = deploy("arn:aws:personalize:::recipe/aws-user-personalization-v2", "up2");
        var items = clients.runtime().getRecommendations(r -> r.campaignArn(up).userId(user(1, 4)).numResults(10)).itemList();
        assertThat(items).hasSize(10).allSatisfy(i -> assertThat(i.itemId()).startsWith("g1-"));
        String pr = deploy("arn:aws:personalize:::recipe/aws-personalized-ranking-v2", "pr2");
        var ranking = clients.runtime().getPersonalizedRanking(r -> r.campaignArn(pr).userId(user(1, 4))
                .inputList(item(0, 1), item(1, 1), "never-seen-item")).personalizedRanking();
        assertThat(ranking.stream().map(PredictedItem::itemId).toList())
                .containsExactly(item(1, 1), item(0, 1), "never-seen-item");
    }

    @Test
    void personalizedRankingPutsTheUsersGroupFirstAndUnknownItemsLast() {
        String campaign = deploy("arn:aws:personalize:::recipe/aws-personalized-ranking", "pr");
        List<String> input = List.of(item(1, 0), item(0, 1), "never-seen-item", item(1, 2), item(0, 3));
        var ranking = clients.runtime().getPersonalizedRanking(r -> r.campaignArn(campaign).userId(user(0, 5))
                .inputList(input)).personalizedRanking();
        List<String> order = ranking.stream().map(PredictedItem::itemId).toList();
        assertThat(order).hasSize(5).containsExactlyInAnyOrderElementsOf(input);
        assertThat(order.subList(0, 2)).allSatisfy(id -> assertThat(id).startsWith("g0-"));
        assertThat(order.get(4)).isEqualTo("never-seen-item");
        assertThat(ranking.get(4).score()).isZero();
    }

    @Test
    void hpoTunesLambdaOnAValidationSplitAndReportsTheTunedValue() {
        String solution = personalize.createSolution(r -> r.name("hpo-" + suffix).datasetGroupArn(groupArn)
                .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization").performHPO(true)
                .solutionConfig(c -> c.hpoConfig(h -> h
                        .hpoObjective(o -> o.type("Maximize").metricName("normalized_discounted_cumulative_gain_at_10"))
                        .hpoResourceConfig(res -> res.maxNumberOfTrainingJobs("3").maxParallelTrainingJobs("1"))
                        .algorithmHyperParameterRanges(ranges -> ranges.continuousHyperParameterRanges(
                                range -> range.name("lambda").minValue(5.0).maxValue(500.0)))))).solutionArn();
        clients.awaitSolution(solution);
        String version = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        var trained = clients.awaitSolutionVersion(version);
        assertThat(trained.status()).as("failure reason: %s", trained.failureReason()).isEqualTo("ACTIVE");
        assertThat(trained.performHPO()).isTrue();
        Map<String, String> tuned = trained.tunedHPOParams().algorithmHyperParameters();
        System.out.println("HPO tuned: " + tuned);
        assertThat(Double.parseDouble(tuned.get("lambda"))).isBetween(5.0, 500.0);
        assertThat(personalize.getSolutionMetrics(r -> r.solutionVersionArn(version)).metrics())
                .containsKey("normalized_discounted_cumulative_gain_at_10");
    }

    @Test
    void hpoIsRefusedWhereItCannotRun() {
        try {
            personalize.createSolution(r -> r.name("hpo-sims-" + suffix).datasetGroupArn(groupArn)
                    .recipeArn("arn:aws:personalize:::recipe/aws-sims").performHPO(true));
            throw new AssertionError("CreateSolution accepted performHPO for aws-sims");
        } catch (InvalidInputException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("performHPO");
        }
        try {
            personalize.createSolution(r -> r.name("hpo-bad-" + suffix).datasetGroupArn(groupArn)
                    .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization").performHPO(true)
                    .solutionConfig(c -> c.hpoConfig(h -> h.hpoResourceConfig(res -> res.maxNumberOfTrainingJobs("99")))));
            throw new AssertionError("CreateSolution accepted 99 HPO training jobs");
        } catch (InvalidInputException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("maxNumberOfTrainingJobs");
        }
    }

    @Test
    void aCampaignThatFollowsItsSolutionMovesToEachNewVersionWithoutAFailedRequest() {
        var first = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                "follow-" + suffix, Map.of());
        String campaign = personalize.createCampaign(r -> r.name("follower-" + suffix)
                .solutionVersionArn(first.solutionArn() + "/$LATEST")
                .campaignConfig(c -> c.syncWithLatestSolutionVersion(true))).campaignArn();
        assertThat(clients.awaitCampaign(campaign).solutionVersionArn()).isEqualTo(first.solutionVersionArn());

        String second = personalize.createSolutionVersion(r -> r.solutionArn(first.solutionArn())).solutionVersionArn();
        assertThat(clients.awaitSolutionVersion(second).status()).isEqualTo("ACTIVE");
        // Same solution, same data: the same model, so the same metrics to the last digit.
        assertThat(personalize.getSolutionMetrics(r -> r.solutionVersionArn(second)).metrics())
                .isEqualTo(personalize.getSolutionMetrics(r -> r.solutionVersionArn(first.solutionVersionArn())).metrics());
        int answered = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!second.equals(personalize.describeCampaign(r -> r.campaignArn(campaign)).campaign().solutionVersionArn())) {
            assertThat(System.nanoTime()).as("campaign moved to the new version within 2 minutes").isLessThan(deadline);
            assertThat(clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user(0, 1)).numResults(5))
                    .itemList()).hasSize(5);
            answered++;
        }
        System.out.println("Requests answered while the campaign moved: " + answered);
        assertThat(clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user(0, 1)).numResults(5))
                .itemList()).hasSize(5);

        try {
            personalize.createCampaign(r -> r.name("follower-bad-" + suffix).solutionVersionArn(first.solutionVersionArn())
                    .campaignConfig(c -> c.syncWithLatestSolutionVersion(true)));
            throw new AssertionError("CreateCampaign accepted syncWithLatestSolutionVersion without $LATEST");
        } catch (InvalidInputException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("$LATEST");
        }
        try {
            personalize.createCampaign(r -> r.name("explorer-" + suffix).solutionVersionArn(first.solutionVersionArn())
                    .campaignConfig(c -> c.itemExplorationConfig(Map.of("explorationWeight", "1.5"))));
            throw new AssertionError("CreateCampaign accepted explorationWeight 1.5");
        } catch (InvalidInputException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("itemExplorationConfig.explorationWeight");
        }
    }

    @Test
    void unknownHyperparametersAreRefusedByName() {
        try {
            personalize.createSolution(r -> r.name("bad-hp-" + suffix).datasetGroupArn(groupArn)
                    .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")
                    .solutionConfig(c -> c.algorithmHyperParameters(Map.of("hidden_dimension", "64"))));
            throw new AssertionError("CreateSolution accepted an unknown hyperparameter");
        } catch (InvalidInputException e) {
            assertThat(e.awsErrorDetails().errorMessage()).contains("hidden_dimension");
        }
    }

    private String deploy(String recipeArn, String name) {
        return clients.trainAndDeploy(groupArn, recipeArn, name + "-" + suffix, Map.of()).campaignArn();
    }

    private static String user(int group, int n) {
        return TwoGroups.user(group, n);
    }

    private static String item(int group, int n) {
        return TwoGroups.item(group, n);
    }
}
