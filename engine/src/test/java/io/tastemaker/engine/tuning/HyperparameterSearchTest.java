package io.tastemaker.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.Metrics;
import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.TrainingStoppedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {

    private static final long SEED = 2011L;
    private static final InteractionLog LOG = TargetRecipe.log(60, GeneratedLogs.START);

    private static HpoConfig config(int jobs, int parallel, HyperParameterRanges ranges) {
        return new HpoConfig(HpoObjective.DEFAULT, new HpoResourceConfig(jobs, parallel), ranges);
    }

    private static HyperParameterRanges x(double min, double max) {
        return new HyperParameterRanges(null, List.of(new ContinuousHyperParameterRange("x", min, max)), null);
    }

    /**
     * Three folds over every user, each holding out its users' newest 10%: TargetRecipe's ten
     * targets (a larger share would also hold out fillers, which the models rank right after them).
     */
    private static final HpoValidation TEN_PERCENT = new HpoValidation(3, 1.0, 0.1, PersonalizeHoldout.Truth.NEWEST,
            HyperparameterSearch.Candidates.UNSEEN_ITEMS, HpoValidation.Selection.BEST);

    private static HpoResult run(TargetRecipe recipe, long seed, HpoConfig hpo) {
        return HyperparameterSearch.run(recipe, TrainingData.of(LOG), TrainingConfig.withSeed(seed), hpo, TEN_PERCENT,
                TrainingMonitor.NONE);
    }

    private static double xOf(Trial trial) {
        return Double.parseDouble(trial.parameters().get("x"));
    }

    @Test
    void findsTheRegionWhereTheMetricPeaks() {
        for (long seed = SEED; seed < SEED + 5; seed++) {
            HpoResult result = run(new TargetRecipe(), seed, config(12, 1, x(0, 100)));

            List<Trial> trials = result.trials();
            assertThat(trials).as("seed %d", seed).hasSize(12).allSatisfy(trial -> assertThat(trial.succeeded()).isTrue());
            // k(x) = 10 (every target first, nDCG@10 = 1) for |x − 70| < 5.7.
            assertThat(xOf(result.bestTrial())).as("seed %d: %s", seed, trials).isBetween(64.0, 76.0);
            assertThat(result.bestTrial().objectiveValue()).as("seed %d", seed).isEqualTo(1.0);
            assertThat(result.tunedHyperParameters()).isEqualTo(result.bestTrial().parameters());
            // The four Latin-hypercube trials spread out; the eight TPE trials then close in.
            long near = trials.subList(4, 12).stream().filter(trial -> Math.abs(xOf(trial) - 70) < 15).count();
            assertThat(near).as("seed %d: TPE trials within 15 of the optimum, %s", seed, trials)
                    .isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
        HpoConfig hpo = config(8, 3, x(0, 100));

        HpoResult first = run(new TargetRecipe(), SEED, hpo);
        HpoResult again = run(new TargetRecipe(), SEED, hpo);
        HpoResult other = run(new TargetRecipe(), SEED + 1, hpo);

        assertThat(again).isEqualTo(first);
        assertThat(other.trials()).isNotEqualTo(first.trials());
    }

    @Test
    void keepsFixedHyperparametersAndSearchesTheRest() {
        TargetRecipe recipe = new TargetRecipe();
        TrainingConfig fixed = new TrainingConfig(null, null, Map.of("fixed", "kept"), SEED);

        HpoResult result = HyperparameterSearch.run(recipe, TrainingData.of(LOG), fixed, config(4, 1, x(0, 100)),
                TEN_PERCENT, TrainingMonitor.NONE);

        assertThat(recipe.trainedWith).hasSize(4 * 3).allSatisfy(parameters -> {
            assertThat(parameters).containsEntry("fixed", "kept").containsOnlyKeys("fixed", "x");
        });
        assertThat(result.trials()).allSatisfy(trial -> assertThat(trial.parameters()).containsOnlyKeys("x"));
        assertThat(result.tunedHyperParameters()).containsOnlyKeys("fixed", "x").containsEntry("fixed", "kept");
        assertThat(result.bestTrial().metrics()).containsOnlyKeys(Metrics.NAMES);

        TrainingConfig both = new TrainingConfig(null, null, Map.of("x", "50"), SEED);
        assertThatThrownBy(() -> HyperparameterSearch.run(recipe, TrainingData.of(LOG), both, config(4, 1, x(0, 100)),
                TrainingMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameters [x] are both fixed in algorithmHyperParameters and searched in "
                        + "hpoConfig.algorithmHyperParameterRanges; give each one or the other");
    }

    @Test
    void recordsRejectedTrialsAndFailsOnlyWhenAllAre() {
        HyperParameterRanges withMode = new HyperParameterRanges(null,
                List.of(new ContinuousHyperParameterRange("x", 0, 100)),
                List.of(new CategoricalHyperParameterRange("mode", List.of("ok", "reject"))));

        HpoResult result = run(new TargetRecipe(), SEED, config(8, 1, withMode));

        List<Trial> failed = result.trials().stream().filter(trial -> !trial.succeeded()).toList();
        assertThat(failed).isNotEmpty().allSatisfy(trial -> {
            assertThat(trial.parameters()).containsEntry("mode", "reject");
            assertThat(trial.failureReason()).isEqualTo("Hyperparameter 'mode' 'reject' is refused");
            assertThat(trial.metrics()).isEmpty();
            assertThat(trial.objectiveValue()).isNaN();
        });
        assertThat(result.bestTrial().parameters()).containsEntry("mode", "ok");

        HyperParameterRanges outOfRange = x(200, 300);
        assertThatThrownBy(() -> run(new TargetRecipe(), SEED, config(3, 1, outOfRange)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Every one of the 3 HPO trials of recipe test-target failed; trial 1 ({x=")
                .hasMessageContaining("Hyperparameter 'x' must be a number from 0 to 100");
    }

    @Test
    void endsEarlyWhenEveryCombinationWasTried() {
        HyperParameterRanges small = new HyperParameterRanges(
                List.of(new IntegerHyperParameterRange("x", 69, 70)), null,
                List.of(new CategoricalHyperParameterRange("fixed", List.of("a", "b"))));

        HpoResult result = run(new TargetRecipe(), SEED, config(10, 2, small));

        assertThat(result.trials()).hasSize(4);
        assertThat(result.trials().stream().map(Trial::parameters).distinct()).hasSize(4);
        assertThat(result.searchSpaceExhausted()).isTrue();
        assertThat(run(new TargetRecipe(), SEED, config(4, 1, small)).searchSpaceExhausted()).isFalse();
    }

    @Test
    void reportsEachTrialAndStopsWhenTheMonitorSaysSo() {
        List<String> steps = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        HyperparameterSearch.run(new TargetRecipe(), TrainingData.of(LOG), TrainingConfig.withSeed(SEED),
                config(4, 1, x(0, 100)), (step, fraction) -> {
                    steps.add(step);
                    fractions.add(fraction);
                });

        assertThat(steps).anySatisfy(step -> assertThat(step).startsWith("Trial 1 of 4, fold 1 of 3: Training with {x="));
        assertThat(steps).contains("Trial 2 of 4, fold 2 of 3: Scoring 20 validation users")
                .contains("Trial 4 of 4, fold 3 of 3: Done")
                .last().isEqualTo("Chose trial " + bestOf(steps) + " of 4");
        assertThat(fractions).isSorted().startsWith(0.0).endsWith(1.0);
        // Trial 2 of 4, fold 2 of 3, spans [1/4 + 1/12, 1/4 + 2/12] of the search.
        assertThat(fractions.get(steps.indexOf("Trial 2 of 4, fold 2 of 3: Done"))).isCloseTo(5 / 12.0,
                org.assertj.core.data.Offset.offset(1e-9));

        TargetRecipe recipe = new TargetRecipe();
        TrainingMonitor stopAtThird = (step, fraction) -> {
            if (step.startsWith("Trial 3 of 8, fold 2 of 3")) {
                throw new TrainingStoppedException("Stopped by the user");
            }
        };
        assertThatThrownBy(() -> HyperparameterSearch.run(recipe, TrainingData.of(LOG), TrainingConfig.withSeed(SEED),
                config(8, 1, x(0, 100)), stopAtThird))
                .isInstanceOf(TrainingStoppedException.class).hasMessage("Stopped by the user");
        // Two trials of three folds each, and the first fold of the third.
        assertThat(recipe.trainedOn).hasSize(2 * 3 + 1);
    }

    private static String bestOf(List<String> steps) {
        String last = steps.get(steps.size() - 1);
        return last.substring("Chose trial ".length(), last.indexOf(' ', "Chose trial ".length()));
    }

    @Test
    void trainsOnlyOnAStrictSubsetOfTheDataItIsGiven() {
        // The caller's own evaluation split: the search gets its training part only.
        InteractionLog all = TargetRecipe.log(80, GeneratedLogs.START);
        PersonalizeHoldout.Split evaluation = PersonalizeHoldout.split(all, SEED);
        InteractionLog given = evaluation.train();
        TargetRecipe recipe = new TargetRecipe();

        HpoResult result = HyperparameterSearch.run(recipe, TrainingData.of(given), TrainingConfig.withSeed(SEED),
                config(3, 1, x(0, 100)), TrainingMonitor.NONE);

        Map<String, Integer> givenRows = rows(given);
        assertThat(recipe.trainedOn).hasSize(3 * 3);
        for (InteractionLog trained : recipe.trainedOn) {
            Map<String, Integer> trainedRows = rows(trained);
            assertThat(trained.size()).isLessThan(given.size());
            trainedRows.forEach((row, count) -> assertThat(givenRows.getOrDefault(row, 0))
                    .as("row %s", row).isGreaterThanOrEqualTo(count));
        }
        // By default every one of the 80 users given is in one of three folds (27, 27, 26 users),
        // which holds out their newest 20% (18 of 90 for a user the caller held out, 20 of 100 for
        // the others); each trial trains once per fold, on everything but that fold's truth.
        assertThat(result.validationUsers()).isEqualTo(80);
        int[] heldOut = recipe.trainedOn.subList(0, 3).stream().mapToInt(trained -> given.size() - trained.size())
                .toArray();
        assertThat(heldOut[0]).isBetween(27 * 18, 27 * 20);
        assertThat(heldOut[1]).isBetween(27 * 18, 27 * 20);
        assertThat(heldOut[2]).isBetween(26 * 18, 26 * 20);
        assertThat(heldOut[0] + heldOut[1] + heldOut[2]).isEqualTo(8 * 18 + 72 * 20);
    }

    /** Rows as "user item timestamp" with their multiplicity. */
    private static Map<String, Integer> rows(InteractionLog log) {
        Map<String, Integer> rows = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            rows.merge(log.users().idOf(log.user(row)) + " " + log.items().idOf(log.item(row)) + " "
                    + log.timestamp(row), 1, Integer::sum);
        }
        return rows;
    }

    @Test
    void leavesOutItemsTheUserAlreadyHadUnlessAskedToKeepThem() {
        HyperParameterRanges seenFirst = new HyperParameterRanges(null,
                List.of(new ContinuousHyperParameterRange("x", 70, 70)),
                List.of(new CategoricalHyperParameterRange("mode", List.of("seen-first"))));

        HpoResult unseen = run(new TargetRecipe(), SEED, config(1, 1, seenFirst));
        HpoResult all = HyperparameterSearch.run(new TargetRecipe(), TrainingData.of(LOG),
                TrainingConfig.withSeed(SEED), config(1, 1, seenFirst),
                TEN_PERCENT.withCandidates(HyperparameterSearch.Candidates.ALL_ITEMS), TrainingMonitor.NONE);

        // Ten fillers, which every validation user has, lead the model's list: they drop out of the
        // unseen items' lists and fill the top 10 of the others.
        assertThat(unseen.bestTrial().objectiveValue()).isEqualTo(1.0);
        assertThat(all.bestTrial().objectiveValue()).isZero();
        assertThat(all.bestTrial().metrics().get(Metrics.PRECISION_AT_25)).isEqualTo(10 / 25.0);
    }

    @Test
    void minimizingPicksTheLowestValue() {
        HpoConfig minimize = new HpoConfig(new HpoObjective(HpoObjective.Type.MINIMIZE, Metrics.NDCG_AT_10, null),
                new HpoResourceConfig(10, 1), x(0, 100));

        HpoResult result = run(new TargetRecipe(), SEED, minimize);

        assertThat(result.bestTrial().objectiveValue()).isZero();
        assertThat(Math.abs(xOf(result.bestTrial()) - TargetRecipe.OPTIMUM)).isGreaterThan(30);
    }

    @Test
    void searchesEaseLambdaByDefaultAndNeedsRangesForOtherRecipes() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 60, 1.0, 25, SEED);
        HpoConfig defaults = new HpoConfig(null, new HpoResourceConfig(3, 1), null);

        HpoResult result = HyperparameterSearch.run(new EaseRecipe(1), TrainingData.of(log),
                TrainingConfig.withSeed(SEED), defaults, TrainingMonitor.NONE);

        assertThat(result.trials()).hasSize(3).allSatisfy(trial -> {
            assertThat(trial.succeeded()).isTrue();
            assertThat(Double.parseDouble(trial.parameters().get(EaseRecipe.LAMBDA))).isBetween(50.0, 2000.0);
        });
        // Latin hypercube on a log scale: one λ in each of [50, 171), [171, 585), [585, 2000].
        assertThat(result.trials().stream().map(trial -> (int) (3 * Math.log(xOf(trial, EaseRecipe.LAMBDA) / 50)
                / Math.log(40))).sorted().toList()).containsExactly(0, 1, 2);
        assertThat(EaseRecipe.HyperParameters.parse(result.tunedHyperParameters()).lambda())
                .isEqualTo(xOf(result.bestTrial(), EaseRecipe.LAMBDA));

        assertThatThrownBy(() -> HyperparameterSearch.run(new PopularityCountRecipe(), TrainingData.of(log),
                TrainingConfig.withSeed(SEED), HpoConfig.DEFAULT, TrainingMonitor.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoConfig.algorithmHyperParameterRanges is empty and recipe aws-popularity-count has no "
                        + "default ranges; give the ranges to search");
    }

    @Test
    void withinOneStandardErrorPrefersTheTrialClosestToTheDefaults() {
        ParameterSpace space = new ParameterSpace(DefaultRanges.ease());
        Map<String, String> defaults = DefaultRanges.defaultValues(EaseRecipe.NAME);
        // Per-user nDCG of 400 users: trial 1 (λ = 100) hits users 0-99; trial 2 (λ = 250) users
        // 0-89 and 100-107, two fewer, 0.005 behind with a standard error of the difference of about
        // 0.01; trial 3 (λ = 320) users 0-59, 0.1 behind, well outside it.
        double[] second = hits(400, 90);
        java.util.Arrays.fill(second, 100, 108, 1.0);
        List<Trial> trials = List.of(trial(1, "100", 0.25), trial(2, "250", 0.245), trial(3, "320", 0.15));
        List<double[]> perUser = List.of(hits(400, 100), second, hits(400, 60));

        Trial chosen = HyperparameterSearch.withinOneStandardError(trials, perUser, trials.get(0),
                HpoObjective.DEFAULT, space, defaults);
        Trial noDefaults = HyperparameterSearch.withinOneStandardError(trials, perUser, trials.get(0),
                HpoObjective.DEFAULT, space, Map.of());

        assertThat(defaults).containsExactly(Map.entry(EaseRecipe.LAMBDA, "300"));
        assertThat(HyperparameterSearch.standardErrorOfDifference(perUser.get(1), perUser.get(0)))
                .isBetween(0.005, 0.015);
        assertThat(chosen.number()).isEqualTo(2);
        assertThat(noDefaults.number()).isEqualTo(1);
    }

    @Test
    void easeSearchesWithTheDefaultValidationReplayFromTheSeed() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 60, 1.0, 25, SEED);
        HpoConfig hpo = new HpoConfig(null, new HpoResourceConfig(4, 1), null);

        HpoResult first = HyperparameterSearch.run(new EaseRecipe(1), TrainingData.of(log),
                TrainingConfig.withSeed(SEED), hpo, TrainingMonitor.NONE);
        HpoResult again = HyperparameterSearch.run(new EaseRecipe(1), TrainingData.of(log),
                TrainingConfig.withSeed(SEED), hpo, TrainingMonitor.NONE);
        HpoResult best = HyperparameterSearch.run(new EaseRecipe(1), TrainingData.of(log),
                TrainingConfig.withSeed(SEED), hpo, new HpoValidation(3, 1.0, 0.2, PersonalizeHoldout.Truth.NEWEST,
                        HyperparameterSearch.Candidates.UNSEEN_ITEMS, HpoValidation.Selection.BEST),
                TrainingMonitor.NONE);

        assertThat(again).isEqualTo(first);
        // The same trials either way; only the choice among them may differ, never to a worse one
        // by more than noise, and never farther from λ = 300 than the best-scoring trial.
        assertThat(best.trials()).isEqualTo(first.trials());
        double chosenLambda = xOf(first.bestTrial(), EaseRecipe.LAMBDA);
        double bestLambda = xOf(best.bestTrial(), EaseRecipe.LAMBDA);
        assertThat(Math.abs(Math.log(chosenLambda / 300))).isLessThanOrEqualTo(Math.abs(Math.log(bestLambda / 300)));
        // Every user with two interactions validates, in one of the three folds.
        int eligible = 0;
        for (int user = 0; user < log.users().size(); user++) {
            eligible += log.rowsByUser().size(user) >= 2 ? 1 : 0;
        }
        assertThat(first.validationUsers()).isEqualTo(eligible);
    }

    @Test
    void validationOptionsAreChecked() {
        PersonalizeHoldout.Truth newest = PersonalizeHoldout.Truth.NEWEST;
        HyperparameterSearch.Candidates unseen = HyperparameterSearch.Candidates.UNSEEN_ITEMS;
        assertThatThrownBy(() -> new HpoValidation(0, 1.0, 0.2, newest, unseen, HpoValidation.Selection.BEST))
                .hasMessage("folds must be from 1 to 10, was 0");
        assertThatThrownBy(() -> new HpoValidation(3, 0, 0.2, newest, unseen, HpoValidation.Selection.BEST))
                .hasMessage("userShare must be greater than 0 and at most 1, was 0.0");
        assertThatThrownBy(() -> new HpoValidation(3, 1.0, 1.0, newest, unseen, HpoValidation.Selection.BEST))
                .hasMessage("truthShare must be greater than 0 and less than 1, was 1.0");
        assertThat(HpoValidation.DEFAULT).isEqualTo(new HpoValidation(3, 1.0, 0.2, PersonalizeHoldout.Truth.NEWEST,
                HyperparameterSearch.Candidates.UNSEEN_ITEMS, HpoValidation.Selection.ONE_STANDARD_ERROR));
    }

    private static Trial trial(int number, String lambda, double ndcg) {
        Map<String, Double> metrics = new HashMap<>();
        for (String name : Metrics.NAMES) {
            metrics.put(name, ndcg);
        }
        return Trial.success(number, Map.of(EaseRecipe.LAMBDA, lambda), metrics, Metrics.NDCG_AT_10);
    }

    /** Per-user values: 1 for the first {@code hits} users, 0 for the rest. */
    private static double[] hits(int users, int hits) {
        double[] values = new double[users];
        java.util.Arrays.fill(values, 0, hits, 1.0);
        return values;
    }

    private static double xOf(Trial trial, String name) {
        return Double.parseDouble(trial.parameters().get(name));
    }
}
