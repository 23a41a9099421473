package io.tastemaker.domain.solution;

import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.ItemAttributesReader;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.recipe.TrainingData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Reads what a dataset group's recipes learn from into the engine's form: the published
 * interactions with a user id, and the Items dataset's attributes when the group has one.
 *
 * <p>Item fields as {@link ItemAttributesReader.Purpose#TRAINING} reads them: categorical and textual
 * strings keep their kind, numeric fields are numerical, {@code CREATION_TIMESTAMP} is the creation
 * time; plain strings and booleans are not learned from.
 */
@Stateless
public class TrainingDataReader {

    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    ItemAttributesReader itemAttributes;

    /**
     * The training data of a dataset group: no interactions if it has no Interactions dataset, no
     * item attributes if it has no Items dataset.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TrainingData read(String accountId, String datasetGroupArn) {
        InteractionLog.Builder builder = InteractionLog.builder();
        datasets.ofType(datasetGroupArn, DatasetType.INTERACTIONS).ifPresent(interactions ->
                rows.forEachInteraction(interactions.getArn(), r -> {
                    if (!r.userId().isEmpty()) {
                        builder.add(r.userId(), r.itemId(), r.timestamp(), r.eventType(),
                                r.eventValue() == null ? Float.NaN : r.eventValue());
                    }
                }));
        ItemAttributes items = datasets.ofType(datasetGroupArn, DatasetType.ITEMS)
                .map(dataset -> itemAttributes.read(accountId, dataset, ItemAttributesReader.Purpose.TRAINING))
                .orElse(ItemAttributes.empty());
        return new TrainingData(builder.build(), items);
    }
}
