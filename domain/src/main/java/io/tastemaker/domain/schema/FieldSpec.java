package io.tastemaker.domain.schema;

import java.util.Locale;
import java.util.Objects;

/**
 * One field of a parsed schema, in the order the schema declares it.
 *
 * <p>The record holds what the schema says, right or wrong for a dataset type: a categorical
 * {@code int} is representable so that {@link DatasetSchemaRules} can reject it with a message.
 * Names compare case-insensitively ({@link #hasName(String)}), as Personalize treats
 * {@code user_id} and {@code USER_ID} as the same field.
 *
 * @param name the field name as written in the schema
 * @param type the field's type; for a union with {@code null}, the non-null branch
 * @param nullable whether the type is a union of {@code null} and {@code type}
 * @param categorical the field's {@code "categorical"} attribute ({@code false} if absent)
 * @param textual the field's {@code "textual"} attribute ({@code false} if absent)
 */
public record FieldSpec(String name, FieldType type, boolean nullable, boolean categorical, boolean textual) {

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A field name must not be empty");
        }
    }

    /** The upper-case form of the name that case-insensitive lookups use as their key. */
    public String key() {
        return key(name);
    }

    /** Whether {@code other} names this field, ignoring case. */
    public boolean hasName(String other) {
        return other != null && name.equalsIgnoreCase(other);
    }

    /** The type as a reader sees it in a message, e.g. {@code string} or {@code [null, string]}. */
    public String describeType() {
        return nullable ? "[null, " + type.avroName() + "]" : type.avroName();
    }

    /** The lookup key of any field name: its upper-case form in {@link Locale#ROOT}. */
    public static String key(String fieldName) {
        return fieldName.toUpperCase(Locale.ROOT);
    }
}
