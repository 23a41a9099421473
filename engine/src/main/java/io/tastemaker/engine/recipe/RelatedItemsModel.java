package io.tastemaker.engine.recipe;

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
}
