package io.tastemaker.engine.tuning;

import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.IalsRecipe;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ranges a search uses for a recipe when {@code hpoConfig} gives none.
 *
 * <p>{@code aws-user-personalization} (EASE): {@value EaseRecipe#LAMBDA} continuous from
 * {@value #EASE_MIN_LAMBDA} to {@value #EASE_MAX_LAMBDA}, sampled log-uniformly. The best λ grows
 * with the data: 200–400 on MovieLens ml-latest-small (100,000 ratings; bench/accuracy), 200–1,000
 * in Steck (2019) on data sets of 10–60 million interactions. {@value EaseRecipe#MAX_ITEMS} and
 * {@value EaseRecipe#NEIGHBORS} are not searched: they trade accuracy for memory, time and artifact
 * size, their defaults were measured, and a search that raised {@value EaseRecipe#MAX_ITEMS} would
 * raise the heap a training needs (8·n² bytes) behind the user's back.
 *
 * <p>Other recipes have no default ranges: Popularity-Count has no hyperparameters, and
 * Personalize documents Trending-Now's frequency as not tunable.
 */
public final class DefaultRanges {

    /** Lower end of EASE's default λ range. */
    public static final double EASE_MIN_LAMBDA = 50;
    /** Upper end of EASE's default λ range. */
    public static final double EASE_MAX_LAMBDA = 2_000;

    private DefaultRanges() {
    }

    /** Lower end of iALS's default regularization range. */
    public static final double IALS_MIN_REGULARIZATION = 0.5;
    /** Upper end of iALS's default regularization range. */
    public static final double IALS_MAX_REGULARIZATION = 50;
    /** Lower end of iALS's default alpha range. */
    public static final double IALS_MIN_ALPHA = 1;
    /** Upper end of iALS's default alpha range. */
    public static final double IALS_MAX_ALPHA = 40;

    /**
     * iALS's default ranges, for {@code aws-user-personalization} when it chooses iALS:
     * {@value IalsRecipe#REGULARIZATION} from {@value #IALS_MIN_REGULARIZATION} to
     * {@value #IALS_MAX_REGULARIZATION} and {@value IalsRecipe#ALPHA} from {@value #IALS_MIN_ALPHA} to
     * {@value #IALS_MAX_ALPHA}, both log-uniform: a decade on either side of the defaults (5 and 5),
     * which were the best of a grid of 0.01–200 × 1–40 on MovieLens ml-latest-small's validation
     * split (bench/accuracy --sweep-ials). Factors and iterations are not searched: more of either
     * is better and costs time, a trade the user makes.
     */
    public static HyperParameterRanges ials() {
        return new HyperParameterRanges(null, List.of(
                new ContinuousHyperParameterRange(IalsRecipe.REGULARIZATION, IALS_MIN_REGULARIZATION,
                        IALS_MAX_REGULARIZATION),
                new ContinuousHyperParameterRange(IalsRecipe.ALPHA, IALS_MIN_ALPHA, IALS_MAX_ALPHA)), null);
    }

    /** EASE's default ranges (see the class comment). */
    public static HyperParameterRanges ease() {
        return new HyperParameterRanges(null,
                List.of(new ContinuousHyperParameterRange(EaseRecipe.LAMBDA, EASE_MIN_LAMBDA, EASE_MAX_LAMBDA)), null);
    }

    /**
     * The defaults of the recipe's searched hyperparameters, which
     * {@link HpoValidation.Selection#ONE_STANDARD_ERROR} prefers among trials within noise of the
     * best: for EASE {@value EaseRecipe#LAMBDA} = {@value EaseRecipe#DEFAULT_LAMBDA}; empty for
     * other recipes.
     */
    public static Map<String, String> defaultValues(String recipeName) {
        return EaseRecipe.NAME.equals(recipeName)
                ? Map.of(EaseRecipe.LAMBDA, BigDecimal.valueOf(EaseRecipe.DEFAULT_LAMBDA).stripTrailingZeros()
                        .toPlainString())
                : Map.of();
    }

    /** The default ranges of the recipe named {@code recipeName}, if it has any. */
    public static Optional<HyperParameterRanges> forRecipe(String recipeName) {
        return EaseRecipe.NAME.equals(recipeName) ? Optional.of(ease()) : Optional.empty();
    }
}
