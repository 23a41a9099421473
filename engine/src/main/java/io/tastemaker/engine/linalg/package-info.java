/**
 * Dense linear algebra for the recipes that need it, in plain Java: the Cholesky factorisation and
 * inversion of symmetric positive definite matrices ({@link io.tastemaker.engine.linalg.Cholesky}),
 * and parallel loops on named pools ({@link io.tastemaker.engine.linalg.Parallel}).
 *
 * <p>Invariants: matrices are {@code double[n][n]}, one array per row (the layout whose row updates
 * the JIT vectorises); work is split into tiles that write disjoint outputs and sum in a fixed
 * order, so results are bit-identical on any number of threads; every pool's threads are named
 * after their owner and are daemons, and the caller that creates a pool shuts it down.
 *
 * <p>Out of scope: general (non-symmetric) solvers, sparse matrices, pivoting, and native BLAS or
 * LAPACK; a matrix that is not numerically positive definite is an
 * {@link java.lang.IllegalArgumentException}, not something to repair.
 */
package io.tastemaker.engine.linalg;
