package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;

/**
 * A training algorithm, named like the Personalize recipe it reproduces (for example
 * {@code aws-popularity-count}). Implementations are stateless and thread-safe; everything a
 * training run depends on is in its arguments, so the same log, configuration and seed give the
 * same model.
 */
public interface Recipe {

    /** The recipe name, the last segment of its ARN ({@code arn:aws:personalize:::recipe/<name>}). */
    String name();

    /**
     * Trains a model on {@code log}, after {@link TrainingConfig#select(InteractionLog)} has kept
     * only the interactions the configuration asks for.
     *
     * @throws IllegalArgumentException if the configuration names a hyperparameter the recipe does
     *     not accept, or gives one a value out of its range
     */
    TrainedModel train(InteractionLog log, TrainingConfig config);
}
