package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.Objects;

/**
 * Everything a recipe can learn from: the interactions, and the attributes of the catalog's items
 * (Personalize's Items dataset). Recipes that learn from interactions alone ignore the items.
 *
 * @param interactions the interactions, before {@link TrainingConfig#select} is applied
 * @param items the items' attributes; {@link ItemAttributes#empty()} when there is no Items dataset
 */
public record TrainingData(InteractionLog interactions, ItemAttributes items) {

    /** Checks that both parts are present. */
    public TrainingData {
        Objects.requireNonNull(interactions, "interactions");
        Objects.requireNonNull(items, "items");
    }

    /** Interactions without item attributes. */
    public static TrainingData of(InteractionLog interactions) {
        return new TrainingData(interactions, ItemAttributes.empty());
    }

    /** The same item attributes with other interactions (for example a training split). */
    public TrainingData withInteractions(InteractionLog other) {
        return new TrainingData(other, items);
    }
}
