package io.tastemaker.engine.recipe;

import java.util.Objects;

/** The invariant that models holding item popularity share: positive counts, most popular first, ties by id. */
final class PopularityOrder {

    private PopularityOrder() {
    }

    /**
     * Checks that {@code counts} are positive and in popularity order (ties by id ascending).
     *
     * @return the sum of the counts
     * @throws IllegalArgumentException naming the first item that breaks the order
     */
    static long requireOrdered(String[] itemIds, long[] counts) {
        if (itemIds.length != counts.length) {
            throw new IllegalArgumentException(itemIds.length + " item ids but " + counts.length + " counts");
        }
        long total = 0;
        for (int i = 0; i < itemIds.length; i++) {
            Objects.requireNonNull(itemIds[i], "item id");
            if (counts[i] <= 0) {
                throw new IllegalArgumentException("Count of item '" + itemIds[i] + "' must be positive, was "
                        + counts[i]);
            }
            if (i > 0 && !(counts[i - 1] > counts[i]
                    || counts[i - 1] == counts[i] && itemIds[i - 1].compareTo(itemIds[i]) < 0)) {
                throw new IllegalArgumentException("Items are not in popularity order at position " + i);
            }
            total = Math.addExact(total, counts[i]);
        }
        return total;
    }
}
