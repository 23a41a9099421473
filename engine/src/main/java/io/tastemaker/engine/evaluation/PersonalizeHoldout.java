package io.tastemaker.engine.evaluation;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Personalize's offline split for user-personalization recipes: 10% of users are held out; each
 * held-out user's newest 10% of interactions are the ground truth, and everything else trains.
 *
 * <p>Precisely, with {@code E} the users that have at least two interactions:
 *
 * <ul>
 *   <li>{@code max(1, floor(0.10 * E))} users are drawn uniformly from those {@code E}, without
 *       replacement, by a {@link SplittableRandom} seeded with the given seed. Users with a single
 *       interaction are never held out: they would have no history left to recommend from.</li>
 *   <li>For a held-out user with {@code n} interactions, the newest {@code max(1, floor(0.10 * n))}
 *       (by timestamp; among equal timestamps, the one added later counts as newer) are the truth;
 *       since {@code n >= 2}, at least one interaction stays in training.</li>
 *   <li>The truth of a user is the set of distinct items in those interactions; an item may also
 *       appear in the user's training interactions.</li>
 * </ul>
 *
 * <p>Floors (rather than rounding) keep both shares at most 10%, except for the minimum of one.
 */
public final class PersonalizeHoldout {

    /** The share of eligible users held out. */
    public static final double HELD_OUT_USER_SHARE = 0.10;

    /** The share of a held-out user's interactions, newest first, that become the truth. */
    public static final double TRUTH_SHARE = 0.10;

    private PersonalizeHoldout() {
    }

    /**
     * Splits {@code log}; the same log and seed always give the same split.
     *
     * @throws IllegalArgumentException if no user has two interactions
     */
    public static Split split(InteractionLog log, long seed) {
        Objects.requireNonNull(log, "log");
        RowGroups byUser = log.rowsByUser();
        int[] eligible = new int[byUser.groupCount()];
        int eligibleCount = 0;
        for (int user = 0; user < byUser.groupCount(); user++) {
            if (byUser.size(user) >= 2) {
                eligible[eligibleCount++] = user;
            }
        }
        if (eligibleCount == 0) {
            throw new IllegalArgumentException("Cannot hold out users: no user has at least two interactions");
        }

        int heldOutCount = Math.max(1, (int) Math.floor(HELD_OUT_USER_SHARE * eligibleCount));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < heldOutCount; i++) {
            int j = i + random.nextInt(eligibleCount - i);
            int swap = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = swap;
        }
        int[] users = Arrays.copyOf(eligible, heldOutCount);
        Arrays.sort(users);

        boolean[] truthRow = new boolean[log.size()];
        int[] truthOffsets = new int[heldOutCount + 1];
        int[] truthItems = new int[0];
        int truthSize = 0;
        for (int i = 0; i < heldOutCount; i++) {
            int user = users[i];
            int start = byUser.start(user);
            int end = byUser.end(user);
            int truthCount = Math.max(1, (int) Math.floor(TRUTH_SHARE * (end - start)));
            int[] items = new int[truthCount];
            for (int p = end - truthCount, k = 0; p < end; p++, k++) {
                int row = byUser.row(p);
                truthRow[row] = true;
                items[k] = log.item(row);
            }
            Arrays.sort(items);
            int distinct = 0;
            for (int k = 0; k < items.length; k++) {
                if (k == 0 || items[k] != items[k - 1]) {
                    items[distinct++] = items[k];
                }
            }
            if (truthSize + distinct > truthItems.length) {
                truthItems = Arrays.copyOf(truthItems, Math.max(truthSize + distinct, 2 * truthItems.length));
            }
            System.arraycopy(items, 0, truthItems, truthSize, distinct);
            truthSize += distinct;
            truthOffsets[i + 1] = truthSize;
        }
        InteractionLog train = log.filter(row -> !truthRow[row]);
        return new Split(train, users, truthOffsets, Arrays.copyOf(truthItems, truthSize));
    }

    /**
     * The result of a split: the training log (sharing the input's dictionaries) and, for each
     * held-out user {@code i} in {@code 0 .. heldOutUserCount() - 1}, the user's index and truth
     * items. Held-out users are in ascending index order. Immutable.
     */
    public static final class Split {

        private final InteractionLog train;
        private final int[] users;
        private final int[] truthOffsets;
        private final int[] truthItems;

        private Split(InteractionLog train, int[] users, int[] truthOffsets, int[] truthItems) {
            this.train = train;
            this.users = users;
            this.truthOffsets = truthOffsets;
            this.truthItems = truthItems;
        }

        /** Every interaction except the held-out users' truth. */
        public InteractionLog train() {
            return train;
        }

        /** The number of held-out users. */
        public int heldOutUserCount() {
            return users.length;
        }

        /** The user index (in the log's {@code users()} dictionary) of held-out user {@code i}. */
        public int heldOutUser(int i) {
            return users[i];
        }

        /** The user indices of all held-out users, ascending. */
        public int[] heldOutUsers() {
            return users.clone();
        }

        /** The distinct item indices of held-out user {@code i}'s truth, ascending. */
        public int[] truthItems(int i) {
            Objects.checkIndex(i, users.length);
            return Arrays.copyOfRange(truthItems, truthOffsets[i], truthOffsets[i + 1]);
        }
    }
}
