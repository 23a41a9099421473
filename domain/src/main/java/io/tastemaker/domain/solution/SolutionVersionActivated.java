package io.tastemaker.domain.solution;

/** Fired when a solution version becomes ACTIVE; campaigns that follow their solution move to it after commit. */
public record SolutionVersionActivated(String accountId, String solutionArn, String solutionVersionArn) {
}
