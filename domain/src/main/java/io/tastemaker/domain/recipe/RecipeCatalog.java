package io.tastemaker.domain.recipe;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import io.tastemaker.engine.recipe.SemanticSimilarityRecipe;
import io.tastemaker.engine.recipe.SimilarItemsRecipe;
import io.tastemaker.engine.recipe.SimsRecipe;
import io.tastemaker.engine.recipe.TrendingNowRecipe;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The recipes this server can train, under Personalize's ARNs
 * ({@code arn:aws:personalize:::recipe/<name>}, the same in every partition and region, as the
 * SDKs send them). Only recipes with a real engine behind them are listed: a recipe that is
 * named but not implemented is refused with a message, never trained with a stand-in.
 */
@ApplicationScoped
public class RecipeCatalog {

    private static final String PREFIX = "arn:aws:personalize:::recipe/";
    private static final Instant CATALOG_DATE = Instant.parse("2026-11-28T00:00:00Z");

    private final List<RecipeEntry> entries = List.of(
            new RecipeEntry("aws-popularity-count", PREFIX + "aws-popularity-count",
                    "arn:aws:personalize:::algorithm/aws-popularity-count", "USER_PERSONALIZATION",
                    "Recommends the items with the most events (of the solution's event type, at or above its "
                            + "eventValueThreshold) to every user. A baseline, and the fallback for new users.",
                    CATALOG_DATE, Set.of(), values -> { }, PopularityCountRecipe::new, true),
            new RecipeEntry("aws-user-personalization", PREFIX + "aws-user-personalization",
                    "arn:aws:personalize:::algorithm/aws-user-personalization", "USER_PERSONALIZATION",
                    "Personalized recommendations from each user's interactions and their newest events: EASE (a "
                            + "closed-form item-to-item model) when its max_items most popular items cover 90% of the "
                            + "interactions, implicit ALS otherwise (hyperparameter algorithm: auto, ease or ials). "
                            + "Users without interactions get the most popular items. Learns from the Interactions "
                            + "schema's contextual fields (categorical strings such as DEVICE), so that a request's "
                            + "context ranks the items as they are preferred there (hyperparameter context_weight).",
                    CATALOG_DATE, UserPersonalizationRecipe.HYPERPARAMETER_NAMES,
                    UserPersonalizationRecipe.HyperParameters::parse, UserPersonalizationRecipe::new, true),
            new RecipeEntry("aws-user-personalization-v2", PREFIX + "aws-user-personalization-v2",
                    "arn:aws:personalize:::algorithm/aws-user-personalization-v2", "USER_PERSONALIZATION",
                    "The same model as aws-user-personalization under Personalize's v2 name, so that solutions "
                            + "written for v2 train unchanged.",
                    CATALOG_DATE, UserPersonalizationRecipe.HYPERPARAMETER_NAMES,
                    UserPersonalizationRecipe.HyperParameters::parse, UserPersonalizationRecipe::new, true),
            new RecipeEntry("aws-personalized-ranking", PREFIX + "aws-personalized-ranking",
                    "arn:aws:personalize:::algorithm/aws-personalized-ranking", "PERSONALIZED_RANKING",
                    "Orders a list of items for a user (GetPersonalizedRanking) with the same model as "
                            + "aws-user-personalization (EASE or implicit ALS), context included; items unknown at "
                            + "training go last with score 0.",
                    CATALOG_DATE, UserPersonalizationRecipe.HYPERPARAMETER_NAMES,
                    UserPersonalizationRecipe.HyperParameters::parse, UserPersonalizationRecipe::new, true),
            new RecipeEntry("aws-personalized-ranking-v2", PREFIX + "aws-personalized-ranking-v2",
                    "arn:aws:personalize:::algorithm/aws-personalized-ranking-v2", "PERSONALIZED_RANKING",
                    "The same model as aws-personalized-ranking under Personalize's v2 name.",
                    CATALOG_DATE, UserPersonalizationRecipe.HYPERPARAMETER_NAMES,
                    UserPersonalizationRecipe.HyperParameters::parse, UserPersonalizationRecipe::new, true),
            new RecipeEntry("aws-trending-now", PREFIX + "aws-trending-now",
                    "arn:aws:personalize:::algorithm/aws-trending-now", "USER_PERSONALIZATION",
                    "The items whose interactions grow fastest between the last two windows of "
                            + "trend_discovery_frequency (30 minutes, 1 hour, 3 hours or 1 day; default 3 hours), ending "
                            + "at the newest interaction; the same list for every user. Retrain to follow new trends.",
                    CATALOG_DATE, TrendingNowRecipe.HYPERPARAMETER_NAMES, TrendingNowRecipe.HyperParameters::parse,
                    TrendingNowRecipe::new, true),
            new RecipeEntry("aws-sims", PREFIX + "aws-sims", "arn:aws:personalize:::algorithm/aws-sims", "RELATED_ITEMS",
                    "Items related to an item (GetRecommendations with itemId) by co-occurrence in users' histories, "
                            + "with a popularity discount and a minimum co-occurrence count; items without enough "
                            + "co-occurrences get popular items.",
                    CATALOG_DATE, SimsRecipe.HYPERPARAMETER_NAMES, SimsRecipe.HyperParameters::parse, SimsRecipe::new, true),
            new RecipeEntry("aws-similar-items", PREFIX + "aws-similar-items",
                    "arn:aws:personalize:::algorithm/aws-similar-items", "RELATED_ITEMS",
                    "Items related to an item by co-interactions blended with the Items dataset's categorical and "
                            + "textual fields, so that items without interactions still get neighbours.",
                    CATALOG_DATE, SimilarItemsRecipe.HYPERPARAMETER_NAMES, SimilarItemsRecipe.HyperParameters::parse,
                    SimilarItemsRecipe::new, true),
            new RecipeEntry("aws-semantic-similarity", PREFIX + "aws-semantic-similarity",
                    "arn:aws:personalize:::algorithm/aws-semantic-similarity", "RELATED_ITEMS",
                    "Items whose text (the Items dataset's textual fields, analysed with Lucene's English analyzer "
                            + "and weighted with BM25) is most similar; works for items without any interaction.",
                    CATALOG_DATE, SemanticSimilarityRecipe.HYPERPARAMETER_NAMES,
                    SemanticSimilarityRecipe.HyperParameters::parse, SemanticSimilarityRecipe::new, false));

    public List<RecipeEntry> all() {
        return entries;
    }

    public Optional<RecipeEntry> byArn(String arn) {
        return entries.stream().filter(e -> e.recipeArn().equals(arn)).findFirst();
    }

    public RecipeEntry describe(String arn) {
        return byArn(Arns.require("recipeArn", arn)).orElseThrow(() -> new ResourceNotFoundException(
                "Could not find resource: " + arn));
    }

    /** The recipe a solution names; a well-formed but unavailable recipe gets a message saying so. */
    public RecipeEntry forSolution(String arn) {
        return byArn(arn).orElseThrow(() -> new InvalidInputException("Recipe " + arn
                + " is not available on this server. Available recipes: "
                + entries.stream().map(RecipeEntry::recipeArn).toList() + "."));
    }
}
