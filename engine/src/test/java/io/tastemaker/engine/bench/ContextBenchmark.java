package io.tastemaker.engine.bench;

import io.tastemaker.engine.recipe.DeviceTaste;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request's context is worth, and at which weight, run by {@code bench/context}: on
 * {@link DeviceTaste} data (a {@code DEVICE} field that decides, partly decides or says nothing about
 * which half of the catalog a user chooses from), {@code aws-user-personalization} with EASE and with
 * iALS is trained for each {@code context_weight}, and the mean nDCG@10 over held-out (user, device)
 * pairs is printed without a context and with {@code DEVICE} given. Everything is seeded.
 *
 * <p>Then the case where the device means something for each user but nothing for the catalog
 * ({@link DeviceTaste#personal}): the same, plus a model of each (user, device) as a user of its own
 * ({@link DeviceTaste#splitByDevice()}), the most a per-user-and-context history could add.
 *
 * <p>Usage: {@code ContextBenchmark [users [seed]]}, defaults 1,000 and 15. The data: 5 genres of 40
 * items per half (400 items), 12 distinct items per user and device, the newest 2 of each held out.
 */
public final class ContextBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final double[] STRENGTHS = {1.0, 0.8, 0.65, 0.5};
    private static final double[] WEIGHTS = {0, 0.25, 0.5, 1, 2, 4};

    private ContextBenchmark() {
    }

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 15L;
        OUT.printf(Locale.ROOT, "JVM %s, %d processors; %d users, seed %d%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), users, seed);
        OUT.printf(Locale.ROOT, "%-6s %-9s %-10s %-10s %-10s%n", "algo", "strength", "weight", "blind", "context");
        for (UserPersonalizationRecipe.Algorithm algorithm : List.of(UserPersonalizationRecipe.Algorithm.EASE,
                UserPersonalizationRecipe.Algorithm.IALS)) {
            for (double strength : STRENGTHS) {
                DeviceTaste data = DeviceTaste.generate(seed, users, 5, 40, 12, 2, strength);
                for (double weight : WEIGHTS) {
                    TrainingConfig config = new TrainingConfig(null, null, Map.of(
                            UserPersonalizationRecipe.ALGORITHM, algorithm.value(),
                            UserPersonalizationRecipe.CONTEXT_WEIGHT, Double.toString(weight)), seed);
                    UserPersonalizationModel model = new UserPersonalizationRecipe()
                            .train(TrainingData.of(data.train()), config, TrainingMonitor.NONE);
                    OUT.printf(Locale.ROOT, "%-6s %-9.2f %-10.2f %-10.4f %-10.4f%n", algorithm.value(), strength,
                            weight, data.ndcgAt10(model, false), data.ndcgAt10(model, true));
                }
            }
        }
        OUT.printf(Locale.ROOT, "%nPersonal device tastes (weight %s):%n%-6s %-9s %-10s %-10s %-10s%n",
                UserPersonalizationRecipe.DEFAULT_CONTEXT_WEIGHT, "algo", "strength", "blind", "context", "split");
        for (UserPersonalizationRecipe.Algorithm algorithm : List.of(UserPersonalizationRecipe.Algorithm.EASE,
                UserPersonalizationRecipe.Algorithm.IALS)) {
            for (double strength : STRENGTHS) {
                DeviceTaste data = DeviceTaste.personal(seed, users, 5, 40, 12, 2, strength);
                TrainingConfig config = new TrainingConfig(null, null,
                        Map.of(UserPersonalizationRecipe.ALGORITHM, algorithm.value()), seed);
                UserPersonalizationModel model = new UserPersonalizationRecipe()
                        .train(TrainingData.of(data.train()), config, TrainingMonitor.NONE);
                UserPersonalizationModel split = new UserPersonalizationRecipe()
                        .train(TrainingData.of(data.splitByDevice()), config, TrainingMonitor.NONE);
                OUT.printf(Locale.ROOT, "%-6s %-9.2f %-10.4f %-10.4f %-10.4f%n", algorithm.value(), strength,
                        data.ndcgAt10(model, false), data.ndcgAt10(model, true), data.ndcgAt10Split(split));
            }
        }
    }
}
