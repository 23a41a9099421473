package io.tastemaker.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    private static final long SEED = 20190513L;

    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        pool = Parallel.newPool("cholesky-test-", 3);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    @Test
    void solvesASmallSystem() {
        SplittableRandom random = new SplittableRandom(SEED);
        int n = 7;
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble() - 0.5;
            }
        }
        // A = M Mᵀ + I is symmetric positive definite.
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += m[i][k] * m[j][k];
                }
            }
            a[i][i] += 1;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i] += a[i][j] * x[j];
            }
        }

        double[] solved = Cholesky.solve(a, b);

        for (int i = 0; i < n; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-10));
        }
        assertThatThrownBy(() -> Cholesky.solve(new double[2][2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factorsTheTextbookMatrix() {
        // A = L Lᵀ with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]]; the upper triangle is never read.
        double[][] a = {
            {4, 99, 99},
            {12, 37, 99},
            {-16, -43, 98}};

        Cholesky.factor(a, null);

        assertThat(a[0]).containsExactly(new double[] {2, 99, 99}, within(1e-12));
        assertThat(a[1]).containsExactly(new double[] {6, 1, 99}, within(1e-12));
        assertThat(a[2]).containsExactly(new double[] {-8, 5, 3}, within(1e-12));
    }

    @Test
    void invertsTheTextbookMatrix() {
        double[][] a = {
            {4, 12, -16},
            {12, 37, -43},
            {-16, -43, 98}};

        Cholesky.invert(a, null);

        // (L⁻¹)ᵀ L⁻¹ with L⁻¹ = [[1/2, 0, 0], [-3, 1, 0], [19/3, -5/3, 1/3]], in exact fractions.
        assertThat(a[0]).containsExactly(new double[] {1777.0 / 36, -122.0 / 9, 19.0 / 9}, within(1e-12));
        assertThat(a[1]).containsExactly(new double[] {-122.0 / 9, 34.0 / 9, -5.0 / 9}, within(1e-12));
        assertThat(a[2]).containsExactly(new double[] {19.0 / 9, -5.0 / 9, 1.0 / 9}, within(1e-12));
    }

    @Test
    void invertsARandomMatrixSpanningSeveralBlocksAndTiles() {
        int n = Cholesky.WIDTH + Cholesky.BLOCK + 37;
        double[][] original = randomSpd(n, SEED);
        double[][] inverse = copy(original);

        Cholesky.invert(inverse, pool);

        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += original[i][k] * inverse[k][j];
                }
                worst = Math.max(worst, Math.abs(s - (i == j ? 1 : 0)));
                assertThat(inverse[i][j]).as("symmetric at (%d, %d), seed %d", i, j, SEED)
                        .isEqualTo(inverse[j][i]);
            }
        }
        assertThat(worst).as("max |A A⁻¹ - I|, seed %d", SEED).isLessThan(1e-10);
    }

    @Test
    void givesBitIdenticalResultsOnAnyNumberOfThreads() {
        int n = 2 * Cholesky.BLOCK + Cholesky.WIDTH + 5;
        double[][] sequential = randomSpd(n, SEED + 1);
        double[][] parallel = copy(sequential);

        Cholesky.invert(sequential, null);
        Cholesky.invert(parallel, pool);

        assertThat(parallel).isDeepEqualTo(sequential);
    }

    @Test
    void rejectsAMatrixThatIsNotPositiveDefinite() {
        double[][] a = {
            {1, 0},
            {2, 1}};

        assertThatThrownBy(() -> Cholesky.factor(a, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite");
    }

    @Test
    void rejectsAnArrayOfTheWrongSize() {
        assertThatThrownBy(() -> Cholesky.factor(new double[][] {{1, 0}, {0}}, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 1 has 1");
    }

    /** M Mᵀ + n I for a random M: symmetric and well conditioned. */
    private static double[][] randomSpd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += m[i][k] * m[j][k];
                }
                a[i][j] = s;
                a[j][i] = s;
            }
            a[i][i] += n;
        }
        return a;
    }

    private static double[][] copy(double[][] a) {
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }
}
