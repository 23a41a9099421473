package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserPersonalizationRecipeTest {

    private static final long SEED = 90L;

    private static TrainingConfig config(String... keyValues) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hyperParameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainingConfig(null, null, hyperParameters, SEED);
    }

    private static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    /**
     * Ten users: {@code popular} of them interacted with item "a" only, the others with item "b"
     * only; so the most popular item holds {@code popular}/10 of the pairs.
     */
    private static InteractionLog twoItems(int popular) {
        InteractionLog.Builder builder = InteractionLog.builder();
        for (int u = 0; u < 10; u++) {
            builder.add("u" + u, u < popular ? "a" : "b", GeneratedLogs.START + u, null, Float.NaN);
        }
        return builder.build();
    }

    @Test
    void choosesEaseWhenItsModelledItemsCoverNinetyPercentOfInteractions() {
        UserPersonalizationRecipe.Choice exactly = UserPersonalizationRecipe.choose(twoItems(9),
                config(EaseRecipe.MAX_ITEMS, "1"));
        UserPersonalizationRecipe.Choice below = UserPersonalizationRecipe.choose(twoItems(8),
                config(EaseRecipe.MAX_ITEMS, "1"));

        assertThat(exactly.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.EASE);
        assertThat(exactly.coverage()).isCloseTo(0.9, within(1e-12));
        assertThat(exactly.easeItems()).isEqualTo(1);
        assertThat(below.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(below.describe())
                .isEqualTo("Chose ials: the 1 most popular items cover 80.0% of interactions (EASE needs 90%)");
    }

    @Test
    void trainsEaseOnASmallCatalogAndTheSameModelAsEaseRecipe() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 1.0, 20, SEED);
        TrainingConfig config = config(EaseRecipe.LAMBDA, "20", IalsRecipe.FACTORS, "16");

        UserPersonalizationModel model = new UserPersonalizationRecipe().train(log, config);

        assertThat(model.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.EASE);
        assertThat(model).isInstanceOf(EaseModel.class);
        assertThat(model.toString()).contains("algorithm=ease");
        assertThat(model.recipe()).isEqualTo(UserPersonalizationRecipe.NAME);
        // Stored as EASE artifacts always were, so existing campaigns keep reading them.
        assertThat(bytesOf(model)).isEqualTo(bytesOf(new EaseRecipe().train(log, config(EaseRecipe.LAMBDA, "20"))));
    }

    @Test
    void trainsIalsWhenTheLongTailHoldsTooManyInteractions() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 0.5, 20, SEED);
        TrainingConfig config = config(EaseRecipe.MAX_ITEMS, "10", IalsRecipe.FACTORS, "8",
                IalsRecipe.ITERATIONS, "3");
        List<String> steps = new ArrayList<>();

        UserPersonalizationModel model = new UserPersonalizationRecipe().train(TrainingData.of(log), config,
                (step, fraction) -> steps.add(step));

        assertThat(model.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(model.toString()).contains("algorithm=ials");
        assertThat(model.recipe()).isEqualTo(UserPersonalizationRecipe.NAME);
        assertThat(((IalsModel) model).hyperParameters().factors()).isEqualTo(8);
        assertThat(steps).anyMatch(step -> step.startsWith("Chose ials: the 10 most popular items cover"))
                .contains("Iteration 3 of 3");
        TrainedModel copy = ModelCodec.read(new ByteArrayInputStream(bytesOf(model)));
        assertThat(copy).isInstanceOf(IalsModel.class);
        assertThat(copy.recipe()).isEqualTo(UserPersonalizationRecipe.NAME);
        assertThat(((UserModel) copy).recommend("user-4", 20)).isEqualTo(model.recommend("user-4", 20));
    }

    @Test
    void theAlgorithmHyperparameterOverridesTheChoice() {
        InteractionLog log = GeneratedLogs.powerLaw(100, 30, 1.0, 10, SEED);

        UserPersonalizationModel ials = new UserPersonalizationRecipe().train(log,
                config(UserPersonalizationRecipe.ALGORITHM, "ials", IalsRecipe.FACTORS, "4", EaseRecipe.LAMBDA, "7"));
        UserPersonalizationModel ease = new UserPersonalizationRecipe().train(log,
                config(UserPersonalizationRecipe.ALGORITHM, " ease ", EaseRecipe.MAX_ITEMS, "3"));

        assertThat(ials.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(ease.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.EASE);
        assertThat(((EaseModel) ease).modelledItems()).isEqualTo(3);
        assertThat(UserPersonalizationRecipe.choose(log, config(UserPersonalizationRecipe.ALGORITHM, "ease",
                EaseRecipe.MAX_ITEMS, "3")).describe()).startsWith("Chose ease: requested by hyperparameter algorithm");
    }

    @Test
    void acceptsBothAlgorithmsHyperparametersAndChecksEveryValue() {
        assertThat(UserPersonalizationRecipe.HYPERPARAMETER_NAMES).containsExactlyInAnyOrder("algorithm", "lambda",
                "max_items", "neighbors", "factors", "iterations", "regularization", "regularization_exponent", "alpha",
                "cg_steps", "context_weight");
        UserPersonalizationRecipe.HyperParameters defaults = UserPersonalizationRecipe.HyperParameters.parse(Map.of());
        assertThat(defaults.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.AUTO);
        assertThat(defaults.ease()).isEqualTo(EaseRecipe.HyperParameters.defaults());
        assertThat(defaults.ials()).isEqualTo(IalsRecipe.HyperParameters.defaults());

        // A value out of range is refused even when the other algorithm is requested.
        assertThatThrownBy(() -> UserPersonalizationRecipe.HyperParameters.parse(Map.of("algorithm", "ease",
                "factors", "0"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'factors'");
        assertThatThrownBy(() -> UserPersonalizationRecipe.HyperParameters.parse(Map.of("algorithm", "ials",
                "lambda", "-1"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lambda'");
        assertThatThrownBy(() -> UserPersonalizationRecipe.HyperParameters.parse(Map.of("algorithm", "bpr")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'algorithm' of recipe aws-user-personalization must be one of auto, "
                        + "ease, ials, was 'bpr'");
        assertThatThrownBy(() -> new UserPersonalizationRecipe().train(twoItems(5), config("hidden_dimension", "8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hidden_dimension'").hasMessageContaining("aws-user-personalization")
                .hasMessageContaining("'cg_steps'");
        assertThat(new UserPersonalizationRecipe().name()).isEqualTo("aws-user-personalization");
    }

    @Test
    void sameDataAndSeedGiveIdenticalBytesOnAnyNumberOfThreads() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(600, 120, 0.6, 20, SEED);
        TrainingConfig config = config(EaseRecipe.MAX_ITEMS, "20", IalsRecipe.FACTORS, "8", IalsRecipe.ITERATIONS, "2");

        UserPersonalizationModel one = new UserPersonalizationRecipe(1).train(log, config);
        UserPersonalizationModel two = new UserPersonalizationRecipe(2).train(log, config);

        assertThat(one.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(bytesOf(two)).isEqualTo(bytesOf(one));
    }
}
