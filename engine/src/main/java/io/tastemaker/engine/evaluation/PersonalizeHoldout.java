package io.tastemaker.engine.evaluation;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>{@link #folds} generalises the split to several disjoint groups of held-out users and other
 * shares, for validation folds; with one fold and both shares at 10% it is this split.
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
        return folds(log, 1, HELD_OUT_USER_SHARE, TRUTH_SHARE, seed).get(0);
    }

    /**
     * Splits {@code log} into {@code folds} splits whose held-out users are disjoint: the users
     * drawn as in {@link #split(InteractionLog, long)}, but {@code max(folds, floor(userShare · E))}
     * of them, are dealt in draw order into {@code folds} groups of nearly equal size (the first
     * {@code m mod folds} groups one larger); each group's users have their newest
     * {@code max(1, floor(truthShare · n))} interactions held out, never all {@code n}. With one
     * fold and both shares at 10% this is {@link #split(InteractionLog, long)}. The same arguments
     * always give the same folds.
     *
     * @param folds the number of splits, at least 1
     * @param userShare the share of the eligible users held out over all folds together, in (0, 1]
     * @param truthShare the share of a held-out user's interactions, newest first, held out, in (0, 1)
     * @throws IllegalArgumentException if an argument is out of range or fewer than {@code folds}
     *     users have two interactions
     */
    public static List<Split> folds(InteractionLog log, int folds, double userShare, double truthShare, long seed) {
        return folds(log, folds, userShare, truthShare, Truth.NEWEST, seed);
    }

    /** Which of a held-out user's interactions are the truth. */
    public enum Truth {
        /** The newest ones, as Personalize holds out. */
        NEWEST,
        /**
         * A uniformly random subset of the same size, drawn after the users from the same seeded
         * generator: like a random per-interaction holdout (the shared benchmark protocol's).
         */
        RANDOM
    }

    /**
     * {@link #folds(InteractionLog, int, double, double, long)} with the truth drawn as
     * {@code truth} says.
     */
    public static List<Split> folds(InteractionLog log, int folds, double userShare, double truthShare, Truth truth,
            long seed) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(truth, "truth");
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be at least 1, was " + folds);
        }
        if (!(userShare > 0 && userShare <= 1)) {
            throw new IllegalArgumentException("userShare must be in (0, 1], was " + userShare);
        }
        if (!(truthShare > 0 && truthShare < 1)) {
            throw new IllegalArgumentException("truthShare must be in (0, 1), was " + truthShare);
        }
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
        if (eligibleCount < folds) {
            throw new IllegalArgumentException("Cannot make " + folds + " validation folds: only " + eligibleCount
                    + " users have at least two interactions");
        }

        int heldOutCount = Math.max(folds, (int) Math.floor(userShare * eligibleCount));
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < heldOutCount; i++) {
            int j = i + random.nextInt(eligibleCount - i);
            int swap = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = swap;
        }
        List<Split> splits = new ArrayList<>(folds);
        int from = 0;
        for (int fold = 0; fold < folds; fold++) {
            int to = from + heldOutCount / folds + (fold < heldOutCount % folds ? 1 : 0);
            int[] users = Arrays.copyOfRange(eligible, from, to);
            Arrays.sort(users);
            splits.add(holdOut(log, byUser, users, truthShare, truth == Truth.RANDOM ? random : null));
            from = to;
        }
        return List.copyOf(splits);
    }

    /**
     * Holds out {@code truthShare} of the interactions of {@code users} (ascending): the newest, or
     * a random subset drawn with {@code random} when it is not null.
     */
    private static Split holdOut(InteractionLog log, RowGroups byUser, int[] users, double truthShare,
            SplittableRandom random) {
        int heldOutCount = users.length;
        boolean[] truthRow = new boolean[log.size()];
        int[] truthOffsets = new int[heldOutCount + 1];
        int[] truthItems = new int[0];
        int truthSize = 0;
        for (int i = 0; i < heldOutCount; i++) {
            int user = users[i];
            int start = byUser.start(user);
            int end = byUser.end(user);
            int truthCount = Math.min(end - start - 1, Math.max(1, (int) Math.floor(truthShare * (end - start))));
            int[] positions = new int[end - start];
            for (int p = 0; p < positions.length; p++) {
                positions[p] = start + p;
            }
            if (random != null) {
                // Partial Fisher-Yates: the last truthCount positions become a uniform random subset.
                for (int p = positions.length - 1; p >= positions.length - truthCount; p--) {
                    int q = random.nextInt(p + 1);
                    int swap = positions[p];
                    positions[p] = positions[q];
                    positions[q] = swap;
                }
            }
            int[] items = new int[truthCount];
            for (int p = positions.length - truthCount, k = 0; p < positions.length; p++, k++) {
                int row = byUser.row(positions[p]);
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
