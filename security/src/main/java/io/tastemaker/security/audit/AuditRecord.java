package io.tastemaker.security.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One audit record as stored: an {@link AuditEntry} with its place in a hash chain. Every column
 * is insert-only ({@code updatable = false}) and the class has no setters: records are appended,
 * never changed. {@link AuditChain#hash} over the fields gives {@link #getHash()}.
 */
@Entity
@Table(name = "audit_event")
@IdClass(AuditRecord.Key.class)
public class AuditRecord {

    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";
    /** The chain of calls whose account is unknown (e.g. an unknown access key). */
    public static final String NO_ACCOUNT_CHAIN = "-";

    @Id
    @Column(name = "chain_id", updatable = false)
    private String chainId;
    @Id
    @Column(name = "seq", updatable = false)
    private long seq;
    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;
    @Column(name = "event_time", nullable = false, updatable = false)
    private Instant eventTime;
    @Column(name = "account_id", updatable = false)
    private String accountId;
    @Column(name = "principal", updatable = false)
    private String principal;
    @Column(name = "access_key_id", updatable = false)
    private String accessKeyId;
    @Column(name = "service", nullable = false, updatable = false)
    private String service;
    @Column(name = "action", nullable = false, updatable = false)
    private String action;
    @Column(name = "resources", updatable = false)
    private String resources;
    @Column(name = "source_ip", updatable = false)
    private String sourceIp;
    @Column(name = "user_agent", updatable = false)
    private String userAgent;
    @Column(name = "outcome", nullable = false, updatable = false)
    private String outcome;
    @Column(name = "http_status", nullable = false, updatable = false)
    private int httpStatus;
    @Column(name = "error_code", updatable = false)
    private String errorCode;
    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;
    @Column(name = "hash", nullable = false, updatable = false)
    private String hash;

    protected AuditRecord() {
    }

    AuditRecord(String chainId, long seq, String eventId, Instant eventTime, String accountId, String principal,
                String accessKeyId, String service, String action, String resources, String sourceIp, String userAgent,
                String outcome, int httpStatus, String errorCode, String prevHash, String hash) {
        this.chainId = chainId;
        this.seq = seq;
        this.eventId = eventId;
        this.eventTime = eventTime;
        this.accountId = accountId;
        this.principal = principal;
        this.accessKeyId = accessKeyId;
        this.service = service;
        this.action = action;
        this.resources = resources;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.prevHash = prevHash;
        this.hash = hash;
    }

    /** The chain an entry belongs to: its account's, or {@link #NO_ACCOUNT_CHAIN}. */
    public static String chainOf(String accountId) {
        return accountId == null ? NO_ACCOUNT_CHAIN : accountId;
    }

    /**
     * Links an entry after the chain's head: the next sequence number, the head's hash as the
     * previous hash, and its own hash over both.
     */
    static AuditRecord link(AuditEntry entry, String eventId, ChainHead head) {
        String resources = entry.resources().isEmpty() ? null : String.join("\n", entry.resources());
        AuditRecord r = new AuditRecord(chainOf(entry.accountId()), head.seq() + 1, eventId, entry.time(),
                entry.accountId(), entry.principal(), entry.accessKeyId(), entry.service(), entry.action(), resources,
                entry.sourceIp(), entry.userAgent(), entry.outcome(), entry.httpStatus(), entry.errorCode(), head.hash(),
                null);
        r.hash = AuditChain.hash(head.hash(), r);
        return r;
    }

    public String getChainId() {
        return chainId;
    }

    public long getSeq() {
        return seq;
    }

    public String getEventId() {
        return eventId;
    }

    public Instant getEventTime() {
        return eventTime;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getPrincipal() {
        return principal;
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public String getService() {
        return service;
    }

    public String getAction() {
        return action;
    }

    /** The resource ARNs, one per line as stored; null if none. */
    public String getResources() {
        return resources;
    }

    /** The resource ARNs as a list. */
    public List<String> resourceList() {
        return resources == null || resources.isEmpty() ? List.of() : Arrays.asList(resources.split("\n"));
    }

    public String getSourceIp() {
        return sourceIp;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getOutcome() {
        return outcome;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    /** The primary key: a chain and a place in it. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private String chainId;
        private long seq;

        public Key() {
        }

        public Key(String chainId, long seq) {
            this.chainId = chainId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && seq == k.seq && Objects.equals(chainId, k.chainId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chainId, seq);
        }
    }
}
