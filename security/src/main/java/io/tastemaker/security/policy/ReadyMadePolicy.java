package io.tastemaker.security.policy;

import java.util.Objects;

/**
 * A policy that Tastemaker provides in every account, like an AWS managed policy: its ARN
 * ({@code arn:aws:iam::aws:policy/Tastemaker...}), name, one-line description and document
 * (already parsed and {@linkplain PolicyDocument#named named} by its ARN).
 */
public record ReadyMadePolicy(String arn, String name, String description, PolicyDocument document) {

    public ReadyMadePolicy {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(document, "document");
    }

    /** The document's JSON, as IAM's {@code GetPolicyVersion} returns it. */
    public String json() {
        return document.text();
    }
}
