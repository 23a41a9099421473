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
 * A trained {@link TrendingNowRecipe}: every item with its interaction counts in the latest window,
 * the previous window and overall, in trend order. The same list for every user, known or not.
 *
 * <p>A recommendation's score is {@code max(g, 0)}, with {@code g} the item's trend score (see
 * {@link TrendingNowRecipe}): for a trending item, the natural logarithm of the factor by which its
 * interaction rate grew, with 95% confidence (a score of 0.69 means it at least doubled); 0 for an
 * item listed for its recent popularity rather than a trend.
 *
 * <p>Payload version 1 (big-endian): {@code long windowSeconds}, {@code long now}, {@code int n},
 * then n times (string item id, {@code long} latest-window count, {@code long} previous-window
 * count, {@code long} total count) in ranked order. Scores are recomputed from the counts. Reading
 * checks every invariant (counts consistent, total positive, ids distinct, order exactly the
 * recipe's), so a tampered payload that kept its checksum cannot make an inconsistent model.
 */
public final class TrendingNowModel implements UserModel {

    static final int PAYLOAD_VERSION = 1;

    private final TrendingNowRecipe.HyperParameters parameters;
    private final long now;
    private final String[] itemIds;
    private final long[] latest;
    private final long[] previous;
    private final long[] total;
    private final double[] scores;
    private final IdDictionary catalog;

    /**
     * @param now the newest timestamp of the training interactions, in epoch seconds
     * @param itemIds item ids in ranked order
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    TrendingNowModel(TrendingNowRecipe.HyperParameters parameters, long now, String[] itemIds, long[] latest,
            long[] previous, long[] total) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        int n = itemIds.length;
        if (latest.length != n || previous.length != n || total.length != n) {
            throw new IllegalArgumentException(n + " item ids but " + latest.length + ", " + previous.length + " and "
                    + total.length + " counts");
        }
        if (n == 0) {
            throw new IllegalArgumentException("A trending-now model needs at least one item");
        }
        double[] trend = new double[n];
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(itemIds[i], "item id");
            if (latest[i] < 0 || previous[i] < 0 || total[i] <= 0 || latest[i] + previous[i] > total[i]) {
                throw new IllegalArgumentException("Counts of item '" + itemIds[i] + "' are inconsistent: latest "
                        + latest[i] + ", previous " + previous[i] + ", total " + total[i]);
            }
            trend[i] = trendScore(latest[i], previous[i]);
            if (i > 0 && compare(trend[i - 1], latest[i - 1] + previous[i - 1], total[i - 1], itemIds[i - 1],
                    trend[i], latest[i] + previous[i], total[i], itemIds[i]) >= 0) {
                throw new IllegalArgumentException("Items are not in trend order (or repeat) at position " + i);
            }
        }
        IdDictionary.of(itemIds); // rejects a repeated id
        this.now = now;
        this.itemIds = itemIds;
        this.latest = latest;
        this.previous = previous;
        this.total = total;
        this.scores = new double[n];
        this.catalog = IdDictionary.of(itemIds);
        for (int i = 0; i < n; i++) {
            scores[i] = Math.max(0, trend[i]);
        }
    }

    /**
     * The trend score {@code g} of an item with {@code latest} and {@code previous} interactions in
     * the two windows; see {@link TrendingNowRecipe}.
     */
    static double trendScore(long latest, long previous) {
        double l = latest + TrendingNowRecipe.PRIOR_COUNT;
        double p = previous + TrendingNowRecipe.PRIOR_COUNT;
        return Math.log(l / p) - TrendingNowRecipe.CONFIDENCE_Z * Math.sqrt(1 / l + 1 / p);
    }

    /**
     * The recipe's order of two items given their trend score, recent count (latest + previous) and
     * total count: negative if the first ranks first. Trending items (score > 0) first, by score;
     * then the rest by recent count; ties by recent count, total count, id.
     */
    static int compare(double scoreA, long recentA, long totalA, String idA, double scoreB, long recentB,
            long totalB, String idB) {
        boolean trendsA = scoreA > 0;
        boolean trendsB = scoreB > 0;
        if (trendsA != trendsB) {
            return trendsA ? -1 : 1;
        }
        if (trendsA && scoreA != scoreB) {
            return Double.compare(scoreB, scoreA);
        }
        if (recentA != recentB) {
            return Long.compare(recentB, recentA);
        }
        if (totalA != totalB) {
            return Long.compare(totalB, totalA);
        }
        return idA.compareTo(idB);
    }

    /**
     * The first timestamp after the start of window {@code k} back from {@code now}: a row with
     * timestamp {@code t} is in the last {@code k} windows iff {@code t > windowStart(now, w, k)}.
     * Saturates instead of overflowing.
     */
    static long windowStart(long now, long windowSeconds, int k) {
        long span = windowSeconds * k;
        return now < Long.MIN_VALUE + span ? Long.MIN_VALUE : now - span;
    }

    @Override
    public String recipe() {
        return TrendingNowRecipe.NAME;
    }

    /** The hyperparameters the model was trained with. */
    public TrendingNowRecipe.HyperParameters hyperParameters() {
        return parameters;
    }

    /** "Now" for this model: the newest timestamp of its training interactions, in epoch seconds. */
    public long now() {
        return now;
    }

    /** The number of items the model can recommend: every item with a training interaction. */
    public int catalogSize() {
        return itemIds.length;
    }

    /** The number of items whose interactions grew with 95% confidence; they lead the list. */
    public int trendingCount() {
        int count = 0;
        while (count < scores.length && scores[count] > 0) {
            count++;
        }
        return count;
    }

    /**
     * The same items for every user: the first {@code numResults} in trend order, scored as the class
     * comment says.
     */
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
        ModelCodec.write(out, TrendingNowRecipe.NAME, PAYLOAD_VERSION, this::writePayload);
    }

    private void writePayload(DataOutputStream out) throws IOException {
        out.writeLong(parameters.windowSeconds());
        out.writeLong(now);
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            ModelCodec.writeString(out, itemIds[i]);
            out.writeLong(latest[i]);
            out.writeLong(previous[i]);
            out.writeLong(total[i]);
        }
    }

    /** Reads a payload written by {@link #writeTo(OutputStream)}. */
    static TrendingNowModel readPayload(DataInputStream in, int payloadVersion) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION) {
            throw new IOException("Unsupported " + TrendingNowRecipe.NAME + " payload version " + payloadVersion
                    + "; this build reads version " + PAYLOAD_VERSION);
        }
        TrendingNowRecipe.HyperParameters parameters = new TrendingNowRecipe.HyperParameters(in.readLong());
        long now = in.readLong();
        int n = ModelCodec.readCount(in, "item count");
        // Grow as items arrive rather than trusting n, so a corrupt count ends in EOF, not in an
        // out-of-memory error.
        int capacity = Math.min(n, 1 << 12);
        String[] itemIds = new String[capacity];
        long[] latest = new long[capacity];
        long[] previous = new long[capacity];
        long[] total = new long[capacity];
        for (int i = 0; i < n; i++) {
            if (i == capacity) {
                capacity = (int) Math.min(n, 2L * capacity);
                itemIds = Arrays.copyOf(itemIds, capacity);
                latest = Arrays.copyOf(latest, capacity);
                previous = Arrays.copyOf(previous, capacity);
                total = Arrays.copyOf(total, capacity);
            }
            itemIds[i] = ModelCodec.readString(in, "item id");
            latest[i] = in.readLong();
            previous[i] = in.readLong();
            total[i] = in.readLong();
        }
        return new TrendingNowModel(parameters, now, itemIds, latest, previous, total);
    }

    @Override
    public String toString() {
        return "TrendingNowModel[items=" + itemIds.length + ", trending=" + trendingCount() + ", now=" + now + ", "
                + parameters + "]";
    }
}
