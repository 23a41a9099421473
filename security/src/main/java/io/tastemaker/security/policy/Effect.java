package io.tastemaker.security.policy;

/** The {@code Effect} of a policy statement. */
public enum Effect {
    /** The statement grants what it matches. */
    ALLOW("Allow"),
    /** The statement refuses what it matches, whatever any other statement allows. */
    DENY("Deny");

    private final String policyName;

    Effect(String policyName) {
        this.policyName = policyName;
    }

    /** The word in a policy document: {@code Allow} or {@code Deny}. */
    public String policyName() {
        return policyName;
    }
}
