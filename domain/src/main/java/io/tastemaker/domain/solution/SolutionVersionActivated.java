package io.tastemaker.domain.solution;

/** A solution version that has just become ACTIVE, for the campaigns that follow their solution. */
public record SolutionVersionActivated(String accountId, String solutionArn, String solutionVersionArn) {
}
