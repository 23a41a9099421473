package io.tastemaker.web.console;

import io.tastemaker.security.audit.AuditRecord;
import java.io.Serializable;

/** An audit record as the console shows it. */
public final class AuditRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String time;
    private final String accountId;
    private final String principal;
    private final String accessKeyId;
    private final String service;
    private final String action;
    private final String resources;
    private final String sourceIp;
    private final String userAgent;
    private final String outcome;
    private final int httpStatus;
    private final String errorCode;
    private final String place;

    private AuditRow(AuditRecord r) {
        time = ConsoleFormat.time(r.getEventTime());
        accountId = r.getAccountId();
        principal = r.getPrincipal();
        accessKeyId = r.getAccessKeyId();
        service = r.getService();
        action = r.getAction();
        resources = r.getResources();
        sourceIp = r.getSourceIp();
        userAgent = r.getUserAgent();
        outcome = r.getOutcome();
        httpStatus = r.getHttpStatus();
        errorCode = r.getErrorCode();
        place = r.getChainId() + " #" + r.getSeq();
    }

    static AuditRow of(AuditRecord r) {
        return new AuditRow(r);
    }

    public String getTime() {
        return time;
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

    public String getResources() {
        return resources;
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

    public boolean isSuccess() {
        return AuditRecord.SUCCESS.equals(outcome);
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getErrorCode() {
        return errorCode;
    }

    /** The record's chain and place in it, e.g. {@code 123456789012 #42}. */
    public String getPlace() {
        return place;
    }
}
