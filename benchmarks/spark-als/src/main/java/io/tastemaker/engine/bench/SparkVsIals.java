package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.RankingMetrics;
import io.tastemaker.engine.recipe.IalsModel;
import io.tastemaker.engine.recipe.IalsRecipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib's implicit ALS ({@code implicitPrefs}, {@code local[2]}) against the engine's iALS,
 * same rank (64) and iterations (10), run by {@code bench/spark-vs-ials}.
 *
 * <ul>
 *   <li>Accuracy on ml-latest-small with the protocol of {@link AccuracyBenchmark} (per-item 75/25
 *       split, seed 42; top 10 excluding train items; nDCG@10, P@10, R@10, MAP@10). Spark's
 *       {@code regParam} and {@code alpha} mean other things than ours (Spark scales the penalty by
 *       each row's number of ratings), so its pair is chosen on the same validation split (10% of
 *       each item's training ratings, seed 1) from a grid; ours are iALS's defaults, chosen there.
 *       Both models' top 10 are computed here from their factors, the same way (dot products, seen
 *       items excluded, unknown users get popularity).</li>
 *   <li>Time per iteration on ml-latest-small and on a synthetic log from
 *       {@link IalsScaleBenchmark#generate} (default 2,000,000 interactions, 20,000 users, 5,000
 *       items): for Spark, {@code (fit(10 iterations) − fit(1 iteration)) / 9}, which leaves out
 *       setup; for ours, the time between the monitor's first "Iteration" step and "Done", over
 *       10. Each side first runs once untimed, which warms the JIT (and Spark's code paths). The two
 *       alternate, {@value #ROUNDS} times each, and the fastest of each is printed, so that a burst
 *       of load from another process does not land on one side only. Beside wall time, the CPU time
 *       of the whole process over the same span (all threads, Spark's local executors included),
 *       which a shared machine's load disturbs far less. Repeats of a (user, item) pair become
 *       Spark's rating (its confidence is {@code 1 + alpha · rating}), as they are ours.</li>
 * </ul>
 *
 * <p>Usage: {@code SparkVsIals <ratings.csv> [interactions users items]}.
 */
public final class SparkVsIals {

    private static final int RANK = 64;
    private static final int ITERATIONS = 10;
    private static final double[] SPARK_REG_PARAMS = {0.02, 0.05, 0.1, 0.2, 0.5, 1};
    private static final double[] SPARK_ALPHAS = {0.5, 1, 2, 5, 10};
    /**
     * Environment variable that, when set to {@code "regParam alpha"}, gives Spark's parameters and
     * skips their search on validation (30 fits), for repeated timing runs; the full search chose
     * regParam 0.2, alpha 2.
     */
    private static final String PARAMS_VARIABLE = "SPARK_ALS_PARAMS";
    /** Timings alternate ours and Spark's this many times and keep each one's fastest (the CPU is shared). */
    private static final int ROUNDS = 2;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private SparkVsIals() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: SparkVsIals <ratings.csv> [interactions users items]");
        }
        int interactions = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int users = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int items = args.length > 3 ? Integer.parseInt(args[3]) : 5_000;

        List<AccuracyBenchmark.Rating> ratings = AccuracyBenchmark.read(Path.of(args[0]));
        AccuracyBenchmark.Split test = AccuracyBenchmark.splitPerItem(ratings, 0.75, 42, true);
        AccuracyBenchmark.Split validation = AccuracyBenchmark.splitPerItem(test.train(), 0.10, 1, false);
        IdDictionary allItems = AccuracyBenchmark.itemDictionary(ratings, ItemAttributes.empty());
        InteractionLog train = AccuracyBenchmark.log(test.train());
        InteractionLog validationTrain = AccuracyBenchmark.log(validation.train());

        SparkSession spark = SparkSession.builder().master("local[2]").appName("spark-vs-ials")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            OUT.printf(Locale.ROOT, "Spark %s, local[2]; JVM %s, %d processors, max heap %,d MB%n%n", spark.version(),
                    Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);

            double bestNdcg = -1;
            double bestReg = 0;
            double bestAlpha = 0;
            String given = System.getenv(PARAMS_VARIABLE);
            boolean search = given == null || given.isBlank();
            if (!search) {
                String[] pair = given.strip().split("[\\s,]+");
                if (pair.length != 2) {
                    throw new IllegalArgumentException(PARAMS_VARIABLE + " must be 'regParam alpha', was '" + given
                            + "'");
                }
                bestReg = Double.parseDouble(pair[0]);
                bestAlpha = Double.parseDouble(pair[1]);
                OUT.printf(Locale.ROOT, "Spark ALS parameters from %s, no search on validation%n", PARAMS_VARIABLE);
            } else {
                OUT.println("Spark ALS regParam x alpha on validation (rank 64, 10 iterations), nDCG@10:");
            }
            for (double reg : search ? SPARK_REG_PARAMS : new double[0]) {
                for (double alpha : SPARK_ALPHAS) {
                    Factors factors = spark(spark, validationTrain, reg, alpha, ITERATIONS);
                    double ndcg = AccuracyBenchmark.evaluate(factors.recommender(validationTrain), validation,
                            allItems).ndcg();
                    OUT.printf(Locale.ROOT, "  regParam=%-5s alpha=%-3s %.4f%n", reg, alpha, ndcg);
                    if (ndcg > bestNdcg) {
                        bestNdcg = ndcg;
                        bestReg = reg;
                        bestAlpha = alpha;
                    }
                }
            }
            OUT.printf(Locale.ROOT, "  chosen: regParam=%s alpha=%s%n%n", bestReg, bestAlpha);

            OUT.printf(Locale.ROOT, "ml-latest-small test (%,d train ratings), rank %d, %d iterations:%n",
                    test.train().size(), RANK, ITERATIONS);
            OUT.printf(Locale.ROOT, "| %-42s | %7s | %6s | %6s | %6s | %12s | %16s |%n", "model", "nDCG@10", "P@10",
                    "R@10", "MAP@10", "s/iteration", "CPU s/iteration");
            Timed[] pair = alternate(spark, train, bestReg, bestAlpha);
            printRow("Tastemaker iALS (defaults)", AccuracyBenchmark.evaluate(pair[0].recommender, test, allItems),
                    pair[0]);
            printRow(String.format(Locale.ROOT, "Spark MLlib ALS (regParam=%s, alpha=%s)", bestReg, bestAlpha),
                    AccuracyBenchmark.evaluate(pair[1].recommender, test, allItems), pair[1]);

            OUT.printf(Locale.ROOT, "%nSynthetic log (IalsScaleBenchmark.generate): %,d interactions, %,d users, %,d "
                    + "items%n", interactions, users, items);
            InteractionLog synthetic = IalsScaleBenchmark.generate(interactions, users, items, 20L);
            Timed[] onSynthetic = alternate(spark, synthetic, bestReg, bestAlpha);
            OUT.printf(Locale.ROOT, "| %-42s | %12s | %16s |%n", "model", "s/iteration", "CPU s/iteration");
            OUT.printf(Locale.ROOT, "| %-42s | %12.3f | %16.3f |%n", "Tastemaker iALS (64 factors)",
                    onSynthetic[0].secondsPerIteration, onSynthetic[0].cpuSecondsPerIteration);
            OUT.printf(Locale.ROOT, "| %-42s | %12.3f | %16.3f |%n", "Spark MLlib ALS (rank 64)",
                    onSynthetic[1].secondsPerIteration, onSynthetic[1].cpuSecondsPerIteration);

            OUT.printf(Locale.ROOT, "%nSpark's time per iteration over ours: %.1fx on ml-latest-small, %.1fx on the "
                    + "synthetic log; CPU time: %.1fx and %.1fx%n",
                    pair[1].secondsPerIteration / pair[0].secondsPerIteration,
                    onSynthetic[1].secondsPerIteration / onSynthetic[0].secondsPerIteration,
                    pair[1].cpuSecondsPerIteration / pair[0].cpuSecondsPerIteration,
                    onSynthetic[1].cpuSecondsPerIteration / onSynthetic[0].cpuSecondsPerIteration);
        } finally {
            spark.stop();
        }
    }

    private static void printRow(String name, RankingMetrics metrics, Timed timed) {
        OUT.printf(Locale.ROOT, "| %-42s | %7.4f | %6.4f | %6.4f | %6.4f | %12.3f | %16.3f |%n", name, metrics.ndcg(),
                metrics.precision(), metrics.recall(), metrics.meanAveragePrecision(), timed.secondsPerIteration,
                timed.cpuSecondsPerIteration);
    }

    /**
     * A recommender with the time one training iteration took: wall time, and the CPU time of the
     * whole process (all its threads, Spark's executors included) over the same span.
     */
    private record Timed(AccuracyBenchmark.Recommender recommender, double secondsPerIteration,
            double cpuSecondsPerIteration) {
    }

    /** Ours and Spark's, alternating {@value #ROUNDS} times; each side's least wall and least CPU time. */
    private static Timed[] alternate(SparkSession spark, InteractionLog log, double reg, double alpha) {
        Timed ours = null;
        Timed theirs = null;
        for (int round = 0; round < ROUNDS; round++) {
            ours = faster(ours, ours(log));
            theirs = faster(theirs, sparkTimed(spark, log, reg, alpha));
        }
        return new Timed[] {ours, theirs};
    }

    /** The recommender of the faster run by wall time, with the least wall and the least CPU time. */
    private static Timed faster(Timed best, Timed next) {
        if (best == null) {
            return next;
        }
        return new Timed(next.secondsPerIteration < best.secondsPerIteration ? next.recommender : best.recommender,
                Math.min(best.secondsPerIteration, next.secondsPerIteration),
                Math.min(best.cpuSecondsPerIteration, next.cpuSecondsPerIteration));
    }

    private static Timed ours(InteractionLog log) {
        // A first training warms the JIT, as Spark's first fit does for Spark.
        train(log, TrainingMonitor.NONE);
        long[] firstIteration = new long[2];
        long[] done = new long[2];
        TrainingMonitor monitor = (step, fraction) -> {
            if (step.startsWith("Iteration 1 ")) {
                firstIteration[0] = System.nanoTime();
                firstIteration[1] = cpuNanos();
            } else if (step.equals("Done")) {
                done[0] = System.nanoTime();
                done[1] = cpuNanos();
            }
        };
        IalsModel model = train(log, monitor);
        return new Timed((u, n) -> model.recommend(u, n, true), (done[0] - firstIteration[0]) / 1e9 / ITERATIONS,
                (done[1] - firstIteration[1]) / 1e9 / ITERATIONS);
    }

    private static IalsModel train(InteractionLog log, TrainingMonitor monitor) {
        return new IalsRecipe().train(TrainingData.of(log), new TrainingConfig(null, null,
                Map.of(IalsRecipe.FACTORS, Integer.toString(RANK), IalsRecipe.ITERATIONS,
                        Integer.toString(ITERATIONS)), 0L), monitor);
    }

    private static Timed sparkTimed(SparkSession spark, InteractionLog log, double reg, double alpha) {
        // A first fit warms the JIT and Spark's code paths, then 1 and 10 iterations.
        spark(spark, log, reg, alpha, 1);
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        spark(spark, log, reg, alpha, 1);
        double one = (System.nanoTime() - start) / 1e9;
        double cpuOne = (cpuNanos() - cpuStart) / 1e9;
        start = System.nanoTime();
        cpuStart = cpuNanos();
        Factors factors = spark(spark, log, reg, alpha, ITERATIONS);
        double ten = (System.nanoTime() - start) / 1e9;
        double cpuTen = (cpuNanos() - cpuStart) / 1e9;
        return new Timed(factors.recommender(log), (ten - one) / (ITERATIONS - 1), (cpuTen - cpuOne) / (ITERATIONS - 1));
    }

    /** CPU time of this process, all threads, in nanoseconds. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User and item factors by the log's dictionary indices (absent rows stay null). */
    private record Factors(IdDictionary users, IdDictionary items, float[][] userFactors, float[][] itemFactors) {

        /** Top n by dot product, excluding the user's items in {@code log}; unknown users get popularity. */
        AccuracyBenchmark.Recommender recommender(InteractionLog log) {
            Map<Integer, int[]> seen = new HashMap<>();
            long[] popularity = new long[items.size()];
            List<List<Integer>> byUser = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                byUser.add(new ArrayList<>());
            }
            for (int row = 0; row < log.size(); row++) {
                byUser.get(log.user(row)).add(log.item(row));
            }
            for (int u = 0; u < users.size(); u++) {
                int[] mine = byUser.get(u).stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
                seen.put(u, mine);
                for (int item : mine) {
                    popularity[item]++;
                }
            }
            Integer[] byPopularity = new Integer[items.size()];
            for (int i = 0; i < byPopularity.length; i++) {
                byPopularity[i] = i;
            }
            Arrays.sort(byPopularity, (a, b) -> Long.compare(popularity[b], popularity[a]));
            return (userId, n) -> {
                int user = users.indexOf(userId);
                List<ScoredItem> result = new ArrayList<>(n);
                if (user < 0 || userFactors[user] == null) {
                    for (int i = 0; i < byPopularity.length && result.size() < n; i++) {
                        result.add(new ScoredItem(items.idOf(byPopularity[i]), popularity[byPopularity[i]]));
                    }
                    return result;
                }
                int[] mine = seen.get(user);
                float[] x = userFactors[user];
                double[] best = new double[n];
                int[] bestItem = new int[n];
                Arrays.fill(best, Double.NEGATIVE_INFINITY);
                Arrays.fill(bestItem, -1);
                for (int item = 0; item < itemFactors.length; item++) {
                    float[] y = itemFactors[item];
                    if (y == null || Arrays.binarySearch(mine, item) >= 0) {
                        continue;
                    }
                    double score = 0;
                    for (int f = 0; f < x.length; f++) {
                        score += x[f] * y[f];
                    }
                    // Insertion into the sorted top n.
                    int at = n;
                    while (at > 0 && score > best[at - 1]) {
                        at--;
                    }
                    if (at < n) {
                        System.arraycopy(best, at, best, at + 1, n - at - 1);
                        System.arraycopy(bestItem, at, bestItem, at + 1, n - at - 1);
                        best[at] = score;
                        bestItem[at] = item;
                    }
                }
                for (int r = 0; r < n && bestItem[r] >= 0; r++) {
                    result.add(new ScoredItem(items.idOf(bestItem[r]), best[r]));
                }
                return result;
            };
        }
    }

    private static Factors spark(SparkSession spark, InteractionLog log, double reg, double alpha, int iterations) {
        Map<Long, Integer> repeats = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            repeats.merge(((long) log.user(row) << 32) | log.item(row), 1, Integer::sum);
        }
        List<Row> rows = new ArrayList<>(repeats.size());
        repeats.forEach((pair, count) -> rows.add(RowFactory.create((int) (pair >>> 32), (int) (long) pair,
                (float) count)));
        StructType schema = new StructType()
                .add("user", DataTypes.IntegerType, false)
                .add("item", DataTypes.IntegerType, false)
                .add("rating", DataTypes.FloatType, false);
        Dataset<Row> data = spark.createDataFrame(rows, schema);
        ALSModel model = new ALS().setImplicitPrefs(true).setRank(RANK).setMaxIter(iterations).setRegParam(reg)
                .setAlpha(alpha).setUserCol("user").setItemCol("item").setRatingCol("rating").setSeed(0L)
                .fit(data);
        return new Factors(log.users(), log.items(), collect(model.userFactors(), log.users().size()),
                collect(model.itemFactors(), log.items().size()));
    }

    private static float[][] collect(Dataset<Row> factors, int size) {
        float[][] vectors = new float[size][];
        for (Row row : factors.collectAsList()) {
            List<Float> features = row.getList(1);
            float[] vector = new float[features.size()];
            for (int f = 0; f < vector.length; f++) {
                vector[f] = features.get(f);
            }
            vectors[row.getInt(0)] = vector;
        }
        return vectors;
    }
}
