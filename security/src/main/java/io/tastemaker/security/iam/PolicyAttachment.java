package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A managed policy attached to a user or a group of an account. */
@Entity
@Table(name = "iam_attachment")
@IdClass(PolicyAttachment.Key.class)
public class PolicyAttachment {

    public static final String USER = "user";
    public static final String GROUP = "group";

    @Id
    @Column(name = "account_id")
    private String accountId;
    @Id
    @Column(name = "principal_type")
    private String principalType;
    @Id
    @Column(name = "principal_name")
    private String principalName;
    @Id
    @Column(name = "policy_arn")
    private String policyArn;

    protected PolicyAttachment() {
    }

    public PolicyAttachment(String accountId, String principalType, String principalName, String policyArn) {
        this.accountId = accountId;
        this.principalType = principalType;
        this.principalName = principalName;
        this.policyArn = policyArn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getPrincipalType() {
        return principalType;
    }

    public String getPrincipalName() {
        return principalName;
    }

    public String getPolicyArn() {
        return policyArn;
    }

    /** The composite key: a policy is attached to a principal at most once. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private String principalType;
        private String principalName;
        private String policyArn;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(principalType, k.principalType)
                    && Objects.equals(principalName, k.principalName) && Objects.equals(policyArn, k.policyArn);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, principalType, principalName, policyArn);
        }
    }
}
