package io.tastemaker.web.auth;

import jakarta.ws.rs.core.MediaType;

/**
 * The AWS services this server speaks, each with the signing name its clients scope their
 * Signature Version 4 credentials to. A request is assigned to one before its signature is
 * checked, so that a signature made for one service cannot be replayed against another.
 */
public enum ApiService {
    /** Personalize's control plane ({@code AmazonPersonalize.*}), runtime and events APIs. */
    PERSONALIZE("personalize", "AmazonPersonalize."),
    /** AWS KMS's JSON 1.1 protocol ({@code TrentService.*}). */
    KMS("kms", "TrentService."),
    /** Tastemaker's own operator operations ({@code Tastemaker.*}), e.g. creating accounts. */
    TASTEMAKER("tastemaker", "Tastemaker."),
    /** AWS CloudTrail's JSON 1.1 protocol: LookupEvents over the audit trail. */
    CLOUDTRAIL("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101."),
    /** AWS IAM's Query protocol: a form-encoded {@code POST /} with {@code Action=...}. */
    IAM("iam", null);

    private final String signingName;
    private final String targetPrefix;

    ApiService(String signingName, String targetPrefix) {
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
    }

    /** The service name in the credential scope of a signature, e.g. {@code personalize}. */
    public String signingName() {
        return signingName;
    }

    /** The prefix of {@code X-Amz-Target} for JSON 1.1 services, e.g. {@code TrentService.}; null for IAM. */
    public String targetPrefix() {
        return targetPrefix;
    }

    /**
     * The service a request is addressed to. Only {@code POST /} is shared: it is told apart by
     * {@code X-Amz-Target} (JSON 1.1) or a form body (IAM's Query protocol). Every other path is
     * Personalize's runtime or events API.
     */
    public static ApiService of(String method, String path, String target, String contentType) {
        if (!"POST".equals(method) || !("/".equals(path) || path.isEmpty())) {
            return PERSONALIZE;
        }
        if (target != null) {
            for (ApiService service : values()) {
                if (service.targetPrefix != null && target.startsWith(service.targetPrefix)) {
                    return service;
                }
            }
            return PERSONALIZE;
        }
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            return IAM;
        }
        return PERSONALIZE;
    }
}
