package io.tastemaker.domain.solution;

import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.ItemAttributesReader;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.recipe.TrainingData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a dataset group's recipes learn from into the engine's form: the published
 * interactions with a user id, and the Items dataset's attributes when the group has one.
 *
 * <p>Item fields as {@link ItemAttributesReader.Purpose#TRAINING} reads them: categorical and textual
 * strings keep their kind, numeric fields are numerical, {@code CREATION_TIMESTAMP} is the creation
 * time; plain strings and booleans are not learned from.
 *
 * <p>Contextual fields of the Interactions schema ({@link io.tastemaker.domain.schema.ParsedSchema#contextualFields()},
 * e.g. {@code DEVICE}) become the log's contextual columns, read from each interaction's attributes
 * whether it was imported or sent with PutEvents (whose camel-case {@code properties} are stored
 * under the schema's field names). A string value is taken as it is, a number or boolean as its
 * JSON text; an absent, null or empty value means the interaction has none.
 */
@Stateless
public class TrainingDataReader {

    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    ItemAttributesReader itemAttributes;
    @Inject
    SchemaService schemas;

    /**
     * The training data of a dataset group: no interactions if it has no Interactions dataset, no
     * item attributes if it has no Items dataset.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TrainingData read(String accountId, String datasetGroupArn) {
        InteractionLog log = datasets.ofType(datasetGroupArn, DatasetType.INTERACTIONS).map(interactions -> {
            List<String> contextual = schemas.parsed(schemas.find(accountId, interactions.getSchemaArn()))
                    .contextualFields().stream().map(FieldSpec::name).toList();
            InteractionLog.Builder builder = InteractionLog.builder(1024, contextual);
            ContextReader context = new ContextReader(contextual);
            rows.forEachInteraction(interactions.getArn(), !contextual.isEmpty(), r -> {
                if (!r.userId().isEmpty()) {
                    builder.add(r.userId(), r.itemId(), r.timestamp(), r.eventType(),
                            r.eventValue() == null ? Float.NaN : r.eventValue(), context.values(r.attributesJson()));
                }
            });
            return builder.build();
        }).orElseGet(() -> InteractionLog.builder().build());
        ItemAttributes items = datasets.ofType(datasetGroupArn, DatasetType.ITEMS)
                .map(dataset -> itemAttributes.read(accountId, dataset, ItemAttributesReader.Purpose.TRAINING))
                .orElse(ItemAttributes.empty());
        return new TrainingData(log, items);
    }

    /** The values of the contextual fields in an interaction's attributes JSON. */
    static final class ContextReader {

        private final int count;
        /** Upper-case field name → position. */
        private final Map<String, Integer> positions = new HashMap<>();

        ContextReader(List<String> fields) {
            this.count = fields.size();
            for (int f = 0; f < fields.size(); f++) {
                positions.put(FieldSpec.key(fields.get(f)), f);
            }
        }

        /** One value per field, null where the row has none; null when there are no fields or attributes. */
        String[] values(String attributesJson) {
            if (count == 0 || attributesJson == null || attributesJson.isBlank()) {
                return null;
            }
            JsonObject attributes;
            try (JsonReader reader = Json.createReader(new StringReader(attributesJson))) {
                attributes = reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                // Stored attributes are written by this server as JSON objects; anything else carries no context.
                return null;
            }
            String[] values = new String[count];
            for (Map.Entry<String, JsonValue> entry : attributes.entrySet()) {
                Integer position = positions.get(FieldSpec.key(entry.getKey()));
                if (position == null) {
                    continue;
                }
                JsonValue value = entry.getValue();
                values[position] = switch (value.getValueType()) {
                    case STRING -> ((JsonString) value).getString();
                    case NUMBER, TRUE, FALSE -> value.toString();
                    default -> null;
                };
            }
            return values;
        }
    }
}
