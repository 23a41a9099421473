package io.tastemaker.engine.data;

import java.util.SplittableRandom;

/** Seeded synthetic interaction logs for tests. */
public final class GeneratedLogs {

    /** The first timestamp of generated logs: 2024-01-01T00:00:00Z. */
    public static final long START = 1_704_067_200L;

    private GeneratedLogs() {
    }

    /**
     * A log whose item popularity follows a power law: item {@code "item-<k>"} (k = 0 .. items - 1) is
     * drawn with probability proportional to {@code 1 / (k + 1)^exponent}. Each of {@code users} users
     * ({@code "user-<u>"}) has between 1 and {@code maxHistory} interactions an hour apart, starting
     * at a random offset; event type "click" (or "purchase" for one interaction in five), value 1..5.
     */
    public static InteractionLog powerLaw(int users, int items, double exponent, int maxHistory, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[items];
        double sum = 0;
        for (int k = 0; k < items; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        InteractionLog.Builder builder = InteractionLog.builder();
        for (int u = 0; u < users; u++) {
            int history = 1 + random.nextInt(maxHistory);
            long time = START + random.nextInt(86_400);
            for (int e = 0; e < history; e++) {
                int item = sample(cumulative, random.nextDouble() * sum);
                String type = random.nextInt(5) == 0 ? "purchase" : "click";
                builder.add("user-" + u, "item-" + item, time, type, 1 + random.nextInt(5));
                time += 3_600;
            }
        }
        return builder.build();
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
