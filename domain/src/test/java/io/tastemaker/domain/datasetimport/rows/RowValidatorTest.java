package io.tastemaker.domain.datasetimport.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private static final String INTERACTIONS_HEADER =
            "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,IMPRESSION,RECOMMENDATION_ID,DEVICE,SESSION_LENGTH\n";

    /** Reads the CSV like the import job does: header, then each record validated. */
    private static List<RowResult> validate(ParsedSchema schema, DatasetType type, String csv) throws IOException {
        List<RowResult> results = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(csv))) {
            RowValidator validator = new RowValidator(HeaderMapping.of(reader.read(), schema, type));
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                results.add(validator.validate(record));
            }
        }
        return results;
    }

    private static RowResult interaction(String row) throws IOException {
        List<RowResult> results = validate(TestSchemas.INTERACTIONS, DatasetType.INTERACTIONS, INTERACTIONS_HEADER + row);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private static RowRejection rejectedInteraction(String row) throws IOException {
        RowResult result = interaction(row);
        assertThat(result).isInstanceOf(RowRejection.class);
        return (RowRejection) result;
    }

    @Test
    void a_valid_interaction_has_typed_values_and_conveniences() throws IOException {
        RowResult result = interaction("u1,i1,1700000000,click,4.5,i1|i2|i3,RID-9,mobile|tablet,42\n");

        assertThat(result.isValid()).isTrue();
        ValidatedRow row = (ValidatedRow) result;
        assertThat(row.lineNumber()).isEqualTo(2);
        assertThat(row.datasetType()).isEqualTo(DatasetType.INTERACTIONS);
        assertThat(row.userId()).isEqualTo("u1");
        assertThat(row.itemId()).isEqualTo("i1");
        assertThat(row.timestamp()).isEqualTo(1_700_000_000L);
        assertThat(row.eventType()).isEqualTo("click");
        assertThat(row.eventValue()).isEqualTo(4.5f);
        assertThat(row.impression()).containsExactly("i1", "i2", "i3");
        assertThat(row.recommendationId()).isEqualTo("RID-9");
        assertThat(row.eventAttributionSource()).isNull();
        assertThat(row.creationTimestamp()).isNull();
        assertThat(row.getString("device")).isEqualTo("mobile|tablet");
        assertThat(row.getCategories("DEVICE")).containsExactly("mobile", "tablet");
        assertThat(row.getInt("session_length")).isEqualTo(42);
        assertThat(row.getLong("TIMESTAMP")).isEqualTo(1_700_000_000L);
        assertThat(row.getFloat("EVENT_VALUE")).isEqualTo(4.5f);
        assertThat(row.attributes()).containsExactly(entry("DEVICE", "mobile|tablet"), entry("SESSION_LENGTH", 42));
        assertThat(row.values()).containsKeys("USER_ID", "ITEM_ID", "TIMESTAMP", "EVENT_TYPE", "EVENT_VALUE");
    }

    @Test
    void empty_values_of_nullable_fields_are_null() throws IOException {
        ValidatedRow row = (ValidatedRow) interaction("u1,i1,1700000000,click,,,,,\n");

        assertThat(row.eventValue()).isNull();
        assertThat(row.impression()).isEmpty();
        assertThat(row.get("DEVICE")).isNull();
        assertThat(row.getCategories("DEVICE")).isEmpty();
        assertThat(row.attributes()).isEmpty();
        assertThat(row.values()).containsEntry("SESSION_LENGTH", null);
    }

    @Test
    void typed_getters_refuse_unknown_fields_and_other_types() throws IOException {
        ValidatedRow row = (ValidatedRow) interaction("u1,i1,1700000000,click,,,,,\n");

        assertThat(row.has("user_id")).isTrue();
        assertThat(row.has("PRICE")).isFalse();
        assertThatThrownBy(() -> row.get("PRICE")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row.getLong("SESSION_LENGTH"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Field SESSION_LENGTH is of type int, not long");
    }

    @Test
    void a_row_with_the_wrong_number_of_values_is_rejected() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000,click\n"))
                .isEqualTo(new RowRejection(2, "The row has 4 values, but the header has 9 columns."));
    }

    @Test
    void an_empty_required_value_is_rejected() throws IOException {
        assertThat(rejectedInteraction(",i1,1700000000,click,,,,,\n").reason())
                .isEqualTo("Field USER_ID is empty, but the schema requires a value.");
        assertThat(rejectedInteraction("u1,  ,1700000000,click,,,,,\n").reason())
                .isEqualTo("Field ITEM_ID is empty, but the schema requires a value.");
        assertThat(rejectedInteraction("u1,i1,,click,,,,,\n").reason())
                .isEqualTo("Field TIMESTAMP is empty, but the schema requires a value.");
    }

    @Test
    void a_timestamp_that_is_not_a_whole_number_is_rejected() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000.5,click,,,,,\n").reason())
                .isEqualTo("Field TIMESTAMP must be a whole number of Unix epoch seconds, found '1700000000.5'.");
        assertThat(rejectedInteraction("u1,i1,2023-11-14T22:13:20Z,click,,,,,\n").reason())
                .startsWith("Field TIMESTAMP must be a whole number of Unix epoch seconds");
    }

    @Test
    void a_timestamp_in_milliseconds_is_rejected_as_such() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000000,click,,,,,\n").reason())
                .isEqualTo("Field TIMESTAMP must be in Unix epoch seconds, found '1700000000000', which looks like"
                        + " milliseconds (values of 10^11 or more are rejected).");
        assertThat(interaction("u1,i1,99999999999,click,,,,,\n").isValid()).isTrue();
    }

    @Test
    void a_negative_timestamp_is_rejected() throws IOException {
        assertThat(rejectedInteraction("u1,i1,-5,click,,,,,\n").reason())
                .isEqualTo("Field TIMESTAMP must be Unix epoch seconds, which are not negative, found '-5'.");
    }

    @Test
    void an_event_value_must_be_a_number() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000,click,high,,,,\n").reason())
                .isEqualTo("Field EVENT_VALUE must be a number, found 'high'.");
        assertThat(rejectedInteraction("u1,i1,1700000000,click,NaN,,,,\n").reason())
                .isEqualTo("Field EVENT_VALUE must be a number, found 'NaN'.");
        assertThat(rejectedInteraction("u1,i1,1700000000,click,1.5f,,,,\n").reason())
                .isEqualTo("Field EVENT_VALUE must be a number, found '1.5f'.");
        assertThat(rejectedInteraction("u1,i1,1700000000,click,1e39,,,,\n").reason())
                .isEqualTo("Field EVENT_VALUE is out of the range of a float, found '1e39'.");
        assertThat(((ValidatedRow) interaction("u1,i1,1700000000,click, -2.5E-1 ,,,,\n")).eventValue()).isEqualTo(-0.25f);
    }

    @Test
    void an_int_that_does_not_parse_or_fit_is_rejected() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000,click,,,,,4.0\n").reason())
                .isEqualTo("Field SESSION_LENGTH must be a whole number, found '4.0'.");
        assertThat(rejectedInteraction("u1,i1,1700000000,click,,,,,3000000000\n").reason())
                .isEqualTo("Field SESSION_LENGTH is out of the range of an int (-2147483648 to 2147483647),"
                        + " found '3000000000'.");
    }

    @Test
    void an_id_longer_than_256_characters_is_rejected() throws IOException {
        String longId = "u".repeat(257);

        assertThat(rejectedInteraction(longId + ",i1,1700000000,click,,,,,\n").reason())
                .isEqualTo("Field USER_ID is 257 characters long; the maximum is 256.");
        assertThat(interaction("u".repeat(256) + ",i1,1700000000,click,,,,,\n").isValid()).isTrue();
    }

    @Test
    void id_lengths_count_characters_not_utf16_units() throws IOException {
        String emoji = "\uD83D\uDE00".repeat(200);

        assertThat(interaction(emoji + ",i1,1700000000,click,,,,,\n").isValid()).isTrue();
    }

    @Test
    void a_plain_string_longer_than_1000_characters_is_rejected() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000,click,,," + "r".repeat(1001) + ",,\n").reason())
                .isEqualTo("Field RECOMMENDATION_ID is 1001 characters long; the maximum is 1000.");
    }

    @Test
    void each_categorical_value_may_have_1000_characters() throws IOException {
        String fine = "a".repeat(1000) + "|" + "b".repeat(1000);
        String tooLong = "a".repeat(10) + "|" + "b".repeat(1001);

        assertThat(interaction("u1,i1,1700000000,click,,,," + fine + ",\n").isValid()).isTrue();
        assertThat(rejectedInteraction("u1,i1,1700000000,click,,,," + tooLong + ",\n").reason())
                .isEqualTo("Field DEVICE has a categorical value of 1001 characters; the maximum is 1000.");
    }

    @Test
    void an_impression_is_limited_in_total_and_per_item() throws IOException {
        assertThat(rejectedInteraction("u1,i1,1700000000,click,,i2|" + "x".repeat(257) + ",,,\n").reason())
                .isEqualTo("Field IMPRESSION holds an item ID of 257 characters; the maximum is 256.");
        String many = String.join("|", Collections.nCopies(200, "item-1"));
        assertThat(rejectedInteraction("u1,i1,1700000000,click,," + many + ",,,\n").reason())
                .isEqualTo("Field IMPRESSION is 1399 characters long; the maximum is 1000.");
    }

    @Test
    void a_malformed_record_is_rejected_with_its_line() throws IOException {
        List<RowResult> results = validate(TestSchemas.INTERACTIONS, DatasetType.INTERACTIONS, INTERACTIONS_HEADER
                + "u1,i1,1700000000,click,,,,,\n"
                + "u2,\"i\"2,1700000000,click,,,,,\n");

        assertThat(results.get(1)).isEqualTo(new RowRejection(3,
                "The row is not valid CSV: unexpected character '2' after the closing quote in column 2."));
        assertThat(((RowRejection) results.get(1)).message()).startsWith("Line 3: The row is not valid CSV");
    }

    @Test
    void rejections_carry_the_line_on_which_a_multi_line_record_starts() throws IOException {
        List<RowResult> results = validate(TestSchemas.ITEMS, DatasetType.ITEMS,
                "ITEM_ID,TITLE,DESCRIPTION,CREATION_TIMESTAMP\r\n"
                        + "i1,\"Line one\r\nline two\",\"a\nb\nc\",1700000000\r\n"
                        + "i2,Title,\"x\r\ny\",1700000000000\r\n");

        assertThat(results.get(0).isValid()).isTrue();
        assertThat(((ValidatedRow) results.get(0)).getString("TITLE")).isEqualTo("Line one\r\nline two");
        assertThat(results.get(1)).isEqualTo(new RowRejection(6,
                "Field CREATION_TIMESTAMP must be in Unix epoch seconds, found '1700000000000', which looks like"
                        + " milliseconds (values of 10^11 or more are rejected)."));
    }

    @Test
    void items_rows_have_typed_metadata() throws IOException {
        List<RowResult> results = validate(TestSchemas.ITEMS, DatasetType.ITEMS,
                "ITEM_ID,GENRES,PRICE,STOCK,ADULT,TITLE,DESCRIPTION,CREATION_TIMESTAMP\n"
                        + "i1,Action|Crime|Biopic,9.99,12,FALSE,\"Heat, 1995\",A heist.,820454400\n");

        ValidatedRow row = (ValidatedRow) results.get(0);
        assertThat(row.itemId()).isEqualTo("i1");
        assertThat(row.userId()).isNull();
        assertThat(row.creationTimestamp()).isEqualTo(820_454_400L);
        assertThat(row.getCategories("GENRES")).containsExactly("Action", "Crime", "Biopic");
        assertThat(row.getDouble("PRICE")).isEqualTo(9.99);
        assertThat(row.getLong("STOCK")).isEqualTo(12L);
        assertThat(row.getBoolean("ADULT")).isFalse();
        assertThat(row.attributes()).containsExactly(
                entry("GENRES", "Action|Crime|Biopic"), entry("PRICE", 9.99), entry("STOCK", 12L),
                entry("ADULT", false), entry("TITLE", "Heat, 1995"), entry("DESCRIPTION", "A heist."));
    }

    @Test
    void a_boolean_must_be_true_or_false() throws IOException {
        List<RowResult> results = validate(TestSchemas.ITEMS, DatasetType.ITEMS, "ITEM_ID,ADULT\ni1,yes\ni2, True \n");

        assertThat(results.get(0)).isEqualTo(new RowRejection(2, "Field ADULT must be true or false, found 'yes'."));
        assertThat(((ValidatedRow) results.get(1)).getBoolean("ADULT")).isTrue();
    }

    @Test
    void textual_values_are_cut_to_20000_characters() throws IOException {
        String text = "w".repeat(25_000);
        List<RowResult> results = validate(TestSchemas.ITEMS, DatasetType.ITEMS, "ITEM_ID,DESCRIPTION\ni1," + text + "\n");

        assertThat(((ValidatedRow) results.get(0)).getString("DESCRIPTION")).hasSize(RowValidator.MAX_TEXTUAL_LENGTH);
    }

    @Test
    void users_rows_reject_a_missing_required_metadata_value() throws IOException {
        List<RowResult> results = validate(TestSchemas.USERS, DatasetType.USERS,
                "USER_ID,AGE,GENDER\nu1,34,f\nu2,,m\nu3,thirty,\n");

        ValidatedRow first = (ValidatedRow) results.get(0);
        assertThat(first.userId()).isEqualTo("u1");
        assertThat(first.itemId()).isNull();
        assertThat(first.attributes()).containsExactly(entry("AGE", 34), entry("GENDER", "f"));
        assertThat(results.get(1)).isEqualTo(new RowRejection(3, "Field AGE is empty, but the schema requires a value."));
        assertThat(results.get(2)).isEqualTo(new RowRejection(4, "Field AGE must be a whole number, found 'thirty'."));
    }

    @Test
    void fields_left_out_of_the_header_are_null() throws IOException {
        List<RowResult> results = validate(TestSchemas.USERS, DatasetType.USERS, "AGE,USER_ID\n40,u9\n");

        ValidatedRow row = (ValidatedRow) results.get(0);
        assertThat(row.userId()).isEqualTo("u9");
        assertThat(row.getInt("AGE")).isEqualTo(40);
        assertThat(row.get("GENDER")).isNull();
    }
}
