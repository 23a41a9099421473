package io.tastemaker.security.policy;

import io.tastemaker.security.iam.MalformedPolicyDocumentException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity-based policy document, parsed and compiled once ({@link #parse}) and then evaluated
 * any number of times by {@link PolicyEvaluator}. Immutable and thread-safe: cache it with the
 * policy version it came from.
 *
 * <p>A document carries an optional name ({@link #named}), the policy's ARN or an inline policy's
 * name, so that a {@link Decision} can say which policy decided.
 */
public final class PolicyDocument {

    /** The current policy language version: policy variables are substituted. */
    public static final String VERSION_2012_10_17 = "2012-10-17";
    /** The old policy language version (also the default without {@code Version}): {@code ${...}} is literal text. */
    public static final String VERSION_2008_10_17 = "2008-10-17";
    /** AWS's limit for a managed policy, in characters not counting white space. */
    public static final int MANAGED_POLICY_MAX_CHARACTERS = 6144;

    private final String text;
    private final String version;
    private final String id;
    private final List<Statement> statements;
    private final String name;

    PolicyDocument(String text, String version, String id, List<Statement> statements, String name) {
        this.text = text;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
        this.name = name;
    }

    /**
     * Parses a managed policy document (at most {@value #MANAGED_POLICY_MAX_CHARACTERS} characters
     * not counting white space).
     *
     * @throws MalformedPolicyDocumentException saying what is wrong and where, e.g.
     *         {@code Statement 2 (Sid ReadOnly): Effect must be Allow or Deny, not 'allow'}
     */
    public static PolicyDocument parse(String json) {
        return parse(json, MANAGED_POLICY_MAX_CHARACTERS);
    }

    /**
     * Parses a policy document of at most {@code maxCharacters} characters not counting white
     * space (AWS: 2,048 for a user's inline policies, 5,120 for a group's, 10,240 for a role's).
     *
     * @throws MalformedPolicyDocumentException saying what is wrong and where
     */
    public static PolicyDocument parse(String json, int maxCharacters) {
        return PolicyParser.parse(json, maxCharacters);
    }

    /** This document under a name (a policy ARN or an inline policy's name) that decisions report. */
    public PolicyDocument named(String policyName) {
        return new PolicyDocument(text, version, id, statements, Objects.requireNonNull(policyName, "policyName"));
    }

    /** The name given with {@link #named}, if any. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The policy language version: {@value #VERSION_2012_10_17} or {@value #VERSION_2008_10_17}. */
    public String version() {
        return version;
    }

    /** The document's {@code Id}, if it has one. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The statements, in document order. */
    public List<Statement> statements() {
        return statements;
    }

    /** The JSON text the document was parsed from, exactly as given. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return (name == null ? "policy" : name) + " " + statements;
    }
}
