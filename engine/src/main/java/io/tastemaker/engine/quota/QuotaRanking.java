package io.tastemaker.engine.quota;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.filter.BoundQuota;
import io.tastemaker.engine.filter.Quota;
import io.tastemaker.engine.recipe.ScoredItem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A filter's category quotas applied to one request's recommendations, in two steps that bracket
 * whatever else the request does with the model's list:
 * <ol>
 *   <li>{@link #candidates}: asks the model for more than the list's places — {@link
 *       CategoryQuotas#candidates} of them — and, for each {@code AT LEAST} quota whose category is
 *       short among those, for the best items of that category as well (so a rare category still
 *       gets its share when it has the items); if caps would leave the list short while the model
 *       has more allowed items, it asks for {@value CategoryQuotas#OVERSAMPLING} times as many again,
 *       until the list fills or every allowed item is ranked;</li>
 *   <li>{@link #take}: the greedy pass of {@link CategoryQuotas} over those candidates, leaving out
 *       items already placed elsewhere (promoted items).</li>
 * </ol>
 * Without quotas both steps are what a request without them does: the model's best {@code places}.
 * Immutable and thread-safe.
 */
public final class QuotaRanking {

    /** How a request asks its model for ranked items: the best {@code count} of {@code allowed}, best first. */
    @FunctionalInterface
    public interface Ranker {
        List<ScoredItem> top(AllowedItems allowed, int count);
    }

    private static final QuotaRanking NONE = new QuotaRanking(null, List.of());

    private final IdDictionary catalog;
    private final List<BoundQuota> quotas;
    private final CategoryQuotas rules;

    private QuotaRanking(IdDictionary catalog, List<BoundQuota> quotas) {
        this.catalog = catalog;
        this.quotas = List.copyOf(quotas);
        List<CategoryQuotas.Rule> list = new ArrayList<>();
        for (BoundQuota q : quotas) {
            Quota quota = q.quota();
            if (quota.perValue()) {
                list.add(new CategoryQuotas.AtMostPer(quota.percent(), q.valueCount(), q::valuesOf));
            } else if (quota.bound() == Quota.Bound.AT_LEAST) {
                list.add(new CategoryQuotas.AtLeast(quota.percent(), q::counts));
            } else {
                list.add(new CategoryQuotas.AtMost(quota.percent(), q::counts));
            }
        }
        this.rules = CategoryQuotas.of(list);
    }

    /** No quotas. */
    public static QuotaRanking none() {
        return NONE;
    }

    /**
     * The quotas of one request ({@code CompiledFilter.quotas}).
     *
     * @throws IllegalArgumentException if they are over different catalogs
     */
    public static QuotaRanking of(List<BoundQuota> quotas) {
        if (quotas.isEmpty()) {
            return NONE;
        }
        IdDictionary catalog = quotas.get(0).catalog();
        for (BoundQuota q : quotas) {
            if (q.catalog() != catalog) {
                throw new IllegalArgumentException("The quotas of one request are over one catalog");
            }
        }
        return new QuotaRanking(catalog, quotas);
    }

    /** Whether there are no quotas. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The re-rank's rules. */
    public CategoryQuotas rules() {
        return rules;
    }

    /**
     * The candidates to fill {@code places} from, best first: without quotas, the model's best
     * {@code places} allowed items; with them, as the class description says.
     *
     * @param allowed what the request's filter allows, over the quotas' catalog
     */
    public List<ScoredItem> candidates(AllowedItems allowed, int places, Ranker ranker) {
        Objects.requireNonNull(ranker, "ranker");
        if (isEmpty()) {
            return ranker.top(allowed, places);
        }
        if (allowed.catalog() != catalog) {
            throw new IllegalArgumentException("allowed is over another catalog than the quotas");
        }
        int available = allowed.count();
        int count = Math.min(rules.candidates(places), available);
        while (true) {
            List<ScoredItem> ranked = ranker.top(allowed, count);
            List<ScoredItem> merged = ranked;
            for (BoundQuota q : quotas) {
                Quota quota = q.quota();
                if (quota.bound() != Quota.Bound.AT_LEAST) {
                    continue;
                }
                int floor = CategoryQuotas.floor(quota.percent(), places);
                int present = 0;
                for (ScoredItem item : merged) {
                    if (q.counts(catalog.indexOf(item.itemId()))) {
                        present++;
                    }
                }
                if (present < floor) {
                    merged = merge(merged, ranker.top(q.within(allowed), floor));
                }
            }
            if (count >= available || take(merged, Set.of(), places).size() == Math.min(places, available)) {
                return merged;
            }
            count = (int) Math.min(available, (long) count * CategoryQuotas.OVERSAMPLING);
        }
    }

    /**
     * The list: up to {@code places} of {@code candidates} (best first) that honour the quotas, in
     * the candidates' order, leaving out {@code excluded} items.
     */
    public List<ScoredItem> take(List<ScoredItem> candidates, Set<String> excluded, int places) {
        List<ScoredItem> eligible = new ArrayList<>(candidates.size());
        for (ScoredItem item : candidates) {
            if (!excluded.contains(item.itemId())) {
                eligible.add(item);
            }
        }
        if (isEmpty()) {
            return List.copyOf(eligible.subList(0, Math.min(places, eligible.size())));
        }
        int[] keys = new int[eligible.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = catalog.indexOf(eligible.get(i).itemId());
        }
        int[] chosen = rules.select(keys, places);
        List<ScoredItem> list = new ArrayList<>(chosen.length);
        for (int position : chosen) {
            list.add(eligible.get(position));
        }
        return List.copyOf(list);
    }

    /** Both lists in one, best score first, each keeping its own order; an item in both counts once. */
    private static List<ScoredItem> merge(List<ScoredItem> first, List<ScoredItem> second) {
        Set<String> seen = new HashSet<>();
        List<ScoredItem> merged = new ArrayList<>(first.size() + second.size());
        int a = 0;
        int b = 0;
        while (a < first.size() || b < second.size()) {
            ScoredItem next = b >= second.size() || a < first.size() && first.get(a).score() >= second.get(b).score()
                    ? first.get(a++) : second.get(b++);
            if (seen.add(next.itemId())) {
                merged.add(next);
            }
        }
        return merged;
    }

    @Override
    public String toString() {
        return "QuotaRanking" + quotas;
    }
}
