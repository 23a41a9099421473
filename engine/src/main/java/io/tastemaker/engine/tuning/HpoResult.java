package io.tastemaker.engine.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link HyperparameterSearch} found.
 *
 * @param objective the objective the trials were compared by
 * @param trials every trial, in order; at least one succeeded; copied
 * @param bestTrialNumber the {@link Trial#number()} of the chosen successful trial: the best one
 *     (ties: the earlier) or, with {@link HpoValidation.Selection#ONE_STANDARD_ERROR}, the one
 *     closest to the recipe's defaults among those within one standard error of the best
 * @param tunedHyperParameters the hyperparameters of the chosen trial's model: the configuration's
 *     fixed ones plus the best trial's searched ones, ready for
 *     {@code tunedHPOParams.algorithmHyperParameters} and for training the final model; copied
 * @param validationUsers the number of users held out for validation, over all folds
 * @param searchSpaceExhausted whether the search ended before {@code maxNumberOfTrainingJobs}
 *     trials because every combination of a finite space had been tried
 */
public record HpoResult(HpoObjective objective, List<Trial> trials, int bestTrialNumber,
        Map<String, String> tunedHyperParameters, int validationUsers, boolean searchSpaceExhausted) {

    /** Checks that the best trial exists and succeeded, and copies the collections. */
    public HpoResult {
        Objects.requireNonNull(objective, "objective");
        trials = List.copyOf(trials);
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).number() != i + 1) {
                throw new IllegalArgumentException("Trial " + (i + 1) + " is numbered " + trials.get(i).number());
            }
        }
        if (bestTrialNumber < 1 || bestTrialNumber > trials.size() || !trials.get(bestTrialNumber - 1).succeeded()) {
            throw new IllegalArgumentException("Trial " + bestTrialNumber + " is not a successful trial");
        }
        tunedHyperParameters = Collections.unmodifiableMap(new LinkedHashMap<>(tunedHyperParameters));
    }

    /** The chosen trial, whose hyperparameters are {@link #tunedHyperParameters()}. */
    public Trial bestTrial() {
        return trials.get(bestTrialNumber - 1);
    }
}
