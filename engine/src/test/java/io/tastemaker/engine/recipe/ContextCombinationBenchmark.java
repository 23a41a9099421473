package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.RankingMetrics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Why {@link ContextualModel} combines the user's preference by rank, run by
 * {@code bench/context --combinations}: on {@link DeviceTaste} data with 400 and 4,000 items (40 and
 * 400 per genre) where the device decides (strength 1) or says nothing (0.5), nDCG@10 of the rank
 * combination and of the alternative, the user's raw scores standardised (z-score over the catalog)
 * plus {@code weight · lift}, for several weights, with EASE and iALS. Printed with each row: the
 * mean z-score of the users' best item, which sets the scale a z-score combination's weight must
 * match. In this package because it reads the base models' raw scores.
 *
 * <p>Usage: {@code ContextCombinationBenchmark [users [seed]]}, defaults 1,000 and 15.
 */
public final class ContextCombinationBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final double[] Z_WEIGHTS = {0.25, 0.5, 1, 2, 4, 8};
    private static final double[] RANK_WEIGHTS = {0.5, 1, 2};

    private ContextCombinationBenchmark() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 15L;
        OUT.printf(Locale.ROOT, "%d users, seed %d; nDCG@10 with DEVICE as context%n", users, seed);
        for (String algorithm : List.of("ease", "ials")) {
            for (int perGenre : new int[] {40, 400}) {
                for (double strength : new double[] {1.0, 0.5}) {
                    DeviceTaste data = DeviceTaste.generate(seed, users, 5, perGenre, 12, 2, strength);
                    ContextualModel model = (ContextualModel) new UserPersonalizationRecipe().train(
                            TrainingData.of(data.train()), new TrainingConfig(null, null,
                                    Map.of(UserPersonalizationRecipe.ALGORITHM, algorithm), seed), TrainingMonitor.NONE);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                            "%s, %d items, strength %.2f: no context %.4f | by rank:", algorithm, 10 * perGenre,
                            strength, data.ndcgAt10(model, false)));
                    for (double weight : RANK_WEIGHTS) {
                        ContextualModel weighted = new ContextualModel(model.base(), model.effects(), weight);
                        line.append(String.format(Locale.ROOT, " %.1f→%.4f", weight, data.ndcgAt10(weighted, true)));
                    }
                    line.append(" | by z-score:");
                    double topZ = 0;
                    for (double weight : Z_WEIGHTS) {
                        double[] result = zScore(model, data, weight);
                        line.append(String.format(Locale.ROOT, " %.2f→%.4f", weight, result[0]));
                        topZ = result[1];
                    }
                    OUT.println(line.append(String.format(Locale.ROOT, " | mean best z %.1f", topZ)));
                }
            }
        }
    }

    /** nDCG@10 of the z-score combination at {@code weight}, and the users' mean best z-score. */
    private static double[] zScore(ContextualModel model, DeviceTaste data, double weight) {
        UserPersonalizationModel base = model.base();
        IdDictionary catalog = model.catalog();
        InteractionLog train = data.train();
        Map<String, Set<Integer>> history = new HashMap<>();
        for (int row = 0; row < train.size(); row++) {
            history.computeIfAbsent(train.users().idOf(train.user(row)), k -> new HashSet<>())
                    .add(catalog.indexOf(train.items().idOf(train.item(row))));
        }
        RankingMetrics metrics = new RankingMetrics(10);
        double topZ = 0;
        for (Map.Entry<DeviceTaste.UserDevice, List<String>> entry : data.truth().entrySet()) {
            String user = entry.getKey().userId();
            double[] scores = base instanceof EaseModel ease ? ease.personalScores(user, List.of())
                    : ((IalsModel) base).personalScores(user, List.of());
            double mean = 0;
            for (double score : scores) {
                mean += score;
            }
            mean /= scores.length;
            double variance = 0;
            for (double score : scores) {
                variance += (score - mean) * (score - mean);
            }
            double deviation = Math.sqrt(variance / scores.length);
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (scores[i] - mean) / deviation;
                best = Math.max(best, scores[i]);
            }
            topZ += best;
            model.effects().addTo(scores, model.effects().resolve(Map.of(DeviceTaste.DEVICE, entry.getKey().device())),
                    weight);
            Set<Integer> seen = history.get(user);
            int[] ranked = TopK.best(scores, scores.length, 10, i -> !seen.contains(i));
            int[] relevant = new int[entry.getValue().size()];
            for (int r = 0; r < relevant.length; r++) {
                int index = catalog.indexOf(entry.getValue().get(r));
                relevant[r] = index >= 0 ? index : catalog.size() + r;
            }
            metrics.add(ranked, relevant);
        }
        return new double[] {metrics.ndcg(), topZ / data.truth().size()};
    }
}
