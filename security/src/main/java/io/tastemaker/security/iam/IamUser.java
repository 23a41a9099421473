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
    /** Failed console sign-ins since the last successful one (or since the last lockout ended). */
    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;
    /** The end of the current console lockout; null or past when the user is not locked. */
    @Column(name = "locked_until")
    private Instant lockedUntil;

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

    /** Failed console sign-ins in a row; see {@link SignInLockout}. */
    public int getFailedSignIns() {
        return failedSignIns;
    }

    /** When the console lockout ends; null if the user was never locked or the lock was lifted. */
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    void setFailedSignIns(int failedSignIns) {
        this.failedSignIns = failedSignIns;
    }

    void setLockedUntil(Instant lockedUntil) {
        this.lockedUntil = lockedUntil;
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
