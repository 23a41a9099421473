package io.tastemaker.engine.filter;

import io.tastemaker.engine.data.IdDictionary;

/**
 * A {@link Quota} clause prepared for one request over one catalog: which catalog items count toward
 * a {@code FROM} quota (its values bound from the list, the parameter or the current item), or the
 * value ids of each item for a {@code PER} quota. Made by {@link CompiledFilter#quotas}; the re-rank
 * itself is {@code io.tastemaker.engine.quota}'s. Immutable.
 */
public final class BoundQuota {

    private final Quota quota;
    private final IdDictionary catalog;
    private final CatalogIndex.StringColumn column;
    /** The catalog items that count ({@code FROM}); null for {@code PER}. */
    private final long[] members;

    BoundQuota(Quota quota, IdDictionary catalog, CatalogIndex.StringColumn column, long[] members) {
        this.quota = quota;
        this.catalog = catalog;
        this.column = column;
        this.members = members;
    }

    /** The clause as written. */
    public Quota quota() {
        return quota;
    }

    /** The catalog the item indices refer to. */
    public IdDictionary catalog() {
        return catalog;
    }

    /** Whether the catalog item at {@code index} has one of the values that count ({@code FROM} quotas; never for {@code -1}). */
    public boolean counts(int index) {
        if (members == null) {
            throw new IllegalStateException(quota + " caps every value; ask valuesOf instead");
        }
        return index >= 0 && Bits.get(members, index);
    }

    /** How many catalog items count ({@code FROM} quotas). */
    public int memberCount() {
        return members == null ? 0 : Bits.count(members);
    }

    /** How many distinct values the field has; value ids run from 0 to this, exclusive. */
    public int valueCount() {
        return column.valueCount();
    }

    /** The value ids of the catalog item at {@code index}, without repeats; empty for none or {@code -1}. */
    public int[] valuesOf(int index) {
        return index < 0 ? new int[0] : column.valueIds(index);
    }

    /**
     * The items of {@code allowed} that count ({@code FROM} quotas): what a model is asked to rank
     * when its best candidates hold too few of them.
     */
    public AllowedItems within(AllowedItems allowed) {
        if (members == null || allowed.catalog() != catalog) {
            throw new IllegalArgumentException("within takes the items of a FROM quota's own catalog");
        }
        long[] words = allowed.words().clone();
        Bits.and(words, members);
        return new AllowedItems(catalog, words);
    }

    @Override
    public String toString() {
        return "BoundQuota[" + quota + (members == null ? "" : ", " + memberCount() + " items count") + "]";
    }
}
