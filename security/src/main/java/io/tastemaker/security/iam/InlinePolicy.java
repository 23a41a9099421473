package io.tastemaker.security.iam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A policy document embedded in one user or group (PutUserPolicy); it has no ARN of its own. */
@Entity
@Table(name = "iam_inline_policy")
@IdClass(InlinePolicy.Key.class)
public class InlinePolicy {

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
    @Column(name = "policy_name")
    private String policyName;
    @Column(name = "document", nullable = false)
    private String document;

    protected InlinePolicy() {
    }

    public InlinePolicy(String accountId, String principalType, String principalName, String policyName, String document) {
        this.accountId = accountId;
        this.principalType = principalType;
        this.principalName = principalName;
        this.policyName = policyName;
        this.document = document;
    }

    public String getPolicyName() {
        return policyName;
    }

    public String getPrincipalName() {
        return principalName;
    }

    public String getDocument() {
        return document;
    }

    /** PutUserPolicy replaces the document of a policy name that exists. */
    public void setDocument(String document) {
        this.document = document;
    }

    /** The composite key: policy names are unique per principal. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String accountId;
        private String principalType;
        private String principalName;
        private String policyName;

        public Key() {
        }

        public Key(String accountId, String principalType, String principalName, String policyName) {
            this.accountId = accountId;
            this.principalType = principalType;
            this.principalName = principalName;
            this.policyName = policyName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(principalType, k.principalType)
                    && Objects.equals(principalName, k.principalName) && Objects.equals(policyName, k.policyName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, principalType, principalName, policyName);
        }
    }
}
