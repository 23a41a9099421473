package io.tastemaker.domain.datasetimport.rows;

import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.FieldType;
import io.tastemaker.domain.schema.ReservedField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row that passed {@link RowValidator}, with one typed value per schema field: {@link String}
 * for {@code string}, {@link Integer}, {@link Long}, {@link Float}, {@link Double} or
 * {@link Boolean} for the others, {@code null} for an empty value of a nullable field or a field
 * the CSV header leaves out.
 *
 * <p>Field names are looked up ignoring case. Categorical and impression values keep their
 * {@code |}-separated form; {@link #getCategories(String)} and {@link #impression()} split them.
 *
 * <p>Immutable.
 */
public final class ValidatedRow implements RowResult {

    private static final char SEPARATOR = '|';

    private final FieldLayout layout;
    private final long lineNumber;
    private final Object[] values;

    ValidatedRow(FieldLayout layout, long lineNumber, Object[] values) {
        this.layout = layout;
        this.lineNumber = lineNumber;
        this.values = values;
    }

    @Override
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public boolean isValid() {
        return true;
    }

    /** The dataset type the row was validated for. */
    public DatasetType datasetType() {
        return layout.type;
    }

    /** Whether the schema has this field (any case). */
    public boolean has(String fieldName) {
        return layout.indexOf(fieldName) >= 0;
    }

    /**
     * The value of a field, or {@code null}.
     *
     * @throws IllegalArgumentException if the schema has no such field
     */
    public Object get(String fieldName) {
        return values[index(fieldName)];
    }

    /** The value of a {@code string} field. */
    public String getString(String fieldName) {
        return (String) typed(fieldName, FieldType.STRING);
    }

    /** The value of an {@code int} field. */
    public Integer getInt(String fieldName) {
        return (Integer) typed(fieldName, FieldType.INT);
    }

    /** The value of a {@code long} field. */
    public Long getLong(String fieldName) {
        return (Long) typed(fieldName, FieldType.LONG);
    }

    /** The value of a {@code float} field. */
    public Float getFloat(String fieldName) {
        return (Float) typed(fieldName, FieldType.FLOAT);
    }

    /** The value of a {@code double} field. */
    public Double getDouble(String fieldName) {
        return (Double) typed(fieldName, FieldType.DOUBLE);
    }

    /** The value of a {@code boolean} field. */
    public Boolean getBoolean(String fieldName) {
        return (Boolean) typed(fieldName, FieldType.BOOLEAN);
    }

    /**
     * The {@code |}-separated values of a string field, without empty ones; an empty list for
     * {@code null}.
     */
    public List<String> getCategories(String fieldName) {
        return split(getString(fieldName));
    }

    /** {@code USER_ID}, if the dataset type reserves it (Interactions, Users); otherwise {@code null}. */
    public String userId() {
        return (String) reserved(ReservedField.USER_ID);
    }

    /** {@code ITEM_ID}, if the dataset type reserves it (Interactions, Items); otherwise {@code null}. */
    public String itemId() {
        return (String) reserved(ReservedField.ITEM_ID);
    }

    /** {@code TIMESTAMP} of an interaction, in Unix epoch seconds; {@code null} for other types. */
    public Long timestamp() {
        return (Long) reserved(ReservedField.TIMESTAMP);
    }

    /** {@code EVENT_TYPE} of an interaction, or {@code null}. */
    public String eventType() {
        return (String) reserved(ReservedField.EVENT_TYPE);
    }

    /**
     * {@code EVENT_VALUE} of an interaction as a {@code float} (the type of PutEvents'
     * {@code eventValue}), or {@code null}; {@code getDouble("EVENT_VALUE")} keeps a
     * {@code double} field's precision.
     */
    public Float eventValue() {
        Object value = reserved(ReservedField.EVENT_VALUE);
        return value == null ? null : ((Number) value).floatValue();
    }

    /** The item IDs of {@code IMPRESSION}; an empty list if there are none. */
    public List<String> impression() {
        return split((String) reserved(ReservedField.IMPRESSION));
    }

    /** {@code RECOMMENDATION_ID} of an interaction, or {@code null}. */
    public String recommendationId() {
        return (String) reserved(ReservedField.RECOMMENDATION_ID);
    }

    /** {@code EVENT_ATTRIBUTION_SOURCE} of an interaction, or {@code null}. */
    public String eventAttributionSource() {
        return (String) reserved(ReservedField.EVENT_ATTRIBUTION_SOURCE);
    }

    /** {@code CREATION_TIMESTAMP} of an item, in Unix epoch seconds, or {@code null}. */
    public Long creationTimestamp() {
        return (Long) reserved(ReservedField.CREATION_TIMESTAMP);
    }

    /**
     * The metadata: the fields the dataset type does not reserve, with their non-null values, by
     * schema field name, in schema order. Unmodifiable.
     */
    public Map<String, Object> attributes() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int index : layout.attributeIndices) {
            if (values[index] != null) {
                attributes.put(layout.fields[index].name(), values[index]);
            }
        }
        return Collections.unmodifiableMap(attributes);
    }

    /** Every field's value, {@code null}s included, by schema field name, in schema order. Unmodifiable. */
    public Map<String, Object> values() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            all.put(layout.fields[i].name(), values[i]);
        }
        return Collections.unmodifiableMap(all);
    }

    @Override
    public String toString() {
        return "ValidatedRow[line " + lineNumber + ", " + values() + "]";
    }

    private int index(String fieldName) {
        int index = layout.indexOf(fieldName);
        if (index < 0) {
            throw new IllegalArgumentException("The schema " + layout.schema.name() + " has no field " + fieldName);
        }
        return index;
    }

    private Object typed(String fieldName, FieldType expected) {
        int index = index(fieldName);
        FieldSpec field = layout.fields[index];
        if (field.type() != expected) {
            throw new IllegalStateException("Field " + field.name() + " is of type " + field.type().avroName()
                    + ", not " + expected.avroName());
        }
        return values[index];
    }

    private Object reserved(ReservedField field) {
        int index = layout.indexOf(field);
        return index < 0 ? null : values[index];
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == SEPARATOR) {
                if (i > start) {
                    parts.add(joined.substring(start, i));
                }
                start = i + 1;
            }
        }
        return Collections.unmodifiableList(parts);
    }
}
