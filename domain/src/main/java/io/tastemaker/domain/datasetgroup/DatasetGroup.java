package io.tastemaker.domain.datasetgroup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset group: the container of one application's datasets, solutions and campaigns. */
@Entity
@Table(name = "dataset_group")
public class DatasetGroup {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(nullable = false, updatable = false)
    private String name;
    @Column(nullable = false)
    private String status;
    @Column(name = "role_arn")
    private String roleArn;
    @Column(name = "kms_key_arn")
    private String kmsKeyArn;
    /** The group's data key encrypted under {@link #kmsKeyArn} (base64 KMS ciphertext); null when not encrypted. */
    @Column(name = "data_key", updatable = false)
    private String dataKey;
    private String domain;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DatasetGroup() {
    }

    public DatasetGroup(String arn, String accountId, String name, String roleArn, String domain, String status, Instant now) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.roleArn = roleArn;
        this.domain = domain;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Encrypts this new group's data at rest under a KMS key, with a data key encrypted under it. */
    public void encryptWith(String kmsKeyArn, String dataKey) {
        this.kmsKeyArn = kmsKeyArn;
        this.dataKey = dataKey;
    }

    /** The data key encrypted under the KMS key (base64), or null for a group not encrypted at rest. */
    public String getDataKey() {
        return dataKey;
    }

    public String getArn() {
        return arn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getKmsKeyArn() {
        return kmsKeyArn;
    }

    public String getDomain() {
        return domain;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
