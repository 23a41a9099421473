package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolutionEvaluatorTest {

    private static final long SEED = 1234L;
    private static final int ITEMS = 400;
    private static final InteractionLog LOG = GeneratedLogs.powerLaw(1_000, ITEMS, 1.1, 30, SEED);

    @Test
    void popularityFindsSomeTruthWithASmallCoverage() {
        Map<String, Double> metrics = SolutionEvaluator.evaluate(new PopularityCountRecipe(), LOG,
                TrainingConfig.withSeed(SEED));

        assertThat(metrics.keySet()).as("seed %d", SEED).containsExactlyElementsOf(Metrics.NAMES);
        assertThat(metrics.get(Metrics.NDCG_AT_10)).isGreaterThan(0.0);
        assertThat(metrics.get(Metrics.MEAN_RECIPROCAL_RANK_AT_25)).isGreaterThan(0.0);
        assertThat(metrics.get(Metrics.PRECISION_AT_25)).isBetween(0.0, 1.0);
        // Every user gets the same 25 items, out of every item that has an interaction.
        assertThat(metrics.get(Metrics.COVERAGE)).isCloseTo(25.0 / LOG.items().size(), within(1e-12));
    }

    @Test
    void popularityBeatsTheLeastPopularItems() {
        TrainingConfig config = TrainingConfig.withSeed(SEED);

        double popular = SolutionEvaluator.evaluate(new PopularityCountRecipe(), LOG, config)
                .get(Metrics.NDCG_AT_25);
        double unpopular = SolutionEvaluator.evaluate(new LeastPopular(), LOG, config).get(Metrics.NDCG_AT_25);

        assertThat(popular).as("seed %d", SEED).isGreaterThan(unpopular);
    }

    @Test
    void theSameSeedGivesTheSameMetrics() {
        Recipe recipe = new PopularityCountRecipe();

        assertThat(SolutionEvaluator.evaluate(recipe, LOG, TrainingConfig.withSeed(SEED)))
                .isEqualTo(SolutionEvaluator.evaluate(recipe, LOG, TrainingConfig.withSeed(SEED)));
    }

    @Test
    void evaluatesOnlyTheConfiguredEvents() {
        TrainingConfig purchases = new TrainingConfig("purchase", null, Map.of(), SEED);

        Map<String, Double> metrics = SolutionEvaluator.evaluate(new PopularityCountRecipe(), LOG, purchases);

        assertThat(metrics.get(Metrics.COVERAGE)).isCloseTo(25.0 / LOG.items().size(), within(1e-12));
        assertThat(metrics).isNotEqualTo(SolutionEvaluator.evaluate(new PopularityCountRecipe(), LOG,
                TrainingConfig.withSeed(SEED)));
    }

    @Test
    void passesTheRecipesRejectionOn() {
        TrainingConfig config = new TrainingConfig(null, null, Map.of("bptt", "8"), SEED);

        assertThatThrownBy(() -> SolutionEvaluator.evaluate(new PopularityCountRecipe(), LOG, config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bptt'");
    }

    @Test
    void rejectsAModelThatRecommendsUnknownItems() {
        Recipe ghosts = new Recipe() {
            @Override
            public String name() {
                return "ghosts";
            }

            @Override
            public TrainedModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
                return new FixedModel(List.of(new ScoredItem("no-such-item", 1.0)));
            }
        };

        assertThatThrownBy(() -> SolutionEvaluator.evaluate(ghosts, LOG, TrainingConfig.withSeed(SEED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-item");
    }

    /** Recommends the items with the fewest (but at least one) training interactions. */
    private static final class LeastPopular implements Recipe {
        @Override
        public String name() {
            return "least-popular";
        }

        @Override
        public TrainedModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
            List<ScoredItem> popular = new PopularityCountRecipe().train(data.interactions(), config).recommend("any", Integer.MAX_VALUE);
            List<ScoredItem> reversed = new ArrayList<>(popular);
            Collections.reverse(reversed);
            return new FixedModel(reversed);
        }
    }

    /** The same list for everyone; evaluation never writes it. */
    private record FixedModel(List<ScoredItem> items) implements UserModel {
        @Override
        public String recipe() {
            return "fixed";
        }

        @Override
        public List<ScoredItem> recommend(String userId, int numResults) {
            return items.subList(0, Math.min(numResults, items.size()));
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException("A test model has no artifact");
        }
    }
}
