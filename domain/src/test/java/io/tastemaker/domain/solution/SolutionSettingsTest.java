package io.tastemaker.domain.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.tuning.HyperParameterRanges;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SolutionSettingsTest {

    private static final RecipeEntry POPULARITY = new RecipeEntry("aws-popularity-count",
            "arn:aws:personalize:::recipe/aws-popularity-count", "a", "USER_PERSONALIZATION", "d", Instant.EPOCH, Set.of(),
            values -> { }, PopularityCountRecipe::new, true);

    @Test
    void readsTheEventValueThresholdAsPersonalizeSendsIt() {
        SolutionSettings settings = SolutionSettings.parse("{\"eventValueThreshold\": \"3.5\"}");
        settings.check(POPULARITY);
        assertThat(settings.trainingConfig("purchase", 1L).eventValueThreshold()).isEqualTo(3.5f);
        assertThat(settings.trainingConfig("purchase", 1L).eventType()).isEqualTo("purchase");
    }

    @Test
    void refusesAHyperparameterTheRecipeDoesNotHave() {
        SolutionSettings settings = SolutionSettings.parse("{\"algorithmHyperParameters\": {\"hidden_dimension\": \"64\"}}");
        assertThatThrownBy(() -> settings.check(POPULARITY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hidden_dimension");
    }

    @Test
    void checksHyperparameterValuesNamingTheParameter() {
        RecipeEntry ease = new RecipeEntry("aws-user-personalization", "arn:aws:personalize:::recipe/aws-user-personalization",
                "a", "USER_PERSONALIZATION", "d", Instant.EPOCH, EaseRecipe.HYPERPARAMETER_NAMES,
                EaseRecipe.HyperParameters::parse, EaseRecipe::new, true);
        SolutionSettings.parse("{\"algorithmHyperParameters\": {\"lambda\": \"250\"}}").check(ease);
        assertThatThrownBy(() -> SolutionSettings.parse("{\"algorithmHyperParameters\": {\"lambda\": \"-1\"}}").check(ease))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lambda");
    }

    @Test
    void refusesWhatThisServerDoesNotActOn() {
        assertThatThrownBy(() -> SolutionSettings.parse("{\"optimizationObjective\": {}}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("optimizationObjective");
        assertThatThrownBy(() -> SolutionSettings.parse("{\"eventValueThreshold\": \"lots\"}"))
                .hasMessageContaining("eventValueThreshold");
        assertThatThrownBy(() -> SolutionSettings.parse("[1]")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void noConfigMeansAllEventsAndNoHyperparameters() {
        SolutionSettings none = SolutionSettings.parse(null);
        none.check(POPULARITY);
        assertThat(none.trainingConfig(null, 7L).hyperParameters()).isEmpty();
        assertThat(none.toJson()).isNull();
    }

    private static final RecipeEntry EASE = new RecipeEntry("aws-user-personalization",
            "arn:aws:personalize:::recipe/aws-user-personalization", "a", "USER_PERSONALIZATION", "d", Instant.EPOCH,
            EaseRecipe.HYPERPARAMETER_NAMES, EaseRecipe.HyperParameters::parse, EaseRecipe::new, true);

    @Test
    void readsHpoConfigAsTheApiShapesIt() {
        SolutionSettings settings = SolutionSettings.parse("""
                {"algorithmHyperParameters": {"max_items": "3000"},
                 "hpoConfig": {"hpoObjective": {"type": "Maximize", "metricName": "precision_at_10"},
                               "hpoResourceConfig": {"maxNumberOfTrainingJobs": "6", "maxParallelTrainingJobs": "2"},
                               "algorithmHyperParameterRanges": {
                                   "continuousHyperParameterRanges": [{"name": "lambda", "minValue": 10, "maxValue": 900}],
                                   "integerHyperParameterRanges": [{"name": "neighbors", "minValue": 50, "maxValue": 500}]}}}""");
        settings.checkHpo(EASE, HyperParameterRanges.EMPTY);

        assertThat(settings.hpoConfig().hpoObjective().metricName()).isEqualTo("precision_at_10");
        assertThat(settings.hpoConfig().hpoResourceConfig().maxNumberOfTrainingJobs()).isEqualTo(6);
        assertThat(settings.hpoConfig().hpoResourceConfig().maxParallelTrainingJobs()).isEqualTo(2);
        assertThat(settings.hpoConfig().algorithmHyperParameterRanges().names()).containsExactly("neighbors", "lambda");
        assertThat(settings.trainingConfig(null, 1L).hyperParameters()).containsEntry("max_items", "3000");
    }

    @Test
    void hpoErrorsNameTheMember() {
        assertThatThrownBy(() -> SolutionSettings.parse("""
                {"hpoConfig": {"hpoResourceConfig": {"maxNumberOfTrainingJobs": "41"}}}"""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxNumberOfTrainingJobs");
        assertThatThrownBy(() -> SolutionSettings.parse("""
                {"hpoConfig": {"hpoObjective": {"metricName": "accuracy"}}}"""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("accuracy");
        assertThatThrownBy(() -> SolutionSettings.parse("""
                {"hpoConfig": {"algorithmHyperParameterRanges": {"integerHyperParameterRanges": [{"name": "neighbors"}]}}}"""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("minValue");
        assertThatThrownBy(() -> SolutionSettings.parse("""
                {"hpoConfig": {"algorithmHyperParameterRanges": {"continuousHyperParameterRanges":
                    [{"name": "lambda", "minValue": 900, "maxValue": 10}]}}}"""))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("lambda");
    }

    @Test
    void hpoSearchesOnlyTheRecipesOwnHyperparametersAndNoneThatAreFixed() {
        SolutionSettings unknown = SolutionSettings.parse("""
                {"hpoConfig": {"algorithmHyperParameterRanges": {"integerHyperParameterRanges":
                    [{"name": "hidden_dimension", "minValue": 32, "maxValue": 256}]}}}""");
        assertThatThrownBy(() -> unknown.checkHpo(EASE, HyperParameterRanges.EMPTY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("hidden_dimension");

        SolutionSettings both = SolutionSettings.parse("""
                {"algorithmHyperParameters": {"lambda": "300"},
                 "hpoConfig": {"algorithmHyperParameterRanges": {"continuousHyperParameterRanges":
                    [{"name": "lambda", "minValue": 10, "maxValue": 900}]}}}""");
        assertThatThrownBy(() -> both.checkHpo(EASE, HyperParameterRanges.EMPTY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("both fixed");

        assertThatThrownBy(() -> SolutionSettings.none().checkHpo(POPULARITY, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not available");
    }
    private static final RecipeEntry UP_V2 = new RecipeEntry("aws-user-personalization-v2",
            "arn:aws:personalize:::recipe/aws-user-personalization-v2", "a", "USER_PERSONALIZATION", "d", Instant.EPOCH,
            Set.of(), values -> { }, PopularityCountRecipe::new, true);

    @Test
    void eventsConfigSetsTheTypesThresholdsAndWeightsThatTrain() {
        SolutionSettings settings = SolutionSettings.parse("{\"eventsConfig\": {\"eventParametersList\": ["
                + "{\"eventType\": \"purchase\", \"eventValueThreshold\": 2.5, \"weight\": 0.8},"
                + "{\"eventType\": \"click\", \"weight\": 0.2}]}}");
        settings.check(UP_V2);

        var config = settings.trainingConfig(null, 1L);
        assertThat(config.eventParameters()).extracting(p -> p.eventType()).containsExactly("purchase", "click");
        assertThat(config.eventParameters().get(0).eventValueThreshold()).isEqualTo(2.5);
        assertThat(config.counts("purchase", 3f)).isTrue();
        assertThat(config.counts("purchase", 2f)).isFalse();
        assertThat(config.counts("view", null)).isFalse();
    }

    @Test
    void refusesBadEventsConfigsNamingTheMember() {
        String list = "{\"eventsConfig\": {\"eventParametersList\": [%s]}}";
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted("{\"eventType\": \"a\", \"weight\": 1.5}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("solutionConfig.eventsConfig.eventParametersList[0].weight");
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted("{\"weight\": 1}")))
                .hasMessageContaining("eventParametersList[0].eventType is required");
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted(
                "{\"eventType\": \"a\", \"weight\": 1}, {\"eventType\": \"a\", \"weight\": 0.5}")))
                .hasMessageContaining("eventParametersList[1].eventType").hasMessageContaining("twice");
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted(
                "{\"eventType\": \"a\", \"weight\": 1, \"eventValueThreshold\": \"high\"}")))
                .hasMessageContaining("eventParametersList[0].eventValueThreshold must be a number");
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted("{\"eventType\": \"a\", \"weight\": 0}")))
                .hasMessageContaining("weight 0");
        String eleven = String.join(",", java.util.Collections.nCopies(11, "{\"eventType\": \"a\", \"weight\": 1}"));
        assertThatThrownBy(() -> SolutionSettings.parse(list.formatted(eleven)))
                .hasMessageContaining("at most 10 entries");
        SolutionSettings forV1 = SolutionSettings.parse(list.formatted("{\"eventType\": \"a\", \"weight\": 1}"));
        assertThatThrownBy(() -> forV1.check(POPULARITY)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("solutionConfig.eventsConfig is for the recipes aws-user-personalization-v2");
    }
}
