package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PersonalizeHoldoutTest {

    private static final long SEED = 42L;

    /** 400 users with 1..40 interactions, added in shuffled order so row order is not time order. */
    private static InteractionLog shuffledLog() {
        InteractionLog ordered = GeneratedLogs.powerLaw(400, 150, 1.0, 40, SEED);
        int[] rows = new int[ordered.size()];
        Arrays.setAll(rows, i -> i);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
        InteractionLog.Builder builder = InteractionLog.builder(rows.length);
        for (int row : rows) {
            builder.add(ordered.users().idOf(ordered.user(row)), ordered.items().idOf(ordered.item(row)),
                    ordered.timestamp(row), ordered.eventTypes().idOf(ordered.eventType(row)), ordered.value(row));
        }
        return builder.build();
    }

    @Test
    void holdsOutTenPercentOfEligibleUsersAndTheirNewestTenPercent() {
        InteractionLog log = shuffledLog();
        RowGroups byUser = log.rowsByUser();
        int eligible = 0;
        for (int user = 0; user < byUser.groupCount(); user++) {
            eligible += byUser.size(user) >= 2 ? 1 : 0;
        }

        PersonalizeHoldout.Split split = PersonalizeHoldout.split(log, SEED);

        assertThat(eligible).as("seed %d", SEED).isLessThan(400);
        assertThat(split.heldOutUserCount()).isEqualTo(eligible / 10);
        int truthRows = 0;
        for (int i = 0; i < split.heldOutUserCount(); i++) {
            int user = split.heldOutUser(i);
            int n = byUser.size(user);
            assertThat(n).isGreaterThanOrEqualTo(2);
            int expectedTruthRows = Math.max(1, n / 10);
            truthRows += expectedTruthRows;

            // The truth is the items of the user's newest rows; everything older stays in training.
            int[] rows = byUser.rowsOf(user);
            TreeSet<Integer> newest = new TreeSet<>();
            for (int p = n - expectedTruthRows; p < n; p++) {
                newest.add(log.item(rows[p]));
            }
            assertThat(split.truthItems(i)).containsExactly(newest.stream().mapToInt(Integer::intValue).toArray());
            assertThat(split.train().rowsByUser().size(user)).isEqualTo(n - expectedTruthRows);
            long newestTrainTime = split.train().timestamp(split.train().rowsByUser().rowsOf(user)[n - expectedTruthRows - 1]);
            assertThat(newestTrainTime).isLessThanOrEqualTo(log.timestamp(rows[n - expectedTruthRows]));
        }
        assertThat(split.train().size()).isEqualTo(log.size() - truthRows);
        assertThat(split.train().users()).isSameAs(log.users());
    }

    @Test
    void usersNotHeldOutKeepAllTheirInteractions() {
        InteractionLog log = shuffledLog();

        PersonalizeHoldout.Split split = PersonalizeHoldout.split(log, SEED);

        int[] heldOut = split.heldOutUsers();
        for (int user = 0; user < log.users().size(); user++) {
            if (Arrays.binarySearch(heldOut, user) < 0) {
                assertThat(split.train().rowsByUser().size(user)).isEqualTo(log.rowsByUser().size(user));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        InteractionLog log = shuffledLog();

        PersonalizeHoldout.Split first = PersonalizeHoldout.split(log, SEED);
        PersonalizeHoldout.Split again = PersonalizeHoldout.split(log, SEED);
        PersonalizeHoldout.Split other = PersonalizeHoldout.split(log, SEED + 1);

        assertThat(again.heldOutUsers()).isEqualTo(first.heldOutUsers());
        for (int i = 0; i < first.heldOutUserCount(); i++) {
            assertThat(again.truthItems(i)).isEqualTo(first.truthItems(i));
        }
        assertThat(again.train().size()).isEqualTo(first.train().size());
        assertThat(other.heldOutUsers()).isNotEqualTo(first.heldOutUsers());
    }

    @Test
    void holdsOutAtLeastOneUserAndAtLeastOneInteraction() {
        InteractionLog log = InteractionLog.builder()
                .add("solo", "a", 1, null, Float.NaN)
                .add("pair", "a", 5, null, Float.NaN)
                .add("pair", "b", 5, null, Float.NaN) // same time as the row above, added later: newer
                .build();

        PersonalizeHoldout.Split split = PersonalizeHoldout.split(log, SEED);

        assertThat(split.heldOutUserCount()).isEqualTo(1);
        assertThat(log.users().idOf(split.heldOutUser(0))).isEqualTo("pair");
        assertThat(split.truthItems(0)).containsExactly(log.items().indexOf("b"));
        assertThat(split.train().size()).isEqualTo(2);
    }

    @Test
    void needsAUserWithTwoInteractions() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, null, Float.NaN)
                .add("u2", "a", 2, null, Float.NaN)
                .build();

        assertThatThrownBy(() -> PersonalizeHoldout.split(log, SEED)).isInstanceOf(IllegalArgumentException.class);
    }
}
