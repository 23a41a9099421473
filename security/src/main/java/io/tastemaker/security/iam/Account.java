package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account: a hard wall around one customer's users, keys and resources. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "operator", nullable = false, updatable = false)
    private boolean operator;

    protected Account() {
    }

    public Account(String accountId, String name, String status, Instant createdAt, boolean operator) {
        this.accountId = accountId;
        this.name = name;
        this.status = status;
        this.createdAt = createdAt;
        this.operator = operator;
    }

    /** The operator's account creates, lists and suspends the others; it cannot be suspended. */
    public boolean isOperator() {
        return operator;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
