package io.tastemaker.engine.filter;

import io.tastemaker.engine.data.IdDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of a catalog that a filter lets through for one request, as a bitset over the catalog's
 * indices. Each instance owns its words.
 */
public final class AllowedItems {

    private final IdDictionary catalog;
    private final long[] words;

    AllowedItems(IdDictionary catalog, long[] words) {
        this.catalog = catalog;
        this.words = words;
    }

    /** The catalog the indices refer to. */
    public IdDictionary catalog() {
        return catalog;
    }

    /** Whether the item at catalog index {@code index} is allowed. */
    public boolean contains(int index) {
        return Bits.get(words, index);
    }

    /** Whether the item {@code itemId} is in the catalog and allowed. */
    public boolean contains(String itemId) {
        int index = catalog.indexOf(itemId);
        return index >= 0 && Bits.get(words, index);
    }

    /** How many items are allowed. */
    public int count() {
        return Bits.count(words);
    }

    /**
     * The bitset itself: item {@code i} is allowed when bit {@code i & 63} of word {@code i >>> 6} is
     * set; bits past the catalog's size are zero. Not a copy: callers may combine it in place.
     */
    public long[] words() {
        return words;
    }

    /** The allowed item ids in catalog order. */
    public List<String> itemIds() {
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                ids.add(catalog.idOf((w << 6) + Long.numberOfTrailingZeros(word)));
                word &= word - 1;
            }
        }
        return ids;
    }

    @Override
    public String toString() {
        return "AllowedItems[" + count() + " of " + catalog.size() + "]";
    }
}
