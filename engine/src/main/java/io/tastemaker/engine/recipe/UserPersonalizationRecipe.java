package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code aws-user-personalization} (USER_PERSONALIZATION): EASE ({@link EaseRecipe}) when the
 * catalog is small enough for it, iALS ({@link IalsRecipe}) otherwise, chosen from the data.
 *
 * <p>The choice, with {@value #ALGORITHM} = {@code auto}: EASE models only its {@code max_items}
 * most popular items and recommends the rest after them, by popularity. That costs nothing while
 * those items hold nearly all the interactions, and more as the long tail grows. So EASE trains
 * when its modelled items cover at least {@value #EASE_COVERAGE_PERCENT}% of the distinct (user,
 * item) pairs of the selected interactions, and iALS, which models every item, otherwise.
 *
 * <p>Why 90%. The threshold guards EASE's one weakness, that it recommends the items beyond
 * {@code max_items} by popularity only. On the validation split that chose both algorithms'
 * defaults (MovieLens ml-latest-small, bench/accuracy {@code --sweep-ials}), EASE with its
 * defaults but fewer modelled items scores nDCG@10, by coverage: 91.5% (5,000 items) 0.1440,
 * 83.2% (3,000) 0.1432, 75.1% (2,000) 0.1418, 58.8% (1,000) 0.1423, 41.9% (500) 0.1345, 15.5% (100)
 * 0.1229, against 0.1431 with every item: nothing is lost down to about 83%, and the loss grows
 * below 75%. 90% keeps a margin above that knee, and at 10% of the interactions in the unmodelled
 * tail, a tail that large is better served by a model of every item.
 *
 * <p>Accuracy alone does not settle the choice above the threshold, and it was not tuned on test:
 * on validation iALS with its defaults (0.1498) beats EASE at any coverage, while on the test
 * split EASE stays ahead (bench/accuracy: EASE 0.4095, iALS 0.3913 with 64 factors, 0.4034 with
 * 128 factors and 15 iterations). EASE keeps the small catalogs because it has one closed-form
 * solution and forgives its λ (validation 0.1374–0.1440 over λ 100–800), where iALS's best
 * regularisation moves with the data (validation 0.1498 at λ 5, α 5; 0.1290 at λ 10); see ADR
 * 0005. On ml-latest-small's training split EASE's 5,000 items cover 92.2% of the interactions,
 * so {@code auto} trains EASE there.
 *
 * <p>Which algorithm trained a model: {@link UserPersonalizationModel#algorithm()} (and the model's
 * {@code toString}); the monitor also hears the choice and the coverage behind it, as the step
 * {@code "Chose ials: the 5000 most popular items cover 79.6% of interactions (EASE needs 90%)"}.
 *
 * <p>Hyperparameters: {@value #ALGORITHM}, one of {@code auto} (default), {@code ease} and
 * {@code ials}; and the union of EASE's ({@link EaseRecipe#HYPERPARAMETER_NAMES}) and iALS's
 * ({@link IalsRecipe#HYPERPARAMETER_NAMES}), with their defaults and ranges. Each is used only by
 * its algorithm, but every value given is checked against its range whichever algorithm runs, so a
 * solution's hyperparameters are valid whatever {@code auto} will choose. Any other name is
 * rejected.
 *
 * <p>Artifacts: an EASE model is stored as before, under {@code aws-user-personalization}; an iALS
 * model under {@link IalsModel#ARTIFACT_KEY}. Both read back with {@link ModelCodec}.
 *
 * <p>Personalize's {@code trainingMode} UPDATE is {@link #update}: from a previous model and all the
 * current data, a new model with the same algorithm and hyperparameters, new users and items
 * included, in a few percent of a full training's time (bench/update; ADR 0009).
 */
public final class UserPersonalizationRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = EaseRecipe.NAME;

    /** Hyperparameter: which algorithm trains, {@code auto}, {@code ease} or {@code ials}. */
    public static final String ALGORITHM = "algorithm";

    /** Every hyperparameter name this recipe accepts. */
    public static final Set<String> HYPERPARAMETER_NAMES;

    static {
        Set<String> names = new HashSet<>(EaseRecipe.HYPERPARAMETER_NAMES);
        names.addAll(IalsRecipe.HYPERPARAMETER_NAMES);
        names.add(ALGORITHM);
        HYPERPARAMETER_NAMES = Set.copyOf(names);
    }

    /** With {@code auto}: EASE's least share of interactions on its modelled items, in percent. */
    public static final int EASE_COVERAGE_PERCENT = 90;

    /** The algorithms, and the values of {@value #ALGORITHM}. */
    public enum Algorithm {
        /** Chosen from the data; see the class comment. */
        AUTO,
        /** {@link EaseRecipe}. */
        EASE,
        /** {@link IalsRecipe}. */
        IALS;

        /** The hyperparameter value: the name in lower case. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int threads;

    /** Trains on every available processor. */
    public UserPersonalizationRecipe() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public UserPersonalizationRecipe(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Validated hyperparameters: the algorithm, and each algorithm's own.
     *
     * @param algorithm see {@link UserPersonalizationRecipe#ALGORITHM}
     * @param ease EASE's hyperparameters, used when EASE trains
     * @param ials iALS's hyperparameters, used when iALS trains
     */
    public record HyperParameters(Algorithm algorithm, EaseRecipe.HyperParameters ease,
            IalsRecipe.HyperParameters ials) {

        /** Checks that every part is present. */
        public HyperParameters {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(ease, "ease");
            Objects.requireNonNull(ials, "ials");
        }

        /**
         * Parses string hyperparameters; absent ones take their defaults.
         *
         * @throws IllegalArgumentException naming an unknown hyperparameter, or a known one whose
         *     value is not in its range
         */
        public static HyperParameters parse(Map<String, String> values) {
            Objects.requireNonNull(values, "values");
            new TrainingConfig(null, null, values, 0L).requireKnownHyperParameters(NAME, HYPERPARAMETER_NAMES);
            Algorithm algorithm = Algorithm.AUTO;
            if (values.containsKey(ALGORITHM)) {
                String value = values.get(ALGORITHM);
                algorithm = null;
                for (Algorithm candidate : Algorithm.values()) {
                    if (value != null && candidate.value().equals(value.strip())) {
                        algorithm = candidate;
                    }
                }
                if (algorithm == null) {
                    throw new IllegalArgumentException("Hyperparameter '" + ALGORITHM + "' of recipe " + NAME
                            + " must be one of auto, ease, ials, was " + (value == null ? "null" : "'" + value + "'"));
                }
            }
            return new HyperParameters(algorithm,
                    EaseRecipe.HyperParameters.parse(subset(values, EaseRecipe.HYPERPARAMETER_NAMES)),
                    IalsRecipe.HyperParameters.parse(NAME, subset(values, IalsRecipe.HYPERPARAMETER_NAMES)));
        }
    }

    /**
     * The outcome of the choice.
     *
     * @param algorithm {@link Algorithm#EASE} or {@link Algorithm#IALS}
     * @param requested the {@value #ALGORITHM} hyperparameter
     * @param easeItems the number of items EASE would model, {@code min(max_items, catalog)}
     * @param coverage the share of distinct (user, item) pairs on those items, in [0, 1]
     */
    public record Choice(Algorithm algorithm, Algorithm requested, int easeItems, double coverage) {

        /** A sentence for the monitor and the logs. */
        public String describe() {
            String share = String.format(Locale.ROOT, "the %d most popular items cover %.1f%% of interactions",
                    easeItems, 100 * coverage);
            return "Chose " + algorithm.value() + ": " + (requested == Algorithm.AUTO
                    ? share + " (EASE needs " + EASE_COVERAGE_PERCENT + "%)"
                    : "requested by hyperparameter " + ALGORITHM + " (" + share + ")");
        }
    }

    /**
     * What {@link #train} would choose for the selected interactions of {@code log}.
     *
     * @throws IllegalArgumentException if the configuration's hyperparameters are invalid
     */
    public static Choice choose(InteractionLog log, TrainingConfig config) {
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        return choose(InteractionMatrix.of(config.select(log)), parameters);
    }

    private static Choice choose(InteractionMatrix matrix, HyperParameters parameters) {
        int easeItems = Math.min(parameters.ease().maxItems(), matrix.itemCount());
        long covered = matrix.coveredPairs(easeItems);
        long pairs = matrix.pairCount();
        Algorithm algorithm = parameters.algorithm();
        if (algorithm == Algorithm.AUTO) {
            // In integers, so that a coverage of exactly 90% is not lost to rounding.
            algorithm = 100 * covered >= (long) EASE_COVERAGE_PERCENT * pairs ? Algorithm.EASE : Algorithm.IALS;
        }
        return new Choice(algorithm, parameters.algorithm(), easeItems, pairs == 0 ? 1 : (double) covered / pairs);
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public UserPersonalizationModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public UserPersonalizationModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        monitor.progress("Choosing the algorithm", 0);
        InteractionLog selected = config.select(data.interactions());
        InteractionMatrix matrix = InteractionMatrix.of(selected);
        Choice choice = choose(matrix, parameters);
        monitor.progress(choice.describe(), 0.02);
        TrainingMonitor rest = monitor.part(0.02, 1);
        if (choice.algorithm() == Algorithm.EASE) {
            TrainingConfig easeConfig = new TrainingConfig(null, null,
                    subset(config.hyperParameters(), EaseRecipe.HYPERPARAMETER_NAMES), config.seed());
            return new EaseRecipe(threads).train(data.withInteractions(selected), easeConfig, rest);
        }
        return new IalsRecipe(NAME, threads).train(matrix, parameters.ials(), config.seed(), rest);
    }

    /**
     * Personalize's {@code trainingMode} UPDATE: a new model from all the current data that keeps
     * the expensive part of {@code previous} and brings in new users and items, in a fraction of a
     * full training's time. It is not a retraining: the algorithm and hyperparameters are
     * {@code previous}'s (the {@code auto} choice is not made again, and HPO's tuned values stay).
     *
     * <ul>
     *   <li>EASE ({@link EaseRecipe#update}): keeps the item-to-item weights B; rebuilds the catalog's
     *       popularity and every user's history, new users included. New items are recommended
     *       after the modelled ones, by popularity, until the next full training.</li>
     *   <li>iALS ({@link IalsRecipe#update}): keeps the vectors of known items and unchanged users;
     *       solves new and changed users, then new items, then those users again, each with the
     *       other side fixed. New users and items get vectors of their own.</li>
     * </ul>
     *
     * <p>An update of an update works the same way; what an update cannot change (the modelled
     * items of EASE, the vectors of known iALS items) waits for the next full training, which
     * Personalize also advises weekly.
     *
     * @param previous a model this recipe trained or updated
     * @param data all the current data: the caller does not track what changed since
     *     {@code previous}; the recipes find new users and items by comparing with it
     * @param config the solution's configuration: its event type and value threshold select the
     *     interactions, as in {@link #train}; its hyperparameters are checked but not used
     * @param monitor hears the progress (what is new, each step) and may stop the run
     * @throws IllegalArgumentException if {@code previous} is not an EASE or iALS model, or the
     *     configuration names an unknown hyperparameter or gives one a value out of its range
     * @throws TrainingStoppedException if the monitor stops the run
     */
    public UserPersonalizationModel update(UserPersonalizationModel previous, TrainingData data, TrainingConfig config,
            TrainingMonitor monitor) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters.parse(config.hyperParameters());
        TrainingConfig selection = new TrainingConfig(config.eventType(), config.eventValueThreshold(), Map.of(),
                config.seed());
        monitor.progress("Updating the " + previous.algorithm().value() + " model", 0);
        if (previous instanceof EaseModel ease) {
            return new EaseRecipe(threads).update(ease, data, selection, monitor);
        }
        if (previous instanceof IalsModel ials) {
            return new IalsRecipe(ials.recipe(), threads).update(ials, data, selection, monitor);
        }
        throw new IllegalArgumentException("Cannot update a " + previous.getClass().getSimpleName()
                + "; recipe " + NAME + " updates the EASE and iALS models it trains");
    }

    private static Map<String, String> subset(Map<String, String> values, Set<String> names) {
        Map<String, String> subset = new HashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (names.contains(entry.getKey())) {
                subset.put(entry.getKey(), entry.getValue());
            }
        }
        return subset;
    }
}
