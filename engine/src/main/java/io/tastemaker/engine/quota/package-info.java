/**
 * Category quotas: a filter's {@code QUOTA} clauses (Tastemaker's extension of the filter language,
 * see {@link io.tastemaker.engine.filter}) applied to a model's ranking, so that a list keeps a share
 * for one category ({@code AT LEAST}) or gives no category more than a share ({@code AT MOST},
 * {@code AT MOST … PER} for every value of a field).
 *
 * <p>{@link io.tastemaker.engine.quota.CategoryQuotas} is the algorithm, on plain arrays: one greedy
 * pass over the ranked candidates that skips items whose category reached its cap and reserves the
 * places the floors still need for the best items of their categories, then fills what is left from
 * the items it set aside. The chosen items keep the model's order. {@link
 * io.tastemaker.engine.quota.QuotaRanking} wraps it for a request: it asks the model for more
 * candidates than places ({@link io.tastemaker.engine.quota.CategoryQuotas#candidates}), for a short
 * category's best items, and deeper when caps leave the list short; then it takes the list, leaving
 * out items placed elsewhere (promotions).
 *
 * <p>Invariants: caps are never exceeded; a floor is met whenever the candidates hold enough items of
 * its category that no cap excludes; without rules the result is the model's first {@code places}
 * items. Nothing here reads the clock or a random source; every type is immutable.
 *
 * <p>Out of scope: quotas on GetPersonalizedRanking (it orders the whole input list) and on the
 * promoted places of a promotion (its filter selects them; its quota clauses are not applied).
 */
package io.tastemaker.engine.quota;
