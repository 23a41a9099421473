package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A user's membership of a group. */
@Entity
@Table(name = "iam_group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Id
    @Column(name = "group_name")
    private String groupName;
    @Id
    @Column(name = "user_name")
    private String userName;

    protected GroupMember() {
    }

    public GroupMember(String accountId, String groupName, String userName) {
        this.accountId = accountId;
        this.groupName = groupName;
        this.userName = userName;
    }

    public String getGroupName() {
        return groupName;
    }

    public String getUserName() {
        return userName;
    }

    /** The composite key: a user is a member of a group at most once. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private String groupName;
        private String userName;

        public Key() {
        }

        public Key(String accountId, String groupName, String userName) {
            this.accountId = accountId;
            this.groupName = groupName;
            this.userName = userName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(groupName, k.groupName)
                    && Objects.equals(userName, k.userName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, groupName, userName);
        }
    }
}
