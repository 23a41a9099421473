package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.filter.AllowedItems;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A trained {@link PopularityCountRecipe}: items in popularity order with their counts. The same
 * list for every user, known or not.
 *
 * <p>Payload version 1: {@code int n}, then {@code n} times (string item id, {@code long} count),
 * in ranked order. Reading checks the ranking invariants, so a payload that was tampered with but
 * kept its checksum still cannot produce a model that violates them.
 */
final class PopularityCountModel implements UserModel {

    static final int PAYLOAD_VERSION = 1;

    private final String[] itemIds;
    private final long[] counts;
    private final double[] scores;
    private final IdDictionary catalog;

    /**
     * @param itemIds item ids, most popular first, ties by id ascending
     * @param counts each item's count, positive, non-increasing
     * @throws IllegalArgumentException if the arrays break those rules
     */
    PopularityCountModel(String[] itemIds, long[] counts) {
        long total = PopularityOrder.requireOrdered(itemIds, counts);
        this.itemIds = itemIds;
        this.counts = counts;
        this.scores = new double[counts.length];
        this.catalog = IdDictionary.of(itemIds);
        for (int i = 0; i < counts.length; i++) {
            scores[i] = (double) counts[i] / total;
        }
    }

    @Override
    public String recipe() {
        return PopularityCountRecipe.NAME;
    }

    /** The same items for every user: the {@code numResults} most popular, score = count / total count. */
    @Override
    public List<ScoredItem> recommend(String userId, int numResults) {
        Objects.requireNonNull(userId, "userId");
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        int n = Math.min(numResults, itemIds.length);
        List<ScoredItem> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new ScoredItem(itemIds[i], scores[i]));
        }
        return Collections.unmodifiableList(result);
    }

    /** The number of items the model can recommend. */
    int catalogSize() {
        return itemIds.length;
    }

    /** The count of the item at popularity rank {@code rank} (0 = most popular). */
    long count(int rank) {
        return counts[rank];
    }

    /** Every item the model ranks, in rank order. */
    @Override
    public IdDictionary catalog() {
        return catalog;
    }

    /** {@inheritDoc} The first {@code numResults} allowed items of the list, with their usual scores. */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults, AllowedItems allowed) {
        Objects.requireNonNull(userId, "userId");
        Candidates.requireCatalog(this, allowed);
        return Candidates.firstAllowed(itemIds, scores, numResults, allowed);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ModelCodec.write(out, PopularityCountRecipe.NAME, PAYLOAD_VERSION, this::writePayload);
    }

    private void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            ModelCodec.writeString(out, itemIds[i]);
            out.writeLong(counts[i]);
        }
    }

    /** Reads a payload written by {@link #writeTo(OutputStream)}. */
    static PopularityCountModel readPayload(DataInputStream in, int payloadVersion) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION) {
            throw new IOException("Unsupported " + PopularityCountRecipe.NAME + " payload version " + payloadVersion
                    + "; this build reads version " + PAYLOAD_VERSION);
        }
        int n = ModelCodec.readCount(in, "item count");
        // Grow as items arrive rather than trusting n, so a corrupt count ends in EOF, not in an
        // out-of-memory error.
        int capacity = Math.min(n, 1 << 12);
        String[] itemIds = new String[capacity];
        long[] counts = new long[capacity];
        for (int i = 0; i < n; i++) {
            if (i == capacity) {
                capacity = (int) Math.min(n, 2L * capacity);
                itemIds = Arrays.copyOf(itemIds, capacity);
                counts = Arrays.copyOf(counts, capacity);
            }
            itemIds[i] = ModelCodec.readString(in, "item id");
            counts[i] = in.readLong();
        }
        return new PopularityCountModel(itemIds, counts);
    }

    @Override
    public String toString() {
        return "PopularityCountModel[items=" + itemIds.length + "]";
    }
}
