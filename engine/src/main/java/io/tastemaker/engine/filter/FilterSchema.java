package io.tastemaker.engine.filter;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a dataset group's datasets, as the filter checker needs them: for each dataset
 * present, its fields (in schema order) and their {@link FieldKind kinds}. Reserved fields
 * ({@code ITEM_ID}, {@code USER_ID}, {@code EVENT_TYPE}, {@code CREATION_TIMESTAMP}, …) are declared
 * like any other with their Avro kind; {@link FieldKind#ofAvro} maps a schema field to its kind.
 *
 * <p>Field names are looked up ignoring case, as Personalize does; names that differ only in case
 * can't both be declared. Instances are immutable.
 */
public final class FilterSchema {

    private final Map<Dataset, Map<String, SchemaField>> datasets;

    private FilterSchema(Map<Dataset, Map<String, SchemaField>> datasets) {
        this.datasets = datasets;
    }

    /** A builder with no datasets. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the dataset group has {@code dataset}. */
    public boolean has(Dataset dataset) {
        return datasets.containsKey(dataset);
    }

    /** The field of {@code dataset} called {@code name} ignoring case, if the dataset has one. */
    public Optional<SchemaField> field(Dataset dataset, String name) {
        Map<String, SchemaField> fields = datasets.get(dataset);
        if (fields == null) {
            return Optional.empty();
        }
        for (SchemaField field : fields.values()) {
            if (field.name().equalsIgnoreCase(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The fields of {@code dataset} in schema order; empty if the group has no such dataset. */
    public List<SchemaField> fields(Dataset dataset) {
        Map<String, SchemaField> fields = datasets.get(dataset);
        return fields == null ? List.of() : List.copyOf(fields.values());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterSchema && ((FilterSchema) other).datasets.equals(datasets);
    }

    @Override
    public int hashCode() {
        return datasets.hashCode();
    }

    @Override
    public String toString() {
        return "FilterSchema" + datasets.values();
    }

    /** Collects datasets and fields. Not thread-safe. */
    public static final class Builder {

        private final Map<Dataset, Map<String, SchemaField>> datasets = new EnumMap<>(Dataset.class);

        private Builder() {
        }

        /** Declares that the group has {@code dataset}, even before any of its fields. */
        public Builder dataset(Dataset dataset) {
            datasets.computeIfAbsent(Objects.requireNonNull(dataset, "dataset"), d -> new LinkedHashMap<>());
            return this;
        }

        /**
         * Declares a field of {@code dataset} (and the dataset).
         *
         * @throws IllegalArgumentException if the name is blank or the dataset already has a field of
         *     that name, ignoring case
         */
        public Builder field(Dataset dataset, String name, FieldKind kind) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("Field names must not be blank");
            }
            Map<String, SchemaField> fields = datasets.computeIfAbsent(Objects.requireNonNull(dataset, "dataset"),
                    d -> new LinkedHashMap<>());
            for (String existing : fields.keySet()) {
                if (existing.equalsIgnoreCase(name)) {
                    throw new IllegalArgumentException(dataset.keyword() + " already has a field " + existing);
                }
            }
            fields.put(name, new SchemaField(dataset, name, kind));
            return this;
        }

        /** The schema declared so far. */
        public FilterSchema build() {
            Map<Dataset, Map<String, SchemaField>> copy = new EnumMap<>(Dataset.class);
            datasets.forEach((dataset, fields) -> copy.put(dataset, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
            return new FilterSchema(Collections.unmodifiableMap(copy));
        }
    }
}
