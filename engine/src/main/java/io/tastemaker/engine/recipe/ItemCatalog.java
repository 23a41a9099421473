package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;
import java.util.Objects;

/**
 * The items a related-items model knows, in one index order: first every item with a selected
 * interaction, most popular first (popularity = distinct users), ties by id
 * ({@link String#compareTo}); then the items known only from the Items dataset, by id. So the
 * popularity fallback is a prefix of the catalog, and walking a list of catalog indices in
 * ascending order visits popular items first.
 */
final class ItemCatalog {

    /** Item ids in catalog order. */
    final String[] ids;
    /** Distinct users per item; 0 for the items known only from the Items dataset. */
    final long[] counts;
    /** How many items have an interaction: they are indices {@code 0 .. interacted - 1}. */
    final int interacted;
    /** The ids, indexed. */
    final IdDictionary index;
    /** The catalog index of each item index of the log the catalog was made from ({@code -1}: none). */
    final int[] fromLog;

    private ItemCatalog(String[] ids, long[] counts, int interacted, int[] fromLog) {
        this.ids = ids;
        this.counts = counts;
        this.interacted = interacted;
        this.index = IdDictionary.of(ids);
        this.fromLog = fromLog;
    }

    /**
     * The items of {@code log} that have an interaction, then the other items of {@code attributes}
     * ({@link ItemAttributes#empty()} for interactions alone).
     */
    static ItemCatalog of(InteractionLog log, ItemAttributes attributes) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(attributes, "attributes");
        IdDictionary logItems = log.items();
        long[] logCounts = distinctUsers(log);
        int[] ranked = new int[logCounts.length];
        int interacted = 0;
        for (int item = 0; item < logCounts.length; item++) {
            if (logCounts[item] > 0) {
                ranked[interacted++] = item;
            }
        }
        ranked = Arrays.copyOf(ranked, interacted);
        IndexSort.stableSort(ranked, (a, b) -> {
            int byCount = Long.compare(logCounts[b], logCounts[a]);
            return byCount != 0 ? byCount : logItems.idOf(a).compareTo(logItems.idOf(b));
        });

        // Items only in the Items dataset, by id.
        IdDictionary.Builder seen = new IdDictionary.Builder(interacted);
        for (int item : ranked) {
            seen.intern(logItems.idOf(item));
        }
        String[] extra = new String[attributes.size()];
        int extraCount = 0;
        for (int a = 0; a < attributes.size(); a++) {
            String id = attributes.items().idOf(a);
            if (seen.indexOf(id) < 0) {
                extra[extraCount++] = id;
            }
        }
        Arrays.sort(extra, 0, extraCount);

        String[] ids = new String[interacted + extraCount];
        long[] counts = new long[ids.length];
        int[] fromLog = new int[logCounts.length];
        Arrays.fill(fromLog, -1);
        for (int c = 0; c < interacted; c++) {
            ids[c] = logItems.idOf(ranked[c]);
            counts[c] = logCounts[ranked[c]];
            fromLog[ranked[c]] = c;
        }
        System.arraycopy(extra, 0, ids, interacted, extraCount);
        return new ItemCatalog(ids, counts, interacted, fromLog);
    }

    /** The number of items. */
    int size() {
        return ids.length;
    }

    /**
     * Checks the catalog order of the class comment: counts non-negative, the positive ones first in
     * popularity order, then the zero ones by id.
     *
     * @return how many items have a positive count
     * @throws IllegalArgumentException naming the first item that breaks the order
     */
    static int requireOrdered(String[] ids, long[] counts) {
        if (ids.length != counts.length) {
            throw new IllegalArgumentException(ids.length + " item ids but " + counts.length + " counts");
        }
        int interacted = 0;
        while (interacted < counts.length && counts[interacted] > 0) {
            interacted++;
        }
        PopularityOrder.requireOrdered(Arrays.copyOf(ids, interacted), Arrays.copyOf(counts, interacted));
        for (int i = interacted; i < ids.length; i++) {
            Objects.requireNonNull(ids[i], "item id");
            if (counts[i] != 0) {
                throw new IllegalArgumentException("Count of item '" + ids[i] + "' must be 0 after the items with "
                        + "interactions, was " + counts[i]);
            }
            if (i > interacted && ids[i - 1].compareTo(ids[i]) >= 0) {
                throw new IllegalArgumentException("Items without interactions are not in id order at position "
                        + i);
            }
        }
        return interacted;
    }

    /** Distinct users per item index of {@code log}. */
    private static long[] distinctUsers(InteractionLog log) {
        long[] counts = new long[log.items().size()];
        int[] lastUser = new int[counts.length];
        Arrays.fill(lastUser, -1);
        RowGroups byUser = log.rowsByUser();
        for (int user = 0; user < byUser.groupCount(); user++) {
            for (int p = byUser.start(user), end = byUser.end(user); p < end; p++) {
                int item = log.item(byUser.row(p));
                if (lastUser[item] != user) {
                    lastUser[item] = user;
                    counts[item]++;
                }
            }
        }
        return counts;
    }
}
