package io.tastemaker.domain.dataset;

/**
 * Rows of a dataset changed (PutEvents, PutItems, PutUsers, or an import that published). Fired by
 * {@link DataChanges} in the writer's transaction; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act only on committed changes.
 * Local to this server: other nodes of a cluster do not hear it.
 *
 * @param datasetArn the dataset whose rows changed
 */
public record DatasetRowsChanged(String datasetArn) {
}
