package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.filter.FilterRuntime;
import io.tastemaker.domain.filter.FilterRuntime.RequestFilter;
import io.tastemaker.domain.schema.DatasetType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/**
 * The popular items that -v2 recipes (aws-user-personalization-v2) add when a filter leaves fewer
 * items than asked: Personalize "might add placeholder items… popular items… that satisfy your
 * filter criteria", without a score and with the reason {@code Popular item}.
 *
 * <p>Popular means most distinct users over the dataset group's Interactions (imports and
 * PutEvents, so items newer than the model count), the first {@value #POOL_SIZE} of them, read per
 * group into memory and read again when older than {@link #MAX_AGE}. A fill walks that order,
 * skips the items already in the list, and keeps those the request's filter allows for the user
 * (parameters, {@code Interactions.EVENT_TYPE} conditions and {@code IF CurrentUser} included,
 * through {@link FilterRuntime#allowedAmong}), {@value #CHUNK} candidates at a time, until the list
 * is full or the order is exhausted.
 */
@ApplicationScoped
public class PopularFill {

    /** How many of a group's most popular items are kept as candidates. */
    public static final int POOL_SIZE = 10_000;
    /** How long a group's popularity order serves before it is counted again. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** Candidates handed to the filter at once. */
    static final int CHUNK = 500;

    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    FilterRuntime filters;
    @Inject
    Clock clock;

    private final ConcurrentMap<String, Popularity> popularity = new ConcurrentHashMap<>();
    private final Set<String> recounting = ConcurrentHashMap.newKeySet();

    private record Popularity(Instant countedAt, List<String> items) {
    }

    /**
     * Up to {@code missing} popular items that {@code filter} allows for {@code userId} and that are
     * not in {@code present}, most popular first.
     */
    public List<String> fill(RequestFilter filter, String userId, Set<String> present, int missing) {
        return pick(popular(filter.datasetGroupArn()), present, missing,
                candidates -> filters.allowedAmong(filter, candidates, userId));
    }

    /**
     * Walks {@code pool} in order, {@value #CHUNK} candidates not in {@code present} at a time,
     * keeping those {@code allowed} lets through (it returns the allowed ones of a chunk in their
     * order), until {@code missing} are kept.
     */
    static List<String> pick(List<String> pool, Set<String> present, int missing, UnaryOperator<List<String>> allowed) {
        List<String> picked = new ArrayList<>(Math.max(0, missing));
        List<String> chunk = new ArrayList<>(CHUNK);
        for (int i = 0; i < pool.size() && picked.size() < missing; i++) {
            if (!present.contains(pool.get(i))) {
                chunk.add(pool.get(i));
            }
            if (chunk.size() == CHUNK) {
                keep(allowed.apply(List.copyOf(chunk)), missing, picked);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty() && picked.size() < missing) {
            keep(allowed.apply(List.copyOf(chunk)), missing, picked);
        }
        return picked;
    }

    private static void keep(List<String> allowed, int missing, List<String> picked) {
        for (String item : allowed) {
            if (picked.size() < missing) {
                picked.add(item);
            }
        }
    }

    private List<String> popular(String groupArn) {
        Instant now = clock.instant();
        Popularity known = popularity.get(groupArn);
        if (known == null) {
            Popularity counted = count(groupArn, now);
            popularity.put(groupArn, counted);
            return counted.items();
        }
        if (known.countedAt().plus(MAX_AGE).isAfter(now) || !recounting.add(groupArn)) {
            return known.items();
        }
        try {
            Popularity counted = count(groupArn, now);
            popularity.put(groupArn, counted);
            return counted.items();
        } finally {
            recounting.remove(groupArn);
        }
    }

    private Popularity count(String groupArn, Instant now) {
        return new Popularity(now, datasets.ofType(groupArn, DatasetType.INTERACTIONS).map(Dataset::getArn)
                .map(arn -> List.copyOf(rows.popularItems(arn, POOL_SIZE))).orElse(List.of()));
    }
}
