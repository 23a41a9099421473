package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import java.util.Arrays;

/**
 * The user × item matrix of a log's interactions, in compressed sparse row form both ways, with
 * the number of times each user interacted with each item (its repeats).
 *
 * <p>The catalog is every item with an interaction, most popular first, popularity being the number
 * of distinct users (ties by item id, {@link String#compareTo}): the same order as
 * {@link EaseModel}'s, so both recipes fall back to the same popularity list. Users are those with
 * an interaction, in the order of the log's user dictionary. Rows list their columns in ascending
 * order.
 *
 * <p>Built in linear time with counting sorts (no sort by timestamp), so that tens of millions of
 * interactions take seconds. It holds 16 bytes per distinct (user, item) pair, and needs 8 more
 * per log row while it is built.
 */
final class InteractionMatrix {

    final String[] itemIds;
    /** Distinct users per catalog item, non-increasing. */
    final long[] itemCounts;
    final String[] userIds;
    final int[] userOffsets;
    /** Catalog indices, ascending within each user. */
    final int[] userItems;
    /** Interactions of the user with {@code userItems[p]}, at least 1. */
    final int[] userRepeats;
    final int[] itemOffsets;
    /** User indices, ascending within each item. */
    final int[] itemUsers;
    final int[] itemRepeats;

    private InteractionMatrix(String[] itemIds, long[] itemCounts, String[] userIds, int[] userOffsets,
            int[] userItems, int[] userRepeats, int[] itemOffsets, int[] itemUsers, int[] itemRepeats) {
        this.itemIds = itemIds;
        this.itemCounts = itemCounts;
        this.userIds = userIds;
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.userRepeats = userRepeats;
        this.itemOffsets = itemOffsets;
        this.itemUsers = itemUsers;
        this.itemRepeats = itemRepeats;
    }

    /** The matrix of every row of {@code log}. */
    static InteractionMatrix of(InteractionLog log) {
        int rows = log.size();
        int logUsers = log.users().size();
        int logItems = log.items().size();

        // Rows by user (a counting sort), keeping log order within a user.
        int[] byUserOffsets = new int[logUsers + 1];
        for (int row = 0; row < rows; row++) {
            byUserOffsets[log.user(row) + 1]++;
        }
        for (int u = 0; u < logUsers; u++) {
            byUserOffsets[u + 1] += byUserOffsets[u];
        }
        int[] byUserItems = new int[rows];
        int[] next = Arrays.copyOf(byUserOffsets, logUsers);
        for (int row = 0; row < rows; row++) {
            byUserItems[next[log.user(row)]++] = log.item(row);
        }
        next = null;

        // Distinct items per user, in order of first appearance, with their repeats; users per item.
        int[] lastUser = new int[logItems];
        Arrays.fill(lastUser, -1);
        int[] position = new int[logItems];
        long[] counts = new long[logItems];
        int[] distinctRepeats = new int[rows];
        int[] distinctOffsets = new int[logUsers + 1];
        int size = 0;
        for (int u = 0; u < logUsers; u++) {
            for (int p = byUserOffsets[u], end = byUserOffsets[u + 1]; p < end; p++) {
                int item = byUserItems[p];
                if (lastUser[item] == u) {
                    distinctRepeats[position[item]]++;
                } else {
                    lastUser[item] = u;
                    position[item] = size;
                    counts[item]++;
                    byUserItems[size] = item; // size <= p: compacts in place
                    distinctRepeats[size] = 1;
                    size++;
                }
            }
            distinctOffsets[u + 1] = size;
        }
        lastUser = null;
        position = null;

        // Catalog order: distinct users descending, then id ascending.
        IdDictionary items = log.items();
        int[] ranked = new int[logItems];
        int catalogSize = 0;
        for (int item = 0; item < logItems; item++) {
            if (counts[item] > 0) {
                ranked[catalogSize++] = item;
            }
        }
        ranked = Arrays.copyOf(ranked, catalogSize);
        IndexSort.stableSort(ranked, (a, b) -> {
            int byCount = Long.compare(counts[b], counts[a]);
            return byCount != 0 ? byCount : items.idOf(a).compareTo(items.idOf(b));
        });
        int[] catalogIndex = new int[logItems];
        String[] itemIds = new String[catalogSize];
        long[] itemCounts = new long[catalogSize];
        for (int c = 0; c < catalogSize; c++) {
            catalogIndex[ranked[c]] = c;
            itemIds[c] = items.idOf(ranked[c]);
            itemCounts[c] = counts[ranked[c]];
        }

        // Users with an interaction keep their dictionary order.
        int userCount = 0;
        for (int u = 0; u < logUsers; u++) {
            if (distinctOffsets[u + 1] > distinctOffsets[u]) {
                userCount++;
            }
        }
        String[] userIds = new String[userCount];

        // Item rows: a counting sort of the pairs by item; users ascending because they are visited so.
        int[] itemOffsets = new int[catalogSize + 1];
        for (int c = 0; c < catalogSize; c++) {
            itemOffsets[c + 1] = itemOffsets[c] + (int) itemCounts[c];
        }
        int[] itemUsers = new int[size];
        int[] itemRepeats = new int[size];
        int[] fill = Arrays.copyOf(itemOffsets, catalogSize);
        int v = 0;
        for (int u = 0; u < logUsers; u++) {
            int from = distinctOffsets[u];
            int to = distinctOffsets[u + 1];
            if (from == to) {
                continue;
            }
            userIds[v] = log.users().idOf(u);
            for (int p = from; p < to; p++) {
                int at = fill[catalogIndex[byUserItems[p]]]++;
                itemUsers[at] = v;
                itemRepeats[at] = distinctRepeats[p];
            }
            v++;
        }
        byUserItems = null;
        distinctRepeats = null;

        // User rows: the transpose of the item rows, so items come out ascending.
        int[] userOffsets = new int[userCount + 1];
        for (int user : itemUsers) {
            userOffsets[user + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            userOffsets[u + 1] += userOffsets[u];
        }
        int[] userItems = new int[size];
        int[] userRepeats = new int[size];
        fill = Arrays.copyOf(userOffsets, userCount);
        for (int c = 0; c < catalogSize; c++) {
            for (int q = itemOffsets[c], end = itemOffsets[c + 1]; q < end; q++) {
                int at = fill[itemUsers[q]]++;
                userItems[at] = c;
                userRepeats[at] = itemRepeats[q];
            }
        }
        return new InteractionMatrix(itemIds, itemCounts, userIds, userOffsets, userItems, userRepeats,
                itemOffsets, itemUsers, itemRepeats);
    }

    int itemCount() {
        return itemIds.length;
    }

    int userCount() {
        return userIds.length;
    }

    /** The number of distinct (user, item) pairs. */
    int pairCount() {
        return userItems.length;
    }

    /** The number of distinct (user, item) pairs whose item is among the {@code topItems} most popular. */
    long coveredPairs(int topItems) {
        long covered = 0;
        for (int c = 0, end = Math.min(topItems, itemIds.length); c < end; c++) {
            covered += itemCounts[c];
        }
        return covered;
    }
}
