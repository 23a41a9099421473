package io.tastemaker.engine.recipe;

import io.tastemaker.engine.filter.AllowedItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks shared by the models' filtered answers. */
final class Candidates {

    private Candidates() {
    }

    /**
     * Checks that {@code allowed} is indexed over {@code model}'s catalog (the same dictionary, not
     * an equal one: indices must agree).
     *
     * @throws IllegalArgumentException if it is over another catalog
     */
    static void requireCatalog(TrainedModel model, AllowedItems allowed) {
        if (allowed.catalog() != model.catalog()) {
            throw new IllegalArgumentException("The allowed items are over another catalog than the model's ("
                    + allowed.catalog() + " vs " + model.catalog() + ")");
        }
    }

    /**
     * The first {@code numResults} allowed items of a model whose answer is one fixed list (catalog
     * index order = rank order, as popularity and trend models keep it).
     */
    static List<ScoredItem> firstAllowed(String[] itemIds, double[] scores, int numResults, AllowedItems allowed) {
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, itemIds.length));
        for (int i = 0; i < itemIds.length && result.size() < numResults; i++) {
            if (allowed.contains(i)) {
                result.add(new ScoredItem(itemIds[i], scores[i]));
            }
        }
        return Collections.unmodifiableList(result);
    }
}
