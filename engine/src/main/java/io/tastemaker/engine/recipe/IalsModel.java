package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.linalg.Cholesky;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A trained {@link IalsRecipe}: the catalog with its popularity, a vector per user and per item,
 * and each training user's items.
 *
 * <p>Scoring a user the model knows: the raw score of item {@code j} is the dot product
 * {@code x_u · y_j}; the returned score is the softmax of the raw scores over the whole catalog,
 * {@code exp(raw[j] − max) / sum over all items of exp(raw[k] − max)}, so the scores of all
 * catalog items sum to 1, as in Personalize's user-personalization recipes. Items the user
 * interacted with stay candidates unless the caller asks to exclude them. Ties go to the item
 * earlier in the catalog (more popular, then lower id). A user the model does not know gets the
 * most popular items, scored by their share of all counts, exactly as {@link EaseModel} does.
 *
 * <p>Scoring cost: a top-k reads every item vector once, and is the latency of a request. So the
 * item vectors are kept by blocks of {@value #BLOCK} items, one array per block and factor
 * ({@code itemColumns}), and a block's dot products are computed together by loops over the
 * block's items, which the JIT turns into SIMD instructions; they add the same products in the
 * same order as {@link IalsRecipe#dot}, so the raw scores are exactly those of a dot product per
 * item. Each block then feeds a bounded heap and a running softmax normaliser (rescaled when the
 * maximum grows), so a top-k holds no array as long as the catalog.
 *
 * <p>Artifact: the envelope's recipe field is {@value #ARTIFACT_KEY}, not the recipe name, so that
 * {@link ModelCodec} tells iALS payloads from the EASE payloads stored under
 * {@code aws-user-personalization}; the recipe name the model serves is the payload's first field.
 * Payload version 1 (big-endian): string recipe name; {@code int factors, int iterations, double
 * regularization, double regularization_exponent, double alpha, int cg_steps}; {@code int M}, then
 * M times (string item id, {@code long} count) in catalog order; {@code int U} users, then per user
 * (string id, {@code int} length, that many ascending catalog indices); then {@code U · factors}
 * floats of user vectors and {@code M · factors} floats of item vectors, row after row. Reading
 * checks every invariant (order, ranges, finite vectors), so a tampered payload that kept its
 * checksum cannot make an inconsistent
 * model.
 */
public final class IalsModel implements UserPersonalizationModel {

    /** The envelope's recipe field for iALS artifacts. */
    public static final String ARTIFACT_KEY = "aws-user-personalization/ials";

    static final int PAYLOAD_VERSION = 1;

    /**
     * Items per block of the item vectors: a block's four partial sums (16 KB) stay in the L1
     * cache while its vectors stream past. In a standalone timing of the block loop on 50,000 items
     * × 64 factors, 1,024 items took 0.35 ms and 256 items 0.42 ms.
     */
    static final int BLOCK = 1024;

    private final String recipe;
    private final IalsRecipe.HyperParameters parameters;
    private final String[] itemIds;
    private final IdDictionary items;
    private final long[] counts;
    private final double[] shares;
    private final String[] userIds;
    private final IdDictionary users;
    private final int[] userOffsets;
    private final int[] userItems;
    private final int factors;
    private final float[] userFactors;
    /**
     * Item vectors by blocks of {@value #BLOCK} items: factor {@code f} of item {@code j} is
     * {@code itemColumns[(j / BLOCK) · factors + f][j % BLOCK]}; the last block is padded with
     * zeros. Separate arrays, not offsets into one: C2 (JDK 17) vectorises {@code s[j] += a · c[j]}
     * over two arrays at the same index, not when an offset might make them overlap.
     */
    private final float[][] itemColumns;
    /** YᵀY, computed on first use; a race only computes the same value twice. */
    private volatile double[][] itemGram;

    /**
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    IalsModel(String recipe, IalsRecipe.HyperParameters parameters, String[] itemIds, long[] counts,
            String[] userIds, int[] userOffsets, int[] userItems, float[] userFactors, float[] itemFactors) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        if (recipe.isBlank()) {
            throw new IllegalArgumentException("The recipe name is blank");
        }
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        int m = itemIds.length;
        long total = PopularityOrder.requireOrdered(itemIds, counts);
        int u = userIds.length;
        if (userOffsets.length != u + 1 || userOffsets[0] != 0 || userOffsets[u] != userItems.length) {
            throw new IllegalArgumentException("The user offsets do not cover the user items");
        }
        for (int user = 0; user < u; user++) {
            int from = userOffsets[user];
            int to = userOffsets[user + 1];
            if (to <= from) {
                throw new IllegalArgumentException("The user row " + user + " has no items");
            }
            for (int p = from; p < to; p++) {
                int item = userItems[p];
                if (item < 0 || item >= m || p > from && item <= userItems[p - 1]) {
                    throw new IllegalArgumentException("The user row " + user + " has an invalid or unsorted index "
                            + item);
                }
            }
        }
        this.factors = parameters.factors();
        requireVectors(userFactors, (long) u * factors, "user");
        requireVectors(itemFactors, (long) m * factors, "item");
        this.itemIds = itemIds;
        this.items = IdDictionary.of(itemIds);
        this.counts = counts;
        this.shares = new double[m];
        for (int i = 0; i < m; i++) {
            shares[i] = (double) counts[i] / total;
        }
        this.userIds = userIds;
        this.users = IdDictionary.of(userIds);
        this.userOffsets = userOffsets;
        this.userItems = userItems;
        this.userFactors = userFactors;
        this.itemColumns = toColumns(itemFactors, m, factors);
    }

    /** Row-major item vectors ({@code m} rows of {@code k}) in the layout of {@code itemColumns}. */
    private static float[][] toColumns(float[] rows, int m, int k) {
        int blocks = (m + BLOCK - 1) / BLOCK;
        float[][] columns = new float[Math.multiplyExact(blocks, k)][BLOCK];
        for (int item = 0; item < m; item++) {
            int c = item / BLOCK * k;
            int j = item % BLOCK;
            for (int f = 0; f < k; f++) {
                columns[c + f][j] = rows[item * k + f];
            }
        }
        return columns;
    }

    /** Copies the vector of catalog item {@code item} into {@code into[0, factors)}. */
    private void itemVector(int item, float[] into) {
        int c = item / BLOCK * factors;
        int j = item % BLOCK;
        for (int f = 0; f < factors; f++) {
            into[f] = itemColumns[c + f][j];
        }
    }

    private static void requireVectors(float[] vectors, long length, String what) {
        if (vectors.length != length) {
            throw new IllegalArgumentException(vectors.length + " " + what + " vector entries, expected " + length);
        }
        for (float value : vectors) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("A " + what + " vector entry is not finite: " + value);
            }
        }
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public UserPersonalizationRecipe.Algorithm algorithm() {
        return UserPersonalizationRecipe.Algorithm.IALS;
    }

    /** The hyperparameters the model was trained with. */
    public IalsRecipe.HyperParameters hyperParameters() {
        return parameters;
    }

    /** The number of items the model can recommend: every item with a training interaction. */
    public int catalogSize() {
        return itemIds.length;
    }

    /** The number of users with a training interaction. */
    public int userCount() {
        return userIds.length;
    }

    /** The catalog index of the item, or −1 if the model does not know it. */
    int itemIndex(String itemId) {
        return items.indexOf(itemId);
    }

    /** The index of the user, or −1 if the model does not know them. */
    int userIndex(String userId) {
        return users.indexOf(userId);
    }

    /** Copies the vector of catalog item {@code item} to {@code to[at .. at + factors)}. */
    void copyItemVector(int item, float[] to, int at) {
        int c = item / BLOCK * factors;
        int j = item % BLOCK;
        for (int f = 0; f < factors; f++) {
            to[at + f] = itemColumns[c + f][j];
        }
    }

    /** Copies the vector of user {@code user} to {@code to[at .. at + factors)}. */
    void copyUserVector(int user, float[] to, int at) {
        System.arraycopy(userFactors, user * factors, to, at, factors);
    }

    /** The number of distinct items user {@code user} interacted with in training. */
    int historyLength(int user) {
        return userOffsets[user + 1] - userOffsets[user];
    }

    /** Whether user {@code user} interacted with catalog item {@code item} in training. */
    boolean historyContains(int user, int item) {
        return Arrays.binarySearch(userItems, userOffsets[user], userOffsets[user + 1], item) >= 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Same as {@code recommend(userId, numResults, false)}.
     */
    @Override
    public List<ScoredItem> recommend(String userId, int numResults) {
        return recommend(userId, numResults, false);
    }

    /**
     * The best {@code numResults} items for {@code userId}, best first, scored as the class comment
     * says.
     *
     * @param excludeSeen whether to leave out the items the user interacted with in training (an
     *     offline evaluation's protocol); Personalize keeps them, so the service passes
     *     {@code false}
     * @return an unmodifiable list
     * @throws IllegalArgumentException if {@code numResults} is negative
     */
    public List<ScoredItem> recommend(String userId, int numResults, boolean excludeSeen) {
        Objects.requireNonNull(userId, "userId");
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        int user = users.indexOf(userId);
        if (user < 0) {
            List<ScoredItem> result = new ArrayList<>(Math.min(numResults, itemIds.length));
            for (int item = 0; item < itemIds.length && result.size() < numResults; item++) {
                result.add(new ScoredItem(itemIds[item], shares[item]));
            }
            return Collections.unmodifiableList(result);
        }
        int from = userOffsets[user];
        int to = userOffsets[user + 1];
        IntPredicate candidate = excludeSeen ? item -> Arrays.binarySearch(userItems, from, to, item) < 0 : null;
        return best(userFactors, user * factors, numResults, candidate);
    }

    /**
     * The best {@code numResults} items for the user vector {@code x[xo, xo + factors)}, best first,
     * with their softmax scores over the whole catalog; only items that pass {@code candidate}
     * (all if null) are selected, but every item counts in the normaliser.
     */
    private List<ScoredItem> best(float[] x, int xo, int numResults, IntPredicate candidate) {
        int m = itemIds.length;
        TopK.Running selection = new TopK.Running(Math.min(numResults, m));
        float[] raw = new float[BLOCK];
        float[] s1 = new float[BLOCK];
        float[] s2 = new float[BLOCK];
        float[] s3 = new float[BLOCK];
        double max = Double.NEGATIVE_INFINITY;
        double normaliser = 0;
        for (int start = 0; start < m; start += BLOCK) {
            int n = Math.min(BLOCK, m - start);
            scoreBlock(x, xo, start / BLOCK, raw, s1, s2, s3);
            float blockMax = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                blockMax = Math.max(blockMax, raw[j]);
            }
            if (blockMax > max) {
                // The sum so far is of exp(s − old); exp(s − new) = exp(s − old) · exp(old − new).
                normaliser *= Math.exp(max - blockMax);
                max = blockMax;
            }
            for (int j = 0; j < n; j++) {
                double score = raw[j];
                normaliser += Math.exp(score - max);
                if (!selection.rejects(score) && (candidate == null || candidate.test(start + j))) {
                    selection.offer(start + j, score);
                }
            }
        }
        selection.sortBestFirst();
        List<ScoredItem> result = new ArrayList<>(selection.size());
        for (int rank = 0; rank < selection.size(); rank++) {
            double softmax = Math.exp(selection.score(rank) - max) / normaliser;
            result.add(new ScoredItem(itemIds[selection.index(rank)], softmax));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The raw scores {@code x[xo, xo + factors) · y_j} of the {@value #BLOCK} items of block
     * {@code block} into {@code raw} (padding items score 0). As {@link IalsRecipe#dot}: four partial
     * sums, the first over factors 0, 4, 8, …, then the leftover factors, the second over 1, 5, 9,
     * …, added as {@code (s0 + s1) + (s2 + s3)}; here each partial sum is an array over the block's
     * items, so the inner loops run over adjacent items and vectorise. {@code s1}, {@code s2},
     * {@code s3} are scratch space of length {@value #BLOCK}.
     */
    private void scoreBlock(float[] x, int xo, int block, float[] raw, float[] s1, float[] s2, float[] s3) {
        int c = block * factors;
        Arrays.fill(raw, 0f);
        Arrays.fill(s1, 0f);
        Arrays.fill(s2, 0f);
        Arrays.fill(s3, 0f);
        int f = 0;
        for (; f + 3 < factors; f += 4) {
            accumulate(x[xo + f], itemColumns[c + f], raw);
            accumulate(x[xo + f + 1], itemColumns[c + f + 1], s1);
            accumulate(x[xo + f + 2], itemColumns[c + f + 2], s2);
            accumulate(x[xo + f + 3], itemColumns[c + f + 3], s3);
        }
        for (; f < factors; f++) {
            accumulate(x[xo + f], itemColumns[c + f], raw);
        }
        for (int j = 0; j < BLOCK; j++) {
            raw[j] = (raw[j] + s1[j]) + (s2[j] + s3[j]);
        }
    }

    /** {@code sum[j] += a · column[j]} over a block: same index in both arrays, which C2 vectorises. */
    private static void accumulate(float a, float[] column, float[] sum) {
        for (int j = 0; j < BLOCK; j++) {
            sum[j] += a * column[j];
        }
    }

    /**
     * {@code itemIds} in the order the user would prefer them, as Personalize's
     * {@code GetPersonalizedRanking}: the items the model knows by their raw score, with scores
     * normalised (softmax) over those items so they sum to 1; then the items it does not know, in
     * their input order, with score 0. An item listed twice is ranked once. An unknown user gets
     * the items by popularity, scored by their share of the listed items' counts.
     *
     * @return an unmodifiable list with one entry per distinct id of {@code itemIds}
     */
    @Override
    public List<ScoredItem> rank(String userId, List<String> itemIds) {
        Objects.requireNonNull(userId, "userId");
        int user = users.indexOf(userId);
        return rank(user < 0 ? null : rawScores(userFactors, user * factors), itemIds);
    }

    /** {@link #rank(String, List)} with the user's vector folded in from the recent items too (see {@link #recommend(String, List, int)}). */
    @Override
    public List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds) {
        float[] live = liveVector(userId, recentItemIds);
        return live == null ? rank(userId, itemIds) : rank(rawScores(live, 0), itemIds);
    }

    /** Ranks by {@code raw} scores, or by popularity when {@code raw} is null (an unknown user). */
    private List<ScoredItem> rank(double[] raw, List<String> itemIds) {
        return ListRanking.rank(items, this.itemIds, counts, itemIds, () -> raw);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The user's vector is folded in from their training items and the recent items together
     * (each counted once, with confidence {@code 1 + alpha}), by one exact solve of the iALS
     * normal equations with the item factors fixed: {@code (YᵀY + alpha·Σ y yᵀ + λ·n^e·I) x =
     * (1 + alpha)·Σ y}. A user unknown at training gets a vector from the recent items alone; with
     * no recent item the model's trained vector is used, unchanged.
     */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults) {
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        float[] x = liveVector(userId, recentItemIds);
        return x == null ? recommend(userId, numResults, false) : best(x, 0, numResults, null);
    }

    @Override
    public IdDictionary catalog() {
        return items;
    }

    /** {@link #recommend(String, List, int)} among the allowed items only, selected while scoring. */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults, AllowedItems allowed) {
        Candidates.requireCatalog(this, allowed);
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        float[] x = liveVector(userId, recentItemIds);
        if (x != null) {
            return best(x, 0, numResults, allowed::contains);
        }
        int user = users.indexOf(userId);
        if (user >= 0) {
            return best(userFactors, user * factors, numResults, allowed::contains);
        }
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, allowed.count()));
        for (int item = 0; item < itemIds.length && result.size() < numResults; item++) {
            if (allowed.contains(item)) {
                result.add(new ScoredItem(itemIds[item], shares[item]));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The user's vector folded in with the recent items, or null when no recent item is known. */
    float[] liveVector(String userId, List<String> recentItemIds) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recentItemIds, "recentItemIds");
        Set<Integer> history = new HashSet<>();
        for (String id : recentItemIds) {
            int item = items.indexOf(id);
            if (item >= 0) {
                history.add(item);
            }
        }
        if (history.isEmpty()) {
            return null;
        }
        int user = users.indexOf(userId);
        if (user >= 0) {
            for (int p = userOffsets[user]; p < userOffsets[user + 1]; p++) {
                history.add(userItems[p]);
            }
        }
        return foldIn(history);
    }

    /** The user vector that the given items (catalog indices, each once) give with the item factors fixed. */
    private float[] foldIn(Set<Integer> history) {
        double[][] gram = itemGram();
        double[][] a = new double[factors][];
        for (int r = 0; r < factors; r++) {
            a[r] = gram[r].clone();
        }
        double[] b = new double[factors];
        double alpha = parameters.alpha();
        float[] y = new float[factors];
        for (int item : history) {
            itemVector(item, y);
            for (int r = 0; r < factors; r++) {
                double yr = y[r];
                b[r] += (1 + alpha) * yr;
                double[] row = a[r];
                for (int c = 0; c <= r; c++) {
                    row[c] += alpha * yr * y[c];
                }
            }
        }
        double penalty = parameters.regularization() * Math.pow(history.size(), parameters.regularizationExponent());
        for (int r = 0; r < factors; r++) {
            a[r][r] += Math.max(penalty, 1e-9);
        }
        double[] solved = Cholesky.solve(a, b);
        float[] x = new float[factors];
        for (int r = 0; r < factors; r++) {
            x[r] = (float) solved[r];
        }
        return x;
    }

    /** YᵀY over the item factors (lower triangle), computed on first use and kept. */
    private double[][] itemGram() {
        double[][] gram = this.itemGram;
        if (gram == null) {
            gram = new double[factors][factors];
            float[] y = new float[factors];
            for (int item = 0; item < itemIds.length; item++) {
                itemVector(item, y);
                for (int r = 0; r < factors; r++) {
                    double yr = y[r];
                    double[] row = gram[r];
                    for (int c = 0; c <= r; c++) {
                        row[c] += yr * y[c];
                    }
                }
            }
            this.itemGram = gram;
        }
        return gram;
    }

    /**
     * The raw scores over the catalog of {@code userId}, with the vector folded in from the recent
     * items when there are known ones, as {@link #recommend(String, List, int)} scores them; or
     * {@code null} when this model answers the user by popularity (unknown user, no known recent
     * item). A new array: the caller may change it. For {@link ContextualModel}.
     */
    double[] personalScores(String userId, List<String> recentItemIds) {
        float[] live = liveVector(userId, recentItemIds);
        if (live != null) {
            return rawScores(live, 0);
        }
        int user = users.indexOf(userId);
        return user < 0 ? null : rawScores(userFactors, user * factors);
    }

    /** {@inheritDoc} The distinct users of the training data (the catalog's popularity). */
    @Override
    public long itemUsers(String itemId) {
        int item = items.indexOf(itemId);
        return item < 0 ? 0 : counts[item];
    }

    /** The share of all counts of catalog item {@code item}: its popularity score. */
    double share(int item) {
        return shares[item];
    }

    /** {@code x · y_j} for every catalog item j, for the user vector {@code x[xo, xo + factors)}. */
    private double[] rawScores(float[] x, int xo) {
        int m = itemIds.length;
        double[] raw = new double[m];
        float[] block = new float[BLOCK];
        float[] s1 = new float[BLOCK];
        float[] s2 = new float[BLOCK];
        float[] s3 = new float[BLOCK];
        for (int start = 0; start < m; start += BLOCK) {
            scoreBlock(x, xo, start / BLOCK, block, s1, s2, s3);
            for (int j = 0, n = Math.min(BLOCK, m - start); j < n; j++) {
                raw[start + j] = block[j];
            }
        }
        return raw;
    }

    /** A copy of the trained vector of {@code userId}, or null if the model does not know the user. */
    float[] userVector(String userId) {
        int user = users.indexOf(userId);
        return user < 0 ? null : Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors);
    }

    /** A copy of the vector of the catalog's item {@code item} (0 is the most popular). */
    float[] itemVector(int item) {
        float[] y = new float[factors];
        itemVector(item, y);
        return y;
    }

    /** The id of the catalog's item {@code item}. */
    String itemId(int item) {
        return itemIds[item];
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ModelCodec.write(out, ARTIFACT_KEY, PAYLOAD_VERSION, this::writePayload);
    }

    private void writePayload(DataOutputStream out) throws IOException {
        ModelCodec.writeString(out, recipe);
        out.writeInt(parameters.factors());
        out.writeInt(parameters.iterations());
        out.writeDouble(parameters.regularization());
        out.writeDouble(parameters.regularizationExponent());
        out.writeDouble(parameters.alpha());
        out.writeInt(parameters.cgSteps());
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            ModelCodec.writeString(out, itemIds[i]);
            out.writeLong(counts[i]);
        }
        out.writeInt(userIds.length);
        for (int u = 0; u < userIds.length; u++) {
            ModelCodec.writeString(out, userIds[u]);
            int from = userOffsets[u];
            int to = userOffsets[u + 1];
            out.writeInt(to - from);
            for (int p = from; p < to; p++) {
                out.writeInt(userItems[p]);
            }
        }
        for (float value : userFactors) {
            out.writeFloat(value);
        }
        float[] y = new float[factors];
        for (int item = 0; item < itemIds.length; item++) {
            itemVector(item, y);
            for (float value : y) {
                out.writeFloat(value);
            }
        }
    }

    /** Reads a payload written by {@link #writeTo(OutputStream)}. */
    static IalsModel readPayload(DataInputStream in, int payloadVersion) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION) {
            throw new IOException("Unsupported " + ARTIFACT_KEY + " payload version " + payloadVersion
                    + "; this build reads version " + PAYLOAD_VERSION);
        }
        String recipe = ModelCodec.readString(in, "recipe name");
        IalsRecipe.HyperParameters parameters = new IalsRecipe.HyperParameters(in.readInt(), in.readInt(),
                in.readDouble(), in.readDouble(), in.readDouble(), in.readInt());
        // Arrays grow as entries arrive rather than trusting the counts, so a corrupt count ends in
        // EOF, not in an out-of-memory error.
        int m = ModelCodec.readCount(in, "item count");
        String[] itemIds = new String[Math.min(m, 1 << 12)];
        long[] counts = new long[itemIds.length];
        for (int i = 0; i < m; i++) {
            if (i == itemIds.length) {
                itemIds = Arrays.copyOf(itemIds, (int) Math.min(m, 2L * i));
                counts = Arrays.copyOf(counts, itemIds.length);
            }
            itemIds[i] = ModelCodec.readString(in, "item id");
            counts[i] = in.readLong();
        }
        int userCount = ModelCodec.readCount(in, "user count");
        String[] userIds = new String[Math.min(userCount, 1 << 12)];
        int[] userOffsets = new int[userIds.length + 1];
        int[] userItems = new int[1 << 12];
        int size = 0;
        for (int u = 0; u < userCount; u++) {
            if (u == userIds.length) {
                userIds = Arrays.copyOf(userIds, (int) Math.min(userCount, 2L * u));
                userOffsets = Arrays.copyOf(userOffsets, userIds.length + 1);
            }
            userIds[u] = ModelCodec.readString(in, "user id");
            int length = ModelCodec.readCount(in, "user item count");
            for (int p = 0; p < length; p++) {
                if (size == userItems.length) {
                    userItems = Arrays.copyOf(userItems, 2 * size);
                }
                userItems[size++] = in.readInt();
            }
            userOffsets[u + 1] = size;
        }
        // The counts are now backed by data read, and factors by a checked hyperparameter.
        float[] userFactors = readFloats(in, (long) userCount * parameters.factors(), "user vectors");
        float[] itemFactors = readFloats(in, (long) m * parameters.factors(), "item vectors");
        return new IalsModel(recipe, parameters, itemIds, counts, userIds, userOffsets, Arrays.copyOf(userItems, size),
                userFactors, itemFactors);
    }

    private static float[] readFloats(DataInputStream in, long count, String what) throws IOException {
        if (count > Integer.MAX_VALUE - 8) {
            throw new IOException("Corrupt model artifact: " + count + " " + what);
        }
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    @Override
    public String toString() {
        return "IalsModel[algorithm=ials, recipe=" + recipe + ", items=" + itemIds.length + ", users="
                + userIds.length + ", " + parameters + "]";
    }
}
