package io.tastemaker.engine.tuning;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.evaluation.Metrics;
import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Personalize's hyperparameter optimisation ({@code performHPO} with {@code solutionConfig.hpoConfig}):
 * trains a recipe with several hyperparameter settings and keeps the one that scores best on
 * validation folds carved from the data it is given.
 *
 * <p>A search, given data {@code D} and a configuration with seed {@code s}:
 *
 * <ol>
 *   <li><b>Validation folds</b> ({@link HpoValidation}; defaults in brackets). {@code D}'s
 *       interactions, as the configuration selects them, are split with
 *       {@link PersonalizeHoldout#folds}: a share [all] of the users with at least two interactions
 *       is dealt into {@code K} [3] disjoint folds, and each fold holds out its users' newest
 *       [20%] of interactions as truth, seeded with the first {@code long} of a
 *       {@link SplittableRandom} seeded {@code s}. A trial trains once per fold, on everything but
 *       that fold's truth, and is scored on it; its metrics are the mean over every fold's users.
 *       A trial so costs {@code K} trainings (each on about {@code 1 − 0.2/K} of the data, 93%
 *       with the defaults): the default search of EASE trains 30 models rather than 10. The
 *       search never sees any other data: to keep a solution version's offline metrics honest,
 *       pass the training part of the evaluation split, e.g. {@code PersonalizeHoldout.split(
 *       config.select(all), config.seed()).train()}, which is what
 *       {@link io.tastemaker.engine.evaluation.SolutionEvaluator} then holds out from.</li>
 *   <li><b>Ranges.</b> {@code hpoConfig.algorithmHyperParameterRanges}, or, when it has none, the
 *       recipe's {@link DefaultRanges}. A trial's hyperparameters are the configuration's fixed
 *       ones plus one value per range; a hyperparameter may not be both fixed and searched.</li>
 *   <li><b>Proposals</b> ({@link TreeParzenProposer}, from a generator split off the same seeded
 *       one): the first {@code max(3, ⌈n/3⌉)} trials (at most {@code n =
 *       maxNumberOfTrainingJobs}) form a Latin hypercube over the ranges; each later trial is the
 *       TPE proposal given every earlier result. Trials are proposed in rounds of
 *       {@code maxParallelTrainingJobs}, each round seeing only the results of the rounds before.
 *       Integer and continuous ranges are sampled log-uniformly when {@code min > 0} and
 *       {@code max > 10 · min} (a regularisation constant from 50 to 2,000 is as likely to land
 *       below 316 as above), uniformly otherwise. Hyperparameters are never tried twice; a search
 *       of a finite space ends early once it has tried every combination.</li>
 *   <li><b>Scoring.</b> A trial's model recommends {@value Metrics#CUTOFF} items to each
 *       validation user and gets every {@link Metrics} value; the objective picks one. By default
 *       ({@link Candidates#UNSEEN_ITEMS}) a user's list leaves out the items the user interacted
 *       with in the fold's training part, unlike
 *       {@link io.tastemaker.engine.evaluation.SolutionEvaluator}, which keeps them as
 *       Personalize's runtime does ({@link Candidates#ALL_ITEMS}). Measured with EASE on MovieLens
 *       ml-latest-small (bench/hpo, 61 validation users), keeping them fills the lists with items
 *       the user already rated: validation nDCG@10 falls to 0–0.013 and rises steadily with λ
 *       only because a larger λ recommends fewer of them, so the search picks the top of the
 *       range. Leaving them out scores what tuning is for, the items a user turns to next; where
 *       users repeat interactions, it lowers every trial's score alike rather than favouring
 *       one.</li>
 *   <li><b>Choice.</b> The best trial is the one with the best objective value (ties: the
 *       earlier). With {@link HpoValidation.Selection#ONE_STANDARD_ERROR} [the default], the
 *       chosen trial is, among those whose value is within one standard error of the best's (the
 *       standard error of the mean per-user difference between the two, over every fold's
 *       users), the one closest to the recipe's default hyperparameters
 *       ({@link DefaultRanges#defaultValues}), so that a difference the validation cannot resolve
 *       does not move the model away from measured defaults; with
 *       {@link HpoValidation.Selection#BEST}, or without defaults, the best. The chosen trial
 *       gives {@link HpoResult#tunedHyperParameters()}.</li>
 * </ol>
 *
 * <p>Measured on MovieLens ml-latest-small, on the train part of the shared protocol's split only
 * (bench/hpo, EASE's default range, 10 trials; the test part only scores the outcome):
 *
 * <ul>
 *   <li>The former validation, one fold of 10% of the users with their newest 10%, had 61 users
 *       and a validation nDCG@10 near 0.03: λ from 50 to 2,000 differed by one or two hits, and
 *       seeds 1, 2 and 3 chose λ = 1,612, 133 and 65, test nDCG@10 0.382, 0.400 and 0.362
 *       against 0.4095 for the default λ = 300.</li>
 *   <li>Three folds over all 610 users, newest 20% (the defaults): validation nDCG@10 about
 *       0.055, paired standard error of a trial against the best 0.0013–0.0035
 *       (HpoValidationStudy, grid of λ). The signal is now stable, and it says that a user's
 *       newest ratings are predicted best by a large λ: the best-scoring trial is λ ≈ 1,760–1,810
 *       on seeds 1 and 2 (test 0.378–0.379). The one-standard-error choice picks λ = 131, 283
 *       and 492 on seeds 1, 2 and 3, test nDCG@10 0.3990, 0.4096 and 0.4054 against 0.4095.</li>
 *   <li>The same folds with a random 20% of each user's ratings as truth
 *       ({@link PersonalizeHoldout.Truth#RANDOM}), shaped like that benchmark's random test:
 *       validation nDCG@10 about 0.20, highest for λ from 270 to 370; seeds 1, 2 and 3 choose
 *       λ = 326, 406 and 327, test nDCG@10 0.4095, 0.4084 and 0.4089.</li>
 * </ul>
 *
 * <p>So the search tunes for what its truth measures. {@link PersonalizeHoldout.Truth#NEWEST}
 * stays the default because the service's offline metrics
 * ({@link io.tastemaker.engine.evaluation.SolutionEvaluator}) hold out the newest interactions;
 * tune with {@link PersonalizeHoldout.Truth#RANDOM} for an evaluation that holds out random ones.
 *
 * <p>A trial whose hyperparameters the recipe rejects ({@link IllegalArgumentException}) is recorded
 * as failed with the exception's message and counts as a bad result for later proposals; if every
 * trial fails, the search throws an {@link IllegalArgumentException} that quotes the first
 * failure. A {@link io.tastemaker.engine.recipe.TrainingStoppedException} from the monitor ends the
 * search at once and propagates. Everything is a function of (recipe, data, configuration,
 * hpoConfig, validation): the same inputs give the same trials and the same choice.
 *
 * <p>Progress: trial {@code t} of {@code n} spans {@code [(t − 1)/n, t/n]} of the monitor's range,
 * fold {@code f} of {@code K} the {@code f}-th {@code K}-th of that, its steps named
 * {@code "Trial t of n, fold f of K: ..."} ({@code "Trial t of n: ..."} with one fold). A trial the
 * recipe rejects on a fold is not trained on the later folds.
 */
public final class HyperparameterSearch {

    /** The fewest Latin-hypercube trials a search starts with (fewer only if it has fewer trials). */
    public static final int MIN_STARTUP_TRIALS = 3;

    /** The share of a trial's progress range spent training; scoring takes the rest. */
    private static final double TRAINING_SHARE = 0.95;

    /** Which items may appear in a validation user's list. */
    public enum Candidates {
        /** Every item, as in {@code GetSolutionMetrics} and Personalize's runtime. */
        ALL_ITEMS,
        /** Every item except those the user interacted with in the validation-train part; the default. */
        UNSEEN_ITEMS
    }

    private HyperparameterSearch() {
    }

    /** Runs a search with {@link HpoValidation#DEFAULT}; see the class comment. */
    public static HpoResult run(Recipe recipe, TrainingData data, TrainingConfig config, HpoConfig hpoConfig,
            TrainingMonitor monitor) {
        return run(recipe, data, config, hpoConfig, HpoValidation.DEFAULT, monitor);
    }

    /**
     * Runs a search with {@link HpoValidation#DEFAULT} but lists of {@code candidates}; see
     * {@link #run(Recipe, TrainingData, TrainingConfig, HpoConfig, HpoValidation, TrainingMonitor)}.
     */
    public static HpoResult run(Recipe recipe, TrainingData data, TrainingConfig config, HpoConfig hpoConfig,
            Candidates candidates, TrainingMonitor monitor) {
        Objects.requireNonNull(candidates, "candidates");
        return run(recipe, data, config, hpoConfig, HpoValidation.DEFAULT.withCandidates(candidates), monitor);
    }

    /**
     * Runs a search; see the class comment.
     *
     * @param recipe the recipe to tune; its models must be {@link UserModel}s
     * @param data the data to tune on: the training part of any evaluation split
     * @param config the event type, value threshold, fixed hyperparameters and seed; every trial
     *     trains with them
     * @param hpoConfig the objective, number of trials and ranges
     * @param validation the folds, the lists scored and how the winner is picked
     * @param monitor told each trial's progress; may stop the search
     * @throws IllegalArgumentException if there are no ranges and the recipe has no default ones, a
     *     hyperparameter is both fixed and searched, fewer users than folds (or none) have two
     *     selected interactions, the recipe's models do not recommend to users, or every trial failed
     * @throws io.tastemaker.engine.recipe.TrainingStoppedException if the monitor stopped the search
     */
    public static HpoResult run(Recipe recipe, TrainingData data, TrainingConfig config, HpoConfig hpoConfig,
            HpoValidation validation, TrainingMonitor monitor) {
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(hpoConfig, "hpoConfig");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameterRanges ranges = rangesFor(recipe, hpoConfig, config);
        HpoObjective objective = hpoConfig.hpoObjective();
        int trialCount = hpoConfig.hpoResourceConfig().maxNumberOfTrainingJobs();
        int roundSize = Math.min(trialCount, hpoConfig.hpoResourceConfig().maxParallelTrainingJobs());

        SplittableRandom seeded = new SplittableRandom(config.seed());
        long validationSeed = seeded.nextLong();
        ParameterSpace space = new ParameterSpace(ranges);
        TreeParzenProposer proposer = new TreeParzenProposer(space, seeded.split());

        monitor.progress("Splitting off validation users", 0);
        InteractionLog selected = config.select(data.interactions());
        List<PersonalizeHoldout.Split> folds = PersonalizeHoldout.folds(selected, validation.folds(),
                validation.userShare(), validation.truthShare(), validation.truth(), validationSeed);
        List<TrainingData> foldTrain = new ArrayList<>();
        for (PersonalizeHoldout.Split fold : folds) {
            foldTrain.add(data.withInteractions(fold.train()));
        }

        int startupCount = Math.min(trialCount, Math.max(MIN_STARTUP_TRIALS, (trialCount + 2) / 3));
        double[][] startup = proposer.latinHypercube(startupCount);
        List<Trial> trials = new ArrayList<>();
        List<double[]> perUser = new ArrayList<>();
        List<TreeParzenProposer.Observation> observations = new ArrayList<>();
        Set<Map<String, String>> proposed = new HashSet<>();
        long combinations = space.combinations();
        boolean exhausted = false;

        while (trials.size() < trialCount && !exhausted) {
            // One round: proposals that see the results of earlier rounds only.
            List<double[]> round = new ArrayList<>();
            int wanted = Math.min(roundSize, trialCount - trials.size());
            while (round.size() < wanted) {
                if (proposed.size() >= combinations) {
                    exhausted = true;
                    break;
                }
                int index = trials.size() + round.size();
                Predicate<double[]> isNew = point -> !proposed.contains(space.decode(point));
                double[] point = index < startupCount && isNew.test(startup[index]) ? startup[index]
                        : index < startupCount ? proposer.randomNew(isNew)
                        : proposer.propose(observations, isNew);
                if (point == null) {
                    exhausted = true;
                    break;
                }
                proposed.add(space.decode(point));
                round.add(point);
            }
            for (double[] point : round) {
                Scored scored = runTrial(trials.size() + 1, trialCount, space.decode(point), recipe, foldTrain, folds,
                        config, objective, validation.candidates(), data.interactions(), monitor);
                Trial trial = scored.trial();
                trials.add(trial);
                perUser.add(scored.perUser());
                double oriented = !trial.succeeded() || Double.isNaN(trial.objectiveValue()) ? Double.NEGATIVE_INFINITY
                        : objective.type() == HpoObjective.Type.MAXIMIZE ? trial.objectiveValue()
                        : -trial.objectiveValue();
                observations.add(new TreeParzenProposer.Observation(point, trial.succeeded(), oriented));
            }
        }

        Trial best = null;
        for (Trial trial : trials) {
            if (trial.succeeded() && (best == null || objective.isBetter(trial.objectiveValue(), best.objectiveValue())
                    || Double.isNaN(best.objectiveValue()) && !Double.isNaN(trial.objectiveValue()))) {
                best = trial;
            }
        }
        if (best == null) {
            Trial first = trials.get(0);
            throw new IllegalArgumentException("Every one of the " + trials.size() + " HPO trials of recipe "
                    + recipe.name() + " failed; trial 1 (" + first.parameters() + "): " + first.failureReason());
        }
        Trial chosen = validation.selection() == HpoValidation.Selection.ONE_STANDARD_ERROR
                ? withinOneStandardError(trials, perUser, best, objective, space,
                        DefaultRanges.defaultValues(recipe.name()))
                : best;
        monitor.progress("Chose trial " + chosen.number() + " of " + trials.size(), 1);
        Map<String, String> tuned = new LinkedHashMap<>(new TreeMap<>(config.hyperParameters()));
        tuned.putAll(chosen.parameters());
        int validationUsers = folds.stream().mapToInt(PersonalizeHoldout.Split::heldOutUserCount).sum();
        return new HpoResult(objective, trials, chosen.number(), tuned, validationUsers, trials.size() < trialCount);
    }

    /**
     * {@link HpoValidation.Selection#ONE_STANDARD_ERROR}: among the trials within one standard
     * error of {@code best} (of the per-user difference), the one closest to {@code defaults};
     * ties go to the better objective value, then the earlier trial. {@code best} when there are
     * no per-user values or the defaults name none of the searched hyperparameters.
     */
    static Trial withinOneStandardError(List<Trial> trials, List<double[]> perUser, Trial best,
            HpoObjective objective, ParameterSpace space, Map<String, String> defaults) {
        double[] bestValues = perUser.get(best.number() - 1);
        if (bestValues == null || Double.isNaN(space.distance(best.parameters(), defaults))) {
            return best;
        }
        double sign = objective.type() == HpoObjective.Type.MAXIMIZE ? 1 : -1;
        Trial chosen = best;
        double chosenDistance = space.distance(best.parameters(), defaults);
        for (Trial trial : trials) {
            double[] values = perUser.get(trial.number() - 1);
            if (trial == best || values == null || Double.isNaN(trial.objectiveValue())) {
                continue;
            }
            double gap = sign * (best.objectiveValue() - trial.objectiveValue());
            double distance = space.distance(trial.parameters(), defaults);
            boolean within = gap <= standardErrorOfDifference(values, bestValues);
            boolean closer = distance < chosenDistance || distance == chosenDistance
                    && objective.isBetter(trial.objectiveValue(), chosen.objectiveValue());
            if (within && closer) {
                chosen = trial;
                chosenDistance = distance;
            }
        }
        return chosen;
    }

    /** The standard error of the mean of {@code a[i] − b[i]}; 0 for fewer than two users. */
    static double standardErrorOfDifference(double[] a, double[] b) {
        int n = a.length;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += a[i] - b[i];
        }
        mean /= n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double deviation = a[i] - b[i] - mean;
            squares += deviation * deviation;
        }
        return Math.sqrt(squares / (n - 1) / n);
    }

    /** The ranges to search: the configured ones or the recipe's defaults, none of them fixed. */
    private static HyperParameterRanges rangesFor(Recipe recipe, HpoConfig hpoConfig, TrainingConfig config) {
        HyperParameterRanges ranges = hpoConfig.algorithmHyperParameterRanges();
        if (ranges.isEmpty()) {
            ranges = DefaultRanges.forRecipe(recipe.name()).orElseThrow(() -> new IllegalArgumentException(
                    "hpoConfig.algorithmHyperParameterRanges is empty and recipe " + recipe.name()
                            + " has no default ranges; give the ranges to search"));
        }
        Set<String> both = new TreeSet<>(ranges.names());
        both.retainAll(config.hyperParameters().keySet());
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("Hyperparameters " + both + " are both fixed in algorithmHyperParameters "
                    + "and searched in hpoConfig.algorithmHyperParameterRanges; give each one or the other");
        }
        return ranges;
    }

    /** A trial and, if it succeeded, its objective value per validation user of every fold, in fold order. */
    private record Scored(Trial trial, double[] perUser) {
    }

    /**
     * Trains and scores one trial on every fold; a configuration rejected on any fold makes a failed
     * trial. Its metrics are the means over all folds' users (each fold weighted by its users).
     */
    private static Scored runTrial(int number, int trialCount, Map<String, String> parameters, Recipe recipe,
            List<TrainingData> foldTrain, List<PersonalizeHoldout.Split> folds, TrainingConfig config,
            HpoObjective objective, Candidates candidates, InteractionLog all, TrainingMonitor monitor) {
        Map<String, String> hyperParameters = new LinkedHashMap<>(config.hyperParameters());
        hyperParameters.putAll(parameters);
        TrainingConfig trialConfig = new TrainingConfig(config.eventType(), config.eventValueThreshold(),
                hyperParameters, config.seed());
        int foldCount = folds.size();
        int users = folds.stream().mapToInt(PersonalizeHoldout.Split::heldOutUserCount).sum();
        boolean perUserMetric = !Metrics.COVERAGE.equals(objective.metricName());
        Map<String, Double> sums = new LinkedHashMap<>();
        double[] perUser = perUserMetric ? new double[users] : null;
        int offset = 0;
        for (int f = 0; f < foldCount; f++) {
            double from = (number - 1 + f / (double) foldCount) / trialCount;
            double to = (number - 1 + (f + 1) / (double) foldCount) / trialCount;
            String name = "Trial " + number + " of " + trialCount
                    + (foldCount > 1 ? ", fold " + (f + 1) + " of " + foldCount : "");
            TrainingMonitor foldMonitor = monitor.part(from, Math.min(1, to), name);
            foldMonitor.progress("Training with " + parameters, 0);
            TrainedModel model;
            try {
                model = recipe.train(foldTrain.get(f), trialConfig, foldMonitor.part(0, TRAINING_SHARE));
            } catch (IllegalArgumentException e) {
                foldMonitor.progress("Failed: " + e.getMessage(), 1);
                if (f + 1 < foldCount) {
                    monitor.progress("Trial " + number + " of " + trialCount + ": Failed", number / (double) trialCount);
                }
                return new Scored(Trial.failure(number, parameters, e.getMessage()), null);
            }
            if (!(model instanceof UserModel userModel)) {
                throw new IllegalArgumentException("Recipe " + recipe.name() + " trains "
                        + model.getClass().getSimpleName()
                        + ", which does not recommend items to users; HPO scores user recommendations");
            }
            PersonalizeHoldout.Split fold = folds.get(f);
            foldMonitor.progress("Scoring " + fold.heldOutUserCount() + " validation users", TRAINING_SHARE);
            Lists lists = lists(userModel, recipe.name(), fold, candidates, all);
            Map<String, Double> metrics = Metrics.compute(lists.ranked(), lists.truth(), all.items().size());
            metrics.forEach((metric, value) -> sums.merge(metric, value * fold.heldOutUserCount(), Double::sum));
            for (int i = 0; perUserMetric && i < lists.ranked().length; i++) {
                perUser[offset + i] = Metrics.compute(new int[][] {lists.ranked()[i]},
                        new int[][] {lists.truth()[i]}, all.items().size()).get(objective.metricName());
            }
            offset += fold.heldOutUserCount();
            foldMonitor.progress("Done", 1);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        sums.forEach((metric, sum) -> metrics.put(metric, sum / users));
        return new Scored(Trial.success(number, parameters, metrics, objective.metricName()), perUser);
    }

    /** The validation users' ranked lists and truth sets, as item indices of {@code all}. */
    private record Lists(int[][] ranked, int[][] truth) {
    }

    /** The top {@value Metrics#CUTOFF} of {@code model} for the fold's users, drawn from {@code candidates}. */
    private static Lists lists(UserModel model, String recipe, PersonalizeHoldout.Split validation,
            Candidates candidates, InteractionLog all) {
        IdDictionary users = all.users();
        IdDictionary items = all.items();
        InteractionLog train = validation.train();
        RowGroups trainByUser = train.rowsByUser();
        boolean unseenOnly = candidates == Candidates.UNSEEN_ITEMS;
        boolean[] seen = new boolean[items.size()];
        int heldOut = validation.heldOutUserCount();
        int[][] ranked = new int[heldOut][];
        int[][] truth = new int[heldOut][];
        for (int i = 0; i < heldOut; i++) {
            int user = validation.heldOutUser(i);
            int seenCount = 0;
            if (unseenOnly) {
                for (int p = trainByUser.start(user); p < trainByUser.end(user); p++) {
                    int item = train.item(trainByUser.row(p));
                    if (!seen[item]) {
                        seen[item] = true;
                        seenCount++;
                    }
                }
            }
            List<ScoredItem> recommendations = model.recommend(users.idOf(user), Metrics.CUTOFF + seenCount);
            int[] list = new int[Metrics.CUTOFF];
            int size = 0;
            for (int r = 0; r < recommendations.size() && size < list.length; r++) {
                String itemId = recommendations.get(r).itemId();
                int item = items.indexOf(itemId);
                if (item < 0) {
                    throw new IllegalStateException("Model of recipe " + recipe + " recommended item '" + itemId
                            + "', which is not in the interactions");
                }
                if (!seen[item]) {
                    list[size++] = item;
                }
            }
            if (unseenOnly) {
                for (int p = trainByUser.start(user); p < trainByUser.end(user); p++) {
                    seen[train.item(trainByUser.row(p))] = false;
                }
            }
            ranked[i] = Arrays.copyOf(list, size);
            truth[i] = validation.truthItems(i);
        }
        return new Lists(ranked, truth);
    }
}
