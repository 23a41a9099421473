package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * New-item exploration for User-Personalization campaigns ({@code itemExplorationConfig}): a share of
 * each recommendation list goes to items the model knows little or nothing about, chosen by how well
 * their metadata matches the user's tastes. It needs no retraining: it is built from the Items
 * dataset as it is now and the deployed model.
 *
 * <p><b>Candidates</b> (the pool): items of the Items dataset that the model saw with fewer than
 * {@value #LOW_EXPOSURE_USERS} distinct users in training ({@link UserModel#itemUsers}; items added by
 * PutItems or an incremental import after training have none). At request time a candidate must also
 * be no older than the cut-off (creation time within {@link ExplorationConfig#ageCutOffDays()} of the
 * reference time; no creation time counts as new), not in the user's taste history, not already on the
 * list, and allowed by the request's filter.
 *
 * <p><b>Match</b>. Items are vectors of their metadata ({@link ItemFeatures}: one block per
 * categorical field, its values weighted by BM25's idf; one block for all textual fields, terms of
 * Lucene's {@code EnglishAnalyzer} weighted by BM25; each block of unit length, scaled by
 * {@code 1/sqrt(blocks)}), so the dot product of two items is the mean of their blocks' cosines. The
 * user's tastes are the items of their history; a candidate's match is its mean dot product with
 * them, in [0, 1]; candidates are ranked by {@code (}{@value #BASE_MATCH}{@code  + match)} times the
 * user's {@link ImpressionPenalty} factor. Candidates are taken by match,
 * then newest first, then by id; a user without history (or without metadata) gets the newest.
 *
 * <p><b>Share and places</b>. {@link ExplorationConfig#slots(int)} of the {@code numResults} places
 * (none at weight 0) go to the best candidates; they are spread evenly over the list (the
 * {@code j}-th of {@code k} at place {@code floor((j + 1) · size / (k + 1))}), the model's items keep
 * their order in the other places. An explored item carries the score of the item before it (the
 * first place: the model's best), so the scores stay non-increasing; its score says where it was
 * placed, not what the model thinks of it. Explored items are marked (Personalize's reason
 * {@code Exploration}).
 *
 * <p>Immutable and thread-safe; building it analyses every item's text (as aws-semantic-similarity
 * does), so callers keep one per Items snapshot and model. A request costs one pass over the
 * history's features into a dense profile (8 bytes per distinct feature of the catalog) and one over
 * the candidates' features.
 */
public final class NewItemExploration {

    /** Items the model saw with fewer distinct users than this are candidates ("little exposure"). */
    public static final long LOW_EXPOSURE_USERS = 5;

    /**
     * What every candidate's match starts from, so that the impression factor also orders candidates
     * that match nothing: an item the user ignored falls behind unmatched ones once its factor is
     * below {@code BASE_MATCH / (BASE_MATCH + match)}.
     */
    static final double BASE_MATCH = 0.05;

    private final IdDictionary items;
    private final ItemFeatures features;
    private final long[] creationTimes;
    /** Item indices of the candidates: newest first (unknown times first), then by id. */
    private final int[] pool;
    private final IdDictionary poolIds;

    private NewItemExploration(IdDictionary items, ItemFeatures features, long[] creationTimes, int[] pool) {
        this.items = items;
        this.features = features;
        this.creationTimes = creationTimes;
        this.pool = pool;
        String[] ids = new String[pool.length];
        for (int p = 0; p < pool.length; p++) {
            ids[p] = items.idOf(pool[p]);
        }
        this.poolIds = IdDictionary.of(ids);
    }

    /**
     * The exploration of a catalog described by {@code attributes} for a model.
     *
     * @param itemUsers the distinct users the model saw per item ({@link UserModel#itemUsers})
     */
    public static NewItemExploration of(ItemAttributes attributes, ToLongFunction<String> itemUsers) {
        Objects.requireNonNull(attributes, "attributes");
        IdDictionary items = attributes.items();
        int n = items.size();
        long[] created = new long[n];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            created[i] = attributes.creationTime(i);
            if (itemUsers.applyAsLong(items.idOf(i)) < LOW_EXPOSURE_USERS) {
                candidates.add(i);
            }
        }
        candidates.sort((a, b) -> {
            int byTime = Long.compare(newness(created[b]), newness(created[a]));
            return byTime != 0 ? byTime : items.idOf(a).compareTo(items.idOf(b));
        });
        int[] pool = candidates.stream().mapToInt(Integer::intValue).toArray();
        return new NewItemExploration(items, ItemFeatures.of(attributes, items, true, true), created, pool);
    }

    /** Unknown creation times count as newest. */
    private static long newness(long created) {
        return created == ItemAttributes.UNKNOWN_TIME ? Long.MAX_VALUE : created;
    }

    /** The candidates' ids (before the per-request checks): what a request's filter is compiled over. */
    public IdDictionary candidates() {
        return poolIds;
    }

    /** A list with its explored items. */
    public record Explored(List<ScoredItem> items, Set<String> exploredItemIds) {
    }

    /**
     * Places explored items into {@code ranked}.
     *
     * @param ranked the model's list, best first (at least the {@code numResults} it would answer)
     * @param numResults the size of the answer
     * @param tasteItemIds the user's history, any order (duplicates and unknown ids are ignored)
     * @param config the campaign's exploration config
     * @param referenceTime now, in epoch seconds, against which item ages are measured
     * @param allowed the request's filter over item ids (always true without one)
     * @param penalty the user's impression factor per item (1 for none)
     */
    public Explored explore(List<ScoredItem> ranked, int numResults, List<String> tasteItemIds,
            ExplorationConfig config, long referenceTime, Predicate<String> allowed, ToDoubleFunction<String> penalty) {
        int slots = Math.min(config.slots(numResults), numResults);
        List<ScoredItem> top = ranked.size() > numResults ? ranked.subList(0, numResults) : ranked;
        if (slots == 0 || pool.length == 0) {
            return new Explored(List.copyOf(top), Set.of());
        }
        Set<String> listed = new HashSet<>();
        top.forEach(item -> listed.add(item.itemId()));
        Set<String> history = new HashSet<>(tasteItemIds);
        double[] profile = profile(history);
        long oldest = referenceTime - config.ageCutOffSeconds();

        int[] chosen = new int[pool.length];
        double[] match = new double[pool.length];
        int count = 0;
        for (int item : pool) {
            long created = creationTimes[item];
            String id = items.idOf(item);
            if (created != ItemAttributes.UNKNOWN_TIME && created < oldest || history.contains(id) || listed.contains(id)
                    || !allowed.test(id)) {
                continue;
            }
            match[count] = (BASE_MATCH + dot(profile, item)) * penalty.applyAsDouble(id);
            chosen[count++] = item;
        }
        // The pool is newest first, so a stable sort by match keeps newest first among equals.
        int[] order = new int[count];
        for (int p = 0; p < count; p++) {
            order[p] = p;
        }
        IndexSort.stableSort(order, (a, b) -> Double.compare(match[b], match[a]));
        int k = Math.min(slots, count);
        List<String> explored = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
            explored.add(items.idOf(chosen[order[p]]));
        }
        return place(top, explored, numResults);
    }

    /** Spreads the explored items over the list as the class comment says. */
    private static Explored place(List<ScoredItem> ranked, List<String> explored, int numResults) {
        int k = explored.size();
        int size = Math.min(numResults, ranked.size() + k);
        int regularCount = size - k;
        List<ScoredItem> out = new ArrayList<>(size);
        int e = 0;
        int r = 0;
        for (int place = 0; place < size; place++) {
            boolean explore = e < k && (r == regularCount || place == (int) ((long) (e + 1) * size / (k + 1)));
            if (explore) {
                double score = out.isEmpty() ? (ranked.isEmpty() ? 0 : ranked.get(0).score())
                        : out.get(out.size() - 1).score();
                out.add(new ScoredItem(explored.get(e++), score));
            } else {
                out.add(ranked.get(r++));
            }
        }
        return new Explored(Collections.unmodifiableList(out), Set.copyOf(explored));
    }

    /**
     * The user's taste profile: the sum of the feature vectors of the history's items that have
     * features, divided by their number; dense over the features, or null if none has features.
     */
    private double[] profile(Set<String> history) {
        double[] profile = null;
        int counted = 0;
        for (String id : history) {
            int item = items.indexOf(id);
            if (item < 0 || !features.hasFeatures(item)) {
                continue;
            }
            if (profile == null) {
                profile = new double[features.featureCount()];
            }
            for (int p = features.start(item); p < features.end(item); p++) {
                profile[features.feature(p)] += features.weight(p);
            }
            counted++;
        }
        if (profile != null) {
            for (int f = 0; f < profile.length; f++) {
                profile[f] /= counted;
            }
        }
        return profile;
    }

    private double dot(double[] profile, int item) {
        if (profile == null) {
            return 0;
        }
        double sum = 0;
        for (int p = features.start(item); p < features.end(item); p++) {
            sum += profile[features.feature(p)] * features.weight(p);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "NewItemExploration[items=" + items.size() + ", candidates=" + pool.length + "]";
    }

    /** For tests: the candidates' ids in pool order. */
    List<String> poolOrder() {
        List<String> ids = new ArrayList<>(pool.length);
        for (int item : pool) {
            ids.add(items.idOf(item));
        }
        return ids;
    }
}
