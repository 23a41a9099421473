package io.tastemaker.domain.schema;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Personalize's rules for the schema of each custom dataset type
 * ({@code DG/custom-datasets-and-schemas}, {@code DG/how-it-works-dataset-schema},
 * {@code DG/limits}).
 *
 * <p>All violations are collected, in the order: record name, missing required fields, each
 * field in schema order, field counts. {@link #check} joins them into one
 * {@link InvalidInputException} message; {@link #violations} returns them one by one, for a
 * console that lists them.
 *
 * <p>The rules:
 * <ul>
 *   <li>the record is named after the dataset type ({@code Interactions}, {@code Items},
 *       {@code Users}; case is ignored, as it is for dataset types);</li>
 *   <li>the required fields are present, non-nullable and of their type: Interactions
 *       {@code USER_ID} string, {@code ITEM_ID} string, {@code TIMESTAMP} long; Items
 *       {@code ITEM_ID} string; Users {@code USER_ID} string;</li>
 *   <li>reserved keywords, if present, have their type ({@link ReservedField}) and are neither
 *       categorical nor textual;</li>
 *   <li>names a type forbids ({@link DatasetType#forbiddenFieldNames()}) are not used;</li>
 *   <li>{@code categorical} and {@code textual} are only on string fields, not both on one
 *       field, and {@code textual} only in an Items schema;</li>
 *   <li>metadata fields (fields that are not reserved): at most 5 in Interactions, 25 in Users,
 *       100 in Items; Users and Items need at least one that training can use (a categorical
 *       string, a textual string in Items, or a number); Items have at most 1 textual field.</li>
 * </ul>
 *
 * <p>Field names compare case-insensitively: {@code user_id} is {@code USER_ID}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetSchemaRules {

    /** Metadata fields an Interactions schema may have besides its reserved ones. */
    public static final int MAX_INTERACTIONS_METADATA_FIELDS = 5;
    /** Metadata fields a Users schema may have besides {@code USER_ID}. */
    public static final int MAX_USERS_METADATA_FIELDS = 25;
    /** Metadata fields an Items schema may have besides {@code ITEM_ID} and {@code CREATION_TIMESTAMP}. */
    public static final int MAX_ITEMS_METADATA_FIELDS = 100;
    /** Textual fields an Items schema may have. */
    public static final int MAX_ITEMS_TEXTUAL_FIELDS = 1;

    /**
     * Checks the schema against the rules of the dataset type.
     *
     * @throws InvalidInputException naming every violating field and the rule it breaks
     */
    public void check(ParsedSchema schema, DatasetType type) {
        List<String> violations = violations(schema, type);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(String.join(" ", violations));
        }
    }

    /** Every violation of the dataset type's rules, one sentence each; empty if the schema fits. */
    public List<String> violations(ParsedSchema schema, DatasetType type) {
        List<String> violations = new ArrayList<>();
        String phrase = type.schemaPhrase();
        if (!schema.name().equalsIgnoreCase(type.wireName())) {
            violations.add("The schema record is named " + schema.name() + ", but " + phrase
                    + " must be named " + type.wireName() + ".");
        }
        for (ReservedField required : type.requiredFields()) {
            if (!schema.hasField(required.name())) {
                violations.add(capitalize(phrase) + " must have a field " + required.name() + " of type "
                        + required.describeTypes() + ".");
            }
        }
        int metadata = 0;
        int usableMetadata = 0;
        int textual = 0;
        for (FieldSpec field : schema.fields()) {
            String prefix = "Field " + field.name() + " in " + phrase;
            if (type.forbiddenFieldNames().contains(field.key())) {
                violations.add(prefix + " is not allowed: " + field.key() + " is a reserved keyword.");
                continue;
            }
            ReservedField reserved = type.reservedField(field.name());
            if (reserved != null) {
                checkReserved(field, reserved, prefix, violations);
                continue;
            }
            metadata++;
            checkMetadata(field, type, prefix, violations);
            if (field.textual()) {
                textual++;
            }
            if (usableInTraining(field, type)) {
                usableMetadata++;
            }
        }
        checkCounts(type, metadata, usableMetadata, textual, violations);
        return violations;
    }

    private static void checkReserved(FieldSpec field, ReservedField reserved, String prefix, List<String> violations) {
        if (!reserved.types().contains(field.type())) {
            violations.add(prefix + " must be of type " + reserved.describeTypes() + ", found "
                    + field.type().avroName() + ".");
        }
        if (field.nullable() && !reserved.nullableAllowed()) {
            violations.add(prefix + " must not be nullable, found " + field.describeType() + ".");
        }
        if (field.categorical()) {
            violations.add(prefix + " is a reserved field and can't be categorical.");
        }
        if (field.textual()) {
            violations.add(prefix + " is a reserved field and can't be textual.");
        }
    }

    private static void checkMetadata(FieldSpec field, DatasetType type, String prefix, List<String> violations) {
        if (field.categorical() && field.type() != FieldType.STRING) {
            violations.add(prefix + " can't be categorical: only string fields can, found "
                    + field.type().avroName() + ".");
        }
        if (field.textual() && field.type() != FieldType.STRING) {
            violations.add(prefix + " can't be textual: only string fields can, found "
                    + field.type().avroName() + ".");
        }
        if (field.textual() && type != DatasetType.ITEMS) {
            violations.add(prefix + " can't be textual: only Items schemas support textual fields.");
        }
        if (field.categorical() && field.textual()) {
            violations.add(prefix + " can't be both categorical and textual.");
        }
    }

    private static boolean usableInTraining(FieldSpec field, DatasetType type) {
        if (field.type().isNumeric()) {
            return true;
        }
        if (field.type() != FieldType.STRING) {
            return false;
        }
        return field.categorical() || (field.textual() && type == DatasetType.ITEMS);
    }

    private static void checkCounts(DatasetType type, int metadata, int usableMetadata, int textual,
            List<String> violations) {
        String phrase = capitalize(type.schemaPhrase());
        switch (type) {
            case INTERACTIONS -> {
                if (metadata > MAX_INTERACTIONS_METADATA_FIELDS) {
                    violations.add(tooMany(phrase, MAX_INTERACTIONS_METADATA_FIELDS,
                            "metadata fields besides its reserved fields", metadata));
                }
            }
            case USERS -> {
                if (metadata > MAX_USERS_METADATA_FIELDS) {
                    violations.add(tooMany(phrase, MAX_USERS_METADATA_FIELDS, "metadata fields besides USER_ID", metadata));
                }
                if (usableMetadata == 0) {
                    violations.add(phrase + " must have at least one metadata field besides USER_ID that is"
                            + " a categorical string or a number.");
                }
            }
            case ITEMS -> {
                if (metadata > MAX_ITEMS_METADATA_FIELDS) {
                    violations.add(tooMany(phrase, MAX_ITEMS_METADATA_FIELDS,
                            "metadata fields besides ITEM_ID and CREATION_TIMESTAMP", metadata));
                }
                if (usableMetadata == 0) {
                    violations.add(phrase + " must have at least one metadata field besides ITEM_ID and"
                            + " CREATION_TIMESTAMP that is a categorical or textual string, or a number.");
                }
                if (textual > MAX_ITEMS_TEXTUAL_FIELDS) {
                    violations.add(tooMany(phrase, MAX_ITEMS_TEXTUAL_FIELDS, "textual field", textual));
                }
            }
        }
    }

    private static String tooMany(String phrase, int max, String what, int found) {
        return String.format(Locale.ROOT, "%s can have at most %d %s, found %d.", phrase, max, what, found);
    }

    private static String capitalize(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
