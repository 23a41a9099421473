package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A customer managed policy: a named policy document of an account that can be attached to its
 * users and groups. One version ({@code v1}) per policy: documents are replaced by a new policy.
 */
@Entity
@Table(name = "iam_policy")
public class ManagedPolicy {

    @Id
    @Column(name = "arn")
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "policy_name", nullable = false, updatable = false)
    private String policyName;
    @Column(name = "policy_id", nullable = false, updatable = false)
    private String policyId;
    @Column(name = "path", nullable = false, updatable = false)
    private String path;
    @Column(name = "description", updatable = false)
    private String description;
    @Column(name = "document", nullable = false, updatable = false)
    private String document;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ManagedPolicy() {
    }

    public ManagedPolicy(String arn, String accountId, String policyName, String path, String description,
                         String document, Instant createdAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.policyName = policyName;
        this.policyId = IamIds.newId(IamIds.POLICY_PREFIX);
        this.path = path;
        this.description = description;
        this.document = document;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public String getArn() {
        return arn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getPolicyName() {
        return policyName;
    }

    public String getPolicyId() {
        return policyId;
    }

    public String getPath() {
        return path;
    }

    public String getDescription() {
        return description;
    }

    public String getDocument() {
        return document;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
