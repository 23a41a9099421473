package io.tastemaker.domain.datasetimport.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.schema.DatasetType;
import org.junit.jupiter.api.Test;

class HeaderMappingTest {

    private static HeaderMapping users(String... header) {
        return HeaderMapping.of(header, TestSchemas.USERS, DatasetType.USERS);
    }

    @Test
    void maps_columns_to_fields_in_any_order_and_case() {
        HeaderMapping mapping = users(" gender", "User_Id ", "AGE");

        assertThat(mapping.columnCount()).isEqualTo(3);
        assertThat(mapping.columns()).containsExactly("gender", "User_Id", "AGE");
        assertThat(mapping.fieldOfColumn(0).name()).isEqualTo("GENDER");
        assertThat(mapping.fieldOfColumn(1).name()).isEqualTo("USER_ID");
        assertThat(mapping.columnOf("user_id")).isEqualTo(1);
        assertThat(mapping.columnOf("AGE")).isEqualTo(2);
        assertThat(mapping.schema()).isSameAs(TestSchemas.USERS);
        assertThat(mapping.datasetType()).isEqualTo(DatasetType.USERS);
    }

    @Test
    void a_nullable_field_may_be_left_out() {
        HeaderMapping mapping = users("USER_ID", "AGE");

        assertThat(mapping.columnOf("GENDER")).isEqualTo(-1);
    }

    @Test
    void a_required_field_missing_from_the_header_fails() {
        assertThatThrownBy(() -> users("USER_ID", "GENDER"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header is missing column AGE required by the schema.");
        assertThatThrownBy(() -> HeaderMapping.of(new String[] {"USER_ID", "ITEM_ID", "EVENT_TYPE"},
                        TestSchemas.INTERACTIONS, DatasetType.INTERACTIONS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header is missing column TIMESTAMP required by the schema.");
    }

    @Test
    void a_column_unknown_to_the_schema_fails() {
        assertThatThrownBy(() -> users("USER_ID", "AGE", "SHOE_SIZE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header column SHOE_SIZE (column 3) is not a field of the schema Users.");
    }

    @Test
    void a_field_named_twice_fails() {
        assertThatThrownBy(() -> users("USER_ID", "AGE", "user_id"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header names the field USER_ID more than once (columns 1 and 3).");
    }

    @Test
    void an_empty_column_name_fails() {
        assertThatThrownBy(() -> users("USER_ID", "", "AGE"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header has an empty column name in column 2.");
    }

    @Test
    void an_empty_header_fails() {
        assertThatThrownBy(() -> users(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("The CSV header is empty");
    }

    @Test
    void every_header_problem_is_reported_at_once() {
        assertThatThrownBy(() -> users("USERID", "GENDER", "GENDER"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column USERID (column 1) is not a field")
                .hasMessageContaining("names the field GENDER more than once (columns 2 and 3)")
                .hasMessageContaining("missing column USER_ID required by the schema")
                .hasMessageContaining("missing column AGE required by the schema");
    }

    @Test
    void a_malformed_header_record_fails() {
        CsvRecord header = new CsvRecord(1, new String[] {"USER_ID", "AGEx"},
                "unexpected character 'x' after the closing quote in column 2");

        assertThatThrownBy(() -> HeaderMapping.of(header, TestSchemas.USERS, DatasetType.USERS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The CSV header on line 1 is malformed: unexpected character 'x' after the closing quote in column 2.");
    }
}
