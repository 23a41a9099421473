package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;

/**
 * Who interacted with what, in the shape co-occurrence counting needs: for each user the distinct
 * catalog items that count (ascending), and for each catalog item the users that count, both in
 * compressed sparse row form.
 *
 * <p>What counts, given two percentiles {@code p} in {@code [0, 1]} (nearest rank: the
 * {@code ceil(p·n)}-th smallest of {@code n} values, the smallest when {@code p = 0}):
 *
 * <ol>
 *   <li>each user's distinct items, newest first by the user's latest interaction with each;</li>
 *   <li>the user history cap {@code L}: the {@code userHistoryPercentile} of the users' numbers
 *       of distinct items; a user's {@code L} newest items count, the older ones do not;</li>
 *   <li>the item cap {@code C}: the {@code itemCountPercentile} of the items' numbers of users
 *       after step 2; an item's {@code C} users with the newest interactions with it count (ties
 *       by user index), the others do not.</li>
 * </ol>
 *
 * <p>With both percentiles at 1, every distinct (user, item) pair counts.
 */
final class CoOccurrence {

    private final int[] userOffsets;
    private final int[] userItems;
    private final int[] itemOffsets;
    private final int[] itemUsers;
    /** The user history cap L and the item cap C that were applied. */
    final int historyCap;
    final int itemCap;

    private CoOccurrence(int[] userOffsets, int[] userItems, int[] itemOffsets, int[] itemUsers, int historyCap,
            int itemCap) {
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.itemOffsets = itemOffsets;
        this.itemUsers = itemUsers;
        this.historyCap = historyCap;
        this.itemCap = itemCap;
    }

    /**
     * The pairs of {@code log} that count, in the indices of {@code catalog} (made from the same
     * log).
     */
    static CoOccurrence of(InteractionLog log, ItemCatalog catalog, double userHistoryPercentile,
            double itemCountPercentile) {
        RowGroups byUser = log.rowsByUser();
        int users = byUser.groupCount();
        int items = catalog.size();

        // Distinct items per user, newest first, with the time of the user's latest interaction.
        int[] pairItem = new int[byUser.totalRows()];
        long[] pairTime = new long[byUser.totalRows()];
        int[] pairOffsets = new int[users + 1];
        int[] lastUser = new int[items];
        Arrays.fill(lastUser, -1);
        int size = 0;
        for (int u = 0; u < users; u++) {
            for (int p = byUser.end(u) - 1; p >= byUser.start(u); p--) {
                int row = byUser.row(p);
                int item = catalog.fromLog[log.item(row)];
                if (lastUser[item] != u) {
                    lastUser[item] = u;
                    pairItem[size] = item;
                    pairTime[size] = log.timestamp(row);
                    size++;
                }
            }
            pairOffsets[u + 1] = size;
        }

        // The user history cap.
        int[] lengths = new int[users];
        int active = 0;
        for (int u = 0; u < users; u++) {
            int length = pairOffsets[u + 1] - pairOffsets[u];
            if (length > 0) {
                lengths[active++] = length;
            }
        }
        int historyCap = percentile(lengths, active, userHistoryPercentile);
        boolean[] kept = new boolean[size];
        int[] itemCounts = new int[items];
        for (int u = 0; u < users; u++) {
            for (int p = pairOffsets[u], end = Math.min(pairOffsets[u + 1], pairOffsets[u] + historyCap); p < end; p++) {
                kept[p] = true;
                itemCounts[pairItem[p]]++;
            }
        }

        // The item cap: an item's pairs, newest first, beyond the cap are dropped.
        int[] counted = new int[items];
        int countedItems = 0;
        int maxCount = 0;
        for (int item = 0; item < items; item++) {
            if (itemCounts[item] > 0) {
                counted[countedItems++] = itemCounts[item];
                maxCount = Math.max(maxCount, itemCounts[item]);
            }
        }
        int itemCap = percentile(counted, countedItems, itemCountPercentile);
        if (itemCap < maxCount) {
            int[] offsets = prefixSums(itemCounts);
            int[] byItem = new int[offsets[items]];
            int[] next = Arrays.copyOf(offsets, items);
            for (int p = 0; p < size; p++) {
                if (kept[p]) {
                    byItem[next[pairItem[p]]++] = p;
                }
            }
            for (int item = 0; item < items; item++) {
                if (offsets[item + 1] - offsets[item] > itemCap) {
                    // Pairs were added user by user, so equal times stay in user order.
                    IndexSort.stableSort(byItem, offsets[item], offsets[item + 1],
                            (a, b) -> Long.compare(pairTime[b], pairTime[a]));
                    for (int q = offsets[item] + itemCap; q < offsets[item + 1]; q++) {
                        kept[byItem[q]] = false;
                    }
                    itemCounts[item] = itemCap;
                }
            }
        }

        // The kept pairs: users' items ascending, items' users ascending.
        int[] userOffsets = new int[users + 1];
        int[] userItems = new int[size];
        int count = 0;
        for (int u = 0; u < users; u++) {
            int from = count;
            for (int p = pairOffsets[u]; p < pairOffsets[u + 1]; p++) {
                if (kept[p]) {
                    userItems[count++] = pairItem[p];
                }
            }
            Arrays.sort(userItems, from, count);
            userOffsets[u + 1] = count;
        }
        userItems = Arrays.copyOf(userItems, count);
        int[] itemOffsets = prefixSums(itemCounts);
        int[] itemUsers = new int[count];
        int[] next = Arrays.copyOf(itemOffsets, items);
        for (int u = 0; u < users; u++) {
            for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) {
                itemUsers[next[userItems[p]]++] = u;
            }
        }
        return new CoOccurrence(userOffsets, userItems, itemOffsets, itemUsers, historyCap, itemCap);
    }

    /** The number of users that count for {@code item}. */
    int users(int item) {
        return itemOffsets[item + 1] - itemOffsets[item];
    }

    /**
     * Adds to {@code counts[j]} the number of users that count for both {@code item} and
     * {@code j}, for every {@code j != item}, and appends each such {@code j} to
     * {@code listed[count ..]} unless {@code stamp[j] == mark} already (setting it).
     *
     * @return the new number of listed items
     */
    int count(int item, double[] counts, int[] listed, int count, int[] stamp, int mark) {
        for (int q = itemOffsets[item], end = itemOffsets[item + 1]; q < end; q++) {
            int u = itemUsers[q];
            for (int p = userOffsets[u], last = userOffsets[u + 1]; p < last; p++) {
                int j = userItems[p];
                if (j == item) {
                    continue;
                }
                if (stamp[j] != mark) {
                    stamp[j] = mark;
                    listed[count++] = j;
                }
                counts[j] += 1;
            }
        }
        return count;
    }

    /** The nearest-rank percentile {@code p} of {@code values[0, n)}; 0 if {@code n == 0}. */
    static int percentile(int[] values, int n, double p) {
        if (n == 0) {
            return 0;
        }
        int[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * n);
        return sorted[Math.max(0, Math.min(n, rank) - 1)];
    }

    private static int[] prefixSums(int[] counts) {
        int[] offsets = new int[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            offsets[i + 1] = offsets[i] + counts[i];
        }
        return offsets;
    }
}
