package io.tastemaker.engine.linalg;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * Cholesky factorisation and inversion of dense symmetric positive definite matrices, in place, in
 * plain Java.
 *
 * <p>A matrix of order {@code n} is a {@code double[n * n]} in row-major order (element
 * {@code (i, j)} at {@code i * n + j}). Only the lower triangle ({@code j <= i}) is read, so the
 * upper triangle may hold anything.
 *
 * <p>The algorithms are the blocked ones of LAPACK ({@code potrf}, {@code trtri}, {@code lauum}):
 * almost all of the {@code n³} floating-point operations of an inversion happen in updates of the
 * form {@code c[j] -= l * b[j]} over a row segment, which the JIT vectorises, in tiles sized to stay
 * in the L1 and L2 caches. Tiles are independent, run on the given pool, and each element's sum is
 * accumulated in a fixed order, so the result does not depend on the number of threads.
 */
public final class Cholesky {

    /** Rows per panel (the block size of the recursion). */
    static final int BLOCK = 64;
    /** Columns per tile. */
    static final int WIDTH = 512;
    /** Rows of the right-hand operand per cache block. */
    static final int DEPTH = 128;

    private Cholesky() {
    }

    /**
     * Replaces the lower triangle of {@code a} with its Cholesky factor {@code L}
     * ({@code A = L Lᵀ}, positive diagonal). The upper triangle is left as it was.
     *
     * @param pool where to run tiles, or {@code null} for the calling thread
     * @throws IllegalArgumentException if {@code a.length != n * n}, or the matrix is not
     *     (numerically) positive definite; then {@code a} is partly overwritten
     */
    public static void factor(double[] a, int n, ForkJoinPool pool) {
        checkShape(a, n);
        double[] panel = new double[BLOCK * n];
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int from = k0;
            int k1 = Math.min(k0 + BLOCK, n);
            int kb = k1 - k0;
            factorDiagonalBlock(a, n, k0, k1);
            int rows = n - k1;
            if (rows == 0) {
                break;
            }
            int start = k1;
            // The panel below the diagonal block: L21 = A21 L11⁻ᵀ, row by row; each task also copies
            // its rows of L21 into the transposed panel that the trailing update reads.
            int panelTasks = (rows + BLOCK - 1) / BLOCK;
            Parallel.forEach(pool, panelTasks, t -> {
                int r0 = start + t * BLOCK;
                int r1 = Math.min(r0 + BLOCK, n);
                solvePanelRows(a, n, from, from + kb, r0, r1);
                for (int i = r0; i < r1; i++) {
                    for (int p = 0; p < kb; p++) {
                        panel[p * n + i] = a[i * n + from + p];
                    }
                }
            });
            // The trailing update: A22 -= L21 L21ᵀ, lower triangle only.
            int rowBlocks = (rows + BLOCK - 1) / BLOCK;
            int[] tiles = lowerTiles(start, n, rowBlocks);
            Parallel.forEach(pool, tiles.length / 2, t -> {
                int r0 = start + tiles[2 * t] * BLOCK;
                int c0 = tiles[2 * t + 1];
                updateTrailingTile(a, n, panel, from, kb, r0, Math.min(r0 + BLOCK, n), c0, Math.min(c0 + WIDTH, n));
            });
        }
    }

    /**
     * Replaces the lower triangle of the symmetric positive definite {@code a} with the lower
     * triangle of its inverse, and copies it to the upper triangle, so {@code a} ends up holding the
     * whole inverse.
     *
     * @param pool where to run tiles, or {@code null} for the calling thread
     * @throws IllegalArgumentException as {@link #factor}
     */
    public static void invert(double[] a, int n, ForkJoinPool pool) {
        factor(a, n, pool);
        invertLowerTriangular(a, n, pool);
        multiplyTransposeByItself(a, n, pool);
        symmetrize(a, n, pool);
    }

    /**
     * Replaces the lower triangular {@code L} in the lower triangle of {@code a} with
     * {@code L⁻¹}, block row by block row (LAPACK {@code trtri}).
     */
    static void invertLowerTriangular(double[] a, int n, ForkJoinPool pool) {
        checkShape(a, n);
        double[] rowsL = new double[BLOCK * n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int ib = i1 - i0;
            for (int r = 0; r < ib; r++) {
                System.arraycopy(a, (i0 + r) * n, rowsL, r * n, i1);
            }
            // Task 0 inverts the diagonal block; task t > 0 computes the columns of chunk t - 1 left
            // of it: W[I, C] = -L[I, I]⁻¹ (L[I, 0:i0] W[0:i0, C]).
            int chunks = (i0 + WIDTH - 1) / WIDTH;
            int from = i0;
            Parallel.forEach(pool, chunks + 1, t -> {
                if (t == 0) {
                    invertDiagonalBlock(a, n, rowsL, from, ib);
                } else {
                    int c0 = (t - 1) * WIDTH;
                    offDiagonalInverse(a, n, rowsL, from, ib, c0, Math.min(c0 + WIDTH, from));
                }
            });
        }
    }

    /**
     * Replaces the lower triangular {@code W} in the lower triangle of {@code a} with the lower
     * triangle of {@code Wᵀ W} (LAPACK {@code lauum}, transposed), block row by block row from the
     * top: block row {@code I} of the product needs rows {@code >= I} of {@code W} only.
     */
    static void multiplyTransposeByItself(double[] a, int n, ForkJoinPool pool) {
        checkShape(a, n);
        double[] out = new double[BLOCK * n];
        for (int i0 = 0; i0 < n; i0 += BLOCK) {
            int i1 = Math.min(i0 + BLOCK, n);
            int ib = i1 - i0;
            Arrays.fill(out, 0, ib * n, 0.0);
            int chunks = (i1 + WIDTH - 1) / WIDTH;
            int from = i0;
            Parallel.forEach(pool, chunks, t -> {
                int c0 = t * WIDTH;
                productTile(a, n, out, from, ib, c0, Math.min(c0 + WIDTH, i1));
            });
            for (int r = 0; r < ib; r++) {
                System.arraycopy(out, r * n, a, (i0 + r) * n, i0 + r + 1);
            }
        }
    }

    /** Copies the lower triangle of {@code a} onto the upper triangle. */
    static void symmetrize(double[] a, int n, ForkJoinPool pool) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        Parallel.forEach(pool, blocks, b -> {
            // Block row b of the upper triangle: rows [r0, r1), columns > row, read from column b
            // of the lower triangle in BLOCK x BLOCK squares so both sides stay in cache.
            int r0 = b * BLOCK;
            int r1 = Math.min(r0 + BLOCK, n);
            for (int c0 = r0; c0 < n; c0 += BLOCK) {
                int c1 = Math.min(c0 + BLOCK, n);
                for (int i = r0; i < r1; i++) {
                    for (int j = Math.max(c0, i + 1); j < c1; j++) {
                        a[i * n + j] = a[j * n + i];
                    }
                }
            }
        });
    }

    private static void checkShape(double[] a, int n) {
        Objects.requireNonNull(a, "a");
        if (n < 0 || (long) n * n != a.length) {
            throw new IllegalArgumentException("A matrix of order " + n + " needs " + ((long) n * n)
                    + " elements, got " + a.length);
        }
    }

    /** The (row block, column start) pairs of the tiles covering the lower triangle of [start, n)². */
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
    private static void factorDiagonalBlock(double[] a, int n, int k0, int k1) {
        for (int j = k0; j < k1; j++) {
            int rowJ = j * n;
            double d = a[rowJ + j];
            for (int p = k0; p < j; p++) {
                d -= a[rowJ + p] * a[rowJ + p];
            }
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("Matrix is not positive definite: pivot " + j + " is " + d);
            }
            double diagonal = Math.sqrt(d);
            a[rowJ + j] = diagonal;
            for (int i = j + 1; i < k1; i++) {
                int rowI = i * n;
                double s = a[rowI + j];
                for (int p = k0; p < j; p++) {
                    s -= a[rowI + p] * a[rowJ + p];
                }
                a[rowI + j] = s / diagonal;
            }
        }
    }

    /** Rows [r0, r1) of the panel: solves x L11ᵀ = a for each row, columns [k0, k1). */
    private static void solvePanelRows(double[] a, int n, int k0, int k1, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            int rowI = i * n;
            for (int j = k0; j < k1; j++) {
                int rowJ = j * n;
                double s = a[rowI + j];
                for (int p = k0; p < j; p++) {
                    s -= a[rowI + p] * a[rowJ + p];
                }
                a[rowI + j] = s / a[rowJ + j];
            }
        }
    }

    /** a[i][j] -= sum_p L[i][k0 + p] * L[j][k0 + p] for rows [r0, r1), columns [c0, min(c1, i + 1)). */
    private static void updateTrailingTile(double[] a, int n, double[] panel, int k0, int kb,
            int r0, int r1, int c0, int c1) {
        for (int i = r0; i < r1; i++) {
            int end = Math.min(c1, i + 1);
            if (end <= c0) {
                continue;
            }
            int rowI = i * n;
            for (int p = 0; p < kb; p++) {
                axpy(-a[rowI + k0 + p], panel, p * n, a, rowI, c0, end);
            }
        }
    }

    /** W[I, I] = L[I, I]⁻¹ for the block row starting at {@code i0}, from the copy {@code rowsL}. */
    private static void invertDiagonalBlock(double[] a, int n, double[] rowsL, int i0, int ib) {
        for (int r = 0; r < ib; r++) {
            int out = (i0 + r) * n + i0;
            double diagonal = rowsL[r * n + i0 + r];
            for (int c = 0; c < r; c++) {
                double s = 0;
                for (int q = c; q < r; q++) {
                    s -= rowsL[r * n + i0 + q] * a[(i0 + q) * n + i0 + c];
                }
                a[out + c] = s / diagonal;
            }
            a[out + r] = 1.0 / diagonal;
        }
    }

    /** W[I, c0:c1] for the block row starting at {@code i0}, whose rows of L are in {@code rowsL}. */
    private static void offDiagonalInverse(double[] a, int n, double[] rowsL, int i0, int ib, int c0, int c1) {
        int width = c1 - c0;
        double[] t = new double[ib * width];
        // T = L[I, c0:i0] W[c0:i0, c0:c1]; W[k][j] = 0 for j > k.
        for (int k0 = c0; k0 < i0; k0 += DEPTH) {
            int k1 = Math.min(k0 + DEPTH, i0);
            for (int r = 0; r < ib; r++) {
                int lRow = r * n;
                int tRow = r * width - c0;
                for (int k = k0; k < k1; k++) {
                    axpy(rowsL[lRow + k], a, k * n, t, tRow, c0, Math.min(c1, k + 1));
                }
            }
        }
        // W[I, C] = -L[I, I]⁻¹ T, by forward substitution on the rows of T.
        for (int r = 0; r < ib; r++) {
            int tRow = r * width;
            for (int j = 0; j < width; j++) {
                t[tRow + j] = -t[tRow + j];
            }
            for (int q = 0; q < r; q++) {
                axpy(-rowsL[r * n + i0 + q], t, q * width - c0, t, tRow - c0, c0, c1);
            }
            double inverse = 1.0 / rowsL[r * n + i0 + r];
            for (int j = 0; j < width; j++) {
                t[tRow + j] *= inverse;
            }
            System.arraycopy(t, tRow, a, (i0 + r) * n + c0, width);
        }
    }

    /** out[r][j] = sum_{k >= i} W[k][i] W[k][j] for i = i0 + r, j in [c0, min(c1, i + 1)). */
    private static void productTile(double[] a, int n, double[] out, int i0, int ib, int c0, int c1) {
        for (int k0 = i0; k0 < n; k0 += DEPTH) {
            int k1 = Math.min(k0 + DEPTH, n);
            for (int r = 0; r < ib; r++) {
                int i = i0 + r;
                int end = Math.min(c1, i + 1);
                if (end <= c0 || i >= k1) {
                    continue;
                }
                for (int k = Math.max(k0, i); k < k1; k++) {
                    axpy(a[k * n + i], a, k * n, out, r * n, c0, end);
                }
            }
        }
    }

    /** y[yOff + j] += alpha * x[xOff + j] for j in [from, to). */
    private static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int from, int to) {
        for (int j = from; j < to; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }
}
