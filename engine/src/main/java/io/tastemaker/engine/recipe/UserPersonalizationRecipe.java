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
 * <p>Context (Personalize's contextual metadata). When the interactions carry contextual fields
 * ({@link InteractionLog#contextFields()}, e.g. {@code DEVICE}), training also learns how each of
 * their values shifts the preference for each item ({@link ContextEffects}), and the model is a
 * {@link ContextualModel} around the EASE or iALS model: requests without a context are answered by
 * that model unchanged, requests with one rank the items as they are preferred in that context.
 * {@value #CONTEXT_WEIGHT} (default {@value #DEFAULT_CONTEXT_WEIGHT}, from 0 to
 * {@value ContextualModel#MAX_WEIGHT}) says how much a context counts against the user's own
 * preference; 0 turns context off. Without contextual fields the model is the plain EASE or iALS
 * model, as before.
 *
 * <p>Artifacts: an EASE model is stored as before, under {@code aws-user-personalization}; an iALS
 * model under {@link IalsModel#ARTIFACT_KEY}; a model with context under
 * {@link ContextualModel#ARTIFACT_KEY}, its base model's artifact inside. All read back with
 * {@link ModelCodec}.
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

    /**
     * Hyperparameter: how much a request's context counts against the user's own preference, the
     * factor of the context's lifts in {@link ContextualModel}; from 0 (context ignored) to
     * {@value ContextualModel#MAX_WEIGHT}.
     */
    public static final String CONTEXT_WEIGHT = "context_weight";

    /**
     * The default of {@value #CONTEXT_WEIGHT}: 1, the weight at which the combination is naive Bayes
     * with a {@code 1/rank} prior. On synthetic data (bench/context, ADR 0015) it is the best weight,
     * or within 0.03% of it, wherever the context tells something (nDCG@10 +55% where it decides),
     * and costs under 1% where it tells nothing.
     */
    public static final double DEFAULT_CONTEXT_WEIGHT = 1.0;

    /** Every hyperparameter name this recipe accepts. */
    public static final Set<String> HYPERPARAMETER_NAMES;

    static {
        Set<String> names = new HashSet<>(EaseRecipe.HYPERPARAMETER_NAMES);
        names.addAll(IalsRecipe.HYPERPARAMETER_NAMES);
        names.add(ALGORITHM);
        names.add(CONTEXT_WEIGHT);
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
     * @param contextWeight see {@link UserPersonalizationRecipe#CONTEXT_WEIGHT}
     */
    public record HyperParameters(Algorithm algorithm, EaseRecipe.HyperParameters ease,
            IalsRecipe.HyperParameters ials, double contextWeight) {

        /**
         * Checks that every part is present and the context weight in range.
         *
         * @throws IllegalArgumentException if the context weight is out of its range
         */
        public HyperParameters {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(ease, "ease");
            Objects.requireNonNull(ials, "ials");
            HyperParameterReader.requireDecimal(NAME, CONTEXT_WEIGHT, contextWeight, 0, ContextualModel.MAX_WEIGHT);
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
            double contextWeight = new HyperParameterReader(NAME, subset(values, Set.of(CONTEXT_WEIGHT)),
                    Set.of(CONTEXT_WEIGHT)).decimal(CONTEXT_WEIGHT, DEFAULT_CONTEXT_WEIGHT,
                    HyperParameterReader.decimalRange(0, ContextualModel.MAX_WEIGHT));
            return new HyperParameters(algorithm,
                    EaseRecipe.HyperParameters.parse(subset(values, EaseRecipe.HYPERPARAMETER_NAMES)),
                    IalsRecipe.HyperParameters.parse(NAME, subset(values, IalsRecipe.HYPERPARAMETER_NAMES)),
                    contextWeight);
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
        UserPersonalizationModel model;
        if (choice.algorithm() == Algorithm.EASE) {
            TrainingConfig easeConfig = new TrainingConfig(null, null,
                    subset(config.hyperParameters(), EaseRecipe.HYPERPARAMETER_NAMES), config.seed());
            model = new EaseRecipe(threads).train(data.withInteractions(selected), easeConfig, rest);
        } else {
            model = new IalsRecipe(NAME, threads).train(matrix, parameters.ials(), config.seed(), rest);
        }
        return withContext(model, selected, parameters.contextWeight(), monitor);
    }

    /**
     * {@code model} with the effects of the contextual fields of {@code selected} learned over its
     * catalog, or {@code model} itself when no selected interaction has a contextual value.
     */
    private static UserPersonalizationModel withContext(UserPersonalizationModel model, InteractionLog selected,
            double weight, TrainingMonitor monitor) {
        if (selected.contextFields().isEmpty()) {
            return model;
        }
        monitor.progress("Learning how the values of " + String.join(", ", selected.contextFields())
                + " shift item preference", 1);
        ContextEffects effects = ContextEffects.learn(selected, model.catalog());
        return effects.isEmpty() ? model : new ContextualModel(model, effects, weight);
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
     *     interactions, as in {@link #train}; its hyperparameters are checked, and used only for the
     *     context weight when {@code previous} had no context (a {@link ContextualModel} keeps its own);
     *     the context effects are learned again from the selected interactions
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
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        TrainingConfig selection = new TrainingConfig(config.eventType(), config.eventValueThreshold(), Map.of(),
                config.seed());
        monitor.progress("Updating the " + previous.algorithm().value() + " model", 0);
        // The context's weight is the previous model's, like the other hyperparameters (the solution's
        // when the previous model had no context); its effects are learned again from all the current
        // data, as they cost little.
        double weight = parameters.contextWeight();
        UserPersonalizationModel base = previous;
        if (previous instanceof ContextualModel contextual) {
            weight = contextual.contextWeight();
            base = contextual.base();
        }
        UserPersonalizationModel updated;
        if (base instanceof EaseModel ease) {
            updated = new EaseRecipe(threads).update(ease, data, selection, monitor);
        } else if (base instanceof IalsModel ials) {
            updated = new IalsRecipe(ials.recipe(), threads).update(ials, data, selection, monitor);
        } else {
            throw new IllegalArgumentException("Cannot update a " + previous.getClass().getSimpleName()
                    + "; recipe " + NAME + " updates the EASE and iALS models it trains");
        }
        return withContext(updated, selection.select(data.interactions()), weight, monitor);
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
