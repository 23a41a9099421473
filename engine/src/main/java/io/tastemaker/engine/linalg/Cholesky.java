package io.tastemaker.engine.linalg;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Cholesky factorisation and inversion of dense symmetric positive definite matrices, in place, in
 * plain Java.
 *
 * <p>A matrix of order {@code n} is a {@code double[n][n]}, one array per row. Only the lower
 * triangle ({@code a[i][j]} with {@code j <= i}) is read, so the upper triangle may hold anything.
 *
 * <p>The algorithms are LAPACK's blocked ones ({@code potrf}, {@code trtri}, {@code lauum}). Almost
 * all of the {@code n³} floating-point operations of an inversion are row updates
 * {@code y[j] += alpha * x[j]} over a range of {@code j}, with the same index on both rows, which is
 * the loop shape the JIT vectorises (a flat row-major array with two different row offsets is not:
 * it measured five times slower). Updates run in tiles of {@value #BLOCK} rows by {@value #WIDTH}
 * columns that keep their operands in the L1 and L2 caches. Tiles are independent, run on the given
 * pool, and each element's sum is accumulated in a fixed order, so the result does not depend on the
 * number of threads.
 */
public final class Cholesky {

    /** Rows per panel and per tile (the block size of the recursion). */
    static final int BLOCK = 64;
    /** Columns per tile. */
    static final int WIDTH = 512;
    /** Rows of the right-hand operand per cache block. */
    static final int DEPTH = 128;

    private Cholesky() {
    }

    /**
     * Solves {@code A x = b} for a symmetric positive definite {@code A} (its lower triangle is
     * read, then replaced by its factor) and returns {@code x}; for the small systems of a single
     * row (a user's factors), on the calling thread.
     *
     * @throws IllegalArgumentException if {@code a} is not square, {@code b} has another length, or
     *     {@code a} is not (numerically) positive definite
     */
    public static double[] solve(double[][] a, double[] b) {
        int n = order(a);
        if (b.length != n) {
            throw new IllegalArgumentException("b has " + b.length + " entries for a matrix of order " + n);
        }
        factor(a, null);
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double sum = x[i];
            double[] row = a[i];
            for (int j = 0; j < i; j++) {
                sum -= row[j] * x[j];
            }
            x[i] = sum / row[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int j = i + 1; j < n; j++) {
                sum -= a[j][i] * x[j];
            }
            x[i] = sum / a[i][i];
        }
        return x;
    }

    /**
     * Replaces the lower triangle of {@code a} with its Cholesky factor {@code L}
     * ({@code A = L Lᵀ}, positive diagonal). The upper triangle is left as it was.
     *
     * @param pool where to run tiles, or {@code null} for the calling thread
     * @throws IllegalArgumentException if {@code a} is not square, or not (numerically) positive
     *     definite; then {@code a} is partly overwritten
     */
    public static void factor(double[][] a, ForkJoinPool pool) {
        int n = order(a);
        double[][] panel = new double[BLOCK][n];
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int from = k0;
            int k1 = Math.min(k0 + BLOCK, n);
            int kb = k1 - k0;
            factorDiagonalBlock(a, k0, k1);
            int rows = n - k1;
            if (rows == 0) {
                break;
            }
            // The panel below the diagonal block, L21 = A21 L11⁻ᵀ, row by row; each task also copies
            // its rows of L21 into the transposed panel that the trailing update reads.
            int rowBlocks = (rows + BLOCK - 1) / BLOCK;
            Parallel.forEach(pool, rowBlocks, t -> {
                int r0 = k1 + t * BLOCK;
                int r1 = Math.min(r0 + BLOCK, n);
                solvePanelRows(a, from, k1, r0, r1);
                for (int i = r0; i < r1; i++) {
                    double[] row = a[i];
                    for (int p = 0; p < kb; p++) {
                        panel[p][i] = row[from + p];
                    }
                }
            });
            // The trailing update A22 -= L21 L21ᵀ, lower triangle only.
            int[] tiles = lowerTiles(k1, n, rowBlocks);
            Parallel.forEach(pool, tiles.length / 2, t -> {
                int r0 = k1 + tiles[2 * t] * BLOCK;
                int c0 = tiles[2 * t + 1];
                updateTrailingTile(a, panel, from, kb, r0, Math.min(r0 + BLOCK, n), c0, Math.min(c0 + WIDTH, n));
            });
        }
    }

    /**
     * Replaces the symmetric positive definite {@code a} (lower triangle read) with its whole
     * inverse, both triangles.
     *
     * @param pool where to run tiles, or {@code null} for the calling thread
     * @throws IllegalArgumentException as {@link #factor}
     */
    public static void invert(double[][] a, ForkJoinPool pool) {
        factor(a, pool);
        invertLowerTriangular(a, pool);
        multiplyTransposeByItself(a, pool);
        symmetrize(a, pool);
    }

    /**
     * Replaces the lower triangular {@code L} in the lower triangle of {@code a} with
     * {@code W = L⁻¹}, block row by block row from the top (LAPACK {@code trtri}).
     */
    static void invertLowerTriangular(double[][] a, ForkJoinPool pool) {
        int n = order(a);
        double[][] rowsL = new double[BLOCK][];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int ib = i1 - i0;
            for (int r = 0; r < ib; r++) {
                rowsL[r] = Arrays.copyOf(a[i0 + r], i1);
            }
            // Task 0 inverts the diagonal block; task t > 0 computes chunk t - 1 of the columns left
            // of it, W[I, C] = -L[I, I]⁻¹ (L[I, 0:i0] W[0:i0, C]), in the rows of block I (whose L is
            // now in rowsL).
            int from = i0;
            int chunks = (i0 + WIDTH - 1) / WIDTH;
            Parallel.forEach(pool, chunks + 1, t -> {
                if (t == 0) {
                    invertDiagonalBlock(a, rowsL, from, ib);
                } else {
                    int c0 = (t - 1) * WIDTH;
                    offDiagonalInverse(a, rowsL, from, ib, c0, Math.min(c0 + WIDTH, from));
                }
            });
        }
    }

    /**
     * Replaces the lower triangular {@code W} in the lower triangle of {@code a} with the lower
     * triangle of {@code Wᵀ W} (LAPACK {@code lauum}, transposed), block row by block row from the
     * top: block row {@code I} of the product needs rows {@code >= I} of {@code W} only.
     */
    static void multiplyTransposeByItself(double[][] a, ForkJoinPool pool) {
        int n = order(a);
        double[][] out = new double[BLOCK][n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int ib = i1 - i0;
            for (int r = 0; r < ib; r++) {
                Arrays.fill(out[r], 0, i0 + r + 1, 0.0);
            }
            int from = i0;
            int chunks = (i1 + WIDTH - 1) / WIDTH;
            Parallel.forEach(pool, chunks, t -> {
                int c0 = t * WIDTH;
                productTile(a, out, from, ib, c0, Math.min(c0 + WIDTH, i1));
            });
            for (int r = 0; r < ib; r++) {
                System.arraycopy(out[r], 0, a[i0 + r], 0, i0 + r + 1);
            }
        }
    }

    /** Copies the lower triangle of {@code a} onto the upper triangle. */
    static void symmetrize(double[][] a, ForkJoinPool pool) {
        int n = order(a);
        int blocks = (n + BLOCK - 1) / BLOCK;
        Parallel.forEach(pool, blocks, b -> {
            // Block row b of the upper triangle, read from block column b of the lower triangle in
            // BLOCK x BLOCK squares so both stay in cache.
            int r0 = b * BLOCK;
            int r1 = Math.min(r0 + BLOCK, n);
            for (int c0 = r0; c0 < n; c0 += BLOCK) {
                int c1 = Math.min(c0 + BLOCK, n);
                for (int i = r0; i < r1; i++) {
                    double[] row = a[i];
                    for (int j = Math.max(c0, i + 1); j < c1; j++) {
                        row[j] = a[j][i];
                    }
                }
            }
        });
    }

    /** The order of the square matrix {@code a}. */
    private static int order(double[][] a) {
        Objects.requireNonNull(a, "a");
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("A matrix of order " + n + " needs " + n + " rows of " + n
                        + " elements; row " + i + " has " + (a[i] == null ? "none" : a[i].length));
            }
        }
        return n;
    }

    /** The (row block, first column) pairs of the tiles covering the lower triangle of [start, n)². */
    private static int[] lowerTiles(int start, int n, int rowBlocks) {
        int count = 0;
        for (int rb = 0; rb < rowBlocks; rb++) {
            int rowEnd = Math.min(start + (rb + 1) * BLOCK, n);
            count += (rowEnd - start + WIDTH - 1) / WIDTH;
        }
        int[] tiles = new int[2 * count];
        int t = 0;
        for (int rb = 0; rb < rowBlocks; rb++) {
            int rowEnd = Math.min(start + (rb + 1) * BLOCK, n);
            for (int c0 = start; c0 < rowEnd; c0 += WIDTH) {
                tiles[t++] = rb;
                tiles[t++] = c0;
            }
        }
        return tiles;
    }

    /** Unblocked Cholesky of the diagonal block [k0, k1)², after all earlier panels' updates. */
    private static void factorDiagonalBlock(double[][] a, int k0, int k1) {
        for (int j = k0; j < k1; j++) {
            double[] rowJ = a[j];
            double d = rowJ[j];
            for (int p = k0; p < j; p++) {
                d -= rowJ[p] * rowJ[p];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("Matrix is not positive definite: pivot " + j + " is " + d);
            }
            double diagonal = Math.sqrt(d);
            rowJ[j] = diagonal;
            for (int i = j + 1; i < k1; i++) {
                double[] rowI = a[i];
                double s = rowI[j];
                for (int p = k0; p < j; p++) {
                    s -= rowI[p] * rowJ[p];
                }
                rowI[j] = s / diagonal;
            }
        }
    }

    /** Rows [r0, r1) of the panel: solves x L11ᵀ = a for each row, columns [k0, k1). */
    private static void solvePanelRows(double[][] a, int k0, int k1, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            double[] rowI = a[i];
            for (int j = k0; j < k1; j++) {
                double[] rowJ = a[j];
                double s = rowI[j];
                for (int p = k0; p < j; p++) {
                    s -= rowI[p] * rowJ[p];
                }
                rowI[j] = s / rowJ[j];
            }
        }
    }

    /** a[i][j] -= sum_p L[i][k0 + p] L[j][k0 + p] for rows [r0, r1), columns [c0, min(c1, i + 1)). */
    private static void updateTrailingTile(double[][] a, double[][] panel, int k0, int kb,
            int r0, int r1, int c0, int c1) {
        for (int i = r0; i < r1; i++) {
            int end = Math.min(c1, i + 1);
            if (end <= c0) {
                continue;
            }
            double[] rowI = a[i];
            int p = 0;
            for (; p + 4 <= kb; p += 4) {
                axpy4(-rowI[k0 + p], panel[p], -rowI[k0 + p + 1], panel[p + 1],
                        -rowI[k0 + p + 2], panel[p + 2], -rowI[k0 + p + 3], panel[p + 3], rowI, c0, end);
            }
            for (; p < kb; p++) {
                axpy(-rowI[k0 + p], panel[p], rowI, c0, end);
            }
        }
    }

    /** W[I, I] = L[I, I]⁻¹ for the block row starting at {@code i0}, from the copy {@code rowsL}. */
    private static void invertDiagonalBlock(double[][] a, double[][] rowsL, int i0, int ib) {
        for (int r = 0; r < ib; r++) {
            double[] l = rowsL[r];
            double[] out = a[i0 + r];
            double diagonal = l[i0 + r];
            for (int c = 0; c < r; c++) {
                double s = 0;
                for (int q = c; q < r; q++) {
                    s -= l[i0 + q] * a[i0 + q][i0 + c];
                }
                out[i0 + c] = s / diagonal;
            }
            out[i0 + r] = 1.0 / diagonal;
        }
    }

    /**
     * W[I, c0:c1] for the block row starting at {@code i0}, whose rows of L are in {@code rowsL}:
     * first T = L[I, c0:i0] W[c0:i0, C] (W[k][j] = 0 for j > k), accumulated in place of the block's
     * own rows, then W[I, C] = -L[I, I]⁻¹ T by forward substitution.
     */
    private static void offDiagonalInverse(double[][] a, double[][] rowsL, int i0, int ib, int c0, int c1) {
        for (int r = 0; r < ib; r++) {
            Arrays.fill(a[i0 + r], c0, c1, 0.0);
        }
        for (int k0 = c0; k0 < i0; k0 += DEPTH) {
            int k1 = Math.min(k0 + DEPTH, i0);
            for (int r = 0; r < ib; r++) {
                double[] l = rowsL[r];
                double[] t = a[i0 + r];
                int k = k0;
                for (; k < k1 && k + 1 < c1; k++) {
                    axpy(l[k], a[k], t, c0, k + 1);
                }
                for (; k + 4 <= k1; k += 4) {
                    axpy4(l[k], a[k], l[k + 1], a[k + 1], l[k + 2], a[k + 2], l[k + 3], a[k + 3], t, c0, c1);
                }
                for (; k < k1; k++) {
                    axpy(l[k], a[k], t, c0, c1);
                }
            }
        }
        for (int r = 0; r < ib; r++) {
            double[] l = rowsL[r];
            double[] t = a[i0 + r];
            for (int j = c0; j < c1; j++) {
                t[j] = -t[j];
            }
            for (int q = 0; q < r; q++) {
                axpy(-l[i0 + q], a[i0 + q], t, c0, c1);
            }
            double inverse = 1.0 / l[i0 + r];
            for (int j = c0; j < c1; j++) {
                t[j] *= inverse;
            }
        }
    }

    /** out[r][j] = sum_{k >= i} W[k][i] W[k][j] for i = i0 + r, j in [c0, min(c1, i + 1)). */
    private static void productTile(double[][] a, double[][] out, int i0, int ib, int c0, int c1) {
        int n = a.length;
        for (int k0 = i0; k0 < n; k0 += DEPTH) {
            int k1 = Math.min(k0 + DEPTH, n);
            for (int r = 0; r < ib; r++) {
                int i = i0 + r;
                int end = Math.min(c1, i + 1);
                if (end <= c0 || i >= k1) {
                    continue;
                }
                double[] o = out[r];
                int k = Math.max(k0, i);
                for (; k + 4 <= k1; k += 4) {
                    double[] w0 = a[k];
                    double[] w1 = a[k + 1];
                    double[] w2 = a[k + 2];
                    double[] w3 = a[k + 3];
                    axpy4(w0[i], w0, w1[i], w1, w2[i], w2, w3[i], w3, o, c0, end);
                }
                for (; k < k1; k++) {
                    double[] w = a[k];
                    axpy(w[i], w, o, c0, end);
                }
            }
        }
    }

    /**
     * y[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j] for j in [from, to): four row updates
     * for one load and store of {@code y}, which is what limits {@link #axpy}.
     */
    private static void axpy4(double a0, double[] x0, double a1, double[] x1, double a2, double[] x2,
            double a3, double[] x3, double[] y, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
        }
    }

    /** y[j] += alpha * x[j] for j in [from, to). */
    private static void axpy(double alpha, double[] x, double[] y, int from, int to) {
        for (int j = from; j < to; j++) {
            y[j] += alpha * x[j];
        }
    }
}
