package io.tastemaker.engine.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.IalsRecipe;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How iALS scales, run by {@code bench/ials-scale}: a synthetic log of {@code interactions} rows
 * by {@code users} users on {@code items} items, trained as {@code aws-user-personalization} (the
 * {@code auto} choice) and as iALS explicitly (64 factors, 10 iterations, the other defaults).
 *
 * <p>The data (seeded, so every run sees the same log): item popularity is Zipf with exponent
 * {@value #ITEM_EXPONENT} (item k drawn with weight {@code 1/(k+1)^s}); user activity is Zipf with
 * exponent {@value #USER_EXPONENT} over a shuffled order of users, each user with at least one
 * interaction; and there is latent structure: items belong to {@value #CLUSTERS} taste clusters, each
 * user to one, and {@value #IN_CLUSTER_PERCENT}% of a user's interactions are drawn from the items of
 * the user's cluster (by their popularity), the rest from the whole catalog. A user may hit the same
 * item more than once, which iALS counts as repeats.
 *
 * <p>Printed: generation time, training wall time and time per iteration (from the monitor's
 * {@code "Iteration i of n"} steps), the algorithm {@code auto} chose and why, and the peak heap used
 * while training: the largest heap occupancy that a garbage collection saw before collecting (GC
 * notifications), or at the end of training if larger; with {@code -Xmx}.
 *
 * <p>Usage: {@code IalsScaleBenchmark [interactions users items [seed]]}.
 */
public final class IalsScaleBenchmark {

    private static final double ITEM_EXPONENT = 1.0;
    private static final double USER_EXPONENT = 0.8;
    private static final int CLUSTERS = 20;
    private static final int IN_CLUSTER_PERCENT = 70;

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private IalsScaleBenchmark() {
    }

    public static void main(String[] args) {
        int interactions = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 20_000_000;
        int users = args.length > 1 ? Integer.parseInt(args[1].replace("_", "").replace(",", "")) : 200_000;
        int items = args.length > 2 ? Integer.parseInt(args[2].replace("_", "").replace(",", "")) : 50_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20L;
        if (interactions < users) {
            throw new IllegalArgumentException("Each user needs an interaction: interactions must be >= users");
        }
        OUT.printf(Locale.ROOT, "JVM %s, %d processors, -Xmx %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        OUT.printf(Locale.ROOT, "Generating %,d interactions, %,d users, %,d items (item Zipf s=%.1f, user Zipf "
                + "s=%.1f, %d clusters, %d%% in-cluster), seed %d%n", interactions, users, items, ITEM_EXPONENT,
                USER_EXPONENT, CLUSTERS, IN_CLUSTER_PERCENT, seed);
        long start = System.nanoTime();
        InteractionLog log = generate(interactions, users, items, seed);
        OUT.printf(Locale.ROOT, "  generated in %.1f s: %s%n%n", seconds(start), log);

        TrainingConfig defaults = new TrainingConfig(null, null, Map.of(), seed);
        UserPersonalizationRecipe.Choice choice = UserPersonalizationRecipe.choose(log, defaults);
        OUT.printf(Locale.ROOT, "auto: %s%n", choice.describe());
        run("aws-user-personalization (auto)", UserPersonalizationRecipe::new, log, defaults);

        TrainingConfig ials = new TrainingConfig(null, null, Map.of(IalsRecipe.FACTORS, "64",
                IalsRecipe.ITERATIONS, "10"), seed);
        run("iALS (64 factors, 10 iterations)", IalsRecipe::new, log, ials);
    }

    private static void run(String name, Supplier<Recipe> recipe, InteractionLog log,
            TrainingConfig config) {
        List<Long> iterationStarts = new ArrayList<>();
        long[] end = new long[1];
        TrainingMonitor monitor = (step, fraction) -> {
            if (step.contains("Iteration ")) {
                iterationStarts.add(System.nanoTime());
            } else if (step.endsWith("Done")) {
                end[0] = System.nanoTime();
            }
        };
        System.gc();
        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        TrainedModel model = recipe.get().train(TrainingData.of(log), config, monitor);
        double wall = seconds(start);
        long peak = watch.stop();
        String algorithm = model instanceof UserPersonalizationModel personalization
                ? personalization.algorithm().value() : "?";
        OUT.printf(Locale.ROOT, "%s: %s%n", name, model);
        OUT.printf(Locale.ROOT, "  algorithm %s; training wall time %.1f s", algorithm, wall);
        if (!iterationStarts.isEmpty() && end[0] > 0) {
            double iterating = (end[0] - iterationStarts.get(0)) / 1e9;
            OUT.printf(Locale.ROOT, " (before the first iteration %.1f s; %d iterations %.1f s, %.2f s each)",
                    (iterationStarts.get(0) - start) / 1e9, iterationStarts.size(), iterating,
                    iterating / iterationStarts.size());
        }
        OUT.printf(Locale.ROOT, "%n  peak heap used while training %,d MB of -Xmx %,d MB%n%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** The synthetic log of the class comment. */
    static InteractionLog generate(int interactions, int users, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Items: global Zipf weights, a cluster each, and cumulative weights per cluster.
        double[] itemWeight = new double[items];
        int[] itemCluster = new int[items];
        int[] clusterSize = new int[CLUSTERS];
        for (int i = 0; i < items; i++) {
            itemWeight[i] = 1 / Math.pow(i + 1, ITEM_EXPONENT);
            itemCluster[i] = random.nextInt(CLUSTERS);
            clusterSize[itemCluster[i]]++;
        }
        double[] global = cumulative(itemWeight, null, -1);
        int[][] clusterItems = new int[CLUSTERS][];
        double[][] clusterCumulative = new double[CLUSTERS][];
        for (int c = 0; c < CLUSTERS; c++) {
            clusterItems[c] = new int[clusterSize[c]];
        }
        int[] fill = new int[CLUSTERS];
        for (int i = 0; i < items; i++) {
            clusterItems[itemCluster[i]][fill[itemCluster[i]]++] = i;
        }
        for (int c = 0; c < CLUSTERS; c++) {
            clusterCumulative[c] = cumulative(itemWeight, clusterItems[c], c);
        }
        // Users: Zipf activity over a shuffled order, at least one interaction each.
        int[] order = new int[users];
        for (int u = 0; u < users; u++) {
            order[u] = u;
        }
        for (int u = users - 1; u > 0; u--) {
            int j = random.nextInt(u + 1);
            int swap = order[u];
            order[u] = order[j];
            order[j] = swap;
        }
        double totalWeight = 0;
        for (int r = 0; r < users; r++) {
            totalWeight += 1 / Math.pow(r + 1, USER_EXPONENT);
        }
        int[] activity = new int[users];
        long assigned = 0;
        for (int r = 0; r < users; r++) {
            int count = 1 + (int) ((interactions - users) * (1 / Math.pow(r + 1, USER_EXPONENT)) / totalWeight);
            activity[order[r]] = count;
            assigned += count;
        }
        for (long extra = interactions - assigned, r = 0; extra > 0; extra--, r++) {
            activity[order[(int) (r % users)]]++;
        }

        String[] itemIds = new String[items];
        for (int i = 0; i < items; i++) {
            itemIds[i] = "i" + i;
        }
        InteractionLog.Builder builder = InteractionLog.builder(interactions);
        long time = GeneratedLogs.START;
        for (int u = 0; u < users; u++) {
            String userId = "u" + u;
            int cluster = random.nextInt(CLUSTERS);
            for (int e = 0; e < activity[u]; e++) {
                int item = random.nextInt(100) < IN_CLUSTER_PERCENT && clusterItems[cluster].length > 0
                        ? clusterItems[cluster][sample(clusterCumulative[cluster], random.nextDouble())]
                        : sample(global, random.nextDouble());
                builder.add(userId, itemIds[item], time++, null, Float.NaN);
            }
        }
        return builder.build();
    }

    /** Cumulative weights of {@code members} (or of all items), normalised to end at 1. */
    private static double[] cumulative(double[] weights, int[] members, int cluster) {
        int n = members == null ? weights.length : members.length;
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += weights[members == null ? k : members[k]];
            cumulative[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
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

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The largest heap occupancy seen by garbage collections (before collecting) while it runs. */
    private static final class HeapWatch {

        private final AtomicLong peak = new AtomicLong();
        private final Set<String> heapPools = new HashSet<>();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                    if (heapPools.contains(pool.getKey())) {
                        used += pool.getValue().getUsed();
                    }
                }
                peak.accumulateAndGet(used, Math::max);
            }
        };

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(watch.listener, null, null);
                    watch.emitters.add(emitter);
                }
            }
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    watch.heapPools.add(pool.getName());
                }
            }
            return watch;
        }

        /** Stops watching; the peak, at least the heap used now. */
        long stop() {
            long now = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    now += pool.getUsage().getUsed();
                }
            }
            for (NotificationEmitter emitter : emitters) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (ListenerNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            return Math.max(peak.get(), now);
        }
    }
}
