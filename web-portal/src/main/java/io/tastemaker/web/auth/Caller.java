package io.tastemaker.web.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * Who made the current API request, as Signature Version 4 proved it, and what it asked for:
 * the service it was addressed to, and, once the operation is known, the IAM action (e.g.
 * {@code personalize:CreateCampaign}) and the resource ARNs it acts on. Authorisation and the
 * audit trail read the same record.
 */
@RequestScoped
public class Caller {

    private ApiService service = ApiService.PERSONALIZE;
    private String accountId;
    private String principal;
    private String accessKeyId;
    private String action;
    private List<String> resources = List.of();

    void set(String accountId, String principal, String accessKeyId) {
        this.accountId = accountId;
        this.principal = principal;
        this.accessKeyId = accessKeyId;
    }

    void service(ApiService service) {
        this.service = service;
    }

    /** The caller's account; every domain call is scoped by it. */
    public String accountId() {
        if (accountId == null) {
            throw new IllegalStateException("The request was not authenticated.");
        }
        return accountId;
    }

    /** True once the request's signature has been verified. */
    public boolean authenticated() {
        return accountId != null;
    }

    /** The IAM user name that signed the request. */
    public String principal() {
        return principal;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** The service the request was addressed to; Personalize until the signature filter has run. */
    public ApiService service() {
        return service;
    }

    /** The IAM action of the request, e.g. {@code personalize:GetRecommendations}; null before dispatch. */
    public String action() {
        return action;
    }

    /** The ARNs the action acts on ({@code *} for account-wide actions such as List*). */
    public List<String> resources() {
        return resources;
    }

    /** Records what the request asks for, once the operation that serves it is known. */
    public void request(String action, List<String> resources) {
        this.action = action;
        this.resources = List.copyOf(resources);
    }
}
