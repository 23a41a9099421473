package io.tastemaker.domain.dataset;

import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.FieldType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.ReservedField;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.engine.data.ItemAttributes;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Items dataset's live records into the engine's {@link ItemAttributes}, column by column
 * as its schema declares them, for one of two readers:
 *
 * <ul>
 *   <li>{@link Purpose#TRAINING}: categorical strings ({@code "categorical": true}, several values
 *       separated by {@code |}) and textual strings keep their kind, numeric fields are numerical,
 *       {@code CREATION_TIMESTAMP} is the creation time; other strings and booleans are not learned
 *       from.</li>
 *   <li>{@link Purpose#FILTERS}: what filter expressions can compare: categorical strings and the
 *       other non-textual strings (both as categorical columns, as the engine's {@code CatalogIndex}
 *       expects; a plain string is split on {@code |} like a categorical one), numeric fields, and
 *       the creation time. Text and booleans are left out: filters can't use them.</li>
 *   <li>{@link Purpose#METADATA}: every field but {@code ITEM_ID}, each as a textual column holding
 *       the value as the record has it (strings unchanged, {@code |} included; numbers in decimal;
 *       booleans as {@code true}/{@code false}), for item metadata in recommendations
 *       ({@code metadataColumns}).</li>
 * </ul>
 */
@Stateless
public class ItemAttributesReader {

    /** Who reads the attributes, which decides the columns. */
    public enum Purpose {
        TRAINING,
        FILTERS,
        METADATA
    }

    @Inject
    DatasetRows rows;
    @Inject
    SchemaService schemas;

    /** The live items of {@code dataset} (an Items dataset) with the columns {@code purpose} needs. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ItemAttributes read(String accountId, Dataset dataset, Purpose purpose) {
        ParsedSchema schema = schemas.parsed(schemas.find(accountId, dataset.getSchemaArn()));
        List<String> categorical = new ArrayList<>();
        List<String> textual = new ArrayList<>();
        List<String> numerical = new ArrayList<>();
        String creation = null;
        for (FieldSpec field : schema.fields()) {
            ReservedField reserved = ReservedField.byName(field.name());
            if (purpose == Purpose.METADATA) {
                if (reserved != ReservedField.ITEM_ID) {
                    textual.add(field.name());
                }
            } else if (reserved == ReservedField.CREATION_TIMESTAMP) {
                creation = field.name();
            } else if (reserved != null) {
                continue;
            } else if (field.type() == FieldType.STRING && field.textual()) {
                if (purpose == Purpose.TRAINING) {
                    textual.add(field.name());
                }
            } else if (field.type() == FieldType.STRING && (field.categorical() || purpose == Purpose.FILTERS)) {
                categorical.add(field.name());
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

    /**
     * A record's attributes as text by field name, as filters read a user's ({@code CurrentUser}):
     * strings as they are, numbers in decimal, booleans as {@code true}/{@code false}; nulls left out.
     */
    public static Map<String, String> asText(String attributesJson) {
        Map<String, String> values = new LinkedHashMap<>();
        parse(attributesJson).forEach((name, value) -> {
            String text = text(value);
            if (text != null) {
                values.put(name, text);
            }
        });
        return values;
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
        return text(value(attributes, field));
    }

    private static String text(JsonValue value) {
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
