package io.tastemaker.engine.filter;

import java.util.Locale;

/**
 * What a schema field holds, as far as filters care. Personalize's schemas are Avro: a
 * {@code string} is categorical ({@code "categorical": true}), textual ({@code "textual": true},
 * Items only) or neither; numbers are {@code int}, {@code long}, {@code float} or {@code double}.
 */
public enum FieldKind {
    /** A categorical string: one or more values separated by {@code |}; matched with IN / NOT IN. */
    CATEGORICAL("categorical string"),
    /** A string that is neither categorical nor textual (ids, titles, EVENT_TYPE); matched with IN / NOT IN. */
    STRING("string"),
    /** Unstructured text; filters can't use it. */
    TEXTUAL("textual"),
    INT("int"),
    LONG("long"),
    FLOAT("float"),
    DOUBLE("double"),
    /** Filters can't use booleans (Personalize: use "True"/"False" strings or 0/1). */
    BOOLEAN("boolean");

    private final String description;

    FieldKind(String description) {
        this.description = description;
    }

    /** Whether the field is compared with {@code = != < <= > >=}. */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    /** Whether the field is matched with {@code IN} / {@code NOT IN}. */
    public boolean isString() {
        return this == CATEGORICAL || this == STRING;
    }

    /** How messages name the kind, e.g. "categorical string". */
    public String description() {
        return description;
    }

    /**
     * The kind of an Avro schema field.
     *
     * @param avroType the field's non-null Avro type: {@code string, int, long, float, double, boolean}
     * @param categorical the field's {@code categorical} flag
     * @param textual the field's {@code textual} flag
     * @throws IllegalArgumentException for another type
     */
    public static FieldKind ofAvro(String avroType, boolean categorical, boolean textual) {
        switch (avroType.toLowerCase(Locale.ROOT)) {
            case "string":
                return textual ? TEXTUAL : categorical ? CATEGORICAL : STRING;
            case "int":
                return INT;
            case "long":
                return LONG;
            case "float":
                return FLOAT;
            case "double":
                return DOUBLE;
            case "boolean":
                return BOOLEAN;
            default:
                throw new IllegalArgumentException("Avro type " + avroType + " is not a Personalize field type");
        }
    }
}
