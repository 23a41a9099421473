package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    @Test
    void foldsHoldOutDisjointUsersCoveringTheRequestedShare() {
        InteractionLog log = shuffledLog();
        RowGroups byUser = log.rowsByUser();
        int eligible = 0;
        for (int user = 0; user < byUser.groupCount(); user++) {
            eligible += byUser.size(user) >= 2 ? 1 : 0;
        }

        List<PersonalizeHoldout.Split> folds = PersonalizeHoldout.folds(log, 3, 1.0, 0.2, SEED);

        assertThat(folds).hasSize(3);
        Set<Integer> seen = new HashSet<>();
        for (PersonalizeHoldout.Split fold : folds) {
            // Sizes differ by at most one; no user is in two folds.
            assertThat(fold.heldOutUserCount()).isBetween(eligible / 3, eligible / 3 + 1);
            int truthRows = 0;
            for (int i = 0; i < fold.heldOutUserCount(); i++) {
                int user = fold.heldOutUser(i);
                assertThat(seen.add(user)).as("user %d in one fold only", user).isTrue();
                int n = byUser.size(user);
                truthRows += Math.max(1, (int) Math.floor(0.2 * n));
                assertThat(fold.train().rowsByUser().size(user)).isEqualTo(n - Math.max(1, (int) Math.floor(0.2 * n)));
            }
            // Only the fold's own users lose interactions.
            assertThat(fold.train().size()).isEqualTo(log.size() - truthRows);
        }
        assertThat(seen).hasSize(eligible);
    }

    @Test
    void oneFoldOfTenPercentIsPersonalizesSplitAndFoldsReplayFromTheSeed() {
        InteractionLog log = shuffledLog();

        PersonalizeHoldout.Split split = PersonalizeHoldout.split(log, SEED);
        PersonalizeHoldout.Split fold = PersonalizeHoldout.folds(log, 1, 0.10, 0.10, SEED).get(0);
        List<PersonalizeHoldout.Split> first = PersonalizeHoldout.folds(log, 3, 0.5, 0.2, SEED);
        List<PersonalizeHoldout.Split> again = PersonalizeHoldout.folds(log, 3, 0.5, 0.2, SEED);
        List<PersonalizeHoldout.Split> other = PersonalizeHoldout.folds(log, 3, 0.5, 0.2, SEED + 1);

        assertThat(fold.heldOutUsers()).isEqualTo(split.heldOutUsers());
        assertThat(fold.train().size()).isEqualTo(split.train().size());
        for (int f = 0; f < 3; f++) {
            assertThat(again.get(f).heldOutUsers()).isEqualTo(first.get(f).heldOutUsers());
            assertThat(again.get(f).train().size()).isEqualTo(first.get(f).train().size());
            assertThat(other.get(f).heldOutUsers()).isNotEqualTo(first.get(f).heldOutUsers());
        }
    }

    @Test
    void foldsNeedAsManyEligibleUsersAsFolds() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, null, Float.NaN)
                .add("u1", "b", 2, null, Float.NaN)
                .add("u2", "a", 3, null, Float.NaN)
                .add("u2", "b", 4, null, Float.NaN)
                .build();

        assertThat(PersonalizeHoldout.folds(log, 2, 0.1, 0.1, SEED)).hasSize(2)
                .allSatisfy(fold -> assertThat(fold.heldOutUserCount()).isEqualTo(1));
        assertThatThrownBy(() -> PersonalizeHoldout.folds(log, 3, 1.0, 0.1, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot make 3 validation folds: only 2 users have at least two interactions");
        assertThatThrownBy(() -> PersonalizeHoldout.folds(log, 1, 1.0, 1.0, SEED))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("truthShare must be in (0, 1), was 1.0");
    }

    @Test
    void randomTruthHoldsOutTheSameNumberOfInteractionsNotOnlyTheNewest() {
        InteractionLog log = shuffledLog();

        List<PersonalizeHoldout.Split> newest = PersonalizeHoldout.folds(log, 3, 1.0, 0.2, SEED);
        List<PersonalizeHoldout.Split> random = PersonalizeHoldout.folds(log, 3, 1.0, 0.2,
                PersonalizeHoldout.Truth.RANDOM, SEED);
        List<PersonalizeHoldout.Split> again = PersonalizeHoldout.folds(log, 3, 1.0, 0.2,
                PersonalizeHoldout.Truth.RANDOM, SEED);

        boolean anyOlder = false;
        for (int f = 0; f < 3; f++) {
            // The same users and as many rows; other rows for some users, replayed from the seed.
            assertThat(random.get(f).heldOutUsers()).isEqualTo(newest.get(f).heldOutUsers());
            assertThat(random.get(f).train().size()).isEqualTo(newest.get(f).train().size());
            for (int i = 0; i < random.get(f).heldOutUserCount(); i++) {
                assertThat(again.get(f).truthItems(i)).isEqualTo(random.get(f).truthItems(i));
                anyOlder |= !Arrays.equals(random.get(f).truthItems(i), newest.get(f).truthItems(i));
            }
        }
        assertThat(anyOlder).isTrue();
    }
}
