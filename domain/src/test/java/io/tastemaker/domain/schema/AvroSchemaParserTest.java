package io.tastemaker.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class AvroSchemaParserTest {

    private final AvroSchemaParser parser = new AvroSchemaParser();

    private static String record(String fields) {
        return "{\"type\": \"record\", \"name\": \"Interactions\","
                + " \"namespace\": \"com.amazonaws.personalize.schema\", \"fields\": [" + fields + "]}";
    }

    @Test
    void reads_fields_in_order_with_types_nullability_and_attributes() {
        String json = record("""
                {"name": "USER_ID", "type": "string"},
                {"name": "ITEM_ID", "type": "string"},
                {"name": "EVENT_VALUE", "type": ["null", "float"]},
                {"name": "DEVICE", "type": ["string", "null"], "categorical": true},
                {"name": "TIMESTAMP", "type": "long"},
                {"name": "RATING", "type": "double"},
                {"name": "AGE", "type": "int"},
                {"name": "PREMIUM", "type": "boolean"},
                {"name": "BIO", "type": "string", "textual": false}
                """);

        ParsedSchema schema = parser.parse(json);

        assertThat(schema.name()).isEqualTo("Interactions");
        assertThat(schema.namespace()).isEqualTo("com.amazonaws.personalize.schema");
        assertThat(schema.fullName()).isEqualTo("com.amazonaws.personalize.schema.Interactions");
        assertThat(schema.json()).isEqualTo(json);
        assertThat(schema.fields()).containsExactly(
                new FieldSpec("USER_ID", FieldType.STRING, false, false, false),
                new FieldSpec("ITEM_ID", FieldType.STRING, false, false, false),
                new FieldSpec("EVENT_VALUE", FieldType.FLOAT, true, false, false),
                new FieldSpec("DEVICE", FieldType.STRING, true, true, false),
                new FieldSpec("TIMESTAMP", FieldType.LONG, false, false, false),
                new FieldSpec("RATING", FieldType.DOUBLE, false, false, false),
                new FieldSpec("AGE", FieldType.INT, false, false, false),
                new FieldSpec("PREMIUM", FieldType.BOOLEAN, false, false, false),
                new FieldSpec("BIO", FieldType.STRING, false, false, false));
    }

    @Test
    void field_lookups_ignore_case() {
        ParsedSchema schema = parser.parse(record("{\"name\": \"user_id\", \"type\": \"string\"}"));

        assertThat(schema.field("USER_ID")).map(FieldSpec::name).contains("user_id");
        assertThat(schema.indexOf("User_Id")).isZero();
        assertThat(schema.hasField("ITEM_ID")).isFalse();
    }

    @Test
    void a_schema_without_namespace_has_an_empty_one() {
        ParsedSchema schema = parser.parse("{\"type\": \"record\", \"name\": \"Users\", \"fields\": ["
                + "{\"name\": \"USER_ID\", \"type\": \"string\"}]}");

        assertThat(schema.namespace()).isEmpty();
        assertThat(schema.fullName()).isEqualTo("Users");
    }

    @Test
    void empty_schema_is_rejected() {
        assertThatThrownBy(() -> parser.parse("  "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("The schema is empty");
        assertThatThrownBy(() -> parser.parse(null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void schema_longer_than_the_model_maximum_is_rejected() {
        String padding = " ".repeat(AvroSchemaParser.MAX_SCHEMA_LENGTH);
        String json = record("{\"name\": \"USER_ID\", \"type\": \"string\"}") + padding;

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The schema is " + json.length() + " characters long; the maximum is 20000.");
    }

    @Test
    void text_that_is_not_json_is_rejected() {
        assertThatThrownBy(() -> parser.parse("{not json"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The schema is not valid Avro JSON:")
                .hasMessageNotContaining("Exception:")
                .hasMessageNotContaining("[Source")
                .hasMessageContaining("was expecting double-quote to start field name");
    }

    @Test
    void json_that_is_not_avro_is_rejected() {
        assertThatThrownBy(() -> parser.parse("{\"type\": \"record\", \"fields\": []}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The schema is not valid Avro JSON:");
        assertThatThrownBy(() -> parser.parse("{\"type\": \"table\", \"name\": \"Users\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The schema is not valid Avro JSON: it uses a type that Avro does not define");
        assertThatThrownBy(() -> parser.parse("{\"type\": \"record\", \"name\": \"Users\", \"fields\": ["
                + "{\"name\": \"AGE\", \"type\": \"int\", \"default\": \"old\"}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The schema is not valid Avro JSON: Invalid default for field AGE: \"old\" not a \"int\".");
    }

    @Test
    void an_avro_schema_that_is_not_a_record_is_rejected() {
        assertThatThrownBy(() -> parser.parse("\"string\""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The schema must be an Avro record (\"type\": \"record\"), found string.");
        assertThatThrownBy(() -> parser.parse("{\"type\": \"error\", \"name\": \"Oops\", \"fields\": ["
                + "{\"name\": \"USER_ID\", \"type\": \"string\"}]}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("found error");
    }

    @Test
    void a_record_without_fields_is_rejected() {
        assertThatThrownBy(() -> parser.parse(record("")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The schema record Interactions has no fields.");
    }

    @Test
    void field_names_must_be_avro_names() {
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"USER-ID\", \"type\": \"string\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The schema is not valid Avro JSON:")
                .hasMessageContaining("USER-ID");
    }

    @Test
    void nested_records_are_rejected() {
        String json = record("""
                {"name": "ADDRESS", "type": {"type": "record", "name": "Address",
                  "fields": [{"name": "CITY", "type": "string"}]}}
                """);

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field ADDRESS is a nested record; schemas must be flat.");
    }

    @Test
    void a_nested_record_inside_an_optional_union_is_rejected() {
        String json = record("""
                {"name": "ADDRESS", "type": ["null", {"type": "record", "name": "Address",
                  "fields": [{"name": "CITY", "type": "string"}]}]}
                """);

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field ADDRESS is a nested record");
    }

    @Test
    void arrays_and_maps_are_rejected() {
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"TAGS\", \"type\": {\"type\": \"array\", \"items\": \"string\"}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field TAGS is of type array; schemas don't support complex types such as arrays and maps.");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"PROPS\", \"type\": {\"type\": \"map\", \"values\": \"string\"}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field PROPS is of type map");
    }

    @Test
    void unions_other_than_null_and_one_type_are_rejected() {
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"PRICE\", \"type\": [\"string\", \"int\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field PRICE is a union of [string, int]; only a union of null and one type,"
                        + " such as [\"null\", \"string\"], is supported.");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"PRICE\", \"type\": [\"null\", \"string\", \"int\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("union of [null, string, int]");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"PRICE\", \"type\": [\"null\"]}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("union of [null]");
    }

    @Test
    void types_personalize_does_not_support_are_rejected() {
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"COLOR\", \"type\": {\"type\": \"enum\", \"name\": \"Color\", \"symbols\": [\"RED\"]}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field COLOR is of type enum; supported types are string, int, long, float, double and"
                        + " boolean, each optionally in a union with null.");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"BLOB\", \"type\": \"bytes\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field BLOB is of type bytes");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"NOTHING\", \"type\": \"null\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field NOTHING is of type null");
    }

    @Test
    void logical_types_are_rejected() {
        String json = record("{\"name\": \"TIMESTAMP\", \"type\": {\"type\": \"long\", \"logicalType\": \"timestamp-millis\"}}");

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field TIMESTAMP has the logicalType timestamp-millis; use the plain type long"
                        + " (timestamps are Unix epoch seconds in a long).");
    }

    @Test
    void categorical_and_textual_must_be_json_booleans() {
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"GENRES\", \"type\": \"string\", \"categorical\": \"true\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Field GENRES has categorical set to true; the attribute must be the JSON value true or false.");
        assertThatThrownBy(() -> parser.parse(record("{\"name\": \"DESCRIPTION\", \"type\": \"string\", \"textual\": 1}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field DESCRIPTION has textual set to 1");
    }

    @Test
    void names_that_differ_only_in_underscores_or_case_clash() {
        assertThatThrownBy(() -> parser.parse(record("""
                {"name": "GENRES_FIELD_1", "type": "string"},
                {"name": "GENRESFIELD1", "type": "string"}
                """)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Fields GENRES_FIELD_1 and GENRESFIELD1 clash: field names must stay unique when case"
                        + " and underscores are ignored.");
        assertThatThrownBy(() -> parser.parse(record("""
                {"name": "USER_ID", "type": "string"},
                {"name": "user_id", "type": "string"}
                """)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Fields USER_ID and user_id clash");
    }

    @Test
    void every_field_problem_is_reported_at_once() {
        String json = record("""
                {"name": "TAGS", "type": {"type": "array", "items": "string"}},
                {"name": "USER_ID", "type": "string"},
                {"name": "PRICE", "type": ["string", "int"]}
                """);

        assertThatThrownBy(() -> parser.parse(json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Field TAGS is of type array")
                .hasMessageContaining("Field PRICE is a union of [string, int]");
    }

    @Test
    void the_contextual_fields_are_the_categorical_strings_that_are_not_reserved() {
        ParsedSchema schema = parser.parse(record("""
                {"name": "USER_ID", "type": "string"},
                {"name": "ITEM_ID", "type": "string"},
                {"name": "TIMESTAMP", "type": "long"},
                {"name": "EVENT_TYPE", "type": "string"},
                {"name": "device", "type": ["string", "null"], "categorical": true},
                {"name": "IMPRESSION", "type": ["null", "string"]},
                {"name": "LOCATION", "type": "string", "categorical": true},
                {"name": "NOTE", "type": "string"},
                {"name": "RATING", "type": "double"}
                """));

        assertThat(schema.contextualFields()).extracting(FieldSpec::name).containsExactly("device", "LOCATION");
    }
}
