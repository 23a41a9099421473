package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A group of users in an account: the policies attached to it apply to every member. */
@Entity
@Table(name = "iam_group")
@IdClass(IamGroup.Key.class)
public class IamGroup {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Id
    @Column(name = "group_name")
    private String groupName;
    @Column(name = "group_id", nullable = false, updatable = false)
    private String groupId;
    @Column(name = "path", nullable = false, updatable = false)
    private String path;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IamGroup() {
    }

    public IamGroup(String accountId, String groupName, String path, Instant createdAt) {
        this.accountId = accountId;
        this.groupName = groupName;
        this.groupId = IamIds.newId(IamIds.GROUP_PREFIX);
        this.path = path;
        this.createdAt = createdAt;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getGroupName() {
        return groupName;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getPath() {
        return path;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The composite key: group names are unique within an account. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private String groupName;

        public Key() {
        }

        public Key(String accountId, String groupName) {
            this.accountId = accountId;
            this.groupName = groupName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(groupName, k.groupName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, groupName);
        }
    }
}
