package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a context costs a request, run by {@code bench/scoring ContextScoringBenchmark}: one user's
 * top {@value #NUM_RESULTS} from {@code aws-user-personalization} with EASE or iALS ({@code algorithm})
 * over {@value #ITEMS} items, without a context ({@code plain}) and with {@code DEVICE} given
 * ({@code device}); the difference is the context's combination (the base scores over the catalog,
 * a top-1,000 by rank, one pass over the catalog for the lifts, the final top-k). Sample time, so
 * JMH prints p50 to p99.9 in microseconds.
 *
 * <p>The data (seeded): {@value #USERS} users with 1 plus an exponential number of mean
 * {@value #MEAN_HISTORY} interactions, items by Zipf popularity, each interaction on one of
 * {@value #DEVICES} devices, and one interaction per item so that the catalog holds them all. iALS
 * has 64 factors and 4 iterations (the scoring cost does not depend on the fit).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ContextScoringBenchmark {

    static final int ITEMS = 50_000;
    static final int USERS = 20_000;
    static final int MEAN_HISTORY = 25;
    static final int DEVICES = 3;
    static final int NUM_RESULTS = 25;
    static final long SEED = 26L;
    private static final int CALLS = 4_096;

    /** The model and the calls. */
    @State(Scope.Benchmark)
    public static class Model {

        @Param({"ease", "ials"})
        String algorithm;

        UserPersonalizationModel model;
        String[] users;
        List<Map<String, String>> contexts;

        @Setup(Level.Trial)
        public void train() {
            SplittableRandom random = new SplittableRandom(SEED);
            double[] cumulative = new double[ITEMS];
            double sum = 0;
            for (int k = 0; k < ITEMS; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            InteractionLog.Builder builder = InteractionLog.builder(USERS * (MEAN_HISTORY + 1) + ITEMS,
                    List.of("DEVICE"));
            long time = GeneratedLogs.START;
            for (int u = 0; u < USERS; u++) {
                int history = 1 + (int) Math.min(999, -MEAN_HISTORY * Math.log(1 - random.nextDouble()));
                for (int e = 0; e < history; e++) {
                    builder.add("u" + u, "i" + sample(cumulative, random.nextDouble() * sum), time++, null, Float.NaN,
                            new String[] {"d" + random.nextInt(DEVICES)});
                }
            }
            for (int item = 0; item < ITEMS; item++) {
                builder.add("u" + random.nextInt(USERS), "i" + item, time++, null, Float.NaN,
                        new String[] {"d" + random.nextInt(DEVICES)});
            }
            model = new UserPersonalizationRecipe().train(TrainingData.of(builder.build()), new TrainingConfig(null, null,
                    Map.of(UserPersonalizationRecipe.ALGORITHM, algorithm, "factors", "64", "iterations", "4"), SEED),
                    TrainingMonitor.NONE);
            users = new String[CALLS];
            contexts = new ArrayList<>(CALLS);
            for (int c = 0; c < CALLS; c++) {
                users[c] = "u" + random.nextInt(USERS);
                contexts.add(Map.of("DEVICE", "d" + random.nextInt(DEVICES)));
            }
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
    }

    /** Which prepared call comes next, per benchmark thread. */
    @State(Scope.Thread)
    public static class Cursor {

        private int next;

        int next() {
            int call = next;
            next = (next + 1) % CALLS;
            return call;
        }
    }

    @Benchmark
    public List<ScoredItem> plain(Model model, Cursor cursor) {
        return model.model.recommend(model.users[cursor.next()], List.of(), NUM_RESULTS);
    }

    @Benchmark
    public List<ScoredItem> device(Model model, Cursor cursor) {
        int call = cursor.next();
        return model.model.recommend(model.users[call], List.of(), NUM_RESULTS, model.contexts.get(call));
    }
}
