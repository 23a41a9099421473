package io.tastemaker.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class DatasetTypeTest {

    @Test
    void wire_names_are_accepted_in_any_case() {
        assertThat(DatasetType.fromWire("Interactions")).isEqualTo(DatasetType.INTERACTIONS);
        assertThat(DatasetType.fromWire("INTERACTIONS")).isEqualTo(DatasetType.INTERACTIONS);
        assertThat(DatasetType.fromWire("items")).isEqualTo(DatasetType.ITEMS);
        assertThat(DatasetType.fromWire("uSeRs")).isEqualTo(DatasetType.USERS);
        assertThat(DatasetType.ITEMS.wireName()).isEqualTo("Items");
    }

    @Test
    void actions_types_are_rejected_as_unsupported() {
        assertThatThrownBy(() -> DatasetType.fromWire("Action_Interactions"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The dataset type Action_Interactions is not supported by Tastemaker."
                        + " Accepted values: Interactions, Items, Users.");
        assertThatThrownBy(() -> DatasetType.fromWire("actions"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void unknown_and_missing_types_list_the_accepted_values() {
        assertThatThrownBy(() -> DatasetType.fromWire("Clicks"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid dataset type 'Clicks'. Accepted values: Interactions, Items, Users.");
        assertThatThrownBy(() -> DatasetType.fromWire(null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Accepted values: Interactions, Items, Users");
        assertThatThrownBy(() -> DatasetType.fromWire(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("required");
    }

    @Test
    void reserved_fields_depend_on_the_type() {
        assertThat(DatasetType.INTERACTIONS.isReserved("event_value")).isTrue();
        assertThat(DatasetType.ITEMS.isReserved("EVENT_VALUE")).isFalse();
        assertThat(DatasetType.ITEMS.reservedField("creation_timestamp")).isEqualTo(ReservedField.CREATION_TIMESTAMP);
        assertThat(DatasetType.USERS.isReserved("ITEM_ID")).isFalse();
    }
}
