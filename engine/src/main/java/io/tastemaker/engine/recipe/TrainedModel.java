package io.tastemaker.engine.recipe;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The result of a training run (a Personalize solution version): immutable, thread-safe, and
 * serialisable to an artifact that {@link ModelCodec#read(java.io.InputStream)} turns back into an
 * equal model.
 */
public interface TrainedModel {

    /** The name of the recipe that trained this model. */
    String recipe();

    /**
     * The best {@code numResults} items for {@code userId}, best first, never more than the model's
     * catalog holds. Items the user already interacted with stay candidates, as in Personalize;
     * business filters are the caller's. An unknown user gets the model's cold-start answer.
     *
     * @param userId the user's external id, not null
     * @param numResults how many items to return at most, {@code >= 0}
     * @return an unmodifiable list
     * @throws IllegalArgumentException if {@code numResults} is negative
     */
    List<ScoredItem> recommend(String userId, int numResults);

    /**
     * Writes this model as a self-describing, versioned, checksummed binary artifact. Flushes but
     * does not close {@code out}.
     */
    void writeTo(OutputStream out) throws IOException;
}
