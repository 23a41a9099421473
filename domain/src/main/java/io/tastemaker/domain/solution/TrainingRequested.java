package io.tastemaker.domain.solution;

/** Fired when a solution version has been created; observed after commit by whoever trains it. */
public record TrainingRequested(String accountId, String solutionVersionArn) {
}
