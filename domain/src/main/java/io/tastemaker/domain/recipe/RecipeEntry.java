package io.tastemaker.domain.recipe;

import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A recipe of the catalog: Personalize's ARN and metadata, the hyperparameters it accepts (names,
 * and a check of their values that throws IllegalArgumentException naming the parameter), and
 * the engine recipe that trains it.
 *
 * @param needsInteractions whether training needs interactions; false for recipes that learn
 *     from the Items dataset alone (aws-semantic-similarity)
 */
public record RecipeEntry(String name, String recipeArn, String algorithmArn, String recipeType, String description,
                          Instant creationDateTime, Set<String> hyperParameters,
                          Consumer<Map<String, String>> hyperParameterCheck, Supplier<Recipe> engine,
                          boolean needsInteractions) {

    /** Whether trainingMode UPDATE applies: the recipe's engine can fold new data into a trained model. */
    public boolean supportsUpdate() {
        return engine.get() instanceof UserPersonalizationRecipe;
    }
}
