package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;

/**
 * A training algorithm, named like the Personalize recipe it reproduces (for example
 * {@code aws-popularity-count}). Implementations are stateless and thread-safe; everything a
 * training run depends on is in its arguments, so the same data, configuration and seed give the
 * same model.
 */
public interface Recipe {

    /** The recipe name, the last segment of its ARN ({@code arn:aws:personalize:::recipe/<name>}). */
    String name();

    /**
     * Trains a model on {@code data}: the interactions that {@link TrainingConfig#select(InteractionLog)}
     * keeps, and the item attributes where the recipe uses them.
     *
     * @param monitor told the step and fraction done as training goes; may stop the run by throwing
     *     {@link TrainingStoppedException} from {@link TrainingMonitor#progress}, which this method
     *     then throws, leaving nothing behind
     * @throws IllegalArgumentException if the configuration names a hyperparameter the recipe does
     *     not accept, or gives one a value out of its range, or the data cannot train this recipe
     */
    TrainedModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor);

    /** Trains on interactions alone, without progress reports. */
    default TrainedModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }
}
