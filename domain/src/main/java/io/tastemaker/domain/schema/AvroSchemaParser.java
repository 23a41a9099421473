package io.tastemaker.domain.schema;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Reads a user's schema JSON with Avro's own {@link Schema.Parser} and keeps it only if it has
 * the shape every Personalize schema must have, whatever its dataset type
 * ({@code DG/how-it-works-dataset-schema}): one flat record whose fields are {@code string},
 * {@code int}, {@code long}, {@code float}, {@code double} or {@code boolean}, each optionally in
 * a union with {@code null}, with names that stay unique when case and underscores are ignored.
 *
 * <p>Every field is checked and all field problems are reported at once, joined in one
 * {@link InvalidInputException} message, so that a user fixes the schema in one round. Problems
 * that stop parsing (not JSON, not a record) are reported alone.
 *
 * <p>Stateless and thread-safe: a new Avro parser is made for each call.
 */
public final class AvroSchemaParser {

    /**
     * The longest schema JSON accepted, in characters: the {@code max} of the {@code AvroSchema}
     * shape in Personalize's service model (CloudFormation documents 10,000 for its own resource;
     * the API that Tastemaker speaks takes 20,000).
     */
    public static final int MAX_SCHEMA_LENGTH = 20_000;

    private static final String SUPPORTED_TYPES =
            "string, int, long, float, double and boolean, each optionally in a union with null";

    /**
     * Parses and checks the schema JSON.
     *
     * @throws InvalidInputException if the JSON is empty, too long, not Avro, not a record, or
     *     a field breaks a rule; the message names each field and the rule it breaks
     */
    public ParsedSchema parse(String schemaJson) {
        if (schemaJson == null || schemaJson.isBlank()) {
            throw new InvalidInputException("The schema is empty: it must be an Avro record schema in JSON.");
        }
        if (schemaJson.length() > MAX_SCHEMA_LENGTH) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "The schema is %d characters long; the maximum is %d.", schemaJson.length(), MAX_SCHEMA_LENGTH));
        }
        Schema avro = parseAvro(schemaJson);
        if (avro.getType() != Schema.Type.RECORD || avro.isError()) {
            String found = avro.getType() == Schema.Type.RECORD ? "error" : avro.getType().getName();
            throw new InvalidInputException("The schema must be an Avro record (\"type\": \"record\"), found "
                    + found + ".");
        }
        if (avro.getFields().isEmpty()) {
            throw new InvalidInputException("The schema record " + avro.getName() + " has no fields.");
        }
        List<String> violations = new ArrayList<>();
        List<FieldSpec> fields = new ArrayList<>(avro.getFields().size());
        Map<String, String> namesWithoutUnderscores = new HashMap<>();
        for (Schema.Field field : avro.getFields()) {
            FieldSpec spec = toFieldSpec(field, violations);
            if (spec != null) {
                fields.add(spec);
            }
            String looseName = field.name().replace("_", "").toUpperCase(Locale.ROOT);
            String earlier = namesWithoutUnderscores.putIfAbsent(looseName, field.name());
            if (earlier != null) {
                violations.add("Fields " + earlier + " and " + field.name() + " clash: field names must stay unique"
                        + " when case and underscores are ignored.");
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(String.join(" ", violations));
        }
        String namespace = avro.getNamespace() == null ? "" : avro.getNamespace();
        return new ParsedSchema(avro.getName(), namespace, fields, schemaJson);
    }

    private static Schema parseAvro(String schemaJson) {
        try {
            return new Schema.Parser(NameValidator.STRICT_VALIDATOR).parse(schemaJson);
        } catch (AvroRuntimeException | IllegalArgumentException e) {
            throw new InvalidInputException("The schema is not valid Avro JSON: " + describe(e), e);
        } catch (NullPointerException e) {
            // Avro 1.12 resolves an unknown type name such as "type": "table" to a null schema
            throw new InvalidInputException("The schema is not valid Avro JSON: it uses a type that Avro does not"
                    + " define; a Personalize schema is a record of string, int, long, float, double and boolean"
                    + " fields.", e);
        }
    }

    /** Avro wraps Jackson's errors; keep the innermost sentence and drop the source excerpt. */
    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int prefix;
        while ((prefix = exceptionPrefixEnd(message)) > 0) {
            message = message.substring(prefix).trim();
        }
        int source = message.indexOf("\n at [Source");
        if (source >= 0) {
            message = message.substring(0, source);
        }
        message = message.strip();
        return message.endsWith(".") ? message : message + ".";
    }

    /** The end of a leading {@code some.package.SomeException:} in a message, or -1. */
    private static int exceptionPrefixEnd(String message) {
        int colon = message.indexOf(": ");
        if (colon <= 0) {
            return -1;
        }
        String head = message.substring(0, colon);
        boolean qualifiedClassName = head.indexOf('.') > 0 && head.indexOf(' ') < 0
                && (head.endsWith("Exception") || head.endsWith("Error"));
        return qualifiedClassName ? colon + 1 : -1;
    }

    private static FieldSpec toFieldSpec(Schema.Field field, List<String> violations) {
        String name = field.name();
        Schema schema = field.schema();
        boolean nullable = false;
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes();
            Schema nonNull = nonNullBranchOfOptional(branches);
            if (nonNull == null) {
                violations.add("Field " + name + " is a union of " + describeBranches(branches)
                        + "; only a union of null and one type, such as [\"null\", \"string\"], is supported.");
                return null;
            }
            schema = nonNull;
            nullable = true;
        }
        FieldType type = toFieldType(name, schema, violations);
        Boolean categorical = booleanAttribute(field, "categorical", violations);
        Boolean textual = booleanAttribute(field, "textual", violations);
        if (type == null || categorical == null || textual == null) {
            return null;
        }
        return new FieldSpec(name, type, nullable, categorical, textual);
    }

    private static Schema nonNullBranchOfOptional(List<Schema> branches) {
        if (branches.size() != 2) {
            return null;
        }
        Schema first = branches.get(0);
        Schema second = branches.get(1);
        if (first.getType() == Schema.Type.NULL && second.getType() != Schema.Type.NULL) {
            return second;
        }
        if (second.getType() == Schema.Type.NULL && first.getType() != Schema.Type.NULL) {
            return first;
        }
        return null;
    }

    private static String describeBranches(List<Schema> branches) {
        return branches.stream().map(branch -> branch.getType().getName()).collect(Collectors.joining(", ", "[", "]"));
    }

    private static FieldType toFieldType(String name, Schema schema, List<String> violations) {
        FieldType type;
        switch (schema.getType()) {
            case STRING -> type = FieldType.STRING;
            case INT -> type = FieldType.INT;
            case LONG -> type = FieldType.LONG;
            case FLOAT -> type = FieldType.FLOAT;
            case DOUBLE -> type = FieldType.DOUBLE;
            case BOOLEAN -> type = FieldType.BOOLEAN;
            case RECORD -> {
                violations.add("Field " + name + " is a nested record; schemas must be flat.");
                return null;
            }
            case ARRAY, MAP -> {
                violations.add("Field " + name + " is of type " + schema.getType().getName()
                        + "; schemas don't support complex types such as arrays and maps.");
                return null;
            }
            default -> {
                violations.add("Field " + name + " is of type " + schema.getType().getName()
                        + "; supported types are " + SUPPORTED_TYPES + ".");
                return null;
            }
        }
        String logicalType = schema.getProp("logicalType");
        if (logicalType != null) {
            violations.add("Field " + name + " has the logicalType " + logicalType
                    + "; use the plain type " + type.avroName() + " (timestamps are Unix epoch seconds in a long).");
            return null;
        }
        return type;
    }

    /** The attribute's value, {@code false} if absent, or {@code null} after recording a violation. */
    private static Boolean booleanAttribute(Schema.Field field, String attribute, List<String> violations) {
        Object value = field.getObjectProp(attribute);
        if (value == null) {
            return Boolean.FALSE;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        violations.add("Field " + field.name() + " has " + attribute + " set to " + value
                + "; the attribute must be the JSON value true or false.");
        return null;
    }
}
