package io.tastemaker.engine.tuning;

import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import java.util.Objects;

/**
 * How a {@link HyperparameterSearch} estimates a trial's score and picks the winner. Not part of
 * Personalize's API: Personalize does not document its validation; these are Tastemaker's choices,
 * measured on MovieLens ml-latest-small (see {@link HyperparameterSearch}).
 *
 * @param folds the number of disjoint user folds, from 1 to {@value #MAX_FOLDS}; every trial trains
 *     once per fold (so a trial costs {@code folds} trainings) and its score is the mean over all
 *     folds' users; default {@value #DEFAULT_FOLDS}
 * @param userShare the share of the users with at least two interactions held out over all folds
 *     together, in (0, 1]; default {@value #DEFAULT_USER_SHARE} (every such user, each in one fold)
 * @param truthShare the share of a held-out user's interactions, newest first, that the user's
 *     fold holds out as truth, in (0, 1); default {@value #DEFAULT_TRUTH_SHARE}
 * @param truth which interactions those are: {@link PersonalizeHoldout.Truth#NEWEST} (the default,
 *     as Personalize's evaluation holds out) or a random subset
 *     ({@link PersonalizeHoldout.Truth#RANDOM}), to tune for an evaluation that holds out random
 *     interactions
 * @param candidates which items a validation user's list may hold; default
 *     {@link HyperparameterSearch.Candidates#UNSEEN_ITEMS}
 * @param selection how the winning trial is picked; default {@link Selection#ONE_STANDARD_ERROR}
 */
public record HpoValidation(int folds, double userShare, double truthShare, PersonalizeHoldout.Truth truth,
        HyperparameterSearch.Candidates candidates, Selection selection) {

    /** Default of {@code folds}. */
    public static final int DEFAULT_FOLDS = 3;
    /** Largest accepted {@code folds}. */
    public static final int MAX_FOLDS = 10;
    /** Default of {@code userShare}. */
    public static final double DEFAULT_USER_SHARE = 1.0;
    /** Default of {@code truthShare}. */
    public static final double DEFAULT_TRUTH_SHARE = 0.2;

    /** Every member at its default. */
    public static final HpoValidation DEFAULT = new HpoValidation(DEFAULT_FOLDS, DEFAULT_USER_SHARE,
            DEFAULT_TRUTH_SHARE, PersonalizeHoldout.Truth.NEWEST, HyperparameterSearch.Candidates.UNSEEN_ITEMS, Selection.ONE_STANDARD_ERROR);

    /** How the winning trial is picked among the successful ones. */
    public enum Selection {
        /** The best objective value (ties: the earlier trial). */
        BEST,
        /**
         * Among the trials whose objective value is within one standard error of the best one's
         * (the standard error of the per-user difference between the two), the one closest to the
         * recipe's default hyperparameters ({@link DefaultRanges#defaultValues(String)}), measured
         * in the search's unit cube; {@link #BEST} when the recipe has no defaults for the searched
         * hyperparameters or the objective is not an average over users (coverage).
         */
        ONE_STANDARD_ERROR
    }

    /**
     * Checks the members.
     *
     * @throws IllegalArgumentException naming the member that is out of range
     */
    public HpoValidation {
        if (folds < 1 || folds > MAX_FOLDS) {
            throw new IllegalArgumentException("folds must be from 1 to " + MAX_FOLDS + ", was " + folds);
        }
        if (!(userShare > 0 && userShare <= 1)) {
            throw new IllegalArgumentException("userShare must be greater than 0 and at most 1, was " + userShare);
        }
        if (!(truthShare > 0 && truthShare < 1)) {
            throw new IllegalArgumentException("truthShare must be greater than 0 and less than 1, was " + truthShare);
        }
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(selection, "selection");
    }

    /** This validation with other candidates. */
    public HpoValidation withCandidates(HyperparameterSearch.Candidates newCandidates) {
        return new HpoValidation(folds, userShare, truthShare, truth, newCandidates, selection);
    }
}
