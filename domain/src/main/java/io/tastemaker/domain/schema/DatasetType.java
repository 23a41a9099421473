package io.tastemaker.domain.schema;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dataset types Tastemaker supports, with the wire names of Personalize's
 * {@code CreateDataset.datasetType} and the reserved fields each type's schema knows.
 *
 * <p>Personalize also has {@code Actions} and {@code Action_Interactions} (for
 * Next-Best-Action); Tastemaker does not implement them and {@link #fromWire(String)} rejects
 * them with a message that says so.
 */
public enum DatasetType {
    /** Item interactions: who did what with which item, and when. */
    INTERACTIONS("Interactions", "an",
            List.of(ReservedField.USER_ID, ReservedField.ITEM_ID, ReservedField.TIMESTAMP),
            List.of(ReservedField.EVENT_TYPE, ReservedField.EVENT_VALUE, ReservedField.IMPRESSION,
                    ReservedField.RECOMMENDATION_ID, ReservedField.EVENT_ATTRIBUTION_SOURCE),
            Set.of("SESSION_ID")),
    /** Item metadata. */
    ITEMS("Items", "an",
            List.of(ReservedField.ITEM_ID),
            List.of(ReservedField.CREATION_TIMESTAMP),
            Set.of()),
    /** User metadata. */
    USERS("Users", "a",
            List.of(ReservedField.USER_ID),
            List.of(),
            Set.of());

    private static final Set<String> UNSUPPORTED = Set.of("ACTIONS", "ACTION_INTERACTIONS");

    private final String wireName;
    private final String article;
    private final List<ReservedField> requiredFields;
    private final List<ReservedField> optionalReservedFields;
    private final Set<String> forbiddenFieldNames;

    DatasetType(String wireName, String article, List<ReservedField> requiredFields,
            List<ReservedField> optionalReservedFields, Set<String> forbiddenFieldNames) {
        this.wireName = wireName;
        this.article = article;
        this.requiredFields = requiredFields;
        this.optionalReservedFields = optionalReservedFields;
        this.forbiddenFieldNames = forbiddenFieldNames;
    }

    /**
     * The dataset type a request names, ignoring case as Personalize does.
     *
     * @throws InvalidInputException if the value is missing, unknown, or a Personalize type
     *     Tastemaker does not support; the message lists the accepted values
     */
    public static DatasetType fromWire(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("The dataset type is required. Accepted values: " + acceptedValues() + ".");
        }
        String wanted = value.trim();
        for (DatasetType type : values()) {
            if (type.wireName.equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        if (UNSUPPORTED.contains(wanted.toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("The dataset type " + wanted + " is not supported by Tastemaker."
                    + " Accepted values: " + acceptedValues() + ".");
        }
        throw new InvalidInputException("Invalid dataset type '" + Texts.abbreviate(wanted)
                + "'. Accepted values: " + acceptedValues() + ".");
    }

    /** The accepted wire names, comma-separated, for messages. */
    public static String acceptedValues() {
        return Arrays.stream(values()).map(DatasetType::wireName).collect(Collectors.joining(", "));
    }

    /** The name on the wire and in the schema's record name, e.g. {@code Interactions}. */
    public String wireName() {
        return wireName;
    }

    /** "an Interactions schema", "a Users schema": how messages refer to a schema of this type. */
    public String schemaPhrase() {
        return article + " " + wireName + " schema";
    }

    /** The fields every schema of this type must declare, non-nullable, in the order the docs list them. */
    public List<ReservedField> requiredFields() {
        return requiredFields;
    }

    /** The reserved keywords a schema of this type may declare; if it does, with the reserved type. */
    public List<ReservedField> optionalReservedFields() {
        return optionalReservedFields;
    }

    /** Whether the name (any case) is a required or optional reserved field of this type. */
    public boolean isReserved(String fieldName) {
        return reservedField(fieldName) != null;
    }

    /** The required or optional reserved field with this name (any case), or {@code null}. */
    public ReservedField reservedField(String fieldName) {
        ReservedField field = ReservedField.byName(fieldName);
        if (field == null) {
            return null;
        }
        return requiredFields.contains(field) || optionalReservedFields.contains(field) ? field : null;
    }

    /**
     * Upper-case names a schema of this type may not use at all. For Interactions this is
     * {@code SESSION_ID}: PutEvents carries {@code sessionId} outside the event's properties and
     * forbids it as a property key, so such a column could never be filled in real time.
     */
    public Set<String> forbiddenFieldNames() {
        return forbiddenFieldNames;
    }
}
