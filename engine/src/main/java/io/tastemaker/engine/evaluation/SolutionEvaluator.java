package io.tastemaker.engine.evaluation;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a solution version's offline metrics the way Personalize does for user-personalization
 * recipes:
 *
 * <ol>
 *   <li>keep the interactions the configuration trains on ({@link TrainingConfig#select});</li>
 *   <li>split them with {@link PersonalizeHoldout}, seeded with {@link TrainingConfig#seed()};</li>
 *   <li>train the recipe on the training part;</li>
 *   <li>ask the model for {@value Metrics#CUTOFF} items for each held-out user (no exclusions: items
 *       the user already interacted with stay candidates, as in Personalize's runtime);</li>
 *   <li>score the lists against the truth with {@link Metrics}; the catalog for
 *       {@link Metrics#COVERAGE} is every item of {@code log}, before the configuration's
 *       filter.</li>
 * </ol>
 *
 * <p>The evaluator returns the metrics only. The model a solution version serves is trained on all
 * the data, which is simply {@code recipe.train(log, config)}; leaving that call to the caller lets
 * a batch job run, checkpoint and retry the two steps separately, and never keeps the discarded
 * evaluation model and the final model in memory at once.
 */
public final class SolutionEvaluator {

    private SolutionEvaluator() {
    }

    /**
     * The metrics of {@code recipe} on {@code log} under {@code config}.
     *
     * @return an unmodifiable map with exactly the keys of {@link Metrics#NAMES}
     * @throws IllegalArgumentException if the recipe rejects the configuration, or no user has two
     *     selected interactions
     * @throws IllegalStateException if the model recommends an item that is not in {@code log}
     */
    public static Map<String, Double> evaluate(Recipe recipe, InteractionLog log, TrainingConfig config) {
        return evaluate(recipe, TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    /**
     * The metrics of {@code recipe} on {@code data} under {@code config}, reporting the training
     * of the evaluation model to {@code monitor}.
     *
     * @return an unmodifiable map with exactly the keys of {@link Metrics#NAMES}
     * @throws IllegalArgumentException if the recipe rejects the configuration, or no user has two
     *     selected interactions
     * @throws IllegalStateException if the model recommends an item that is not in the interactions
     */
    public static Map<String, Double> evaluate(Recipe recipe, TrainingData data, TrainingConfig config,
            TrainingMonitor monitor) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        InteractionLog log = data.interactions();
        PersonalizeHoldout.Split split = PersonalizeHoldout.split(config.select(log), config.seed());
        UserModel model = (UserModel) recipe.train(data.withInteractions(split.train()), config, monitor);

        IdDictionary users = log.users();
        IdDictionary items = log.items();
        int heldOut = split.heldOutUserCount();
        int[][] ranked = new int[heldOut][];
        int[][] truth = new int[heldOut][];
        for (int i = 0; i < heldOut; i++) {
            List<ScoredItem> recommendations = model.recommend(users.idOf(split.heldOutUser(i)), Metrics.CUTOFF);
            int[] list = new int[Math.min(Metrics.CUTOFF, recommendations.size())];
            for (int r = 0; r < list.length; r++) {
                String itemId = recommendations.get(r).itemId();
                int item = items.indexOf(itemId);
                if (item < 0) {
                    throw new IllegalStateException("Model of recipe " + recipe.name() + " recommended item '" + itemId
                            + "', which is not in the interactions");
                }
                list[r] = item;
            }
            ranked[i] = list;
            truth[i] = split.truthItems(i);
        }
        return Metrics.compute(ranked, truth, items.size());
    }
}
