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
 * <p>User-Personalization campaigns (aws-user-personalization and -v2) also explore
 * ({@link io.tastemaker.domain.recommendation.NewItems}, when the campaign gives an
 * {@code itemExplorationConfig}): a share of the list goes to new or little-exposed
 * items of the Items dataset that match the user's tastes, marked with the reason
 * {@code Exploration}; items put with PutItems are candidates on the next request. Items the user
 * was shown often (PutEvents' {@code impression}) and never chose lose weight in the user's list
 * ({@link io.tastemaker.engine.recipe.ImpressionPenalty}). See ADR 16.
 *
 * <p>Item metadata ({@code metadataColumns}, {@link io.tastemaker.domain.recommendation.MetadataColumns}):
 * at most one key, ITEMS, at most 10 columns, at most 50 items in the answer; the campaign needs
 * {@code campaignConfig.enableMetadataWithRecommendations} unless it serves a -v2 recipe, and the
 * columns must be in the Items schema, all checked before anything is ranked
 * ({@link io.tastemaker.domain.recommendation.ResponseDetails#plan}). Values come from
 * {@link io.tastemaker.domain.recommendation.ItemMetadata}, a per-group copy of the Items dataset in
 * memory (decrypted once when read, in groups encrypted at rest), read again after PutItems or an
 * Items import commits on this server and at least every 60 s; a request reads no rows for them.
 *
 * <p>-v2 recipes (aws-user-personalization-v2, aws-personalized-ranking-v2): an item's
 * {@code reason} is {@code Promoted item} for what a promotion placed; when a request filter leaves
 * fewer than {@code numResults} items for a user, {@link io.tastemaker.domain.recommendation.PopularFill}
 * appends the most popular items (distinct users over the Interactions dataset, imports and
 * PutEvents) that the filter allows, without a score and with the reason {@code Popular item}.
 * v1 recipes return only what qualifies and give no reason.
 *
 * <p>Out of scope for now: recommenders. GetPersonalizedRanking
 * needs a model that ranks lists (aws-personalized-ranking, or a user-personalization model).
 */
package io.tastemaker.domain.recommendation;
