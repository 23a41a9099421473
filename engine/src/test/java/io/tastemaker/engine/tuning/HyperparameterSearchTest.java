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

    private static HpoResult run(TargetRecipe recipe, long seed, HpoConfig hpo) {
        return HyperparameterSearch.run(recipe, TrainingData.of(LOG), TrainingConfig.withSeed(seed), hpo,
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
                TrainingMonitor.NONE);

        assertThat(recipe.trainedWith).hasSize(4).allSatisfy(parameters -> {
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

        assertThat(steps).anySatisfy(step -> assertThat(step).startsWith("Trial 1 of 4: Training with {x="));
        assertThat(steps).contains("Trial 4 of 4: Done").last().isEqualTo("Chose trial " + bestOf(steps) + " of 4");
        assertThat(fractions).isSorted().startsWith(0.0).endsWith(1.0);

        TargetRecipe recipe = new TargetRecipe();
        TrainingMonitor stopAtThird = (step, fraction) -> {
            if (step.startsWith("Trial 3 of 8")) {
                throw new TrainingStoppedException("Stopped by the user");
            }
        };
        assertThatThrownBy(() -> HyperparameterSearch.run(recipe, TrainingData.of(LOG), TrainingConfig.withSeed(SEED),
                config(8, 1, x(0, 100)), stopAtThird))
                .isInstanceOf(TrainingStoppedException.class).hasMessage("Stopped by the user");
        assertThat(recipe.trainedOn).hasSize(2);
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
        for (InteractionLog trained : recipe.trainedOn) {
            Map<String, Integer> trainedRows = rows(trained);
            assertThat(trained.size()).isLessThan(given.size());
            trainedRows.forEach((row, count) -> assertThat(givenRows.getOrDefault(row, 0))
                    .as("row %s", row).isGreaterThanOrEqualTo(count));
        }
        // The validation truth: the newest 10% of the interactions of 10% of the 80 users given (9 of
        // 90 for a user the caller held out, 10 of 100 for the others).
        assertThat(result.validationUsers()).isEqualTo(8);
        assertThat(given.size() - recipe.trainedOn.get(0).size()).isBetween(8 * 9, 8 * 10);
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
                TrainingConfig.withSeed(SEED), config(1, 1, seenFirst), HyperparameterSearch.Candidates.ALL_ITEMS,
                TrainingMonitor.NONE);

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

    private static double xOf(Trial trial, String name) {
        return Double.parseDouble(trial.parameters().get(name));
    }
}
