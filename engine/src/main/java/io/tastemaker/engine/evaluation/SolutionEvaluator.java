package io.tastemaker.engine.evaluation;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.RelatedItemsModel;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a solution version's offline metrics the way Personalize does for user-personalization
 * recipes (and, adapted as described below, for related-items recipes):
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
 * <p>A RELATED_ITEMS recipe (its model is a {@link RelatedItemsModel}) is evaluated on the same
 * split with one change in step 4: each held-out user is represented by their most recent training
 * interaction (the newest by timestamp; among equal timestamps, the one added later), and the
 * model's {@value Metrics#CUTOFF} items related to that item are scored against the user's truth.
 * This is how a "customers who viewed this also viewed" widget on the page of the last item a user
 * looked at would have fared. As at runtime nothing is excluded, except that the item itself is
 * never related to itself (so a truth that repeats it cannot be hit). The catalog for
 * {@link Metrics#COVERAGE} is then every item of {@code log} plus every item of the Items dataset
 * that is not in it, since such recipes may relate items that have no interaction. Personalize
 * does not document how it computes its metrics for related-items recipes; this is our protocol.
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
     *     (for a related-items model: in neither the interactions nor the Items dataset)
     */
    public static Map<String, Double> evaluate(Recipe recipe, TrainingData data, TrainingConfig config,
            TrainingMonitor monitor) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        InteractionLog log = data.interactions();
        PersonalizeHoldout.Split split = PersonalizeHoldout.split(config.select(log), config.seed());
        TrainedModel trained = recipe.train(data.withInteractions(split.train()), config, monitor);
        if (trained instanceof RelatedItemsModel related) {
            return evaluateRelated(recipe.name(), related, data, split);
        }
        UserModel model = (UserModel) trained;

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

    /** Step 4 for RELATED_ITEMS: the items related to each held-out user's most recent training item. */
    private static Map<String, Double> evaluateRelated(String recipe, RelatedItemsModel model, TrainingData data,
            PersonalizeHoldout.Split split) {
        InteractionLog train = split.train();
        IdDictionary logItems = data.interactions().items();
        // The catalog: the log's items, then the Items dataset's other items.
        IdDictionary.Builder catalog = new IdDictionary.Builder(logItems.size());
        for (int i = 0; i < logItems.size(); i++) {
            catalog.intern(logItems.idOf(i));
        }
        for (int i = 0; i < data.items().size(); i++) {
            catalog.intern(data.items().items().idOf(i));
        }
        RowGroups byUser = train.rowsByUser();
        int heldOut = split.heldOutUserCount();
        int[][] ranked = new int[heldOut][];
        int[][] truth = new int[heldOut][];
        for (int i = 0; i < heldOut; i++) {
            int user = split.heldOutUser(i);
            // Held-out users keep at least one training interaction; rows are oldest first.
            int newest = byUser.row(byUser.end(user) - 1);
            List<ScoredItem> related = model.related(logItems.idOf(train.item(newest)), Metrics.CUTOFF);
            int[] list = new int[Math.min(Metrics.CUTOFF, related.size())];
            for (int r = 0; r < list.length; r++) {
                String itemId = related.get(r).itemId();
                int item = catalog.indexOf(itemId);
                if (item < 0) {
                    throw new IllegalStateException("Model of recipe " + recipe + " related item '" + itemId
                            + "', which is neither in the interactions nor in the Items dataset");
                }
                list[r] = item;
            }
            ranked[i] = list;
            truth[i] = split.truthItems(i);
        }
        return Metrics.compute(ranked, truth, catalog.size());
    }
}
