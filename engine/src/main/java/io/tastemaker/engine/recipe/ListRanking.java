package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * GetPersonalizedRanking as the user models answer it: the listed items the catalog knows, by raw
 * score with a softmax over them (or, for a user the model cannot score, by popularity with their
 * share of the listed items' counts); then the unknown items in input order with score 0. An item
 * listed twice is ranked once.
 */
final class ListRanking {

    private ListRanking() {
    }

    /**
     * @param rawScores raw scores over the whole catalog, or null for the popularity order; asked
     *     for only when the list holds a known item
     */
    static List<ScoredItem> rank(IdDictionary items, String[] itemIds, long[] counts, List<String> listedIds,
            Supplier<double[]> rawScores) {
        return rank(items, item -> itemIds[item], counts, listedIds, rawScores);
    }

    /**
     * The listed items the catalog knows by {@code scores} (over the whole catalog, asked for only
     * when the list holds a known item, never null), with a softmax over them; then the unknown items.
     */
    static List<ScoredItem> rank(IdDictionary items, List<String> listedIds, Supplier<double[]> scores) {
        return rank(items, items::idOf, null, listedIds, () -> Objects.requireNonNull(scores.get(), "scores"));
    }

    private static List<ScoredItem> rank(IdDictionary items, IntFunction<String> itemIds, long[] counts,
            List<String> listedIds, Supplier<double[]> rawScores) {
        Objects.requireNonNull(listedIds, "itemIds");
        int[] known = new int[listedIds.size()];
        int knownCount = 0;
        List<String> unknown = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (String id : listedIds) {
            Objects.requireNonNull(id, "item id");
            if (!listed.add(id)) {
                continue;
            }
            int item = items.indexOf(id);
            if (item < 0) {
                unknown.add(id);
            } else {
                known[knownCount++] = item;
            }
        }
        known = Arrays.copyOf(known, knownCount);
        List<ScoredItem> result = new ArrayList<>(knownCount + unknown.size());
        double[] raw = knownCount > 0 ? rawScores.get() : null;
        if (raw == null) {
            Arrays.sort(known);
            double total = 0;
            for (int item : known) {
                total += counts[item];
            }
            for (int item : known) {
                result.add(new ScoredItem(itemIds.apply(item), counts[item] / total));
            }
        } else {
            IndexSort.stableSort(known, (a, b) -> TopK.better(a, b, raw) ? -1 : TopK.better(b, a, raw) ? 1 : 0);
            double max = raw[known[0]];
            double normaliser = 0;
            for (int item : known) {
                normaliser += Math.exp(raw[item] - max);
            }
            for (int item : known) {
                result.add(new ScoredItem(itemIds.apply(item), Math.exp(raw[item] - max) / normaliser));
            }
        }
        for (String id : unknown) {
            result.add(new ScoredItem(id, 0.0));
        }
        return Collections.unmodifiableList(result);
    }
}
