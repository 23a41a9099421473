/**
 * Offline evaluation: Personalize's holdout protocol and metrics, and the project's benchmark
 * metrics.
 *
 * <ul>
 *   <li>{@link io.tastemaker.engine.evaluation.PersonalizeHoldout}: 10% of users held out, their
 *       newest 10% of interactions as truth, seeded; and disjoint user folds of the same kind with
 *       other shares, which hyperparameter optimisation validates on.</li>
 *   <li>{@link io.tastemaker.engine.evaluation.Metrics}: the eight {@code GetSolutionMetrics} values
 *       ({@code coverage}, {@code mean_reciprocal_rank_at_25}, nDCG and precision at 5, 10, 25).</li>
 *   <li>{@link io.tastemaker.engine.evaluation.SolutionEvaluator}: split, train, recommend, score;
 *       for RELATED_ITEMS models, the items related to each held-out user's most recent training
 *       item are scored instead.</li>
 *   <li>{@link io.tastemaker.engine.evaluation.RankingMetrics}: nDCG, precision, recall and MAP at k
 *       for the benchmark protocol in {@code shared/data/README.md}.</li>
 * </ul>
 *
 * <p>Invariants: the same data and seed give the same split and the same metrics; relevance is
 * binary; the discount is {@code 1 / log2(position + 1)}; metrics are means over evaluated users.
 *
 * <p>Out of scope: USER_SEGMENTATION and Trending-Now metrics,
 * {@code average_rewards_at_k} (optimization objectives) and event-weighted nDCG (events
 * configuration); the benchmark's per-item split itself (only its metrics are here).
 */
package io.tastemaker.engine.evaluation;
