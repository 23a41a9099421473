package io.tastemaker.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionLogTest {

    private static InteractionLog sample() {
        return InteractionLog.builder()
                .add("u1", "i1", 300, "click", Float.NaN)
                .add("u2", "i2", 100, "purchase", 4.5f)
                .add("u1", "i2", 100, null, 2f)
                .add("u1", "i3", 200, "click", Float.NaN)
                .add("u1", "i1", 100, "click", 1f)
                .build();
    }

    @Test
    void storesEveryColumnWithDenseIndices() {
        InteractionLog log = sample();

        assertThat(log.size()).isEqualTo(5);
        assertThat(log.users().size()).isEqualTo(2);
        assertThat(log.items().size()).isEqualTo(3);
        assertThat(log.eventTypes().size()).isEqualTo(2);
        assertThat(log.users().idOf(log.user(1))).isEqualTo("u2");
        assertThat(log.items().idOf(log.item(1))).isEqualTo("i2");
        assertThat(log.timestamp(1)).isEqualTo(100L);
        assertThat(log.value(1)).isEqualTo(4.5f);
        assertThat(log.hasValue(1)).isTrue();
        assertThat(log.eventTypes().idOf(log.eventType(1))).isEqualTo("purchase");
        assertThat(log.hasValue(0)).isFalse();
        assertThat(log.value(0)).isNaN();
        assertThat(log.eventType(2)).isEqualTo(InteractionLog.NO_EVENT_TYPE);
    }

    @Test
    void filteringKeepsOrderAndSharesDictionaries() {
        InteractionLog log = sample();

        InteractionLog clicks = log.filter(row -> log.eventType(row) == log.eventTypes().indexOf("click"));

        assertThat(clicks.size()).isEqualTo(3);
        assertThat(clicks.users()).isSameAs(log.users());
        assertThat(clicks.items()).isSameAs(log.items());
        assertThat(clicks.eventTypes()).isSameAs(log.eventTypes());
        assertThat(new long[] {clicks.timestamp(0), clicks.timestamp(1), clicks.timestamp(2)})
                .containsExactly(300, 200, 100);
        assertThat(log.filter(row -> true)).isSameAs(log);
        assertThat(log.filter(row -> false).size()).isZero();
    }

    @Test
    void groupsRowsByUserOldestFirstWithTiesInInsertionOrder() {
        InteractionLog log = sample();
        RowGroups byUser = log.rowsByUser();
        int u1 = log.users().indexOf("u1");
        int u2 = log.users().indexOf("u2");

        // u1's rows: 0 (t=300), 2 (t=100), 3 (t=200), 4 (t=100); rows 2 and 4 tie, 2 was added first.
        assertThat(byUser.rowsOf(u1)).containsExactly(2, 4, 3, 0);
        assertThat(byUser.rowsOf(u2)).containsExactly(1);
        assertThat(byUser.groupCount()).isEqualTo(2);
        assertThat(byUser.totalRows()).isEqualTo(5);
        assertThat(log.rowsByUser()).isSameAs(byUser);

        RowGroups byItem = log.rowsByItem();
        // i2's rows: 1 (t=100) and 2 (t=100): a tie, kept in insertion order.
        assertThat(byItem.rowsOf(log.items().indexOf("i2"))).containsExactly(1, 2);
        assertThat(byItem.rowsOf(log.items().indexOf("i1"))).containsExactly(4, 0);
    }

    @Test
    void aFilteredLogHasAnEmptyGroupForEveryUserWithoutRows() {
        InteractionLog log = sample();
        int u2 = log.users().indexOf("u2");

        RowGroups byUser = log.filter(row -> log.user(row) != u2).rowsByUser();

        assertThat(byUser.groupCount()).isEqualTo(2);
        assertThat(byUser.size(u2)).isZero();
        assertThat(byUser.start(u2)).isEqualTo(byUser.end(u2));
    }

    @Test
    void rejectsBadRowsWithoutChangingTheBuilder() {
        InteractionLog.Builder builder = InteractionLog.builder().add("u", "i", 1, null, Float.NaN);

        assertThatThrownBy(() -> builder.add("u2", null, 1, null, Float.NaN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.add("u2", "", 1, null, Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("itemId");
        assertThatThrownBy(() -> builder.add("u2", "i", 1, "", Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventType");
        assertThatThrownBy(() -> builder.add("u2", "i", 1, null, Float.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);

        InteractionLog log = builder.build();
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.users().size()).isEqualTo(1);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void growsPastItsInitialCapacity() {
        InteractionLog.Builder builder = InteractionLog.builder(0);
        for (int i = 0; i < 10_000; i++) {
            builder.add("u" + (i % 37), "i" + (i % 101), i, "click", i);
        }

        InteractionLog log = builder.build();

        assertThat(log.size()).isEqualTo(10_000);
        assertThat(log.timestamp(9_999)).isEqualTo(9_999L);
        assertThat(log.value(9_999)).isEqualTo(9_999f);
        assertThat(log.users().size()).isEqualTo(37);
        assertThat(log.items().size()).isEqualTo(101);
    }

    @Test
    void contextualColumnsHoldOneValuePerFieldAndSurviveFiltering() {
        InteractionLog log = InteractionLog.builder(4, List.of("DEVICE", "LOCATION"))
                .add("u1", "i1", 100, "click", Float.NaN, new String[] {"mobile", "home"})
                .add("u1", "i2", 200, "click", Float.NaN, new String[] {"desktop", null})
                .add("u2", "i1", 300, "click", Float.NaN, null)
                .add("u2", "i3", 400, "click", Float.NaN, new String[] {"mobile", ""})
                .add("u2", "i4", 500, "click", Float.NaN)
                .build();

        assertThat(log.contextFields()).containsExactly("DEVICE", "LOCATION");
        assertThat(log.contextValues(0).size()).isEqualTo(2);
        assertThat(log.contextValues(0).idOf(log.context(0, 3))).isEqualTo("mobile");
        assertThat(log.context(0, 3)).isEqualTo(log.context(0, 0));
        assertThat(log.context(1, 1)).isEqualTo(InteractionLog.NO_CONTEXT);
        assertThat(log.context(1, 3)).isEqualTo(InteractionLog.NO_CONTEXT);
        assertThat(log.context(0, 2)).isEqualTo(InteractionLog.NO_CONTEXT);
        assertThat(log.context(0, 4)).isEqualTo(InteractionLog.NO_CONTEXT);
        assertThat(log.toString()).contains("context=[DEVICE, LOCATION]");

        InteractionLog late = log.filter(row -> log.timestamp(row) >= 200);
        assertThat(late.contextFields()).isEqualTo(log.contextFields());
        assertThat(late.contextValues(0)).isSameAs(log.contextValues(0));
        assertThat(late.contextValues(0).idOf(late.context(0, 0))).isEqualTo("desktop");
        assertThat(late.contextValues(0).idOf(late.context(0, 2))).isEqualTo("mobile");

        assertThat(sample().contextFields()).isEmpty();
    }

    @Test
    void contextualFieldsAreCheckedWhenTheBuilderIsMadeAndEachRowHasOneValuePerField() {
        assertThatThrownBy(() -> InteractionLog.builder(1, List.of("DEVICE", "device")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
        assertThatThrownBy(() -> InteractionLog.builder(1, List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
        InteractionLog.Builder builder = InteractionLog.builder(1, List.of("DEVICE"));
        assertThatThrownBy(() -> builder.add("u", "i", 1, null, Float.NaN, new String[] {"a", "b"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 contextual values");
        assertThat(builder.size()).isZero();
    }
}
