/**
 * Recipes (Personalize's training algorithms), the models they train, and the model artifact
 * format.
 *
 * <p>A {@link io.tastemaker.engine.recipe.Recipe} turns an
 * {@link io.tastemaker.engine.data.InteractionLog} and a
 * {@link io.tastemaker.engine.recipe.TrainingConfig} (event type, event value threshold,
 * hyperparameters, seed) into a {@link io.tastemaker.engine.recipe.TrainedModel}. The
 * configuration's filter is applied inside {@code train}, so every recipe honours it the same way.
 * A model answers {@code recommend(userId, numResults)} and writes itself as an artifact that
 * {@link io.tastemaker.engine.recipe.ModelCodec} reads back; the codec dispatches on the recipe name
 * in the artifact's header, so each recipe owns its payload layout and version.
 *
 * <p>Recipes: {@link io.tastemaker.engine.recipe.PopularityCountRecipe} ({@code aws-popularity-count}),
 * {@link io.tastemaker.engine.recipe.EaseRecipe} (EASE over the most popular items with a popularity
 * fallback), {@link io.tastemaker.engine.recipe.IalsRecipe} (implicit-feedback ALS, for large
 * catalogs) and {@link io.tastemaker.engine.recipe.UserPersonalizationRecipe}
 * ({@code aws-user-personalization}: EASE or iALS, chosen from the data; an iALS model's artifact
 * carries its own key, {@code aws-user-personalization/ials}, since EASE artifacts already use
 * {@code aws-user-personalization}); {@link io.tastemaker.engine.recipe.TrendingNowRecipe}
 * ({@code aws-trending-now}, items ranked by a lower confidence bound of their growth between the
 * last two windows); for RELATED_ITEMS, {@link io.tastemaker.engine.recipe.SimsRecipe}
 * ({@code aws-sims}, co-occurrence), {@link io.tastemaker.engine.recipe.SimilarItemsRecipe}
 * ({@code aws-similar-items}, co-occurrence blended with item metadata) and
 * {@link io.tastemaker.engine.recipe.SemanticSimilarityRecipe} ({@code aws-semantic-similarity}, item
 * text through Lucene's English analysis), whose models
 * ({@link io.tastemaker.engine.recipe.NeighborListModel}) store each item's related items and answer
 * {@code related(itemId, numResults)}. Hyperparameters are strings, as in Personalize's
 * {@code algorithmHyperParameters}; each recipe documents their defaults and ranges and exposes
 * their names so the domain can validate them when a solution is created.
 *
 * <p>Context (Personalize's contextual metadata): when the interactions carry contextual fields
 * (e.g. {@code DEVICE}), {@link io.tastemaker.engine.recipe.UserPersonalizationRecipe} also learns
 * {@link io.tastemaker.engine.recipe.ContextEffects} (a smoothed lift of each value on each item) and
 * returns a {@link io.tastemaker.engine.recipe.ContextualModel} around its EASE or iALS model, under
 * its own artifact key ({@code aws-user-personalization/context}) that holds the base model's
 * artifact. The context-aware calls ({@code recommend(..., context)}, {@code rank(..., context)})
 * combine the user's ranking with the lifts; a context with nothing the model knows answers exactly
 * as the context-free calls. Models that learn no context ignore it.
 *
 * <p>Event types and weights: a {@link io.tastemaker.engine.recipe.TrainingConfig} may carry
 * {@link io.tastemaker.engine.recipe.EventParameter}s (Personalize's {@code eventsConfig}): only the
 * listed types count, each from its own value threshold, and a row is repeated by its type's weight
 * ratio (up to {@link io.tastemaker.engine.recipe.TrainingConfig#MAX_REPEATS}), which iALS reads as
 * confidence; EASE trains on which pairs are positive.
 *
 * <p>Serving-time additions around a USER_PERSONALIZATION model, no retraining:
 * {@link io.tastemaker.engine.recipe.NewItemExploration} places new and little-exposed items of the
 * Items dataset into a share of the list ({@link io.tastemaker.engine.recipe.ExplorationConfig},
 * Personalize's {@code itemExplorationConfig}), chosen by how their categorical values and text
 * (Lucene, as aws-semantic-similarity) match the user's history; and
 * {@link io.tastemaker.engine.recipe.ImpressionPenalty} gently down-weights what a user was shown
 * often and never chose. ADR 16 explains both.
 *
 * <p>{@code trainingMode} UPDATE:
 * {@link io.tastemaker.engine.recipe.UserPersonalizationRecipe#update} turns a previous EASE or iALS
 * model and all the current data into a new model without a full training: EASE keeps its
 * item-to-item weights, iALS the vectors of known items and unchanged users, and both rebuild
 * the catalog and the users' histories, new users and items included.
 *
 * <p>Invariants: training is deterministic in (log, configuration), and an update in (previous
 * model, log, configuration), also when they run on several threads; models are immutable and
 * thread-safe; unknown hyperparameter names are an {@link java.lang.IllegalArgumentException} that
 * names them; recommendations keep items the user already interacted with (as Personalize does)
 * and never exceed the model's catalog; an unreadable artifact is an {@link java.io.IOException}
 * with a message saying why.
 *
 * <p>Filters: every model exposes its {@link io.tastemaker.engine.recipe.TrainedModel#catalog()
 * catalog}; a filter compiled over it ({@code io.tastemaker.engine.filter}) yields an allowed-item
 * bitset in the model's own indices, and {@code recommend(..., AllowedItems)} /
 * {@code related(..., AllowedItems)} select the best allowed items directly (EASE tests the bitset
 * inside its top-k selection; list models skip disallowed entries), with the scores they would
 * have without the filter, and fewer results when fewer items qualify.
 *
 * <p>Out of scope here: promotions, exploration, item metadata in responses, the data minimums
 * Personalize checks before training (the domain checks those), and a per-user history by context
 * (ADR 0015).
 */
package io.tastemaker.engine.recipe;
