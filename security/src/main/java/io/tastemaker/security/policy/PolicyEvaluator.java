package io.tastemaker.security.policy;

import java.util.Collection;

/**
 * Decides a request against the identity-based policies of its principal, as AWS does:
 *
 * <ol>
 *   <li>Every resource of the request is decided on its own. For one resource, a statement
 *       applies when it covers the action ({@code Action}, or not listed in {@code NotAction}),
 *       covers the resource ({@code Resource}, or not listed in {@code NotResource}) and all its
 *       conditions hold.</li>
 *   <li>If a {@code Deny} statement applies to any resource, the request is
 *       {@link Decision.Outcome#EXPLICIT_DENY explicitly denied}, whatever else allows it.</li>
 *   <li>Otherwise, if for every resource some {@code Allow} statement applies, it is
 *       {@link Decision.Outcome#ALLOW allowed}.</li>
 *   <li>Otherwise it is {@link Decision.Outcome#IMPLICIT_DENY implicitly denied}: the default.</li>
 * </ol>
 *
 * Policies are examined in the order given, statements in document order; the first deciding
 * statement is the one reported. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /** Decides {@code request} against {@code policies} (no policy at all: an implicit deny). */
    public static Decision evaluate(RequestContext request, Collection<PolicyDocument> policies) {
        int resources = request.resources().size();
        for (int r = 0; r < resources; r++) {
            for (PolicyDocument policy : policies) {
                for (Statement statement : policy.statements()) {
                    if (statement.effect() == Effect.DENY && applies(statement, request, r)) {
                        return new Decision(Decision.Outcome.EXPLICIT_DENY, request.action(), request.resources().get(r),
                                policy.name().orElse(null), statement);
                    }
                }
            }
        }
        Decision first = null;
        for (int r = 0; r < resources; r++) {
            Decision allowed = null;
            for (PolicyDocument policy : policies) {
                for (Statement statement : policy.statements()) {
                    if (statement.effect() == Effect.ALLOW && applies(statement, request, r)) {
                        allowed = new Decision(Decision.Outcome.ALLOW, request.action(), request.resources().get(r),
                                policy.name().orElse(null), statement);
                        break;
                    }
                }
                if (allowed != null) {
                    break;
                }
            }
            if (allowed == null) {
                return new Decision(Decision.Outcome.IMPLICIT_DENY, request.action(), request.resources().get(r), null, null);
            }
            if (first == null) {
                first = allowed;
            }
        }
        return first;
    }

    private static boolean applies(Statement statement, RequestContext request, int resource) {
        return statement.coversAction(request) && statement.coversResource(request, resource)
                && statement.conditionsHold(request);
    }
}
