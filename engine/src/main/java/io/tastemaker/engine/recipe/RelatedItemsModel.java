package io.tastemaker.engine.recipe;

import io.tastemaker.engine.filter.AllowedItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A model that answers "items like this one" (Personalize's RELATED_ITEMS recipes, GetRecommendations
 * with an {@code itemId}).
 */
public interface RelatedItemsModel extends TrainedModel {

    /**
     * The {@code numResults} items most related to {@code itemId}, most related first, never
     * {@code itemId} itself. An item the model does not know gets the model's cold-start answer
     * (documented by the model; it may be empty).
     *
     * @param itemId the item's external id, not null
     * @param numResults how many items to return at most, {@code >= 0}
     * @return an unmodifiable list
     * @throws IllegalArgumentException if {@code numResults} is negative
     */
    List<ScoredItem> related(String itemId, int numResults);

    /**
     * {@link #related(String, int)} restricted to the items a filter allows: the most related
     * {@code numResults} of the allowed items (the cold-start answer likewise), so fewer when fewer
     * are allowed. This default asks for the whole catalog and keeps the allowed items; the models of
     * this package select among the allowed items directly.
     *
     * @param allowed the allowed items, over {@link #catalog()}
     * @throws IllegalArgumentException if {@code allowed} is over another catalog
     */
    default List<ScoredItem> related(String itemId, int numResults, AllowedItems allowed) {
        Candidates.requireCatalog(this, allowed);
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, allowed.count()));
        for (ScoredItem item : related(itemId, catalog().size())) {
            if (result.size() == numResults) {
                break;
            }
            if (allowed.contains(item.itemId())) {
                result.add(item);
            }
        }
        return Collections.unmodifiableList(result);
    }
}
