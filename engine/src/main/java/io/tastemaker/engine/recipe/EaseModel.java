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
import java.util.function.IntPredicate;

/**
 * A trained {@link EaseRecipe}: the catalog with its popularity, the kept weights of EASE's item
 * matrix {@code B}, and each training user's items.
 *
 * <p>Scoring a user the model knows, who interacted with at least one modelled item:
 *
 * <ul>
 *   <li>the raw score of a modelled item {@code j} is {@code sum of B[i][j]} over the user's
 *       modelled items {@code i}; items the user interacted with stay candidates, as in
 *       Personalize (filters remove them later), unless the caller asks to exclude them;</li>
 *   <li>an item outside the model gets the user's lowest modelled raw score minus 1, so it
 *       follows every modelled item; among such items the more popular comes first;</li>
 *   <li>the returned score is the softmax of the raw scores over the whole catalog,
 *       {@code exp(raw[j] − max) / sum over all items of exp(raw[k] − max)}, so the scores of all
 *       catalog items sum to 1, as in Personalize's user-personalization recipes;</li>
 *   <li>ties (equal raw scores) go to the item earlier in the catalog: more popular, then lower
 *       item id.</li>
 * </ul>
 *
 * <p>A user the model does not know, or who interacted only with items outside the model, gets the
 * most popular items, scored by their share of all counts (so again the catalog sums to 1).
 *
 * <p>Which items are modelled. A model that {@link EaseRecipe#train} made models the first
 * {@code min(max_items, M)} items of its catalog, the most popular. A model that
 * {@link EaseRecipe#update} made keeps the previous model's B, so it models the items the previous
 * model modelled that still have an interaction, wherever their new popularity puts them in the
 * catalog; the items it added (new items, or old ones that grew popular) are outside the model until
 * the next full training. {@code B} is therefore indexed by <em>slot</em>, {@code 0 .. N − 1}, and
 * {@code modelledItems[s]} is the catalog index of slot {@code s}.
 *
 * <p>Payload version 1 (big-endian): {@code double lambda, int max_items, int neighbors}; {@code int
 * M}, then M times (string item id, {@code long} count) in catalog order; {@code int N} modelled
 * items (the first N of the catalog), then for each modelled item {@code i} an {@code int} length
 * and that many ({@code int j}, {@code float B[i][j]}), ascending j; {@code int U} users, then per
 * user (string id, {@code int} length, that many ascending catalog indices). Payload version 2, written
 * only when the modelled items are not the catalog's first N (an updated model), has after the
 * catalog {@code int N} and N catalog indices, one per slot, and then the rows of B by slot, with
 * slots as the column indices j; the rest as version 1. Every model a full training makes still
 * writes version 1, which builds before version 2 read. Reading checks every invariant, so a
 * tampered payload that kept its checksum still cannot make an inconsistent model.
 */
public final class EaseModel implements UserPersonalizationModel {

    /** The payload version of models whose modelled items are the catalog's first N. */
    static final int PAYLOAD_VERSION = 1;
    /** The payload version of models whose modelled items are anywhere in the catalog. */
    static final int PAYLOAD_VERSION_SLOTS = 2;

    private final EaseRecipe.HyperParameters parameters;
    private final String[] itemIds;
    private final IdDictionary items;
    private final long[] counts;
    private final double[] shares;
    private final int modelled;
    /** Slot → catalog index of the modelled items. */
    private final int[] modelledItems;
    /** Catalog index → slot, or −1 for an item outside the model. */
    private final int[] slots;
    private final int[] neighborOffsets;
    private final int[] neighborItems;
    private final float[] neighborWeights;
    private final String[] userIds;
    private final IdDictionary users;
    private final int[] userOffsets;
    private final int[] userItems;

    /**
     * A model whose modelled items are the first {@code min(max_items, M)} of its catalog, as a full
     * training makes it.
     *
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    EaseModel(EaseRecipe.HyperParameters parameters, String[] itemIds, long[] counts, int modelled,
            int[] neighborOffsets, int[] neighborItems, float[] neighborWeights,
            String[] userIds, int[] userOffsets, int[] userItems) {
        this(parameters, itemIds, counts, firstItems(modelled), neighborOffsets, neighborItems, neighborWeights,
                userIds, userOffsets, userItems);
        if (modelled != Math.min(parameters.maxItems(), itemIds.length)) {
            throw new IllegalArgumentException(modelled + " modelled items, expected min(max_items "
                    + parameters.maxItems() + ", catalog " + itemIds.length + ")");
        }
    }

    /**
     * A model whose slot {@code s} of B is the catalog item {@code modelledItems[s]} (see the class
     * comment); at most {@code max_items} of them.
     *
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    EaseModel(EaseRecipe.HyperParameters parameters, String[] itemIds, long[] counts, int[] modelledItems,
            int[] neighborOffsets, int[] neighborItems, float[] neighborWeights,
            String[] userIds, int[] userOffsets, int[] userItems) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        int m = itemIds.length;
        long total = PopularityOrder.requireOrdered(itemIds, counts);
        int modelled = modelledItems.length;
        if (modelled > Math.min(parameters.maxItems(), m)) {
            throw new IllegalArgumentException(modelled + " modelled items, more than min(max_items "
                    + parameters.maxItems() + ", catalog " + m + ")");
        }
        int[] slots = new int[m];
        Arrays.fill(slots, -1);
        for (int s = 0; s < modelled; s++) {
            int item = modelledItems[s];
            if (item < 0 || item >= m || slots[item] >= 0) {
                throw new IllegalArgumentException("Slot " + s + " holds an invalid or repeated catalog index " + item);
            }
            slots[item] = s;
        }
        requireCsr(neighborOffsets, neighborItems, modelled, modelled, true, "neighbor");
        if (neighborWeights.length != neighborItems.length) {
            throw new IllegalArgumentException(neighborItems.length + " neighbors but " + neighborWeights.length
                    + " weights");
        }
        for (float weight : neighborWeights) {
            if (!Float.isFinite(weight)) {
                throw new IllegalArgumentException("Weight " + weight + " is not finite");
            }
        }
        requireCsr(userOffsets, userItems, userIds.length, m, false, "user");
        this.itemIds = itemIds;
        this.items = IdDictionary.of(itemIds);
        this.counts = counts;
        this.shares = new double[m];
        for (int i = 0; i < m; i++) {
            shares[i] = (double) counts[i] / total;
        }
        this.modelled = modelled;
        this.modelledItems = modelledItems;
        this.slots = slots;
        this.neighborOffsets = neighborOffsets;
        this.neighborItems = neighborItems;
        this.neighborWeights = neighborWeights;
        this.userIds = userIds;
        this.users = IdDictionary.of(userIds);
        this.userOffsets = userOffsets;
        this.userItems = userItems;
    }

    /**
     * This model's B over a new catalog and new user histories, as {@link EaseRecipe#update} needs:
     * each modelled item keeps its weights, now pointing at its index in {@code itemIds}; a modelled
     * item missing from {@code itemIds} loses its row and column. Items of {@code itemIds} this model
     * did not model stay outside the new model.
     *
     * @param itemIds the new catalog, in popularity order
     * @param counts its distinct-user counts
     * @param userIds the users, each with at least one item
     * @param userOffsets CSR offsets of the users' items
     * @param userItems each user's catalog indices, ascending
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    EaseModel withCatalog(String[] itemIds, long[] counts, String[] userIds, int[] userOffsets, int[] userItems) {
        IdDictionary catalog = IdDictionary.of(itemIds);
        int[] newSlots = new int[modelled];
        int[] kept = new int[modelled];
        int keptCount = 0;
        for (int s = 0; s < modelled; s++) {
            int item = catalog.indexOf(this.itemIds[modelledItems[s]]);
            newSlots[s] = item < 0 ? -1 : keptCount;
            if (item >= 0) {
                kept[keptCount++] = item;
            }
        }
        int[] offsets = neighborOffsets;
        int[] targets = neighborItems;
        float[] weights = neighborWeights;
        if (keptCount < modelled) {
            // Slots keep their relative order, so each compacted row stays ascending.
            offsets = new int[keptCount + 1];
            targets = new int[neighborItems.length];
            weights = new float[neighborWeights.length];
            int size = 0;
            for (int s = 0; s < modelled; s++) {
                if (newSlots[s] < 0) {
                    continue;
                }
                for (int e = neighborOffsets[s]; e < neighborOffsets[s + 1]; e++) {
                    int target = newSlots[neighborItems[e]];
                    if (target >= 0) {
                        targets[size] = target;
                        weights[size] = neighborWeights[e];
                        size++;
                    }
                }
                offsets[newSlots[s] + 1] = size;
            }
            targets = Arrays.copyOf(targets, size);
            weights = Arrays.copyOf(weights, size);
        }
        return new EaseModel(parameters, itemIds, counts, Arrays.copyOf(kept, keptCount), offsets, targets, weights,
                userIds, userOffsets, userItems);
    }

    /** Whether this model knows the user. */
    boolean knowsUser(String userId) {
        return users.indexOf(userId) >= 0;
    }

    /** Whether this model's catalog holds the item. */
    boolean knowsItem(String itemId) {
        return items.indexOf(itemId) >= 0;
    }

    private static int[] firstItems(int count) {
        int[] items = new int[Math.max(0, count)];
        for (int i = 0; i < items.length; i++) {
            items[i] = i;
        }
        return items;
    }

    /** Whether the modelled items are the first N of the catalog, slot s being catalog item s. */
    private boolean modelsFirstItems() {
        for (int s = 0; s < modelled; s++) {
            if (modelledItems[s] != s) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a CSR structure of {@code rows} rows whose entries are strictly ascending indices below
     * {@code columns}; with {@code noDiagonal}, row i must not list i; user rows must not be empty.
     */
    private static void requireCsr(int[] offsets, int[] entries, int rows, int columns, boolean noDiagonal,
            String what) {
        if (offsets.length != rows + 1 || offsets[0] != 0 || offsets[rows] != entries.length) {
            throw new IllegalArgumentException("The " + what + " offsets do not cover the " + what + " entries");
        }
        for (int r = 0; r < rows; r++) {
            int from = offsets[r];
            int to = offsets[r + 1];
            if (to < from || !noDiagonal && to == from) {
                throw new IllegalArgumentException("The " + what + " row " + r + " has "
                        + (to < from ? "a negative length" : "no items"));
            }
            for (int p = from; p < to; p++) {
                int column = entries[p];
                if (column < 0 || column >= columns || p > from && column <= entries[p - 1]
                        || noDiagonal && column == r) {
                    throw new IllegalArgumentException("The " + what + " row " + r + " has an invalid or unsorted "
                            + "index " + column);
                }
            }
        }
    }

    @Override
    public String recipe() {
        return EaseRecipe.NAME;
    }

    @Override
    public UserPersonalizationRecipe.Algorithm algorithm() {
        return UserPersonalizationRecipe.Algorithm.EASE;
    }

    /** The hyperparameters the model was trained with. */
    public EaseRecipe.HyperParameters hyperParameters() {
        return parameters;
    }

    /** Every item with a training interaction, most popular first: the catalog indices of the class comment. */
    @Override
    public IdDictionary catalog() {
        return items;
    }

    /** The number of items the model can recommend: every item with a training interaction. */
    public int catalogSize() {
        return itemIds.length;
    }

    /**
     * The number of items EASE models: {@code min(max_items, catalogSize())} after a full training;
     * after an update, those of the previous model that still have an interaction.
     */
    public int modelledItems() {
        return modelled;
    }

    /** The number of users with a training interaction. */
    public int userCount() {
        return userIds.length;
    }

    /** The number of weights of B the model keeps. */
    public int weightCount() {
        return neighborItems.length;
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
        int user = users.indexOf(userId);
        int from = user < 0 ? 0 : userOffsets[user];
        int to = user < 0 ? 0 : userOffsets[user + 1];
        return recommend(userItems, from, to, numResults, excludeSeen);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The recent items join the user's training items as one set (an item counts once, however
     * often it was seen), so an item viewed a moment ago pulls its EASE neighbours up at once; a
     * user unknown at training is scored from the recent items alone.
     */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults) {
        int[] history = history(userId, recentItemIds);
        return recommend(history, 0, history.length, numResults, false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The selection runs over the allowed items only (a bitset test per catalog item), with the
     * scores they have without the filter: the softmax still spans the whole catalog.
     */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults, AllowedItems allowed) {
        Candidates.requireCatalog(this, allowed);
        int[] history = history(userId, recentItemIds);
        return recommend(history, 0, history.length, numResults, allowed::contains);
    }

    /** The user's training items and the recent items the catalog knows, as sorted distinct catalog indices. */
    private int[] history(String userId, List<String> recentItemIds) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recentItemIds, "recentItemIds");
        int user = users.indexOf(userId);
        int from = user < 0 ? 0 : userOffsets[user];
        int to = user < 0 ? 0 : userOffsets[user + 1];
        int[] history = Arrays.copyOfRange(userItems, from, to + recentItemIds.size());
        int size = to - from;
        for (String id : recentItemIds) {
            int item = items.indexOf(id);
            if (item >= 0) {
                history[size++] = item;
            }
        }
        Arrays.sort(history, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (distinct == 0 || history[i] != history[distinct - 1]) {
                history[distinct++] = history[i];
            }
        }
        return Arrays.copyOf(history, distinct);
    }

    /** Recommendations for the history {@code history[from, to)} (sorted catalog indices). */
    private List<ScoredItem> recommend(int[] history, int from, int to, int numResults, boolean excludeSeen) {
        IntPredicate candidate = excludeSeen && to > from
                ? item -> Arrays.binarySearch(history, from, to, item) < 0
                : null;
        return recommend(history, from, to, numResults, candidate);
    }

    /** Recommendations among the catalog indices that pass {@code candidate} ({@code null}: all). */
    private List<ScoredItem> recommend(int[] history, int from, int to, int numResults, IntPredicate candidate) {
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, itemIds.length));
        if (!hasModelledHistory(history, from, to)) {
            for (int item = 0; item < itemIds.length && result.size() < numResults; item++) {
                if (candidate == null || candidate.test(item)) {
                    result.add(new ScoredItem(itemIds[item], shares[item]));
                }
            }
            return Collections.unmodifiableList(result);
        }
        double[] raw = rawScores(history, from, to);
        double max = max(raw);
        double normaliser = 0;
        for (double score : raw) {
            normaliser += Math.exp(score - max);
        }
        for (int item : TopK.best(raw, raw.length, numResults, candidate)) {
            result.add(new ScoredItem(itemIds[item], Math.exp(raw[item] - max) / normaliser));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * {@code itemIds} in the order the user would prefer them, as Personalize's
     * {@code GetPersonalizedRanking}: the items the model knows by their raw score (as
     * {@link #recommend(String, int, boolean)}), with scores normalised over those items so they sum
     * to 1; then the items it does not know, in their input order, with score 0. An item listed
     * twice is ranked once. An unknown user gets the items by popularity, scored by their share of
     * the listed items' counts.
     *
     * @return an unmodifiable list with one entry per distinct id of {@code itemIds}
     */
    @Override
    public List<ScoredItem> rank(String userId, List<String> itemIds) {
        Objects.requireNonNull(userId, "userId");
        int user = users.indexOf(userId);
        int from = user < 0 ? 0 : userOffsets[user];
        int to = user < 0 ? 0 : userOffsets[user + 1];
        return rank(userItems, from, to, itemIds);
    }

    /** {@link #rank(String, List)} with the recent items joining the user's history, as in {@link #recommend(String, List, int)}. */
    @Override
    public List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds) {
        int[] history = history(userId, recentItemIds);
        return rank(history, 0, history.length, itemIds);
    }

    private List<ScoredItem> rank(int[] history, int from, int to, List<String> itemIds) {
        boolean scored = hasModelledHistory(history, from, to);
        return ListRanking.rank(items, this.itemIds, counts, itemIds,
                () -> scored ? rawScores(history, from, to) : null);
    }

    /**
     * The raw scores over the catalog ({@link #rawScores}) of {@code userId} with the recent items
     * joining the history, as {@link #recommend(String, List, int)} scores them; or {@code null} when
     * this model answers the user by popularity (no modelled item in the history). A new array: the
     * caller may change it. For {@link ContextualModel}.
     */
    double[] personalScores(String userId, List<String> recentItemIds) {
        int[] history = history(userId, recentItemIds);
        return hasModelledHistory(history, 0, history.length) ? rawScores(history, 0, history.length) : null;
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

    /** Whether the history at [from, to) includes a modelled item. */
    private boolean hasModelledHistory(int[] history, int from, int to) {
        for (int p = from; p < to; p++) {
            if (slots[history[p]] >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Raw scores over the whole catalog for the user items at [from, to): the sum of the kept rows
     * of B for modelled items; every item outside the model gets the lowest modelled score minus 1.
     * The rows are added in catalog order of the history, so a model that models its catalog's first
     * items scores exactly as before slots existed.
     */
    private double[] rawScores(int[] history, int from, int to) {
        double[] bySlot = new double[modelled];
        for (int p = from; p < to; p++) {
            int slot = slots[history[p]];
            if (slot < 0) {
                continue;
            }
            for (int e = neighborOffsets[slot], end = neighborOffsets[slot + 1]; e < end; e++) {
                bySlot[neighborItems[e]] += neighborWeights[e];
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (double score : bySlot) {
            min = Math.min(min, score);
        }
        double[] raw = new double[itemIds.length];
        Arrays.fill(raw, min - 1);
        for (int s = 0; s < modelled; s++) {
            raw[modelledItems[s]] = bySlot[s];
        }
        return raw;
    }

    private static double max(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        boolean firstItems = modelsFirstItems();
        ModelCodec.write(out, EaseRecipe.NAME, firstItems ? PAYLOAD_VERSION : PAYLOAD_VERSION_SLOTS,
                payload -> writePayload(payload, firstItems));
    }

    private void writePayload(DataOutputStream out, boolean firstItems) throws IOException {
        out.writeDouble(parameters.lambda());
        out.writeInt(parameters.maxItems());
        out.writeInt(parameters.neighbors());
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            ModelCodec.writeString(out, itemIds[i]);
            out.writeLong(counts[i]);
        }
        out.writeInt(modelled);
        if (!firstItems) {
            for (int item : modelledItems) {
                out.writeInt(item);
            }
        }
        for (int i = 0; i < modelled; i++) {
            int from = neighborOffsets[i];
            int to = neighborOffsets[i + 1];
            out.writeInt(to - from);
            for (int e = from; e < to; e++) {
                out.writeInt(neighborItems[e]);
                out.writeFloat(neighborWeights[e]);
            }
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
    }

    /** Reads a payload written by {@link #writeTo(OutputStream)}. */
    static EaseModel readPayload(DataInputStream in, int payloadVersion) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION && payloadVersion != PAYLOAD_VERSION_SLOTS) {
            throw new IOException("Unsupported " + EaseRecipe.NAME + " payload version " + payloadVersion
                    + "; this build reads versions " + PAYLOAD_VERSION + " and " + PAYLOAD_VERSION_SLOTS);
        }
        EaseRecipe.HyperParameters parameters = new EaseRecipe.HyperParameters(in.readDouble(), in.readInt(),
                in.readInt());
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
        int modelled = ModelCodec.readCount(in, "modelled item count");
        if (modelled > m) {
            throw new IOException("Corrupt model artifact: " + modelled + " modelled items of " + m);
        }
        int[] modelledItems = firstItems(modelled);
        if (payloadVersion == PAYLOAD_VERSION_SLOTS) {
            for (int s = 0; s < modelled; s++) {
                modelledItems[s] = in.readInt();
            }
        }
        int[] neighborOffsets = new int[modelled + 1];
        IntList neighborItems = new IntList();
        FloatList neighborWeights = new FloatList();
        for (int i = 0; i < modelled; i++) {
            int length = ModelCodec.readCount(in, "neighbor count");
            for (int e = 0; e < length; e++) {
                neighborItems.add(in.readInt());
                neighborWeights.add(in.readFloat());
            }
            neighborOffsets[i + 1] = neighborItems.size;
        }
        int userCount = ModelCodec.readCount(in, "user count");
        String[] userIds = new String[Math.min(userCount, 1 << 12)];
        IntList userOffsets = new IntList();
        userOffsets.add(0);
        IntList userItems = new IntList();
        for (int u = 0; u < userCount; u++) {
            if (u == userIds.length) {
                userIds = Arrays.copyOf(userIds, (int) Math.min(userCount, 2L * u));
            }
            userIds[u] = ModelCodec.readString(in, "user id");
            int length = ModelCodec.readCount(in, "user item count");
            for (int p = 0; p < length; p++) {
                userItems.add(in.readInt());
            }
            userOffsets.add(userItems.size);
        }
        if (payloadVersion == PAYLOAD_VERSION) {
            return new EaseModel(parameters, itemIds, counts, modelled, neighborOffsets, neighborItems.toArray(),
                    neighborWeights.toArray(), userIds, userOffsets.toArray(), userItems.toArray());
        }
        return new EaseModel(parameters, itemIds, counts, modelledItems, neighborOffsets, neighborItems.toArray(),
                neighborWeights.toArray(), userIds, userOffsets.toArray(), userItems.toArray());
    }

    /** A growable {@code int} array. */
    private static final class IntList {
        int[] values = new int[1 << 10];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable {@code float} array. */
    private static final class FloatList {
        float[] values = new float[1 << 10];
        int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    @Override
    public String toString() {
        return "EaseModel[algorithm=ease, items=" + itemIds.length + ", modelled=" + modelled + ", users="
                + userIds.length + ", weights=" + neighborItems.length + ", " + parameters + "]";
    }
}
