package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.linalg.Cholesky;
import io.tastemaker.engine.linalg.Parallel;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class IalsHalfStepTest {

    private static final long SEED = 2011L;

    /**
     * Enough conjugate gradient steps solve each row's system exactly, whichever way the row's
     * projections are computed (dot products for short rows, the transposed copy for long ones),
     * on both sides, for factor counts that are and are not multiples of the loops' unrolling.
     */
    @Test
    void enoughStepsReachTheExactSolutionOfEveryRowsSystem() {
        InteractionMatrix matrix = InteractionMatrix.of(GeneratedLogs.powerLaw(300, 90, 0.8, 60, SEED));
        assertThat(rowLengths(matrix.userOffsets)).as("seed %d", SEED)
                .satisfies(lengths -> assertThat(lengths[0]).isLessThan(IalsHalfStep.MIN_TRANSPOSED))
                .satisfies(lengths -> assertThat(lengths[1]).isGreaterThanOrEqualTo(IalsHalfStep.MIN_TRANSPOSED));
        assertThat(maxRepeat(matrix.userRepeats)).as("seed %d: some pairs repeat", SEED).isGreaterThan(1);
        for (int k : new int[] {3, 10, 16}) {
            IalsRecipe.HyperParameters parameters = new IalsRecipe.HyperParameters(k, 1, 2, 0.5, 3, 4 * k);
            SplittableRandom random = new SplittableRandom(SEED + k);
            float[][] items = randomVectors(matrix.itemCount(), k, random);
            float[][] users = randomVectors(matrix.userCount(), k, random);

            IalsHalfStep.solve(users, null, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items,
                    parameters, null, new IalsHalfStep.Scratch());
            assertExact(users, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items, parameters);

            IalsHalfStep.solve(items, null, matrix.itemOffsets, matrix.itemUsers, matrix.itemRepeats, users,
                    parameters, null, new IalsHalfStep.Scratch());
            assertExact(items, matrix.itemOffsets, matrix.itemUsers, matrix.itemRepeats, users, parameters);
        }
    }

    @Test
    void solvesOnlyTheListedRowsAndTheSameWayOnAnyNumberOfThreads() {
        InteractionMatrix matrix = InteractionMatrix.of(GeneratedLogs.powerLaw(3_000, 200, 0.9, 40, SEED));
        IalsRecipe.HyperParameters parameters = new IalsRecipe.HyperParameters(12, 1, 5, 0.5, 5, 3);
        float[][] items = randomVectors(matrix.itemCount(), 12, new SplittableRandom(SEED));
        float[][] start = randomVectors(matrix.userCount(), 12, new SplittableRandom(SEED + 1));
        int[] only = {0, 5, 6, 2_999 % matrix.userCount()};

        float[][] alone = copy(start);
        IalsHalfStep.solve(alone, null, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items, parameters,
                null, new IalsHalfStep.Scratch());
        float[][] listed = copy(start);
        IalsHalfStep.solve(listed, only, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items,
                parameters, null, new IalsHalfStep.Scratch());
        ForkJoinPool pool = Parallel.newPool("ials-test-", 3);
        float[][] parallel = copy(start);
        try {
            IalsHalfStep.Scratch scratch = new IalsHalfStep.Scratch();
            IalsHalfStep.solve(parallel, null, matrix.userOffsets, matrix.userItems, matrix.userRepeats, items,
                    parameters, pool, scratch);
        } finally {
            pool.shutdown();
        }

        assertThat(parallel).isDeepEqualTo(alone);
        for (int user = 0; user < start.length; user++) {
            boolean solved = user == 0 || user == 5 || user == 6 || user == only[3];
            assertThat(listed[user]).as("user %d", user).isEqualTo(solved ? alone[user] : start[user]);
        }
        assertThat(alone[1]).isNotEqualTo(start[1]);
    }

    /** Each row of {@code solved} against a Cholesky solve of its system in double. */
    private static void assertExact(float[][] solved, int[] offsets, int[] columns, int[] repeats, float[][] fixed,
            IalsRecipe.HyperParameters parameters) {
        int k = parameters.factors();
        double[][] gram = new double[k][k];
        for (float[] f : fixed) {
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    gram[r][c] += (double) f[r] * f[c];
                }
            }
        }
        for (int row = 0; row < solved.length; row++) {
            int n = offsets[row + 1] - offsets[row];
            double[][] a = new double[k][];
            for (int r = 0; r < k; r++) {
                a[r] = gram[r].clone();
                a[r][r] += parameters.regularization() * Math.pow(n, parameters.regularizationExponent());
            }
            double[] b = new double[k];
            for (int e = offsets[row]; e < offsets[row + 1]; e++) {
                float[] f = fixed[columns[e]];
                double w = parameters.alpha() * repeats[e];
                for (int r = 0; r < k; r++) {
                    b[r] += (1 + w) * f[r];
                    for (int c = 0; c < k; c++) {
                        a[r][c] += w * f[r] * f[c];
                    }
                }
            }
            double[] exact = Cholesky.solve(a, b);
            double scale = 0;
            for (double value : exact) {
                scale = Math.max(scale, Math.abs(value));
            }
            for (int r = 0; r < k; r++) {
                assertThat((double) solved[row][r]).as("row %d (%d interactions), factor %d of %d, seed %d", row, n, r,
                        k, SEED).isCloseTo(exact[r], within(2e-3 * Math.max(scale, 1e-3)));
            }
        }
    }

    private static int[] rowLengths(int[] offsets) {
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (int row = 0; row + 1 < offsets.length; row++) {
            shortest = Math.min(shortest, offsets[row + 1] - offsets[row]);
            longest = Math.max(longest, offsets[row + 1] - offsets[row]);
        }
        return new int[] {shortest, longest};
    }

    private static int maxRepeat(int[] repeats) {
        int max = 0;
        for (int repeat : repeats) {
            max = Math.max(max, repeat);
        }
        return max;
    }

    private static float[][] randomVectors(int rows, int k, SplittableRandom random) {
        float[][] vectors = new float[rows][k];
        for (float[] vector : vectors) {
            for (int f = 0; f < k; f++) {
                vector[f] = (float) (random.nextDouble() - 0.5);
            }
        }
        return vectors;
    }

    private static float[][] copy(float[][] vectors) {
        float[][] copy = new float[vectors.length][];
        for (int row = 0; row < vectors.length; row++) {
            copy[row] = vectors[row].clone();
        }
        return copy;
    }
}
