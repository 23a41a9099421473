package io.tastemaker.engine.recipe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gently down-weights, for one user, the items the user was shown often and never chose
 * (Personalize's impressions: "the more often an item appears in impressions, the less likely it is
 * to be explored", and shown-but-ignored items lose ground).
 *
 * <p>The rule. Over the user's recent events (PutEvents), an item's <em>impressions</em> are the
 * number of distinct showings that listed it in an event's {@code impression}: events that carry the
 * same {@code recommendationId} are one showing (the same list reported with several events), other
 * events one showing each. An item the user <em>chose</em> (an event of the user on it, of any type)
 * is never down-weighted. Otherwise, with {@code k} impressions:
 *
 * <pre>
 *   factor(k) = 1                                          k &lt; MIN_IMPRESSIONS
 *   factor(k) = max(FLOOR, DECAY^(k − MIN_IMPRESSIONS + 1)) otherwise
 * </pre>
 *
 * <p>With {@value #MIN_IMPRESSIONS}, {@value #DECAY} and {@value #FLOOR}: 3 impressions × 0.8, 4 ×
 * 0.64, 5 × 0.51, from 9 on × 0.25. The factor multiplies the item's score (the model's scores are
 * shares that add up to 1, so ×0.8 is −0.22 in log-score: a small step down a list, not a ban), and
 * the list is re-sorted. A single showing never counts against an item, and nothing takes it off the
 * list for good: once chosen it is back at full weight.
 */
public final class ImpressionPenalty {

    /** Impressions without a choice before an item starts to lose weight. */
    public static final int MIN_IMPRESSIONS = 3;
    /** The factor per impression from the {@value #MIN_IMPRESSIONS}th on. */
    public static final double DECAY = 0.8;
    /** The smallest factor, however often the item was ignored. */
    public static final double FLOOR = 0.25;

    /** No impressions: every factor is 1. */
    public static final ImpressionPenalty NONE = new ImpressionPenalty(Map.of());

    private final Map<String, Double> factors;

    private ImpressionPenalty(Map<String, Double> factors) {
        this.factors = factors;
    }

    /** One of the user's events as the rule reads it. */
    public record Shown(String itemId, String recommendationId, List<String> impression) {

        /** Copies the impression list; null means none. */
        public Shown {
            impression = impression == null ? List.of() : List.copyOf(impression);
        }
    }

    /** The penalty of a user whose recent events are {@code events} (any order). */
    public static ImpressionPenalty of(List<Shown> events) {
        Set<String> chosen = new HashSet<>();
        Map<String, Set<String>> showings = new HashMap<>();
        for (int e = 0; e < events.size(); e++) {
            Shown event = events.get(e);
            chosen.add(event.itemId());
            String showing = event.recommendationId() != null ? "r:" + event.recommendationId() : "e:" + e;
            for (String item : event.impression()) {
                showings.computeIfAbsent(item, i -> new HashSet<>()).add(showing);
            }
        }
        Map<String, Double> factors = new HashMap<>();
        showings.forEach((item, shows) -> {
            double factor = factor(shows.size());
            if (!chosen.contains(item) && factor < 1) {
                factors.put(item, factor);
            }
        });
        return factors.isEmpty() ? NONE : new ImpressionPenalty(Map.copyOf(factors));
    }

    /** The factor for {@code impressions} showings without a choice (see the class comment). */
    public static double factor(int impressions) {
        if (impressions < MIN_IMPRESSIONS) {
            return 1;
        }
        return Math.max(FLOOR, Math.pow(DECAY, impressions - MIN_IMPRESSIONS + 1));
    }

    /** The factor of {@code itemId} for this user: 1 unless it was shown often and never chosen. */
    public double factorOf(String itemId) {
        return factors.getOrDefault(itemId, 1.0);
    }

    /** How many items this user's factor lowers: how many more a caller should ask the model for. */
    public int penalized() {
        return factors.size();
    }

    /**
     * The best {@code numResults} of {@code ranked} (best first) after multiplying each score by its
     * factor; ties keep their order. {@code ranked} itself when nothing is down-weighted.
     */
    public List<ScoredItem> apply(List<ScoredItem> ranked, int numResults) {
        if (factors.isEmpty()) {
            return ranked.size() > numResults ? List.copyOf(ranked.subList(0, numResults)) : ranked;
        }
        List<ScoredItem> weighted = new ArrayList<>(ranked.size());
        for (ScoredItem item : ranked) {
            double factor = factorOf(item.itemId());
            weighted.add(factor == 1 ? item : new ScoredItem(item.itemId(), item.score() * factor));
        }
        weighted.sort(Comparator.comparingDouble(ScoredItem::score).reversed());
        return Collections.unmodifiableList(weighted.subList(0, Math.min(numResults, weighted.size())));
    }
}
