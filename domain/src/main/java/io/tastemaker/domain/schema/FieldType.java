package io.tastemaker.domain.schema;

import java.util.Locale;

/**
 * The Avro primitive types a Personalize schema field may have. {@code null} is not a type of
 * its own here: it only appears in a union with one of these, which {@link FieldSpec#nullable()}
 * records.
 */
public enum FieldType {
    STRING,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    BOOLEAN;

    /** The Avro name of the type, e.g. {@code long}, as it is written in schema JSON. */
    public String avroName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the type is {@code int}, {@code long}, {@code float} or {@code double}. */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }
}
