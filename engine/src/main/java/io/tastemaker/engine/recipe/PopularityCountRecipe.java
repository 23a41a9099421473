package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * {@code aws-popularity-count}: the same most-popular items for every user, Personalize's
 * recommended baseline.
 *
 * <p>Popularity is, by default, the number of interactions with the item among those the
 * {@link TrainingConfig} selects ({@link Counting#EVENTS}). {@link Counting#DISTINCT_USERS} counts
 * the users who interacted with the item instead, which is what the current Personalize guide
 * describes ("the items with the most interactions data from unique users"). Items are ordered by
 * count, highest first, ties by item id ascending ({@link String#compareTo}); items without a
 * selected interaction are never recommended. A recommendation's score is the item's count divided
 * by the sum of all counts, so scores are in {@code (0, 1]} and sum to at most 1.
 *
 * <p>No hyperparameters: any name in {@link TrainingConfig#hyperParameters()} is rejected.
 */
public final class PopularityCountRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-popularity-count";

    /** What a popularity count counts. */
    public enum Counting {
        /** Every selected interaction counts once. */
        EVENTS,
        /** Each user counts once per item, however often they interacted with it. */
        DISTINCT_USERS
    }

    private final Counting counting;

    /** Counts distinct users per item ({@link Counting#DISTINCT_USERS}), as Personalize documents Popularity-Count. */
    public PopularityCountRecipe() {
        this(Counting.DISTINCT_USERS);
    }

    /** Counts as {@code counting} says. */
    public PopularityCountRecipe(Counting counting) {
        this.counting = Objects.requireNonNull(counting, "counting");
    }

    @Override
    public String name() {
        return NAME;
    }

    /** What this recipe counts. */
    public Counting counting() {
        return counting;
    }

    @Override
    public UserModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    @Override
    public UserModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        config.requireKnownHyperParameters(NAME, Set.of());
        monitor.progress("Counting", 0);
        InteractionLog selected = config.select(data.interactions());
        long[] counts = counting == Counting.EVENTS ? countEvents(selected) : countDistinctUsers(selected);

        int[] ranked = new int[counts.length];
        int size = 0;
        for (int item = 0; item < counts.length; item++) {
            if (counts[item] > 0) {
                ranked[size++] = item;
            }
        }
        ranked = Arrays.copyOf(ranked, size);
        IdDictionary items = selected.items();
        IndexSort.stableSort(ranked, (a, b) -> {
            int byCount = Long.compare(counts[b], counts[a]);
            return byCount != 0 ? byCount : items.idOf(a).compareTo(items.idOf(b));
        });

        String[] itemIds = new String[size];
        long[] rankedCounts = new long[size];
        for (int i = 0; i < size; i++) {
            itemIds[i] = items.idOf(ranked[i]);
            rankedCounts[i] = counts[ranked[i]];
        }
        return new PopularityCountModel(itemIds, rankedCounts);
    }

    private static long[] countEvents(InteractionLog log) {
        long[] counts = new long[log.items().size()];
        for (int row = 0, n = log.size(); row < n; row++) {
            counts[log.item(row)]++;
        }
        return counts;
    }

    private static long[] countDistinctUsers(InteractionLog log) {
        long[] counts = new long[log.items().size()];
        int[] lastUser = new int[counts.length];
        Arrays.fill(lastUser, -1);
        RowGroups byUser = log.rowsByUser();
        for (int user = 0; user < byUser.groupCount(); user++) {
            for (int p = byUser.start(user), end = byUser.end(user); p < end; p++) {
                int item = log.item(byUser.row(p));
                if (lastUser[item] != user) {
                    lastUser[item] = user;
                    counts[item]++;
                }
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return NAME + "(" + counting + ")";
    }
}
