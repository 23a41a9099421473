package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import io.tastemaker.engine.evaluation.RankingMetrics;
import io.tastemaker.engine.recipe.EaseModel;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingConfig;
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
 * How well validation designs rank EASE's λ, on the training part of the shared protocol's split
 * only: for each design (K user folds, share of users held out over all folds, share of each
 * held-out user's newest interactions held out) and seed, the validation nDCG@10 of a grid of λ
 * (mean over every held-out user of every fold) with its paired standard error against the best.
 * With {@code --inner}, the same on an inner per-item 75/25 split of the training part (seed 43),
 * plus that inner split's own "test" curve: a train-only check of whether a design's choice carries
 * over to a per-item random holdout like the benchmark's.
 *
 * <p>Usage: {@code HpoValidationStudy <ratings.csv> [--seeds 1,2,3] [--lambdas 50,100,...]
 * [--designs K:users:truth,...] [--inner]}.
 */
public final class HpoValidationStudy {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private HpoValidationStudy() {
    }

    public static void main(String[] args) throws IOException {
        List<String> options = Arrays.asList(args).subList(1, args.length);
        long[] seeds = Arrays.stream(option(options, "--seeds", "1,2,3").split(",")).mapToLong(Long::parseLong)
                .toArray();
        double[] lambdas = Arrays.stream(option(options, "--lambdas", "50,100,200,300,500,1000,2000").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        String[] designs = option(options, "--designs", "1:0.1:0.1,3:1:0.1").split(",");
        List<AccuracyBenchmark.Rating> ratings = AccuracyBenchmark.read(Path.of(args[0]));
        AccuracyBenchmark.Split outer = AccuracyBenchmark.splitPerItem(ratings, 0.75, 42, true);
        List<AccuracyBenchmark.Rating> data = outer.train();
        if (options.contains("--inner")) {
            AccuracyBenchmark.Split inner = AccuracyBenchmark.splitPerItem(new ArrayList<>(data), 0.75, 43, true);
            IdDictionary items = AccuracyBenchmark.itemDictionary(data, io.tastemaker.engine.data.ItemAttributes.empty());
            InteractionLog innerTrain = AccuracyBenchmark.log(inner.train());
            OUT.printf(Locale.ROOT, "Inner split of the train part (per item 75/25, seed 43): train %,d, test %,d%n",
                    inner.train().size(), inner.heldOut().size());
            for (double lambda : lambdas) {
                EaseModel model = train(innerTrain, lambda);
                RankingMetrics m = AccuracyBenchmark.evaluate((user, n) -> model.recommend(user, n, true), inner, items);
                OUT.printf(Locale.ROOT, "  inner test  lambda %6.0f  nDCG@10 %.4f%n", lambda, m.ndcg());
            }
            data = inner.train();
        }
        InteractionLog log = AccuracyBenchmark.log(data);
        for (String design : designs) {
            String[] parts = design.split(":");
            int k = Integer.parseInt(parts[0]);
            double userShare = Double.parseDouble(parts[1]);
            double truthShare = Double.parseDouble(parts[2]);
            for (long seed : seeds) {
                long start = System.nanoTime();
                List<PersonalizeHoldout.Split> folds = PersonalizeHoldout.folds(log, k, userShare, truthShare, seed);
                int users = folds.stream().mapToInt(PersonalizeHoldout.Split::heldOutUserCount).sum();
                double[][] perUser = new double[lambdas.length][users];
                int offset = 0;
                for (PersonalizeHoldout.Split fold : folds) {
                    for (int l = 0; l < lambdas.length; l++) {
                        EaseModel model = train(fold.train(), lambdas[l]);
                        for (int i = 0; i < fold.heldOutUserCount(); i++) {
                            perUser[l][offset + i] = ndcg(model, log, fold, i);
                        }
                    }
                    offset += fold.heldOutUserCount();
                }
                double[] mean = new double[lambdas.length];
                int best = 0;
                for (int l = 0; l < lambdas.length; l++) {
                    mean[l] = Arrays.stream(perUser[l]).average().orElse(Double.NaN);
                    best = mean[l] > mean[best] ? l : best;
                }
                StringBuilder line = new StringBuilder();
                for (int l = 0; l < lambdas.length; l++) {
                    line.append(String.format(Locale.ROOT, " %.0f:%.4f±%.4f", lambdas[l], mean[l],
                            pairedSe(perUser[l], perUser[best])));
                }
                OUT.printf(Locale.ROOT, "K=%d users=%.2f truth=%.2f seed=%d (%d users, %.0f s): best %.0f |%s%n", k,
                        userShare, truthShare, seed, users, (System.nanoTime() - start) / 1e9, lambdas[best], line);
            }
        }
    }

    private static EaseModel train(InteractionLog log, double lambda) {
        return new EaseRecipe().train(log,
                new TrainingConfig(null, null, Map.of(EaseRecipe.LAMBDA, Double.toString(lambda)), 0L));
    }

    private static double ndcg(EaseModel model, InteractionLog log, PersonalizeHoldout.Split fold, int i) {
        List<ScoredItem> top = model.recommend(log.users().idOf(fold.heldOutUser(i)), 10, true);
        int[] truth = fold.truthItems(i);
        double dcg = 0;
        for (int r = 0; r < top.size(); r++) {
            if (Arrays.binarySearch(truth, log.items().indexOf(top.get(r).itemId())) >= 0) {
                dcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(10, truth.length); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return dcg / ideal;
    }

    private static double pairedSe(double[] a, double[] b) {
        int n = a.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (a[i] - b[i]) / n;
        }
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (a[i] - b[i] - mean) * (a[i] - b[i] - mean) / (n - 1);
        }
        return Math.sqrt(var / n);
    }

    private static String option(List<String> options, String name, String defaultValue) {
        int index = options.indexOf(name);
        return index < 0 || index + 1 >= options.size() ? defaultValue : options.get(index + 1);
    }
}
