package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access key: the id a client signs with, and its secret sealed under the server's master key. */
@Entity
@Table(name = "access_key")
public class AccessKey {

    @Id
    @Column(name = "access_key_id")
    private String accessKeyId;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "user_name", nullable = false, updatable = false)
    private String userName;
    @Column(name = "secret_sealed", nullable = false, updatable = false)
    private String secretSealed;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected AccessKey() {
    }

    public AccessKey(String accessKeyId, String accountId, String userName, String secretSealed, String status, Instant createdAt) {
        this.accessKeyId = accessKeyId;
        this.accountId = accountId;
        this.userName = userName;
        this.secretSealed = secretSealed;
        this.status = status;
        this.createdAt = createdAt;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getUserName() {
        return userName;
    }

    public String getSecretSealed() {
        return secretSealed;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }
}
