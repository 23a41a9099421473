package io.tastemaker.domain.schema;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reserved keywords of Personalize's custom dataset schemas, with the types they must have
 * ({@code DG/custom-datasets-and-schemas}). Which of them a dataset type requires or accepts is
 * said by {@link DatasetType}; a name that is not reserved for a type is plain metadata there.
 */
public enum ReservedField {
    USER_ID(EnumSet.of(FieldType.STRING), false),
    ITEM_ID(EnumSet.of(FieldType.STRING), false),
    /** Unix epoch seconds. */
    TIMESTAMP(EnumSet.of(FieldType.LONG), false),
    /** Not categorical. The docs list it as plain {@code string}, not {@code (string, null)}. */
    EVENT_TYPE(EnumSet.of(FieldType.STRING), false),
    /** The docs say {@code float}; {@code double} is accepted too, as the value is a number either way. */
    EVENT_VALUE(EnumSet.of(FieldType.FLOAT, FieldType.DOUBLE), true),
    /** Item IDs shown to the user, separated by {@code |}. */
    IMPRESSION(EnumSet.of(FieldType.STRING), true),
    RECOMMENDATION_ID(EnumSet.of(FieldType.STRING), true),
    EVENT_ATTRIBUTION_SOURCE(EnumSet.of(FieldType.STRING), true),
    /**
     * Unix epoch seconds. Nullable is accepted: the docs say a missing creation timestamp is
     * inferred from interactions.
     */
    CREATION_TIMESTAMP(EnumSet.of(FieldType.LONG), true);

    private final Set<FieldType> types;
    private final boolean nullableAllowed;

    ReservedField(Set<FieldType> types, boolean nullableAllowed) {
        this.types = Collections.unmodifiableSet(types);
        this.nullableAllowed = nullableAllowed;
    }

    /** The reserved field with this name, ignoring case, or {@code null}. */
    public static ReservedField byName(String fieldName) {
        if (fieldName == null) {
            return null;
        }
        String key = fieldName.toUpperCase(Locale.ROOT);
        for (ReservedField field : values()) {
            if (field.name().equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** The types the field may have. */
    public Set<FieldType> types() {
        return types;
    }

    /** Whether the field may be declared as a union with {@code null}. */
    public boolean nullableAllowed() {
        return nullableAllowed;
    }

    /** The allowed types as a message reads them: {@code long}, {@code float or double}. */
    public String describeTypes() {
        return types.stream().map(FieldType::avroName).collect(Collectors.joining(" or "));
    }
}
