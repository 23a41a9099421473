package io.tastemaker.engine.recipe;

import java.util.Objects;

/**
 * One recommended item with its score. Scores are comparable within one response: higher is better.
 * What a score means beyond that is documented by the model that produced it.
 *
 * @param itemId the item's external id
 * @param score the item's score, a finite number
 */
public record ScoredItem(String itemId, double score) {

    /** Checks that the id is present and the score finite. */
    public ScoredItem {
        Objects.requireNonNull(itemId, "itemId");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, was " + score);
        }
    }
}
