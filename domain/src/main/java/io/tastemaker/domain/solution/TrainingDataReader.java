package io.tastemaker.domain.solution;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.FieldType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.ReservedField;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.recipe.TrainingData;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a dataset group's recipes learn from into the engine's form: the published
 * interactions with a user id, and the Items dataset's attributes when the group has one.
 *
 * <p>Item fields by the schema: categorical strings ({@code "categorical": true}, several values
 * separated by {@code |}) and textual strings ({@code "textual": true}) keep their kind; other
 * numeric fields are numerical; {@code CREATION_TIMESTAMP} is the creation time. Other fields
 * (plain strings, booleans) are not learned from.
 */
@Stateless
public class TrainingDataReader {

    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    SchemaService schemas;

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
                .map(dataset -> items(accountId, dataset))
                .orElse(ItemAttributes.empty());
        return new TrainingData(builder.build(), items);
    }

    private ItemAttributes items(String accountId, Dataset dataset) {
        ParsedSchema schema = schemas.parsed(schemas.find(accountId, dataset.getSchemaArn()));
        List<String> categorical = new ArrayList<>();
        List<String> textual = new ArrayList<>();
        List<String> numerical = new ArrayList<>();
        String creation = null;
        for (FieldSpec field : schema.fields()) {
            ReservedField reserved = ReservedField.byName(field.name());
            if (reserved == ReservedField.CREATION_TIMESTAMP) {
                creation = field.name();
            } else if (reserved != null) {
                continue;
            } else if (field.type() == FieldType.STRING && field.categorical()) {
                categorical.add(field.name());
            } else if (field.type() == FieldType.STRING && field.textual()) {
                textual.add(field.name());
            } else if (field.type().isNumeric()) {
                numerical.add(field.name());
            }
        }
        ItemAttributes.Builder builder = ItemAttributes.builder(categorical, textual, numerical);
        String creationField = creation;
        rows.forEachRecord(dataset.getArn(), DatasetType.ITEMS, record -> {
            JsonObject attributes = parse(record.attributesJson());
            String[] categories = new String[categorical.size()];
            for (int f = 0; f < categories.length; f++) {
                categories[f] = text(attributes, categorical.get(f));
            }
            String[] texts = new String[textual.size()];
            for (int f = 0; f < texts.length; f++) {
                texts[f] = text(attributes, textual.get(f));
            }
            double[] numbers = new double[numerical.size()];
            for (int f = 0; f < numbers.length; f++) {
                numbers[f] = number(attributes, numerical.get(f));
            }
            double created = creationField == null ? Double.NaN : number(attributes, creationField);
            builder.add(record.id(), categories, texts, numbers,
                    Double.isNaN(created) ? ItemAttributes.UNKNOWN_TIME : (long) created);
        });
        return builder.build();
    }

    private static JsonObject parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The value of a field, found by name ignoring case, as text; null when absent. */
    private static String text(JsonObject attributes, String field) {
        JsonValue value = value(attributes, field);
        if (value instanceof JsonString s) {
            return s.getString();
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }

    private static double number(JsonObject attributes, String field) {
        JsonValue value = value(attributes, field);
        if (value instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (value instanceof JsonString s) {
            try {
                return Double.parseDouble(s.getString().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static JsonValue value(JsonObject attributes, String field) {
        JsonValue exact = attributes.get(field);
        if (exact != null) {
            return exact;
        }
        for (var entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
