package io.tastemaker.security.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One call or console action as the edge saw it, before it is chained. Text fields are cut to
 * their column widths here, so that an oversized user agent or ARN can never make a batch fail.
 * Nothing in it may be a secret: the edges pass identifiers, never bodies, passwords or keys.
 *
 * @param time        when the call ended, to the millisecond
 * @param accountId   the caller's account; for refused calls the account of the access key if it
 *                    is known; null if no account is known
 * @param principal   the IAM user name, or null
 * @param accessKeyId the access key that signed the call, or null (console actions)
 * @param service     the service addressed: {@code personalize}, {@code kms}, {@code iam},
 *                    {@code tastemaker}, {@code cloudtrail} or {@code console}
 * @param action      e.g. {@code personalize:CreateCampaign}, {@code console:SignIn}
 * @param resources   the ARNs the action acted on (may be empty)
 * @param sourceIp    the client's address as the server saw it
 * @param userAgent   the client's {@code User-Agent}, or null
 * @param success     whether the call succeeded
 * @param httpStatus  the HTTP status of the answer
 * @param errorCode   the AWS error code of a failure, e.g. {@code ResourceNotFoundException}
 */
public record AuditEntry(Instant time, String accountId, String principal, String accessKeyId, String service,
                         String action, List<String> resources, String sourceIp, String userAgent, boolean success,
                         int httpStatus, String errorCode) {

    static final int MAX_PRINCIPAL = 128;
    static final int MAX_ACCESS_KEY_ID = 128;
    static final int MAX_SERVICE = 32;
    static final int MAX_ACTION = 160;
    static final int MAX_RESOURCES = 4000;
    static final int MAX_SOURCE_IP = 64;
    static final int MAX_USER_AGENT = 512;
    static final int MAX_ERROR_CODE = 128;

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        time = time.truncatedTo(ChronoUnit.MILLIS);
        accountId = accountId == null || accountId.isEmpty() ? null : cut(accountId, 12);
        principal = cut(principal, MAX_PRINCIPAL);
        accessKeyId = cut(accessKeyId, MAX_ACCESS_KEY_ID);
        service = cut(service, MAX_SERVICE);
        action = cut(action, MAX_ACTION);
        resources = fit(resources == null ? List.of() : resources);
        sourceIp = cut(sourceIp, MAX_SOURCE_IP);
        userAgent = cut(userAgent, MAX_USER_AGENT);
        errorCode = cut(errorCode, MAX_ERROR_CODE);
    }

    /** {@code Success} or {@code Failure}, as stored and searched. */
    public String outcome() {
        return success ? AuditRecord.SUCCESS : AuditRecord.FAILURE;
    }

    /** The ARNs that fit the column when joined with new lines; the rest are left out. */
    private static List<String> fit(List<String> resources) {
        int length = 0;
        java.util.ArrayList<String> kept = new java.util.ArrayList<>();
        for (String r : resources) {
            if (r == null || r.isEmpty()) {
                continue;
            }
            r = cut(r, MAX_RESOURCES);
            length += r.length() + (kept.isEmpty() ? 0 : 1);
            if (length > MAX_RESOURCES) {
                break;
            }
            kept.add(r);
        }
        return List.copyOf(kept);
    }

    /**
     * The value cut to {@code max} characters (never between the two halves of a surrogate pair),
     * with control characters replaced by {@code ?}: PostgreSQL refuses NUL in text, and a value
     * the database would change could no longer be checked against its hash.
     */
    static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        int end = Math.min(value.length(), max);
        if (end < value.length() && end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = null;
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            boolean bad = c < 0x20 || c == 0x7f || (Character.isSurrogate(c) && !pairedAt(value, i, end));
            if (bad && out == null) {
                out = new StringBuilder(end).append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '?' : c);
            }
        }
        return out != null ? out.toString() : end == value.length() ? value : value.substring(0, end);
    }

    private static boolean pairedAt(String value, int i, int end) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < end && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
