package io.tastemaker.engine.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Proposes points of a {@link ParameterSpace}'s unit hypercube: a Latin hypercube to start, then a
 * univariate tree-structured Parzen estimator (TPE; Bergstra et al., 2011, "Algorithms for
 * Hyper-Parameter Optimization").
 *
 * <p>Start: {@code n} points whose coordinates each fall once in every one of {@code n} equal
 * strata (a seeded permutation per coordinate, a uniform offset within the stratum), so even three
 * points cover a range's low, middle and high thirds, which independent draws often fail to do.
 *
 * <p>Then, given the trials so far, the best {@value #GOOD_SHARE} of the successful ones (at least
 * one) are <i>good</i>, the rest and every failed trial <i>bad</i>. Per coordinate, {@code l} and
 * {@code g} are densities on {@code [0, 1]}: an equal-weight mixture of the uniform density and
 * one kernel per good (respectively bad) trial, a Gaussian of bandwidth
 * {@code σ = max(}{@value #MIN_BANDWIDTH}{@code , }{@value #BANDWIDTH_SCALE}{@code · n^(−1/5))}
 * ({@code n} trials so far) reflected at 0 and 1 so that it keeps its mass in the interval; for a
 * categorical coordinate a kernel is a point mass on the trial's value. {@value #CANDIDATES}
 * candidates are drawn from {@code l}, and the one with the largest {@code Σ ln(l / g)} over the
 * coordinates is proposed: likely under the good trials, unlikely under the bad. The uniform
 * component keeps some exploration; failed trials push proposals away from where the recipe
 * rejected its parameters.
 *
 * <p>A proposal must decode to hyperparameters not yet tried ({@code isNew}); when the best
 * candidates are all old, up to {@value #RANDOM_ATTEMPTS} uniform draws look for a new one, and
 * {@code null} means none was found (only in a finite, nearly exhausted space). All randomness
 * comes from the generator given at construction; not thread-safe.
 */
final class TreeParzenProposer {

    /** The share of successful trials that count as good. */
    static final double GOOD_SHARE = 0.25;
    /** Candidates drawn from {@code l} per proposal. */
    static final int CANDIDATES = 24;
    /** Bandwidth scale, in units of the unit interval. */
    static final double BANDWIDTH_SCALE = 0.25;
    /** Smallest bandwidth. */
    static final double MIN_BANDWIDTH = 0.02;
    /** Uniform draws tried when every candidate was tried before. */
    static final int RANDOM_ATTEMPTS = 256;

    private static final double SQRT_2_PI = Math.sqrt(2 * Math.PI);

    /** A finished trial: its point, and its objective oriented so that larger is better (failed: none). */
    record Observation(double[] point, boolean succeeded, double value) {
    }

    private final ParameterSpace space;
    private final SplittableRandom random;

    TreeParzenProposer(ParameterSpace space, SplittableRandom random) {
        this.space = space;
        this.random = random;
    }

    /** {@code n} Latin-hypercube points. */
    double[][] latinHypercube(int n) {
        int d = space.dimensions();
        double[][] points = new double[n][d];
        int[] strata = new int[n];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = strata[i];
                strata[i] = strata[j];
                strata[j] = swap;
            }
            for (int i = 0; i < n; i++) {
                points[i][c] = (strata[i] + random.nextDouble()) / n;
            }
        }
        return points;
    }

    /** A uniform point whose hyperparameters are new, or {@code null} after {@value #RANDOM_ATTEMPTS} tries. */
    double[] randomNew(Predicate<double[]> isNew) {
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
            double[] point = new double[space.dimensions()];
            for (int c = 0; c < point.length; c++) {
                point[c] = random.nextDouble();
            }
            if (isNew.test(point)) {
                return point;
            }
        }
        return null;
    }

    /**
     * The next point given {@code observations}, or {@code null} if no new one was found.
     *
     * @param isNew whether a point's hyperparameters have not been tried or proposed yet
     */
    double[] propose(List<Observation> observations, Predicate<double[]> isNew) {
        List<Observation> succeeded = new ArrayList<>();
        List<Observation> failed = new ArrayList<>();
        for (Observation observation : observations) {
            (observation.succeeded() ? succeeded : failed).add(observation);
        }
        if (succeeded.isEmpty()) {
            return randomNew(isNew);
        }
        // Stable: among equal values the earlier trial counts as better.
        succeeded.sort(Comparator.comparingDouble(Observation::value).reversed());
        int goodCount = Math.max(1, (int) Math.ceil(GOOD_SHARE * succeeded.size()));
        List<double[]> good = new ArrayList<>();
        List<double[]> bad = new ArrayList<>();
        for (int i = 0; i < succeeded.size(); i++) {
            (i < goodCount ? good : bad).add(succeeded.get(i).point());
        }
        failed.forEach(observation -> bad.add(observation.point()));
        double bandwidth = Math.max(MIN_BANDWIDTH, BANDWIDTH_SCALE * Math.pow(observations.size(), -0.2));

        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < CANDIDATES; k++) {
            double[] candidate = sample(good, bandwidth);
            if (!isNew.test(candidate)) {
                continue;
            }
            double score = 0;
            for (int c = 0; c < candidate.length; c++) {
                score += Math.log(density(good, c, candidate[c], bandwidth))
                        - Math.log(density(bad, c, candidate[c], bandwidth));
            }
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best != null ? best : randomNew(isNew);
    }

    /** A draw from {@code l}: per coordinate, the uniform component or a kernel around a random good point. */
    private double[] sample(List<double[]> good, double bandwidth) {
        double[] point = new double[space.dimensions()];
        for (int c = 0; c < point.length; c++) {
            int component = random.nextInt(good.size() + 1);
            if (component == good.size()) {
                point[c] = random.nextDouble();
                continue;
            }
            double center = good.get(component)[c];
            int categories = space.categories(c);
            point[c] = categories > 0 ? center : reflect(center + bandwidth * random.nextGaussian());
        }
        return point;
    }

    /** The mixture density at {@code u} of coordinate {@code c}: uniform plus one kernel per point, equal weights. */
    private double density(List<double[]> points, int c, double u, double bandwidth) {
        int categories = space.categories(c);
        double sum = 1; // the uniform density on [0, 1]
        if (categories > 0) {
            // On the categorical scale, as probabilities times the number of categories.
            int category = category(u, categories);
            for (double[] point : points) {
                if (category(point[c], categories) == category) {
                    sum += categories;
                }
            }
        } else {
            for (double[] point : points) {
                double center = point[c];
                sum += gaussian(u - center, bandwidth) + gaussian(u + center, bandwidth)
                        + gaussian(u - (2 - center), bandwidth);
            }
        }
        return sum / (points.size() + 1);
    }

    private static int category(double u, int categories) {
        return Math.min(categories - 1, (int) Math.floor(u * categories));
    }

    private static double gaussian(double x, double sigma) {
        double z = x / sigma;
        return Math.exp(-0.5 * z * z) / (sigma * SQRT_2_PI);
    }

    /** Folds {@code x} into {@code [0, 1]} by reflection at the ends. */
    private static double reflect(double x) {
        double folded = x;
        for (int i = 0; i < 4 && (folded < 0 || folded > 1); i++) {
            folded = folded < 0 ? -folded : 2 - folded;
        }
        return Math.min(1, Math.max(0, folded));
    }
}
