package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.RelatedItemsModel;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.SimilarItemsRecipe;
import io.tastemaker.engine.recipe.SimsRecipe;
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
import java.util.SplittableRandom;
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

    @Test
    void aRelatedItemsModelIsAskedAboutEachHeldOutUsersMostRecentTrainingItem() {
        List<String> asked = new ArrayList<>();
        Recipe recorder = new Recipe() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public TrainedModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
                return new RecordingRelated(asked);
            }
        };
        TrainingConfig config = TrainingConfig.withSeed(SEED);

        Map<String, Double> metrics = SolutionEvaluator.evaluate(recorder, LOG, config);

        PersonalizeHoldout.Split split = PersonalizeHoldout.split(LOG, SEED);
        List<String> expected = new ArrayList<>();
        RowGroups byUser = split.train().rowsByUser();
        for (int i = 0; i < split.heldOutUserCount(); i++) {
            int user = split.heldOutUser(i);
            int newest = byUser.rowsOf(user)[byUser.size(user) - 1];
            long newestTime = split.train().timestamp(newest);
            for (int row : byUser.rowsOf(user)) {
                assertThat(split.train().timestamp(row)).isLessThanOrEqualTo(newestTime);
            }
            expected.add(LOG.items().idOf(split.train().item(newest)));
        }
        assertThat(asked).as("seed %d", SEED).isEqualTo(expected);
        assertThat(metrics.keySet()).containsExactlyElementsOf(Metrics.NAMES);
    }

    @Test
    void coOccurrenceBeatsUnrelatedItemsAndItemsOnlyInTheItemsDatasetCount() {
        // Users stay within one of two clusters of 30 items.
        SplittableRandom random = new SplittableRandom(SEED);
        InteractionLog.Builder builder = InteractionLog.builder();
        long time = GeneratedLogs.START;
        for (int u = 0; u < 300; u++) {
            String cluster = u % 2 == 0 ? "x" : "y";
            for (int e = 0; e < 12; e++) {
                builder.add(cluster + "-user" + u, cluster + random.nextInt(30), time++, null, Float.NaN);
            }
        }
        InteractionLog clustered = builder.build();
        ItemAttributes extra = ItemAttributes.builder(List.of("genre"), List.of(), List.of())
                .add("x-new", new String[] {"x"}, new String[0], new double[0], ItemAttributes.UNKNOWN_TIME)
                .add("x0", new String[] {"x"}, new String[0], new double[0], ItemAttributes.UNKNOWN_TIME).build();
        TrainingData data = new TrainingData(clustered, extra);
        TrainingConfig config = TrainingConfig.withSeed(SEED);

        Map<String, Double> sims = SolutionEvaluator.evaluate(new SimsRecipe(), data, config, TrainingMonitor.NONE);
        Map<String, Double> similar = SolutionEvaluator.evaluate(new SimilarItemsRecipe(), data, config,
                TrainingMonitor.NONE);
        Map<String, Double> popular = SolutionEvaluator.evaluate(new PopularityCountRecipe(), data, config,
                TrainingMonitor.NONE);

        assertThat(sims.get(Metrics.PRECISION_AT_10)).as("seed %d", SEED)
                .isGreaterThan(popular.get(Metrics.PRECISION_AT_10));
        assertThat(similar.get(Metrics.PRECISION_AT_10)).isGreaterThan(popular.get(Metrics.PRECISION_AT_10));
        // The catalog is the 60 items with interactions and "x-new".
        assertThat(similar.get(Metrics.COVERAGE) * 61).isCloseTo(Math.rint(similar.get(Metrics.COVERAGE) * 61),
                within(1e-9));
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

    /** Records the items it is asked about and relates nothing. */
    private record RecordingRelated(List<String> asked) implements RelatedItemsModel {
        @Override
        public String recipe() {
            return "recorder";
        }

        @Override
        public IdDictionary catalog() {
            return IdDictionary.empty();
        }

        @Override
        public List<ScoredItem> related(String itemId, int numResults) {
            asked.add(itemId);
            return List.of();
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException("A test model has no artifact");
        }
    }

    /** The same list for everyone; evaluation never writes it. */
    private record FixedModel(List<ScoredItem> items) implements UserModel {
        @Override
        public String recipe() {
            return "fixed";
        }

        @Override
        public IdDictionary catalog() {
            return IdDictionary.of(items.stream().map(ScoredItem::itemId).toArray(String[]::new));
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
