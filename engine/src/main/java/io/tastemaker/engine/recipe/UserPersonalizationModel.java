package io.tastemaker.engine.recipe;

/**
 * A model trained by {@link UserPersonalizationRecipe}: it says which algorithm trained it, since
 * the recipe chooses between EASE and iALS from the data.
 */
public interface UserPersonalizationModel extends RankingModel {

    /** The algorithm that trained this model. */
    UserPersonalizationRecipe.Algorithm algorithm();
}
