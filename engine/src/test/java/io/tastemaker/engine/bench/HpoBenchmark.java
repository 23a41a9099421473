package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.Metrics;
import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import io.tastemaker.engine.evaluation.RankingMetrics;
import io.tastemaker.engine.recipe.EaseModel;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.tuning.HpoConfig;
import io.tastemaker.engine.tuning.HpoResourceConfig;
import io.tastemaker.engine.tuning.HpoResult;
import io.tastemaker.engine.tuning.HpoValidation;
import io.tastemaker.engine.tuning.HyperparameterSearch;
import io.tastemaker.engine.tuning.Trial;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HPO for EASE on MovieLens, run by {@code bench/hpo}: does a search on the training part of the
 * shared protocol's split pick a λ that does well on its test part?
 *
 * <p>The split and the test metrics are {@link AccuracyBenchmark}'s (shared/data/README.md: per
 * item 75/25, seed 42; top 10 excluding train items; nDCG, P, R, MAP at 10). The search is the
 * engine's, as the service runs it: {@link HyperparameterSearch} with EASE's default range
 * (λ from 50 to 2,000, log-uniform), the default objective (nDCG@10) and the default
 * {@link HpoValidation} (three user folds over the train part's users, their newest 20% of ratings,
 * the one-standard-error choice), lists leaving out the items a user already rated unless
 * {@code --keep-seen} asks for Personalize's lists, never on test. Then EASE is trained on the
 * whole train part with the tuned λ and with the default λ, and both are scored on test.
 *
 * <p>Usage: {@code HpoBenchmark <ratings.csv> [--jobs N] [--parallel P] [--seed S] [--keep-seen] [--test-all]
 * [--folds K] [--user-share U] [--truth-share T] [--random-truth] [--best]}; defaults 10 jobs, 1 in
 * parallel, seed 1, the validation's defaults. {@code --test-all} also scores every trial's λ on
 * test, to show how well the validation ranks them; {@code --random-truth} holds out a random share
 * of each fold user's ratings, like the test, and {@code --best} skips the one-standard-error rule.
 */
public final class HpoBenchmark {

    private static final int K = 10;
    private static final long SPLIT_SEED = 42;
    private static final double TRAIN_SHARE = 0.75;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private HpoBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException(
                    "Usage: HpoBenchmark <ratings.csv> [--jobs N] [--parallel P] [--seed S] [--keep-seen] [--test-all] "
                    + "[--folds K] [--user-share U] [--truth-share T] [--random-truth] [--best]");
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        int jobs = Integer.parseInt(option(options, "--jobs", "10"));
        int parallel = Integer.parseInt(option(options, "--parallel", "1"));
        long seed = Long.parseLong(option(options, "--seed", "1"));
        boolean testAll = options.contains("--test-all");
        HyperparameterSearch.Candidates candidates = options.contains("--keep-seen")
                ? HyperparameterSearch.Candidates.ALL_ITEMS : HyperparameterSearch.Candidates.UNSEEN_ITEMS;
        HpoValidation defaults = HpoValidation.DEFAULT;
        HpoValidation validation = new HpoValidation(Integer.parseInt(option(options, "--folds",
                Integer.toString(defaults.folds()))), Double.parseDouble(option(options, "--user-share",
                Double.toString(defaults.userShare()))), Double.parseDouble(option(options, "--truth-share",
                Double.toString(defaults.truthShare()))), options.contains("--random-truth")
                ? PersonalizeHoldout.Truth.RANDOM : defaults.truth(), candidates, options.contains("--best")
                ? HpoValidation.Selection.BEST : defaults.selection());

        Path path = Path.of(args[0]);
        List<AccuracyBenchmark.Rating> ratings = AccuracyBenchmark.read(path);
        AccuracyBenchmark.Split test = AccuracyBenchmark.splitPerItem(ratings, TRAIN_SHARE, SPLIT_SEED, true);
        IdDictionary allItems = AccuracyBenchmark.itemDictionary(ratings, ItemAttributes.empty());
        InteractionLog train = AccuracyBenchmark.log(test.train());
        OUT.printf(Locale.ROOT, "%s: %,d ratings; per-item split seed %d: train %,d, test %,d%n", path.getFileName(),
                ratings.size(), SPLIT_SEED, test.train().size(), test.heldOut().size());
        OUT.printf(Locale.ROOT, "JVM: %s, %d processors, max heap %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        OUT.printf(Locale.ROOT, "HPO: %s, EASE default ranges (lambda 50..2000), objective %s, %d jobs, %d in "
                + "parallel, seed %d, %s%n%n", EaseRecipe.NAME, Metrics.NDCG_AT_10, jobs, parallel, seed,
                validation);

        HpoConfig hpo = new HpoConfig(null, new HpoResourceConfig(jobs, parallel), null);
        TrialClock clock = new TrialClock();
        long start = System.nanoTime();
        HpoResult result = HyperparameterSearch.run(new EaseRecipe(), TrainingData.of(train),
                new TrainingConfig(null, null, Map.of(), seed), hpo, validation, clock);
        double searchSeconds = (System.nanoTime() - start) / 1e9;
        clock.finish();

        OUT.printf(Locale.ROOT, "Trials (validation: %d users of the train part in %d folds, %s %.0f%% of their "
                + "ratings; %.0f s in all):%n", result.validationUsers(), validation.folds(),
                validation.truth().name().toLowerCase(Locale.ROOT), 100 * validation.truthShare(), searchSeconds);
        OUT.printf(Locale.ROOT, "| %5s | %8s | %8s | %8s | %8s | %8s | %8s | %6s |%s%n", "trial", "lambda",
                "nDCG@10", "P@10", "nDCG@25", "MRR@25", "coverage", "train s", testAll ? " test nDCG@10 |" : "");
        OUT.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%s|%s%n", "-".repeat(7), "-".repeat(10), "-".repeat(10),
                "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(8),
                testAll ? "-".repeat(15) + "|" : "");
        for (Trial trial : result.trials()) {
            String lambda = trial.parameters().get(EaseRecipe.LAMBDA);
            String seconds = String.format(Locale.ROOT, "%6.1f", clock.seconds(trial.number()));
            if (!trial.succeeded()) {
                OUT.printf(Locale.ROOT, "| %5d | %8s | failed: %s | %s |%n", trial.number(), lambda,
                        trial.failureReason(), seconds);
                continue;
            }
            Map<String, Double> m = trial.metrics();
            String testColumn = testAll ? String.format(Locale.ROOT, " %13.4f |",
                    test(train, Double.parseDouble(lambda), test, allItems).ndcg()) : "";
            OUT.printf(Locale.ROOT, "| %5d | %8s | %8.4f | %8.4f | %8.4f | %8.4f | %8.4f | %s |%s%s%n", trial.number(),
                    lambda, m.get(Metrics.NDCG_AT_10), m.get(Metrics.PRECISION_AT_10), m.get(Metrics.NDCG_AT_25),
                    m.get(Metrics.MEAN_RECIPROCAL_RANK_AT_25), m.get(Metrics.COVERAGE), seconds, testColumn,
                    trial.number() == result.bestTrialNumber() ? "  <- chosen" : "");
        }
        double tuned = EaseRecipe.HyperParameters.parse(result.tunedHyperParameters()).lambda();
        OUT.printf(Locale.ROOT, "%nChosen: trial %d, tunedHPOParams %s%n%n", result.bestTrialNumber(),
                result.tunedHyperParameters());

        OUT.printf(Locale.ROOT, "Test (per-item 25%%, top %d excluding train items):%n", K);
        OUT.printf(Locale.ROOT, "| %-28s | %7s | %6s | %6s | %6s |%n", "model", "nDCG@10", "P@10", "R@10", "MAP@10");
        OUT.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(9), "-".repeat(8), "-".repeat(8),
                "-".repeat(8));
        row(String.format(Locale.ROOT, "EASE, tuned λ=%s", trimmed(tuned)), test(train, tuned, test, allItems));
        row(String.format(Locale.ROOT, "EASE, default λ=%s", trimmed(EaseRecipe.DEFAULT_LAMBDA)),
                test(train, EaseRecipe.DEFAULT_LAMBDA, test, allItems));
        OUT.println("(bench/accuracy records 0.4095 nDCG@10 for the defaults; the README's reference EASE, λ=200, "
                + "0.4093)");
    }

    private static RankingMetrics test(InteractionLog train, double lambda, AccuracyBenchmark.Split test,
            IdDictionary allItems) {
        EaseModel model = new EaseRecipe().train(train,
                new TrainingConfig(null, null, Map.of(EaseRecipe.LAMBDA, Double.toString(lambda)), 0L));
        return AccuracyBenchmark.evaluate((user, n) -> model.recommend(user, n, true), test, allItems);
    }

    private static void row(String name, RankingMetrics metrics) {
        OUT.printf(Locale.ROOT, "| %-28s | %7.4f | %6.4f | %6.4f | %6.4f |%n", name, metrics.ndcg(),
                metrics.precision(), metrics.recall(), metrics.meanAveragePrecision());
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String option(List<String> options, String name, String defaultValue) {
        int index = options.indexOf(name);
        return index < 0 || index + 1 >= options.size() ? defaultValue : options.get(index + 1);
    }

    /** Times each trial from the monitor's step names ("Trial t of n: ..."), printing each as it starts. */
    private static final class TrialClock implements TrainingMonitor {
        private final List<Double> seconds = new ArrayList<>();
        private int current;
        private long started;

        @Override
        public void progress(String step, double fraction) {
            if (!step.startsWith("Trial ")) {
                return;
            }
            int number = Integer.parseInt(step.substring("Trial ".length(), step.indexOf(' ', "Trial ".length())));
            if (number != current) {
                finish();
                current = number;
                started = System.nanoTime();
                OUT.printf(Locale.ROOT, "  %s%n", step);
            }
        }

        void finish() {
            if (current > 0 && seconds.size() < current) {
                seconds.add((System.nanoTime() - started) / 1e9);
            }
        }

        double seconds(int trial) {
            return trial <= seconds.size() ? seconds.get(trial - 1) : Double.NaN;
        }
    }
}
