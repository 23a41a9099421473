package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A user of an account: signs in to the console with a password, owns access keys. */
@Entity
@Table(name = "iam_user")
@IdClass(IamUser.Key.class)
public class IamUser {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Id
    @Column(name = "user_name")
    private String userName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "user_id", updatable = false)
    private String userId;
    @Column(name = "path", nullable = false, updatable = false)
    private String path = "/";

    protected IamUser() {
    }

    public IamUser(String accountId, String userName, String passwordHash, Instant createdAt) {
        this(accountId, userName, "/", IamIds.newId(IamIds.USER_PREFIX), passwordHash, createdAt);
    }

    public IamUser(String accountId, String userName, String path, String userId, String passwordHash, Instant createdAt) {
        this.accountId = accountId;
        this.userName = userName;
        this.path = path;
        this.userId = userId;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    /** IAM's unique id of the user ({@code AIDA...}), which never names another user, even after a delete. */
    public String getUserId() {
        return userId;
    }

    public String getPath() {
        return path;
    }

    /** Sets or (with null) removes the console password's hash: IAM's login profile. */
    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getUserName() {
        return userName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The composite key: user names are unique within an account. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private String userName;

        public Key() {
        }

        public Key(String accountId, String userName) {
            this.accountId = accountId;
            this.userName = userName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(userName, k.userName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, userName);
        }
    }
}
