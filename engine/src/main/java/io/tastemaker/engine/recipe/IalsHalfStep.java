package io.tastemaker.engine.recipe;

import io.tastemaker.engine.linalg.Parallel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * One half-step of {@link IalsRecipe}: every row of one side (or the listed rows) re-solved given
 * the other side, fixed, by warm-started conjugate gradient on the row's system
 * {@code (FᵀF + λ·n^e·I + Σ (c − 1) f fᵀ) x = Σ c f}, where the sums run over the row's
 * interactions, {@code f} being the fixed side's vector of the interaction's column.
 *
 * <p>Where the time goes, and how the loops are written for it. Vectors are {@code float[]} rows of
 * a {@code float[][]}, not offsets into one array: C2 (JDK 17) turns a loop into SIMD instructions
 * only when every array in it is indexed by the same expression, and two offsets into arrays that
 * might be the same array defeat it. A conjugate gradient step of a row with {@code n}
 * interactions needs the {@code n} projections {@code q_j = f_j · p} and then
 * {@code Σ w_j q_j f_j}. The second is a sum of rows, added four at a time
 * ({@link #addRows}), which vectorises over the factors. The first is {@code n} dot products, whose
 * float sums C2 does not vectorise (it may not reorder them); so for rows with at least
 * {@value #MIN_TRANSPOSED} interactions the row's fixed vectors are first copied into a
 * transposed per-thread buffer ({@code factors} arrays of {@code n} floats), once per half-step,
 * and every projection is then a loop over the {@code n} interactions, four factors at a time
 * ({@link #project}), which vectorises. Shorter rows use dot products, where the copy would not pay.
 * {@code FᵀF} times a vector is also a sum of rows. Measured per interaction and pass (64 factors,
 * one core, CPU time): a dot product with offsets 33 ns and an axpy with offsets 37 ns (neither
 * vectorised) before; the transposed projection 5 ns, the four-row sum 8 ns, and the transposing
 * copy 33 ns once per half-step, now. Where a training's time goes now (JFR samples, one thread,
 * 64 factors, 3 steps): on 2 million synthetic interactions the transposing copy 28%, the row sums
 * 24%, the projections 16%, {@code FᵀF} times a vector 14%; on ml-latest-small, whose many items
 * have a handful of interactions each, {@code FᵀF} times a vector 27% (four {@code k × k}
 * products per row, whatever its length), then the copy, the row sums and the dot products, 9 to
 * 13% each.
 *
 * <p>Determinism: a row's arithmetic depends only on its own data (which path it takes depends only
 * on its number of interactions), never on the thread, the chunk or the scratch buffer that
 * computes it, and float arithmetic in Java does not depend on whether the code was compiled or
 * vectorised, so the result is bit-identical on any number of threads. {@code FᵀF} is summed over
 * fixed blocks of rows in a fixed order.
 */
final class IalsHalfStep {

    /** Rows with at least this many interactions compute their projections from a transposed copy. */
    static final int MIN_TRANSPOSED = 16;
    /** Rows per block of the Gram matrix's fixed-order sum (blocks run in parallel). */
    static final int GRAM_BLOCK = 2048;
    /** Rows summed in float within a Gram block before the partial sum is added to the block's doubles. */
    private static final int GRAM_FLOAT_ROWS = 128;
    /** The transposed buffer holds at most this many floats (per thread); longer rows use dot products. */
    private static final int MAX_TRANSPOSED_FLOATS = 1 << 22;
    /** Parallel chunks per thread: enough for idle threads to steal work from slow ones. */
    private static final int CHUNKS_PER_THREAD = 24;
    /** A row's cost, in interactions, besides its interactions: the Gram products and the vector updates. */
    private static final int ROW_COST = 12;

    private IalsHalfStep() {
    }

    /** Copies {@code rows} vectors of length {@code k} from row-major {@code flat} into one array each. */
    static float[][] rows(float[] flat, int rows, int k) {
        float[][] result = new float[rows][k];
        for (int row = 0; row < rows; row++) {
            System.arraycopy(flat, row * k, result[row], 0, k);
        }
        return result;
    }

    /** The vectors of {@code rows}, row after row in one array. */
    static float[] flat(float[][] rows, int k) {
        float[] result = new float[Math.multiplyExact(rows.length, k)];
        for (int row = 0; row < rows.length; row++) {
            System.arraycopy(rows[row], 0, result, row * k, k);
        }
        return result;
    }

    /**
     * Solves the rows of {@code target} (all, or those listed in {@code only}) given {@code fixed}.
     *
     * @param offsets CSR offsets of the target side's rows
     * @param columns the fixed side's row of each interaction
     * @param repeats the repeats of each interaction
     * @param only the rows to solve, or {@code null} for every row
     * @param scratch per-thread buffers, shared by the half-steps of one training
     */
    static void solve(float[][] target, int[] only, int[] offsets, int[] columns, int[] repeats, float[][] fixed,
            IalsRecipe.HyperParameters parameters, ForkJoinPool pool, Scratch scratch) {
        int k = parameters.factors();
        float[][] gram = gram(fixed, k, pool);
        double lambda = parameters.regularization();
        double exponent = parameters.regularizationExponent();
        float alpha = (float) parameters.alpha();
        int steps = parameters.cgSteps();
        int rows = only == null ? offsets.length - 1 : only.length;
        int[] chunks = chunks(rows, only, offsets, pool == null ? 1 : pool.getParallelism());
        Parallel.forEach(pool, chunks.length - 1, t -> {
            Workspace work = scratch.take(k);
            try {
                for (int i = chunks[t]; i < chunks[t + 1]; i++) {
                    int row = only == null ? i : only[i];
                    float penalty = (float) (lambda * Math.pow(offsets[row + 1] - offsets[row], exponent));
                    conjugateGradient(target[row], offsets[row], offsets[row + 1], columns, repeats, fixed, gram,
                            penalty, alpha, steps, work);
                }
            } finally {
                scratch.give(work);
            }
        });
    }

    /**
     * Boundaries of contiguous ranges of the rows to solve, of about equal cost (interactions plus
     * {@value #ROW_COST} per row), so that a few heavy rows do not leave a thread waiting.
     */
    private static int[] chunks(int rows, int[] only, int[] offsets, int threads) {
        long total = 0;
        for (int i = 0; i < rows; i++) {
            int row = only == null ? i : only[i];
            total += offsets[row + 1] - offsets[row] + ROW_COST;
        }
        long target = Math.max(1, total / ((long) threads * CHUNKS_PER_THREAD));
        int[] bounds = new int[Math.min(rows, threads * CHUNKS_PER_THREAD * 2) + 2];
        int count = 0;
        long sum = 0;
        for (int i = 0; i < rows; i++) {
            int row = only == null ? i : only[i];
            sum += offsets[row + 1] - offsets[row] + ROW_COST;
            if (sum >= target && i + 1 < rows && count + 2 < bounds.length) {
                bounds[++count] = i + 1;
                sum = 0;
            }
        }
        bounds[++count] = rows;
        return Arrays.copyOf(bounds, count + 1);
    }

    /**
     * {@code steps} conjugate gradient steps on one row's system, from the row's current value
     * {@code x}; {@code gram} is {@code FᵀF}, {@code penalty} the row's {@code λ·n^e}.
     */
    private static void conjugateGradient(float[] x, int from, int to, int[] columns, int[] repeats, float[][] fixed,
            float[][] gram, float penalty, float alpha, int steps, Workspace work) {
        int k = x.length;
        int n = to - from;
        work.reserve(n);
        float[] q = work.q;
        float[] s = work.s;
        float[] w = work.w;
        float[] r = work.r;
        float[] p = work.p;
        float[] ap = work.ap;
        boolean transposed = n >= MIN_TRANSPOSED && (long) n * k <= MAX_TRANSPOSED_FLOATS;
        if (transposed) {
            work.transpose(fixed, columns, from, n);
        }
        for (int j = 0; j < n; j++) {
            w[j] = alpha * repeats[from + j];
        }

        // r = b − A x = −(G + penalty·I) x + Σ (c − (c − 1) f·x) f, with c − 1 = w
        project(x, q, columns, from, n, fixed, transposed, work.columns);
        for (int j = 0; j < n; j++) {
            s[j] = 1 + w[j] - w[j] * q[j];
        }
        gramTimes(gram, x, r);
        for (int a = 0; a < k; a++) {
            r[a] = -(r[a] + penalty * x[a]);
        }
        addRows(r, s, columns, from, n, fixed);
        System.arraycopy(r, 0, p, 0, k);
        float rr = dot(r, r);
        for (int step = 0; step < steps && rr > 1e-20f; step++) {
            // ap = A p = (G + penalty·I) p + Σ (c − 1)(f·p) f
            project(p, q, columns, from, n, fixed, transposed, work.columns);
            for (int j = 0; j < n; j++) {
                s[j] = w[j] * q[j];
            }
            gramTimes(gram, p, ap);
            for (int a = 0; a < k; a++) {
                ap[a] += penalty * p[a];
            }
            addRows(ap, s, columns, from, n, fixed);
            float pap = dot(p, ap);
            if (!(pap > 0)) {
                break;
            }
            float length = rr / pap;
            for (int a = 0; a < k; a++) {
                x[a] += length * p[a];
                r[a] -= length * ap[a];
            }
            float next = dot(r, r);
            float beta = next / rr;
            for (int a = 0; a < k; a++) {
                p[a] = r[a] + beta * p[a];
            }
            rr = next;
        }
    }

    /**
     * {@code q[j] = f_j · v} for the row's {@code n} interactions: from the transposed copy
     * {@code t} (factor {@code a} of interaction {@code j} at {@code t[a][j]}), or by dot products.
     */
    private static void project(float[] v, float[] q, int[] columns, int from, int n, float[][] fixed,
            boolean transposed, float[][] t) {
        if (!transposed) {
            for (int j = 0; j < n; j++) {
                q[j] = dot(fixed[columns[from + j]], v);
            }
            return;
        }
        int k = v.length;
        int a = 0;
        if (k >= 4) {
            float v0 = v[0];
            float v1 = v[1];
            float v2 = v[2];
            float v3 = v[3];
            float[] t0 = t[0];
            float[] t1 = t[1];
            float[] t2 = t[2];
            float[] t3 = t[3];
            for (int j = 0; j < n; j++) {
                q[j] = v0 * t0[j] + v1 * t1[j] + v2 * t2[j] + v3 * t3[j];
            }
            a = 4;
        } else {
            Arrays.fill(q, 0, n, 0f);
        }
        for (; a + 3 < k; a += 4) {
            float v0 = v[a];
            float v1 = v[a + 1];
            float v2 = v[a + 2];
            float v3 = v[a + 3];
            float[] t0 = t[a];
            float[] t1 = t[a + 1];
            float[] t2 = t[a + 2];
            float[] t3 = t[a + 3];
            for (int j = 0; j < n; j++) {
                q[j] += v0 * t0[j] + v1 * t1[j] + v2 * t2[j] + v3 * t3[j];
            }
        }
        for (; a < k; a++) {
            float va = v[a];
            float[] ta = t[a];
            for (int j = 0; j < n; j++) {
                q[j] += va * ta[j];
            }
        }
    }

    /** {@code out += Σ_j s[j] · f_j} over the row's {@code n} interactions, four rows at a time. */
    private static void addRows(float[] out, float[] s, int[] columns, int from, int n, float[][] fixed) {
        int k = out.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float s0 = s[j];
            float s1 = s[j + 1];
            float s2 = s[j + 2];
            float s3 = s[j + 3];
            float[] f0 = fixed[columns[from + j]];
            float[] f1 = fixed[columns[from + j + 1]];
            float[] f2 = fixed[columns[from + j + 2]];
            float[] f3 = fixed[columns[from + j + 3]];
            for (int a = 0; a < k; a++) {
                out[a] += s0 * f0[a] + s1 * f1[a] + s2 * f2[a] + s3 * f3[a];
            }
        }
        for (; j < n; j++) {
            float sj = s[j];
            float[] f = fixed[columns[from + j]];
            for (int a = 0; a < k; a++) {
                out[a] += sj * f[a];
            }
        }
    }

    /** {@code out = G v} for the symmetric {@code G}, as a sum of its rows, four at a time. */
    static void gramTimes(float[][] gram, float[] v, float[] out) {
        int k = v.length;
        Arrays.fill(out, 0f);
        int a = 0;
        for (; a + 3 < k; a += 4) {
            float v0 = v[a];
            float v1 = v[a + 1];
            float v2 = v[a + 2];
            float v3 = v[a + 3];
            float[] g0 = gram[a];
            float[] g1 = gram[a + 1];
            float[] g2 = gram[a + 2];
            float[] g3 = gram[a + 3];
            for (int c = 0; c < k; c++) {
                out[c] += v0 * g0[c] + v1 * g1[c] + v2 * g2[c] + v3 * g3[c];
            }
        }
        for (; a < k; a++) {
            float va = v[a];
            float[] ga = gram[a];
            for (int c = 0; c < k; c++) {
                out[c] += va * ga[c];
            }
        }
    }

    /** {@code u · v} (same length), in four interleaved partial sums (a fixed order). */
    static float dot(float[] u, float[] v) {
        int k = u.length;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < k; i += 4) {
            s0 += u[i] * v[i];
            s1 += u[i + 1] * v[i + 1];
            s2 += u[i + 2] * v[i + 2];
            s3 += u[i + 3] * v[i + 3];
        }
        for (; i < k; i++) {
            s0 += u[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code FᵀF} as a symmetric {@code k × k} float matrix, one array per row. Blocks of
     * {@value #GRAM_BLOCK} rows are summed in parallel, each in double over partial float sums of
     * {@value #GRAM_FLOAT_ROWS} rows (whose loops vectorise); the blocks are added in order.
     */
    static float[][] gram(float[][] fixed, int k, ForkJoinPool pool) {
        int rows = fixed.length;
        int blocks = Math.max(1, (rows + GRAM_BLOCK - 1) / GRAM_BLOCK);
        double[][] partial = new double[blocks][];
        Parallel.forEach(pool, blocks, b -> {
            double[] sum = new double[k * k];
            float[][] part = new float[k][k];
            for (int start = b * GRAM_BLOCK, end = Math.min(start + GRAM_BLOCK, rows); start < end;
                    start += GRAM_FLOAT_ROWS) {
                int stop = Math.min(start + GRAM_FLOAT_ROWS, end);
                int row = start;
                for (; row + 3 < stop; row += 4) {
                    float[] y0 = fixed[row];
                    float[] y1 = fixed[row + 1];
                    float[] y2 = fixed[row + 2];
                    float[] y3 = fixed[row + 3];
                    for (int a = 0; a < k; a++) {
                        float[] pa = part[a];
                        float a0 = y0[a];
                        float a1 = y1[a];
                        float a2 = y2[a];
                        float a3 = y3[a];
                        for (int c = a; c < k; c++) {
                            pa[c] += a0 * y0[c] + a1 * y1[c] + a2 * y2[c] + a3 * y3[c];
                        }
                    }
                }
                for (; row < stop; row++) {
                    float[] y = fixed[row];
                    for (int a = 0; a < k; a++) {
                        float[] pa = part[a];
                        float ya = y[a];
                        for (int c = a; c < k; c++) {
                            pa[c] += ya * y[c];
                        }
                    }
                }
                for (int a = 0; a < k; a++) {
                    float[] pa = part[a];
                    for (int c = a; c < k; c++) {
                        sum[a * k + c] += pa[c];
                        pa[c] = 0;
                    }
                }
            }
            partial[b] = sum;
        });
        double[] total = partial[0];
        for (int b = 1; b < blocks; b++) {
            double[] sum = partial[b];
            for (int i = 0; i < total.length; i++) {
                total[i] += sum[i];
            }
        }
        float[][] gram = new float[k][k];
        for (int a = 0; a < k; a++) {
            for (int c = a; c < k; c++) {
                float value = (float) total[a * k + c];
                gram[a][c] = value;
                gram[c][a] = value;
            }
        }
        return gram;
    }

    /**
     * Per-thread scratch space, lent to one parallel task at a time and kept for the whole training,
     * so that rows allocate nothing. What a buffer held before never affects a result.
     */
    static final class Scratch {

        private final ArrayDeque<Workspace> free = new ArrayDeque<>();

        synchronized Workspace take(int k) {
            Workspace work = free.poll();
            return work != null && work.k == k ? work : new Workspace(k);
        }

        synchronized void give(Workspace work) {
            free.push(work);
        }
    }

    /** The buffers of one row's solve; those indexed by interaction grow with the longest row seen. */
    static final class Workspace {

        final int k;
        final float[] r;
        final float[] p;
        final float[] ap;
        /** Per interaction: projections, weights of the row sum, and {@code c − 1}. */
        float[] q = new float[0];
        float[] s = new float[0];
        float[] w = new float[0];
        /** Transposed fixed vectors: factor {@code a} of interaction {@code j} at {@code columns[a][j]}. */
        float[][] columns;

        Workspace(int k) {
            this.k = k;
            this.r = new float[k];
            this.p = new float[k];
            this.ap = new float[k];
            this.columns = new float[k][0];
        }

        /** Makes room for a row of {@code n} interactions. */
        void reserve(int n) {
            if (q.length < n) {
                int capacity = Math.max(n, Math.min(2 * q.length, Integer.MAX_VALUE - 8));
                q = new float[capacity];
                s = new float[capacity];
                w = new float[capacity];
            }
        }

        /** Copies the fixed vectors of the row's interactions into {@link #columns}, transposed. */
        void transpose(float[][] fixed, int[] ids, int from, int n) {
            if (columns[0].length < n) {
                int capacity = Math.max(n, Math.min(2 * columns[0].length, MAX_TRANSPOSED_FLOATS / k));
                for (int a = 0; a < k; a++) {
                    columns[a] = new float[capacity];
                }
            }
            float[][] t = columns;
            int j = 0;
            for (; j + 7 < n; j += 8) {
                float[] y0 = fixed[ids[from + j]];
                float[] y1 = fixed[ids[from + j + 1]];
                float[] y2 = fixed[ids[from + j + 2]];
                float[] y3 = fixed[ids[from + j + 3]];
                float[] y4 = fixed[ids[from + j + 4]];
                float[] y5 = fixed[ids[from + j + 5]];
                float[] y6 = fixed[ids[from + j + 6]];
                float[] y7 = fixed[ids[from + j + 7]];
                for (int a = 0; a < k; a++) {
                    float[] ta = t[a];
                    ta[j] = y0[a];
                    ta[j + 1] = y1[a];
                    ta[j + 2] = y2[a];
                    ta[j + 3] = y3[a];
                    ta[j + 4] = y4[a];
                    ta[j + 5] = y5[a];
                    ta[j + 6] = y6[a];
                    ta[j + 7] = y7[a];
                }
            }
            for (; j < n; j++) {
                float[] y = fixed[ids[from + j]];
                for (int a = 0; a < k; a++) {
                    t[a][j] = y[a];
                }
            }
        }
    }
}
