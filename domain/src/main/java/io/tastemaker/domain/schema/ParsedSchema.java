package io.tastemaker.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's Avro schema after {@link AvroSchemaParser} has read it: flat, with supported types
 * only, field names unique. Whether it suits a dataset type is {@link DatasetSchemaRules}' job.
 *
 * @param name the record name, e.g. {@code Interactions}
 * @param namespace the record namespace, or the empty string if the schema has none
 * @param fields the fields in declaration order, unmodifiable
 * @param json the schema JSON exactly as the caller sent it; this is what DescribeSchema returns
 */
public record ParsedSchema(String name, String namespace, List<FieldSpec> fields, String json) {

    public ParsedSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namespace, "namespace");
        fields = List.copyOf(fields);
        Objects.requireNonNull(json, "json");
    }

    /** The field with this name, ignoring case. */
    public Optional<FieldSpec> field(String fieldName) {
        int index = indexOf(fieldName);
        return index < 0 ? Optional.empty() : Optional.of(fields.get(index));
    }

    /** Whether the schema has a field with this name, ignoring case. */
    public boolean hasField(String fieldName) {
        return indexOf(fieldName) >= 0;
    }

    /** The position of the field with this name, ignoring case, or -1. */
    public int indexOf(String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).hasName(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The contextual fields of an Interactions schema (Personalize's contextual metadata, such as
     * {@code DEVICE}), in declaration order: the string fields marked {@code "categorical": true}
     * that are not reserved. Personalize learns from a string field only when it is categorical.
     */
    public List<FieldSpec> contextualFields() {
        return fields.stream()
                .filter(f -> f.type() == FieldType.STRING && f.categorical() && ReservedField.byName(f.name()) == null)
                .toList();
    }

    /** The full name, {@code namespace.name}, or just the name without a namespace. */
    public String fullName() {
        return namespace.isEmpty() ? name : namespace + "." + name;
    }
}
