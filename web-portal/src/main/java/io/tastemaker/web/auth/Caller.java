package io.tastemaker.web.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who made the current API request, as Signature Version 4 proved it. */
@RequestScoped
public class Caller {

    private String accountId;
    private String principal;
    private String accessKeyId;

    void set(String accountId, String principal, String accessKeyId) {
        this.accountId = accountId;
        this.principal = principal;
        this.accessKeyId = accessKeyId;
    }

    /** The caller's account; every domain call is scoped by it. */
    public String accountId() {
        if (accountId == null) {
            throw new IllegalStateException("The request was not authenticated.");
        }
        return accountId;
    }

    public String principal() {
        return principal;
    }

    public String accessKeyId() {
        return accessKeyId;
    }
}
