package io.tastemaker.engine.recipe;

/**
 * Thrown through a recipe by its {@link TrainingMonitor} to end a run early (Personalize's
 * StopSolutionVersionCreation). A stopped run leaves no model.
 */
public final class TrainingStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message why the run stopped, for the log */
    public TrainingStoppedException(String message) {
        super(message);
    }
}
