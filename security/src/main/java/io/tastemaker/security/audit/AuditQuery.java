package io.tastemaker.security.audit;

import java.time.Instant;

/**
 * A search of the audit trail; every criterion is optional (null matches everything).
 *
 * @param from         records at or after this time
 * @param to           records before this time
 * @param accountId    only this account's records (the operator's account may name any account;
 *                     another account only its own)
 * @param principal    the IAM user name, exactly
 * @param actionPrefix the start of the action, e.g. {@code personalize:Create} or {@code kms:}
 * @param resource     a text that one of the record's ARNs contains
 * @param outcome      {@code Success} or {@code Failure}
 * @param sourceIp     the client address, exactly
 * @param accessKeyId  the access key id, exactly
 * @param eventId      the record's event id, exactly
 * @param eventName    the operation part of the action, exactly (e.g. {@code CreateCampaign})
 */
public record AuditQuery(Instant from, Instant to, String accountId, String principal, String actionPrefix,
                         String resource, String outcome, String sourceIp, String accessKeyId, String eventId,
                         String eventName) {

    /** A query that matches every record the viewer may read. */
    public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null, null, null, null, null, null, null);

    /** A query on the criteria of the console's search form. */
    public AuditQuery(Instant from, Instant to, String accountId, String principal, String actionPrefix, String resource,
                      String outcome, String sourceIp) {
        this(from, to, accountId, principal, actionPrefix, resource, outcome, sourceIp, null, null, null);
    }

    public AuditQuery {
        accountId = blankToNull(accountId);
        principal = blankToNull(principal);
        actionPrefix = blankToNull(actionPrefix);
        resource = blankToNull(resource);
        outcome = blankToNull(outcome);
        sourceIp = blankToNull(sourceIp);
        accessKeyId = blankToNull(accessKeyId);
        eventId = blankToNull(eventId);
        eventName = blankToNull(eventName);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new AuditQueryException("InvalidTimeRangeException",
                    "The start of the time range (" + from + ") must be before its end (" + to + ").");
        }
        if (outcome != null && !AuditRecord.SUCCESS.equals(outcome) && !AuditRecord.FAILURE.equals(outcome)) {
            throw new AuditQueryException("InvalidLookupAttributesException",
                    "The outcome is " + AuditRecord.SUCCESS + " or " + AuditRecord.FAILURE + ", not " + outcome + ".");
        }
    }

    /** The same query limited to one account. */
    public AuditQuery forAccount(String account) {
        return new AuditQuery(from, to, account, principal, actionPrefix, resource, outcome, sourceIp, accessKeyId, eventId,
                eventName);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
