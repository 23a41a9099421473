package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.EaseModel;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.IalsModel;
import io.tastemaker.engine.recipe.IalsRecipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingConfig;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one user's top-{@value #NUM_RESULTS} in process, run by {@code bench/scoring}: the
 * real {@code recommend} code of the models {@code aws-user-personalization} serves, on a catalog
 * of {@value #ITEMS} items. {@link Mode#SampleTime} times every call, so JMH prints the latency
 * distribution (p50, p90, p99, p99.9) in microseconds. The target (issue: in-process scoring) is a
 * p99 under 1 ms for {@code ials}.
 *
 * <ul>
 *   <li>{@code ials}: {@link IalsModel#recommend(String, int)}, {@value #FACTORS} factors, a dot
 *       product per catalog item, the softmax and the top-k selection.</li>
 *   <li>{@code ialsRecent}: {@link IalsModel#recommend(String, List, int)} with
 *       {@value #RECENT} recent items: the user's vector folded in (one {@code factors × factors}
 *       solve) before the same scoring.</li>
 *   <li>{@code ease}, {@code easeRecent}: the same calls on an {@link EaseModel} with its defaults
 *       (the {@value EaseRecipe#DEFAULT_MAX_ITEMS} most popular items modelled, the rest of the
 *       catalog ranked after them).</li>
 * </ul>
 *
 * <p>The data (seeded, the same every run): {@value #USERS} users ({@code "u<n>"}); a user's
 * number of interactions is 1 plus an exponential draw of mean {@value #MEAN_HISTORY}, capped at
 * {@value #MAX_HISTORY}; each interaction's item is drawn by Zipf popularity (item k with weight
 * {@code 1/(k+1)}). So that the catalog has all {@value #ITEMS} items, as the issue asks, every
 * item also gets one interaction from a user chosen at random, as a new item's first view. iALS is
 * trained with {@value #FACTORS} factors and {@value #ITERATIONS} iterations (the other
 * hyperparameters at their defaults): few iterations keep the setup short, and the scoring cost
 * does not depend on how well the model fits. The users called are drawn uniformly, in a fixed
 * order; the recent items of a call are drawn by popularity.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ScoringBenchmark {

    static final int ITEMS = 50_000;
    static final int USERS = 20_000;
    static final int MEAN_HISTORY = 25;
    static final int MAX_HISTORY = 1_000;
    static final int FACTORS = 64;
    static final int ITERATIONS = 4;
    static final int NUM_RESULTS = 25;
    static final int RECENT = 5;
    static final long SEED = 25L;
    /** Distinct calls prepared; the benchmark cycles through them. */
    private static final int CALLS = 4_096;

    /** The log, the users and recent items of the calls, shared by both models. */
    @State(Scope.Benchmark)
    public static class Calls {

        InteractionLog log;
        String[] users;
        List<List<String>> recent;

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(SEED);
            double[] cumulative = new double[ITEMS];
            double sum = 0;
            for (int k = 0; k < ITEMS; k++) {
                sum += 1.0 / (k + 1);
                cumulative[k] = sum;
            }
            InteractionLog.Builder builder = InteractionLog.builder(USERS * (MEAN_HISTORY + 1) + ITEMS);
            long time = GeneratedLogs.START;
            for (int u = 0; u < USERS; u++) {
                int history = 1 + (int) Math.min(MAX_HISTORY - 1, -MEAN_HISTORY * Math.log(1 - random.nextDouble()));
                for (int e = 0; e < history; e++) {
                    builder.add("u" + u, "i" + sample(cumulative, random.nextDouble() * sum), time++, null,
                            Float.NaN);
                }
            }
            for (int item = 0; item < ITEMS; item++) {
                builder.add("u" + random.nextInt(USERS), "i" + item, time++, null, Float.NaN);
            }
            log = builder.build();
            users = new String[CALLS];
            recent = new ArrayList<>(CALLS);
            for (int c = 0; c < CALLS; c++) {
                users[c] = "u" + random.nextInt(USERS);
                List<String> items = new ArrayList<>(RECENT);
                for (int r = 0; r < RECENT; r++) {
                    items.add("i" + sample(cumulative, random.nextDouble() * sum));
                }
                recent.add(List.copyOf(items));
            }
        }

        /** The first index whose cumulative weight reaches {@code target}. */
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

    /** The iALS model, trained once per fork. */
    @State(Scope.Benchmark)
    public static class Ials {

        IalsModel model;

        @Setup(Level.Trial)
        public void train(Calls calls) {
            model = new IalsRecipe().train(calls.log, new TrainingConfig(null, null,
                    Map.of(IalsRecipe.FACTORS, Integer.toString(FACTORS),
                            IalsRecipe.ITERATIONS, Integer.toString(ITERATIONS)), SEED));
            if (model.catalogSize() != ITEMS) {
                throw new IllegalStateException("Catalog of " + model.catalogSize() + " items, expected " + ITEMS);
            }
        }
    }

    /** The EASE model with its default hyperparameters, trained once per fork. */
    @State(Scope.Benchmark)
    public static class Ease {

        EaseModel model;

        @Setup(Level.Trial)
        public void train(Calls calls) {
            model = new EaseRecipe().train(calls.log, TrainingConfig.withSeed(SEED));
            if (model.catalogSize() != ITEMS) {
                throw new IllegalStateException("Catalog of " + model.catalogSize() + " items, expected " + ITEMS);
            }
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
    public List<ScoredItem> ials(Ials ials, Calls calls, Cursor cursor) {
        return ials.model.recommend(calls.users[cursor.next()], NUM_RESULTS);
    }

    @Benchmark
    public List<ScoredItem> ialsRecent(Ials ials, Calls calls, Cursor cursor) {
        int call = cursor.next();
        return ials.model.recommend(calls.users[call], calls.recent.get(call), NUM_RESULTS);
    }

    @Benchmark
    public List<ScoredItem> ease(Ease ease, Calls calls, Cursor cursor) {
        return ease.model.recommend(calls.users[cursor.next()], NUM_RESULTS);
    }

    @Benchmark
    public List<ScoredItem> easeRecent(Ease ease, Calls calls, Cursor cursor) {
        int call = cursor.next();
        return ease.model.recommend(calls.users[call], calls.recent.get(call), NUM_RESULTS);
    }
}
