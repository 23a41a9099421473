package io.tastemaker.engine.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model trained and scored by a {@link HyperparameterSearch} (a Personalize HPO training job).
 *
 * @param number 1 for the first trial, in the order trials were proposed
 * @param parameters the searched hyperparameters' values, as the recipe received them (the fixed
 *     ones are not repeated here), in range order; copied
 * @param metrics for a trial that succeeded, every metric of {@link io.tastemaker.engine.evaluation.Metrics#NAMES}
 *     as the mean over every validation fold's users; empty for a failed one; copied
 * @param objectiveValue the objective metric's value; {@link Double#NaN} for a failed trial
 * @param failureReason why the recipe rejected the parameters (its exception's message);
 *     {@code null} for a trial that succeeded
 */
public record Trial(int number, Map<String, String> parameters, Map<String, Double> metrics, double objectiveValue,
        String failureReason) {

    /** Checks that a trial either succeeded with metrics or failed with a reason, and copies the maps. */
    public Trial {
        if (number < 1) {
            throw new IllegalArgumentException("number must be >= 1, was " + number);
        }
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(metrics, "metrics");
        if (failureReason == null && metrics.isEmpty()) {
            throw new IllegalArgumentException("A trial that succeeded needs metrics");
        }
        if (failureReason != null && (!metrics.isEmpty() || !Double.isNaN(objectiveValue))) {
            throw new IllegalArgumentException("A failed trial has no metrics and no objective value");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** A trial whose model was trained and scored. */
    static Trial success(int number, Map<String, String> parameters, Map<String, Double> metrics, String metricName) {
        return new Trial(number, parameters, metrics, metrics.get(metricName), null);
    }

    /** A trial whose parameters the recipe rejected. */
    static Trial failure(int number, Map<String, String> parameters, String reason) {
        return new Trial(number, parameters, Map.of(), Double.NaN, reason == null ? "(no message)" : reason);
    }

    /** Whether the model was trained and scored. */
    public boolean succeeded() {
        return failureReason == null;
    }
}
