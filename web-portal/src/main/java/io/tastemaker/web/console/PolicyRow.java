package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamDirectory.PolicyView;
import java.io.Serializable;

/**
 * A managed policy as the console lists it: a ready-made one (like an AWS managed policy) or one
 * of the account's own, with the number of users and groups it is attached to. The document is
 * read only when the person asks to see it.
 */
public final class PolicyRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final boolean readyMade;
    private final long attachments;
    private final String description;
    private final String created;

    PolicyRow(String name, String arn, boolean readyMade, long attachments, String description, String created) {
        this.name = name;
        this.arn = arn;
        this.readyMade = readyMade;
        this.attachments = attachments;
        this.description = description;
        this.created = created;
    }

    static PolicyRow of(PolicyView policy) {
        return new PolicyRow(policy.policyName(), policy.arn(), policy.readyMade(), policy.attachmentCount(),
                policy.description(), ConsoleFormat.time(policy.createdAt()));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public boolean isReadyMade() {
        return readyMade;
    }

    /** {@code Ready-made} or {@code Customer}, as IAM's console says AWS managed and customer managed. */
    public String getKind() {
        return readyMade ? "Ready-made" : "Customer";
    }

    public long getAttachments() {
        return attachments;
    }

    public String getDescription() {
        return description;
    }

    public String getCreated() {
        return created;
    }
}
