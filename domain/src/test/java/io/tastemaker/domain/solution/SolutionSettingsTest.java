package io.tastemaker.domain.solution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.recipe.EaseRecipe;
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
        assertThatThrownBy(() -> SolutionSettings.parse("{\"hpoConfig\": {}}")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("hpoConfig");
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
}
