/**
 * Real-time recommendations (GetRecommendations, GetPersonalizedRanking) from an ACTIVE campaign's
 * model. Items the user already interacted with stay candidates, as in Personalize, unless a filter
 * removes them: with a {@code filterArn} the model selects among the items the filter allows
 * ({@link io.tastemaker.domain.filter.FilterRuntime}), so a response may hold fewer items than
 * asked for. A promotion places the best items of its own filter at random positions. A filter's
 * {@code QUOTA} clauses (category quotas, Tastemaker's extension) shape the places the request
 * filter fills: {@link io.tastemaker.engine.quota.QuotaRanking} asks the model for more candidates
 * and takes the list that honours them.
 *
 * <p>Context (Personalize's {@code context}): checked here (at most 150 entries, keys
 * {@code [A-Za-z\d_]+} of at most 150 characters, values of at most 1000; refused for RELATED_ITEMS
 * campaigns), then handed to the model, which ranks in that context when it learned from the
 * Interactions schema's contextual fields and ignores what it never saw. Context values are never
 * echoed in messages (Personalize marks them sensitive).
 *
 * <p>Out of scope for now: metadata columns and recommenders. GetPersonalizedRanking needs a model
 * that ranks lists (aws-personalized-ranking).
 */
package io.tastemaker.domain.recommendation;
