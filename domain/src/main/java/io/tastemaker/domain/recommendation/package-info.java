/**
 * Real-time recommendations (GetRecommendations) from an ACTIVE campaign's model. Items the user
 * already interacted with stay candidates, as in Personalize, unless a filter removes them: with a
 * {@code filterArn} the model selects among the items the filter allows
 * ({@link io.tastemaker.domain.filter.FilterRuntime}), so a response may hold fewer items than
 * asked for. Out of scope for now: promotions, context, metadata columns. GetPersonalizedRanking
 * needs a model that ranks lists (aws-personalized-ranking).
 */
package io.tastemaker.domain.recommendation;
