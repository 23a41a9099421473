package io.tastemaker.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetSchemaRulesTest {

    /** The shape of the Developer Guide's custom Item interactions example. */
    static final String INTERACTIONS_EXAMPLE = """
            {
              "type": "record",
              "name": "Interactions",
              "namespace": "com.amazonaws.personalize.schema",
              "fields": [
                {"name": "USER_ID", "type": "string"},
                {"name": "ITEM_ID", "type": "string"},
                {"name": "EVENT_TYPE", "type": "string"},
                {"name": "EVENT_VALUE", "type": ["null", "float"]},
                {"name": "LOCATION", "type": "string", "categorical": true},
                {"name": "DEVICE", "type": ["null", "string"], "categorical": true},
                {"name": "TIMESTAMP", "type": "long"},
                {"name": "IMPRESSION", "type": ["null", "string"]}
              ],
              "version": "1.0"
            }
            """;

    /** The shape of the Developer Guide's custom Users example. */
    static final String USERS_EXAMPLE = """
            {
              "type": "record",
              "name": "Users",
              "namespace": "com.amazonaws.personalize.schema",
              "fields": [
                {"name": "USER_ID", "type": "string"},
                {"name": "AGE", "type": "int"},
                {"name": "GENDER", "type": "string", "categorical": true}
              ],
              "version": "1.0"
            }
            """;

    /** The shape of the Developer Guide's custom Items example. */
    static final String ITEMS_EXAMPLE = """
            {
              "type": "record",
              "name": "Items",
              "namespace": "com.amazonaws.personalize.schema",
              "fields": [
                {"name": "ITEM_ID", "type": "string"},
                {"name": "GENRES", "type": ["null", "string"], "categorical": true},
                {"name": "CREATION_TIMESTAMP", "type": "long"},
                {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true}
              ],
              "version": "1.0"
            }
            """;

    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final DatasetSchemaRules rules = new DatasetSchemaRules();

    private ParsedSchema schema(String name, String fields) {
        return parser.parse("{\"type\": \"record\", \"name\": \"" + name + "\", \"fields\": [" + fields + "]}");
    }

    private static String field(String name, String type) {
        return "{\"name\": \"" + name + "\", \"type\": " + type + "}";
    }

    private static final String INTERACTION_BASICS = field("USER_ID", "\"string\"") + ", "
            + field("ITEM_ID", "\"string\"") + ", " + field("TIMESTAMP", "\"long\"");

    private void assertViolation(ParsedSchema schema, DatasetType type, String expected) {
        assertThatThrownBy(() -> rules.check(schema, type))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void the_documented_examples_are_valid() {
        assertThatCode(() -> rules.check(parser.parse(INTERACTIONS_EXAMPLE), DatasetType.INTERACTIONS)).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(parser.parse(USERS_EXAMPLE), DatasetType.USERS)).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(parser.parse(ITEMS_EXAMPLE), DatasetType.ITEMS)).doesNotThrowAnyException();
    }

    @Test
    void minimal_interactions_schema_is_valid() {
        assertThat(rules.violations(schema("Interactions", INTERACTION_BASICS), DatasetType.INTERACTIONS)).isEmpty();
    }

    @Test
    void reserved_names_match_in_any_case() {
        ParsedSchema lower = schema("interactions", field("user_id", "\"string\"") + ", "
                + field("Item_Id", "\"string\"") + ", " + field("timestamp", "\"long\""));

        assertThat(rules.violations(lower, DatasetType.INTERACTIONS)).isEmpty();
    }

    @Test
    void event_value_may_be_double() {
        ParsedSchema schema = schema("Interactions", INTERACTION_BASICS + ", " + field("EVENT_VALUE", "\"double\""));

        assertThat(rules.violations(schema, DatasetType.INTERACTIONS)).isEmpty();
    }

    @Test
    void the_record_must_be_named_after_the_dataset_type() {
        assertViolation(schema("Events", INTERACTION_BASICS), DatasetType.INTERACTIONS,
                "The schema record is named Events, but an Interactions schema must be named Interactions.");
    }

    @Test
    void required_fields_must_be_present() {
        assertViolation(schema("Interactions", field("USER_ID", "\"string\"") + ", " + field("ITEM_ID", "\"string\"")),
                DatasetType.INTERACTIONS, "An Interactions schema must have a field TIMESTAMP of type long.");
        assertViolation(schema("Items", field("PRICE", "\"float\"")), DatasetType.ITEMS,
                "An Items schema must have a field ITEM_ID of type string.");
        assertViolation(schema("Users", field("AGE", "\"int\"")), DatasetType.USERS,
                "A Users schema must have a field USER_ID of type string.");
    }

    @Test
    void required_fields_must_have_their_type() {
        ParsedSchema schema = schema("Interactions", field("USER_ID", "\"string\"") + ", "
                + field("ITEM_ID", "\"string\"") + ", " + field("TIMESTAMP", "\"string\""));

        assertThatThrownBy(() -> rules.check(schema, DatasetType.INTERACTIONS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field TIMESTAMP in an Interactions schema must be of type long, found string.");
    }

    @Test
    void required_fields_must_not_be_nullable() {
        ParsedSchema schema = schema("Interactions", field("USER_ID", "[\"null\", \"string\"]") + ", "
                + field("ITEM_ID", "\"string\"") + ", " + field("TIMESTAMP", "\"long\""));

        assertViolation(schema, DatasetType.INTERACTIONS,
                "Field USER_ID in an Interactions schema must not be nullable, found [null, string].");
    }

    @Test
    void optional_reserved_fields_must_have_their_type() {
        assertViolation(schema("Interactions", INTERACTION_BASICS + ", " + field("EVENT_VALUE", "\"string\"")),
                DatasetType.INTERACTIONS,
                "Field EVENT_VALUE in an Interactions schema must be of type float or double, found string.");
        assertViolation(schema("Interactions", INTERACTION_BASICS + ", " + field("IMPRESSION", "\"int\"")),
                DatasetType.INTERACTIONS,
                "Field IMPRESSION in an Interactions schema must be of type string, found int.");
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"") + ", " + field("PRICE", "\"float\"") + ", "
                        + field("CREATION_TIMESTAMP", "\"int\"")), DatasetType.ITEMS,
                "Field CREATION_TIMESTAMP in an Items schema must be of type long, found int.");
    }

    @Test
    void event_type_must_not_be_nullable() {
        assertViolation(schema("Interactions", INTERACTION_BASICS + ", " + field("EVENT_TYPE", "[\"null\", \"string\"]")),
                DatasetType.INTERACTIONS,
                "Field EVENT_TYPE in an Interactions schema must not be nullable");
    }

    @Test
    void reserved_fields_cannot_be_categorical_or_textual() {
        assertViolation(schema("Interactions", INTERACTION_BASICS
                        + ", {\"name\": \"EVENT_TYPE\", \"type\": \"string\", \"categorical\": true}"),
                DatasetType.INTERACTIONS,
                "Field EVENT_TYPE in an Interactions schema is a reserved field and can't be categorical.");
        assertViolation(schema("Items", "{\"name\": \"ITEM_ID\", \"type\": \"string\", \"textual\": true}, "
                        + field("PRICE", "\"float\"")),
                DatasetType.ITEMS,
                "Field ITEM_ID in an Items schema is a reserved field and can't be textual.");
    }

    @Test
    void forbidden_keywords_cannot_be_field_names() {
        assertViolation(schema("Interactions", INTERACTION_BASICS + ", " + field("session_id", "\"string\"")),
                DatasetType.INTERACTIONS,
                "Field session_id in an Interactions schema is not allowed: SESSION_ID is a reserved keyword.");
    }

    @Test
    void only_string_fields_can_be_categorical() {
        assertViolation(schema("Users", field("USER_ID", "\"string\"")
                        + ", {\"name\": \"AGE\", \"type\": \"int\", \"categorical\": true}"),
                DatasetType.USERS,
                "Field AGE in a Users schema can't be categorical: only string fields can, found int.");
    }

    @Test
    void only_string_fields_can_be_textual() {
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"")
                        + ", {\"name\": \"PRICE\", \"type\": \"float\", \"textual\": true}"),
                DatasetType.ITEMS,
                "Field PRICE in an Items schema can't be textual: only string fields can, found float.");
    }

    @Test
    void only_items_schemas_can_have_textual_fields() {
        assertViolation(schema("Users", field("USER_ID", "\"string\"") + ", " + field("AGE", "\"int\"")
                        + ", {\"name\": \"BIO\", \"type\": \"string\", \"textual\": true}"),
                DatasetType.USERS,
                "Field BIO in a Users schema can't be textual: only Items schemas support textual fields.");
    }

    @Test
    void a_field_cannot_be_both_categorical_and_textual() {
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"")
                        + ", {\"name\": \"GENRES\", \"type\": \"string\", \"textual\": true, \"categorical\": true}"),
                DatasetType.ITEMS,
                "Field GENRES in an Items schema can't be both categorical and textual.");
    }

    @Test
    void interactions_have_at_most_five_metadata_fields() {
        String metadata = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> field("CONTEXT_" + (char) ('A' + i), "\"int\"")).collect(Collectors.joining(", "));

        assertViolation(schema("Interactions", INTERACTION_BASICS + ", " + field("EVENT_TYPE", "\"string\"") + ", " + metadata),
                DatasetType.INTERACTIONS,
                "An Interactions schema can have at most 5 metadata fields besides its reserved fields, found 6.");
    }

    @Test
    void users_have_at_most_twenty_five_metadata_fields() {
        assertViolation(schema("Users", field("USER_ID", "\"string\"") + ", " + numbers(26)), DatasetType.USERS,
                "A Users schema can have at most 25 metadata fields besides USER_ID, found 26.");
        assertThat(rules.violations(schema("Users", field("USER_ID", "\"string\"") + ", " + numbers(25)),
                DatasetType.USERS)).isEmpty();
    }

    @Test
    void items_have_at_most_a_hundred_metadata_fields() {
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"") + ", " + numbers(101)), DatasetType.ITEMS,
                "An Items schema can have at most 100 metadata fields besides ITEM_ID and CREATION_TIMESTAMP, found 101.");
    }

    @Test
    void items_have_at_most_one_textual_field() {
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"")
                        + ", {\"name\": \"TITLE\", \"type\": \"string\", \"textual\": true}"
                        + ", {\"name\": \"DESCRIPTION\", \"type\": \"string\", \"textual\": true}"),
                DatasetType.ITEMS,
                "An Items schema can have at most 1 textual field, found 2.");
    }

    @Test
    void users_and_items_need_a_metadata_field_training_can_use() {
        assertViolation(schema("Users", field("USER_ID", "\"string\"") + ", " + field("NICKNAME", "\"string\"")
                        + ", " + field("ACTIVE", "\"boolean\"")),
                DatasetType.USERS,
                "A Users schema must have at least one metadata field besides USER_ID that is a categorical string or a number.");
        assertViolation(schema("Items", field("ITEM_ID", "\"string\"") + ", " + field("CREATION_TIMESTAMP", "\"long\"")),
                DatasetType.ITEMS,
                "An Items schema must have at least one metadata field besides ITEM_ID and CREATION_TIMESTAMP that is"
                        + " a categorical or textual string, or a number.");
    }

    @Test
    void all_violations_are_reported_together_in_schema_order() {
        ParsedSchema schema = schema("Interactions", field("USER_ID", "\"int\"") + ", " + field("ITEM_ID", "\"string\"")
                + ", " + field("TIMESTAMP", "\"string\""));

        assertThat(rules.violations(schema, DatasetType.INTERACTIONS)).containsExactly(
                "Field USER_ID in an Interactions schema must be of type string, found int.",
                "Field TIMESTAMP in an Interactions schema must be of type long, found string.");
        assertThatThrownBy(() -> rules.check(schema, DatasetType.INTERACTIONS))
                .hasMessage("Field USER_ID in an Interactions schema must be of type string, found int."
                        + " Field TIMESTAMP in an Interactions schema must be of type long, found string.");
    }

    @Test
    void a_schema_valid_for_one_type_is_checked_by_the_rules_of_another() {
        assertThat(rules.violations(parser.parse(USERS_EXAMPLE), DatasetType.ITEMS)).contains(
                "The schema record is named Users, but an Items schema must be named Items.",
                "An Items schema must have a field ITEM_ID of type string.");
    }

    private static String numbers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> field(String.format(Locale.ROOT, "METRIC%03d", i), "\"double\""))
                .collect(Collectors.joining(", "));
    }
}
