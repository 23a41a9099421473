package io.tastemaker.security.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link PolicyEvaluator}: allowed, explicitly denied or implicitly denied, with
 * the statement that decided (none for an implicit deny) and the resource it was decided on.
 * Immutable.
 */
public final class Decision {

    /** The three answers of AWS's evaluation logic for identity-based policies. */
    public enum Outcome {
        /** A statement allows the request on every resource and none denies it. */
        ALLOW,
        /** A {@code Deny} statement matches the request on some resource. */
        EXPLICIT_DENY,
        /** No statement denies, but on some resource none allows either. */
        IMPLICIT_DENY
    }

    private final Outcome outcome;
    private final String action;
    private final String resource;
    private final String policy;
    private final Statement statement;

    Decision(Outcome outcome, String action, String resource, String policy, Statement statement) {
        this.outcome = Objects.requireNonNull(outcome);
        this.action = action;
        this.resource = resource;
        this.policy = policy;
        this.statement = statement;
    }

    public Outcome outcome() {
        return outcome;
    }

    /** Whether the request may go ahead. */
    public boolean isAllowed() {
        return outcome == Outcome.ALLOW;
    }

    /** The action decided on. */
    public String action() {
        return action;
    }

    /**
     * The resource the decision is about: for a deny, the (first) resource that was refused; for
     * an allow, the request's first resource. {@code *} for a request without resources.
     */
    public String resource() {
        return resource;
    }

    /**
     * The name (ARN) of the policy whose statement decided, as given with
     * {@link PolicyDocument#named}; empty for an implicit deny or an unnamed policy.
     */
    public Optional<String> policy() {
        return Optional.ofNullable(policy);
    }

    /** The statement that decided; empty for an implicit deny. */
    public Optional<Statement> statement() {
        return Optional.ofNullable(statement);
    }

    /** The deciding statement's {@code Sid}, if it has one. */
    public Optional<String> sid() {
        return statement == null ? Optional.empty() : statement.sid();
    }

    /**
     * AWS's wording of an {@code AccessDenied} message for this decision, e.g.
     * {@code User: arn:aws:iam::111122223333:user/alice is not authorized to perform:
     * personalize:CreateCampaign on resource: arn:... because no identity-based policy allows the
     * personalize:CreateCampaign action}. For an explicit deny it names the policy and the
     * statement's Sid.
     *
     * @param principalArn the caller's ARN
     * @throws IllegalStateException if the request was allowed
     */
    public String accessDeniedMessage(String principalArn) {
        if (outcome == Outcome.ALLOW) {
            throw new IllegalStateException("the request was allowed");
        }
        StringBuilder message = new StringBuilder("User: ").append(principalArn)
                .append(" is not authorized to perform: ").append(action);
        if (!RequestContext.NO_RESOURCE.equals(resource)) {
            message.append(" on resource: ").append(resource);
        }
        if (outcome == Outcome.IMPLICIT_DENY) {
            return message.append(" because no identity-based policy allows the ").append(action).append(" action").toString();
        }
        message.append(" with an explicit deny in an identity-based policy");
        if (policy != null) {
            message.append(": ").append(policy);
        }
        statement.sid().filter(sid -> !sid.isEmpty()).ifPresent(sid -> message.append(" (Sid ").append(sid).append(')'));
        return message.toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(outcome.name()).append(' ').append(action).append(" on ").append(resource);
        if (statement != null) {
            text.append(" by ").append(policy == null ? "policy" : policy).append(' ').append(statement.label());
        }
        return text.toString();
    }
}
