/**
 * Real-time recommendations (GetRecommendations) from an ACTIVE campaign's model. Items the user
 * already interacted with stay candidates, as in Personalize. Out of scope for now: filters,
 * promotions, context, metadata columns. GetPersonalizedRanking needs a model that ranks lists
 * (aws-personalized-ranking).
 */
package io.tastemaker.domain.recommendation;
