package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code trainingMode} UPDATE against FULL, run by {@code bench/update}: on the synthetic log of
 * {@link IalsScaleBenchmark} (Zipf items and users, taste clusters), each algorithm of
 * {@code aws-user-personalization} (EASE and iALS, their default hyperparameters) is trained FULL;
 * then about 1% more interactions arrive, with new users and new items, and the new data is brought
 * in both ways, by a FULL training and by an UPDATE of the first model. Printed: the times, their
 * ratio, what the update found new, and how close the two models' top 10 are (mean overlap over
 * sampled new users and sampled old users; a FULL training's top 10 is not a fixed target either,
 * since it starts from other random vectors).
 *
 * <p>The new data ({@value #NEW_PERCENT}% of the log's rows, seeded): {@value #NEW_PERCENT}% new
 * users and {@value #NEW_PERCENT}% new items. Half of the new rows belong to new users, half to
 * existing users drawn as often as they were active. An item is a new one with probability
 * {@value #NEW_ITEM_PERCENT}% (drawn by Zipf weights among the new items), otherwise an existing item
 * drawn as often as it was interacted with.
 *
 * <p>Usage: {@code UpdateBenchmark [interactions users items [seed]]}, defaults 2,000,000 20,000
 * 50,000 and 20.
 */
public final class UpdateBenchmark {

    private static final int NEW_PERCENT = 1;
    private static final int NEW_ITEM_PERCENT = 20;
    private static final int SAMPLED_USERS = 200;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private UpdateBenchmark() {
    }

    public static void main(String[] args) {
        int interactions = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 2_000_000;
        int users = args.length > 1 ? Integer.parseInt(args[1].replace("_", "").replace(",", "")) : 20_000;
        int items = args.length > 2 ? Integer.parseInt(args[2].replace("_", "").replace(",", "")) : 50_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20L;
        OUT.printf(Locale.ROOT, "JVM %s, %d processors, -Xmx %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        long start = System.nanoTime();
        InteractionLog before = IalsScaleBenchmark.generate(interactions, users, items, seed);
        InteractionLog after = withNewData(before, users, items, seed);
        OUT.printf(Locale.ROOT, "Generated in %.1f s, seed %d%n  before: %s%n  after:  %s%n%n", seconds(start), seed,
                before, after);

        for (UserPersonalizationRecipe.Algorithm algorithm : List.of(UserPersonalizationRecipe.Algorithm.EASE,
                UserPersonalizationRecipe.Algorithm.IALS)) {
            TrainingConfig config = new TrainingConfig(null, null,
                    Map.of(UserPersonalizationRecipe.ALGORITHM, algorithm.value()), seed);
            UserPersonalizationRecipe recipe = new UserPersonalizationRecipe();
            start = System.nanoTime();
            UserPersonalizationModel previous = recipe.train(TrainingData.of(before), config, TrainingMonitor.NONE);
            double firstFull = seconds(start);
            start = System.nanoTime();
            UserPersonalizationModel full = recipe.train(TrainingData.of(after), config, TrainingMonitor.NONE);
            double fullTime = seconds(start);
            List<String> steps = new ArrayList<>();
            long updateStart = System.nanoTime();
            UserPersonalizationModel updated = recipe.update(previous, TrainingData.of(after), config,
                    (step, fraction) -> steps.add(String.format(Locale.ROOT, "%6.2f s  %s", seconds(updateStart),
                            step)));
            double updateTime = seconds(updateStart);

            OUT.printf(Locale.ROOT, "%s: %s%n", algorithm.value(), updated);
            OUT.printf(Locale.ROOT, "  FULL on the first log %.1f s; on the new log: FULL %.1f s, UPDATE %.2f s "
                    + "(%.1f%% of FULL, %.0fx faster)%n", firstFull, fullTime, updateTime,
                    100 * updateTime / fullTime, fullTime / updateTime);
            for (String step : steps) {
                OUT.println("    " + step);
            }
            OUT.printf(Locale.ROOT, "  top-10 overlap UPDATE vs FULL: new users %.2f, old users %.2f; FULL before "
                    + "vs FULL after, old users %.2f%n%n", overlap(updated, full, "nu", users, seed),
                    overlap(updated, full, "u", users, seed), overlap(previous, full, "u", users, seed));
        }
    }

    /** {@code log} and about {@value #NEW_PERCENT}% more rows, as the class comment says. */
    static InteractionLog withNewData(InteractionLog log, int users, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int rows = log.size();
        int newRows = Math.max(1, rows / 100 * NEW_PERCENT);
        int newUsers = Math.max(1, users / 100 * NEW_PERCENT);
        int newItems = Math.max(1, items / 100 * NEW_PERCENT);
        double[] cumulative = new double[newItems];
        double sum = 0;
        for (int i = 0; i < newItems; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        InteractionLog.Builder builder = InteractionLog.builder(rows + newRows);
        long time = 0;
        for (int row = 0; row < rows; row++) {
            time = log.timestamp(row);
            builder.add(log.users().idOf(log.user(row)), log.items().idOf(log.item(row)), time, null, Float.NaN);
        }
        for (int e = 0; e < newRows; e++) {
            String user = e % 2 == 0 ? "nu" + random.nextInt(newUsers)
                    : log.users().idOf(log.user(random.nextInt(rows)));
            String item;
            if (random.nextInt(100) < NEW_ITEM_PERCENT) {
                item = "ni" + sample(cumulative, random.nextDouble() * sum);
            } else {
                item = log.items().idOf(log.item(random.nextInt(rows)));
            }
            builder.add(user, item, ++time, null, Float.NaN);
        }
        return builder.build();
    }

    /** The mean share of a sampled user's top 10 that both models recommend. */
    private static double overlap(UserPersonalizationModel a, UserPersonalizationModel b, String prefix, int users,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int range = prefix.equals("nu") ? Math.max(1, users / 100 * NEW_PERCENT) : users;
        double total = 0;
        for (int s = 0; s < SAMPLED_USERS; s++) {
            String user = prefix + random.nextInt(range);
            Set<String> top = new HashSet<>();
            for (ScoredItem item : a.recommend(user, 10)) {
                top.add(item.itemId());
            }
            int shared = 0;
            for (ScoredItem item : b.recommend(user, 10)) {
                if (top.contains(item.itemId())) {
                    shared++;
                }
            }
            total += shared / 10.0;
        }
        return total / SAMPLED_USERS;
    }

    private static int sample(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
