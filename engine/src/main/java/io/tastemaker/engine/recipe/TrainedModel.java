package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The result of a training run (a Personalize solution version): immutable, thread-safe, and
 * serialisable to an artifact that {@link ModelCodec#read(java.io.InputStream)} turns back into an
 * equal model. What a model answers depends on its recipe type: {@link UserModel} (and
 * {@link RankingModel}) for USER_PERSONALIZATION and PERSONALIZED_RANKING, {@link RelatedItemsModel}
 * for RELATED_ITEMS.
 */
public interface TrainedModel {

    /** The name of the recipe that trained this model. */
    String recipe();

    /**
     * The items this model can return, in the model's own index order. A filter is compiled over
     * this catalog ({@code CatalogIndex.of(model.catalog(), ...)}), so that the allowed-item
     * bitset it yields is indexed as the model's items are and the model can test candidates by
     * index while it selects.
     */
    IdDictionary catalog();

    /**
     * Writes this model as a self-describing, versioned, checksummed binary artifact. Flushes but
     * does not close {@code out}.
     */
    void writeTo(OutputStream out) throws IOException;
}
