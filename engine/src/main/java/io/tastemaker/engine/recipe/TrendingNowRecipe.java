package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code aws-trending-now} (POPULAR_ITEMS): the items whose interactions grow fastest, the same
 * list for every user.
 *
 * <p>Training, on the interactions {@link TrainingConfig#select} keeps:
 *
 * <ol>
 *   <li><b>Now</b> is the newest timestamp among those interactions, never the wall clock, so a
 *       model is a pure function of its data. With {@code w} the trend discovery frequency, the
 *       <b>latest window</b> is {@code (now − w, now]} and the <b>previous window</b> is
 *       {@code (now − 2w, now − w]}; older interactions only count towards an item's total. These
 *       are Personalize's "last two intervals".</li>
 *   <li>For each item, {@code L} and {@code P} are its interactions (every selected event counts
 *       once) in the latest and the previous window, and {@code T} its interactions overall.</li>
 *   <li>Its <b>trend score</b> is a lower confidence bound of how much its interaction rate grew:
 *       <pre>
 *   g = ln((L + α) / (P + α)) − z · sqrt(1 / (L + α) + 1 / (P + α)),   α = {@value #PRIOR_COUNT}, z = {@value #CONFIDENCE_Z}
 *       </pre>
 *       Treating counts as Poisson, {@code ln(L + α) − ln(P + α)} estimates the log of the growth
 *       factor of the item's rate, and {@code 1 / (L + α) + 1 / (P + α)} is that estimate's
 *       variance (delta method); {@code g} is the bound of a one-sided 95% interval, the growth
 *       we can be 95% sure of. The pseudo-count {@code α} keeps the logarithm finite for new items
 *       and shrinks small counts. So small numbers cannot win by chance: 0→1 interactions gives
 *       {@code g ≈ −1.32}, 0→3 {@code ≈ −0.45}, 10→30 {@code ≈ 0.46} and 100→300 {@code ≈ 0.90};
 *       a steady item (100→100) gets {@code ≈ −0.23}, and a large item growing slightly
 *       (100,000→110,000) only {@code ≈ 0.09}. A plain growth ratio would rank 0→3 (4×) above
 *       100→300 (3×); a plain z-score of the difference would rank the large item's slight growth
 *       above both.</li>
 *   <li>An item <b>trends</b> when {@code g > 0}: its rate rose with 95% confidence. Trending items
 *       come first, by {@code g} descending. Every other item follows by <b>recent popularity</b>,
 *       {@code L + P} descending. Ties, among trending items as among the others, go to the higher
 *       {@code L + P}, then the higher {@code T}, then the lower item id
 *       ({@link String#compareTo}).</li>
 * </ol>
 *
 * <p>Items without an interaction in the last two windows come last, by {@code T}: when little
 * happened recently, no item trends and the list degrades to the most popular items, as
 * Personalize's does ("will only recommend popular items instead of trending items" when the last
 * two intervals are empty; here the latest window always holds the newest interaction). Every item
 * with a selected interaction is in the list. A model is a snapshot as of its {@code now}, so
 * picking up newer interactions means training again (Personalize recomputes at every interval;
 * that schedule is the domain's).
 *
 * <p>Hyperparameters (as strings; any other name is rejected):
 *
 * <ul>
 *   <li>{@value #TREND_DISCOVERY_FREQUENCY}: the window length {@code w}, Personalize's "trend
 *       discovery frequency". One of Personalize's four choices, {@code "30 minutes"},
 *       {@code "1 hour"}, {@code "3 hours"} or {@code "1 day"} (case and repeated spaces ignored),
 *       or a whole number of seconds from {@value #MIN_WINDOW_SECONDS} to
 *       {@value #MAX_WINDOW_SECONDS} (one year) for data whose pace differs; default
 *       {@code "3 hours"} ({@value #DEFAULT_WINDOW_SECONDS} s), Personalize's default. A shorter
 *       window reacts faster and to fewer interactions, so its trends are noisier and need a
 *       stronger rise to pass the confidence bound.</li>
 * </ul>
 *
 * <p>The constants {@code α} and {@code z} are fixed rather than exposed: Personalize exposes only
 * the frequency, and the bound's job (small counts must not win) holds for any {@code z} near 1.6.
 */
public final class TrendingNowRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-trending-now";

    /** Hyperparameter: the window length. */
    public static final String TREND_DISCOVERY_FREQUENCY = "trend_discovery_frequency";

    /** Every hyperparameter name this recipe accepts, for validation at CreateSolution. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(TREND_DISCOVERY_FREQUENCY);

    /** Default window length in seconds: 3 hours. */
    public static final long DEFAULT_WINDOW_SECONDS = 10_800;
    /** Shortest accepted window in seconds. */
    public static final long MIN_WINDOW_SECONDS = 60;
    /** Longest accepted window in seconds: 365 days. */
    public static final long MAX_WINDOW_SECONDS = 31_536_000;

    /** The pseudo-count α added to both window counts. */
    public static final double PRIOR_COUNT = 1.0;
    /** The normal quantile z of the one-sided 95% lower bound. */
    public static final double CONFIDENCE_Z = 1.645;

    /** Personalize's named frequencies, lower case with single spaces, in seconds. */
    private static final Map<String, Long> NAMED_WINDOWS = Map.of(
            "30 minutes", 1_800L,
            "1 hour", 3_600L,
            "3 hours", 10_800L,
            "1 day", 86_400L);

    private static final String RANGE = "one of '30 minutes', '1 hour', '3 hours', '1 day', or a whole number of "
            + "seconds from " + MIN_WINDOW_SECONDS + " to " + MAX_WINDOW_SECONDS;
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Validated hyperparameters.
     *
     * @param windowSeconds see {@link TrendingNowRecipe#TREND_DISCOVERY_FREQUENCY}
     */
    public record HyperParameters(long windowSeconds) {

        /**
         * Checks the range.
         *
         * @throws IllegalArgumentException if the window is out of its range
         */
        public HyperParameters {
            if (windowSeconds < MIN_WINDOW_SECONDS || windowSeconds > MAX_WINDOW_SECONDS) {
                throw new IllegalArgumentException(outOfRange(Long.toString(windowSeconds)));
            }
        }

        /** The defaults. */
        public static HyperParameters defaults() {
            return new HyperParameters(DEFAULT_WINDOW_SECONDS);
        }

        /**
         * Parses Personalize-style string hyperparameters; an absent one takes its default.
         *
         * @throws IllegalArgumentException naming an unknown hyperparameter, or a value that is
         *     neither a named frequency nor a number of seconds in range
         */
        public static HyperParameters parse(Map<String, String> values) {
            Objects.requireNonNull(values, "values");
            new TrainingConfig(null, null, values, 0L).requireKnownHyperParameters(NAME, HYPERPARAMETER_NAMES);
            if (!values.containsKey(TREND_DISCOVERY_FREQUENCY)) {
                return defaults();
            }
            String value = values.get(TREND_DISCOVERY_FREQUENCY);
            if (value == null) {
                throw new IllegalArgumentException(outOfRange(null));
            }
            String normalized = SPACES.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
            Long named = NAMED_WINDOWS.get(normalized);
            if (named != null) {
                return new HyperParameters(named);
            }
            if (!SECONDS.matcher(normalized).matches()) {
                throw new IllegalArgumentException(outOfRange(value));
            }
            long seconds = Long.parseLong(normalized);
            if (seconds < MIN_WINDOW_SECONDS || seconds > MAX_WINDOW_SECONDS) {
                throw new IllegalArgumentException(outOfRange(value));
            }
            return new HyperParameters(seconds);
        }

        private static String outOfRange(String value) {
            return "Hyperparameter '" + TREND_DISCOVERY_FREQUENCY + "' of recipe " + NAME + " must be " + RANGE
                    + ", was " + (value == null ? "null" : "'" + value + "'");
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter, gives
     *     the window a value out of its range, or selects no interaction
     */
    @Override
    public TrendingNowModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter, gives
     *     the window a value out of its range, or selects no interaction
     */
    @Override
    public TrendingNowModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        monitor.progress("Counting interactions per window", 0);
        InteractionLog log = config.select(data.interactions());
        int rows = log.size();
        if (rows == 0) {
            throw new IllegalArgumentException("Recipe " + NAME + " needs at least one interaction to find trends in; "
                    + "the configuration selects none");
        }
        long now = Long.MIN_VALUE;
        for (int row = 0; row < rows; row++) {
            now = Math.max(now, log.timestamp(row));
        }
        long latestStart = TrendingNowModel.windowStart(now, parameters.windowSeconds(), 1);
        long previousStart = TrendingNowModel.windowStart(now, parameters.windowSeconds(), 2);

        int itemCount = log.items().size();
        long[] latest = new long[itemCount];
        long[] previous = new long[itemCount];
        long[] total = new long[itemCount];
        for (int row = 0; row < rows; row++) {
            int item = log.item(row);
            long time = log.timestamp(row);
            total[item]++;
            if (time > latestStart) {
                latest[item]++;
            } else if (time > previousStart) {
                previous[item]++;
            }
        }
        monitor.progress("Ranking items by trend", 0.5);

        int[] ranked = new int[itemCount];
        int size = 0;
        for (int item = 0; item < itemCount; item++) {
            if (total[item] > 0) {
                ranked[size++] = item;
            }
        }
        ranked = Arrays.copyOf(ranked, size);
        double[] scores = new double[itemCount];
        for (int item : ranked) {
            scores[item] = TrendingNowModel.trendScore(latest[item], previous[item]);
        }
        IdDictionary items = log.items();
        IndexSort.stableSort(ranked, (a, b) -> TrendingNowModel.compare(scores[a], latest[a] + previous[a], total[a],
                items.idOf(a), scores[b], latest[b] + previous[b], total[b], items.idOf(b)));

        String[] itemIds = new String[size];
        long[] rankedLatest = new long[size];
        long[] rankedPrevious = new long[size];
        long[] rankedTotal = new long[size];
        for (int i = 0; i < size; i++) {
            int item = ranked[i];
            itemIds[i] = items.idOf(item);
            rankedLatest[i] = latest[item];
            rankedPrevious[i] = previous[item];
            rankedTotal[i] = total[item];
        }
        monitor.progress("Done", 1);
        return new TrendingNowModel(parameters, now, itemIds, rankedLatest, rankedPrevious, rankedTotal);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
