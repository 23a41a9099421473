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
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A trained related-items model ({@link SimsRecipe}, {@link SimilarItemsRecipe},
 * {@link SemanticSimilarityRecipe}): the catalog with its popularity, and for each catalog item
 * its related items, best first, with their scores, computed at training time.
 *
 * <p>{@link #related(String, int)} for an item of the catalog returns its stored related items
 * (their score is the recipe's similarity, in {@code (0, 1]}, see the recipe), and then, when
 * more results are asked for than were stored or found, the most popular items not yet listed
 * (score 0: fill-ins, not found related). For an item the model does not know it returns the most
 * popular items, scored by their share of all interactions' distinct users (as Personalize's
 * related-items recipes answer an unknown item ID with popular items). The item asked about is
 * never returned. With no interactions at all (possible for {@link SemanticSimilarityRecipe}) there
 * are no popular items: an unknown item gets an empty list and lists are not filled.
 *
 * <p>Catalog order: items with an interaction first, most popular (distinct users) first, ties by
 * id; then items known only from the Items dataset, by id.
 *
 * <p>Payload version 1 (big-endian): {@code int H}, then H times (string name, string value): the
 * hyperparameters the model was trained with, every one including defaults, by name; {@code int
 * M}, then M times (string item id, {@code long} distinct users) in catalog order; then for each
 * catalog item an {@code int} length and that many ({@code int} catalog index, {@code float}
 * score), best first. Reading checks every invariant (catalog order, hyperparameters valid for the
 * recipe, each list at most {@code neighbors_per_item} long, without the item itself or repeats,
 * scores finite, positive, non-increasing), so a tampered payload that kept its checksum still
 * cannot make an inconsistent model.
 */
public final class NeighborListModel implements RelatedItemsModel {

    static final int PAYLOAD_VERSION = 1;

    private final String recipe;
    private final Map<String, String> hyperParameters;
    private final String[] itemIds;
    private final long[] counts;
    private final IdDictionary items;
    private final int interacted;
    private final double[] shares;
    private final Lists lists;

    /** Each catalog item's related items, best first, in CSR form. */
    record Lists(int[] offsets, int[] neighbors, float[] scores) {
    }

    /**
     * @param perItemLimit the longest list allowed
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    NeighborListModel(String recipe, Map<String, String> hyperParameters, String[] itemIds, long[] counts,
            Lists lists, int perItemLimit) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.hyperParameters = Collections.unmodifiableMap(new TreeMap<>(hyperParameters));
        this.interacted = ItemCatalog.requireOrdered(itemIds, counts);
        this.items = IdDictionary.of(itemIds);
        requireLists(lists, itemIds.length, perItemLimit);
        this.itemIds = itemIds;
        this.counts = counts;
        this.lists = lists;
        long total = 0;
        for (int i = 0; i < interacted; i++) {
            total += counts[i];
        }
        this.shares = new double[interacted];
        for (int i = 0; i < interacted; i++) {
            shares[i] = (double) counts[i] / total;
        }
    }

    private static void requireLists(Lists lists, int items, int perItemLimit) {
        int[] offsets = lists.offsets();
        int[] neighbors = lists.neighbors();
        float[] scores = lists.scores();
        if (offsets.length != items + 1 || offsets[0] != 0 || offsets[items] != neighbors.length
                || scores.length != neighbors.length) {
            throw new IllegalArgumentException("The related-item offsets do not cover the related items");
        }
        for (int i = 0; i < items; i++) {
            int from = offsets[i];
            int to = offsets[i + 1];
            if (to < from || to - from > perItemLimit) {
                throw new IllegalArgumentException("Item " + i + " has " + (to - from) + " related items; at most "
                        + perItemLimit + " are allowed");
            }
            int[] sorted = Arrays.copyOfRange(neighbors, from, to);
            Arrays.sort(sorted);
            for (int k = 0; k < sorted.length; k++) {
                if (sorted[k] < 0 || sorted[k] >= items || sorted[k] == i || k > 0 && sorted[k] == sorted[k - 1]) {
                    throw new IllegalArgumentException("Item " + i + " lists an invalid, repeated or its own index "
                            + sorted[k]);
                }
            }
            for (int p = from; p < to; p++) {
                if (!(scores[p] > 0 && scores[p] <= Float.MAX_VALUE) || p > from && scores[p] > scores[p - 1]) {
                    throw new IllegalArgumentException("Item " + i + " has a related-item score " + scores[p]
                            + " that is not positive and finite, or out of order");
                }
            }
        }
    }

    @Override
    public String recipe() {
        return recipe;
    }

    /** The hyperparameters the model was trained with, defaults included, by name. */
    public Map<String, String> hyperParameters() {
        return hyperParameters;
    }

    /** Every item the model knows, in the catalog order of the class comment. */
    @Override
    public IdDictionary catalog() {
        return items;
    }

    /** The number of items the model knows: with interactions, or (recipes using item metadata) in the Items dataset. */
    public int catalogSize() {
        return itemIds.length;
    }

    /** The number of items with a selected interaction: those that popularity fill-ins come from. */
    public int interactedItems() {
        return interacted;
    }

    /** The number of related items stored over all items. */
    public int relatedItemCount() {
        return lists.neighbors().length;
    }

    /** How many related items (found, not filled in) are stored for {@code itemId}; 0 for an unknown item. */
    public int relatedItemCount(String itemId) {
        int item = items.indexOf(Objects.requireNonNull(itemId, "itemId"));
        return item < 0 ? 0 : lists.offsets()[item + 1] - lists.offsets()[item];
    }

    /** {@inheritDoc} Scored as the class comment says. */
    @Override
    public List<ScoredItem> related(String itemId, int numResults) {
        Objects.requireNonNull(itemId, "itemId");
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        int item = items.indexOf(itemId);
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, itemIds.length));
        if (item < 0) {
            for (int i = 0; i < interacted && result.size() < numResults; i++) {
                result.add(new ScoredItem(itemIds[i], shares[i]));
            }
            return Collections.unmodifiableList(result);
        }
        int from = lists.offsets()[item];
        int to = Math.min(lists.offsets()[item + 1], from + numResults);
        for (int p = from; p < to; p++) {
            result.add(new ScoredItem(itemIds[lists.neighbors()[p]], lists.scores()[p]));
        }
        if (result.size() < numResults) {
            int[] listed = Arrays.copyOfRange(lists.neighbors(), from, to);
            Arrays.sort(listed);
            for (int i = 0; i < interacted && result.size() < numResults; i++) {
                if (i != item && Arrays.binarySearch(listed, i) < 0) {
                    result.add(new ScoredItem(itemIds[i], 0.0));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * {@inheritDoc} The item's stored list is walked in order and only allowed items kept; if fewer
     * than {@code numResults} remain, allowed popular items fill in (score 0), as without a filter.
     */
    @Override
    public List<ScoredItem> related(String itemId, int numResults, AllowedItems allowed) {
        Objects.requireNonNull(itemId, "itemId");
        Candidates.requireCatalog(this, allowed);
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        int item = items.indexOf(itemId);
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, itemIds.length));
        if (item < 0) {
            for (int i = 0; i < interacted && result.size() < numResults; i++) {
                if (allowed.contains(i)) {
                    result.add(new ScoredItem(itemIds[i], shares[i]));
                }
            }
            return Collections.unmodifiableList(result);
        }
        int from = lists.offsets()[item];
        int to = lists.offsets()[item + 1];
        int end = from;
        for (; end < to && result.size() < numResults; end++) {
            int neighbor = lists.neighbors()[end];
            if (allowed.contains(neighbor)) {
                result.add(new ScoredItem(itemIds[neighbor], lists.scores()[end]));
            }
        }
        if (result.size() < numResults) {
            int[] listed = Arrays.copyOfRange(lists.neighbors(), from, to);
            Arrays.sort(listed);
            for (int i = 0; i < interacted && result.size() < numResults; i++) {
                if (i != item && allowed.contains(i) && Arrays.binarySearch(listed, i) < 0) {
                    result.add(new ScoredItem(itemIds[i], 0.0));
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ModelCodec.write(out, recipe, PAYLOAD_VERSION, this::writePayload);
    }

    private void writePayload(DataOutputStream out) throws IOException {
        out.writeInt(hyperParameters.size());
        for (Map.Entry<String, String> entry : hyperParameters.entrySet()) {
            ModelCodec.writeString(out, entry.getKey());
            ModelCodec.writeString(out, entry.getValue());
        }
        out.writeInt(itemIds.length);
        for (int i = 0; i < itemIds.length; i++) {
            ModelCodec.writeString(out, itemIds[i]);
            out.writeLong(counts[i]);
        }
        int[] offsets = lists.offsets();
        for (int i = 0; i < itemIds.length; i++) {
            out.writeInt(offsets[i + 1] - offsets[i]);
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                out.writeInt(lists.neighbors()[p]);
                out.writeFloat(lists.scores()[p]);
            }
        }
    }

    /**
     * A payload reader for {@code recipe}'s models.
     *
     * @param validate checks the stored hyperparameters as the recipe parses them, throwing
     *     {@link IllegalArgumentException} if they are not valid
     * @param perItemLimit the hyperparameter that bounds each list's length
     */
    static ModelCodec.PayloadReader reader(String recipe, Consumer<Map<String, String>> validate,
            String perItemLimit) {
        return (in, version) -> readPayload(in, version, recipe, validate, perItemLimit);
    }

    private static NeighborListModel readPayload(DataInputStream in, int payloadVersion, String recipe,
            Consumer<Map<String, String>> validate, String perItemLimit) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION) {
            throw new IOException("Unsupported " + recipe + " payload version " + payloadVersion
                    + "; this build reads version " + PAYLOAD_VERSION);
        }
        int h = ModelCodec.readCount(in, "hyperparameter count");
        Map<String, String> hyperParameters = new TreeMap<>();
        for (int k = 0; k < h; k++) {
            String name = ModelCodec.readString(in, "hyperparameter name");
            if (hyperParameters.put(name, ModelCodec.readString(in, "hyperparameter value")) != null) {
                throw new IOException("Corrupt model artifact: hyperparameter '" + name + "' appears twice");
            }
        }
        validate.accept(hyperParameters);
        int limit = Integer.parseInt(hyperParameters.get(perItemLimit));
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
        int[] offsets = new int[m + 1];
        int[] neighbors = new int[1 << 12];
        float[] scores = new float[neighbors.length];
        int size = 0;
        for (int i = 0; i < m; i++) {
            int length = ModelCodec.readCount(in, "related item count");
            if (length > limit) {
                throw new IOException("Corrupt model artifact: item " + i + " has " + length
                        + " related items, more than " + perItemLimit + " = " + limit);
            }
            for (int e = 0; e < length; e++) {
                if (size == neighbors.length) {
                    neighbors = Arrays.copyOf(neighbors, 2 * size);
                    scores = Arrays.copyOf(scores, neighbors.length);
                }
                neighbors[size] = in.readInt();
                scores[size] = in.readFloat();
                size++;
            }
            offsets[i + 1] = size;
        }
        return new NeighborListModel(recipe, hyperParameters, itemIds, counts,
                new Lists(offsets, Arrays.copyOf(neighbors, size), Arrays.copyOf(scores, size)), limit);
    }

    @Override
    public String toString() {
        return "NeighborListModel[recipe=" + recipe + ", items=" + itemIds.length + ", interacted=" + interacted
                + ", related=" + lists.neighbors().length + ", " + hyperParameters + "]";
    }
}
