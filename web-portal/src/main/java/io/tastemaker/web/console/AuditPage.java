package io.tastemaker.web.console;

import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.audit.AuditTrail;
import io.tastemaker.security.audit.VerificationReport;
import io.tastemaker.security.error.ServiceException;
import io.tastemaker.security.iam.IamService;
import io.tastemaker.web.auth.Authorizer;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit page ({@code audit.xhtml}): a search of the account's audit trail (the operator's
 * account sees every account's, and may narrow to one) by time range, principal, action prefix,
 * resource, outcome and source address, a page at a time, newest first; the current search as a
 * JSON lines or CSV download ({@link AuditExportServlet}); and a check of the hash chains.
 * Reading needs {@code cloudtrail:LookupEvents} and verifying {@code tastemaker:VerifyAuditTrail}
 * in the user's policies, as over the API.
 */
@Named("auditPage")
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 25;
    static final String LOOKUP = "cloudtrail:LookupEvents";
    static final String VERIFY = "tastemaker:VerifyAuditTrail";
    /** How long a search waits for entries still queued, so that the action just made shows. */
    private static final Duration FRESHNESS = Duration.ofSeconds(2);

    @Inject
    ConsoleSession session;
    @Inject
    AuditStore store;
    @Inject
    AuditTrail trail;
    @Inject
    IamService iam;
    @Inject
    Authorizer authorizer;
    @Inject
    HttpServletRequest request;

    private final Map<String, String> criteria = new LinkedHashMap<>();
    private Map<String, String> searched = Map.of();
    private boolean operator;
    private int page;
    private long total;
    private List<AuditRow> rows = List.of();
    private List<String> verification = List.of();
    private boolean verified;
    private boolean chainsIntact;
    private boolean allowed;

    @PostConstruct
    void init() {
        operator = iam.isOperator(session.accountId());
        for (String field : AuditSearchForm.FIELDS) {
            criteria.put(field, null);
        }
        allowed = permits(LOOKUP);
        if (!allowed) {
            ConsoleMessages.error("Your policies do not allow " + LOOKUP + ": ask your account's administrator.");
            return;
        }
        search();
    }

    /** Runs the search in the form from its first page. */
    public void search() {
        if (!allowed) {
            return;
        }
        try {
            AuditSearchForm.query(criteria);
        } catch (ServiceException e) {
            ConsoleMessages.error(e.getMessage());
            return;
        }
        searched = new LinkedHashMap<>(criteria);
        page = 0;
        load();
    }

    public void next() {
        if ((long) (page + 1) * PAGE_SIZE < total) {
            page++;
            load();
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            load();
        }
    }

    private void load() {
        try {
            trail.awaitWritten(FRESHNESS);
            var found = store.search(session.accountId(), AuditSearchForm.query(searched), page * PAGE_SIZE, PAGE_SIZE);
            rows = found.records().stream().map(AuditRow::of).toList();
            total = found.total();
        } catch (ServiceException e) {
            rows = List.of();
            total = 0;
            ConsoleMessages.error(e.getMessage());
        }
    }

    /** Walks every chain this account may read and shows what each walk found. */
    public void verify() {
        if (!permits(VERIFY)) {
            ConsoleMessages.error("Your policies do not allow " + VERIFY + ".");
            return;
        }
        trail.awaitWritten(FRESHNESS);
        List<VerificationReport> reports = store.verifyAll(session.accountId());
        verification = reports.stream().map(VerificationReport::describe).toList();
        chainsIntact = reports.stream().allMatch(VerificationReport::intact);
        verified = true;
    }

    /** The export link of the current search, e.g. {@code audit/export?format=csv&action=kms%3A}. */
    public String exportUrl(String format) {
        String query = AuditSearchForm.queryString(searched);
        return "audit/export?format=" + format + (query.isEmpty() ? "" : "&" + query);
    }

    public String getJsonExportUrl() {
        return exportUrl(AuditExportServlet.JSON_LINES);
    }

    public String getCsvExportUrl() {
        return exportUrl(AuditExportServlet.CSV);
    }

    /** Whether the signed-in user's policies allow {@code action} on the account's trail. */
    boolean permits(String action) {
        return authorizer.decide(session.accountId(), session.getUserName(), action, List.of("*"), request).isAllowed();
    }

    /** Whether the user may read the audit trail (the page shows nothing otherwise). */
    public boolean isAllowed() {
        return allowed;
    }

    public Map<String, String> getCriteria() {
        return criteria;
    }

    public boolean isOperator() {
        return operator;
    }

    public List<AuditRow> getRows() {
        return rows;
    }

    public long getTotal() {
        return total;
    }

    /** {@code 26–50 of 120}, or {@code none}. */
    public String getRange() {
        if (total == 0) {
            return "no record";
        }
        long first = (long) page * PAGE_SIZE + 1;
        return ConsoleFormat.count(first) + "\u2013" + ConsoleFormat.count(first + rows.size() - 1) + " of "
                + ConsoleFormat.count(total);
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < total;
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public List<String> getVerification() {
        return verification;
    }

    public boolean isVerified() {
        return verified;
    }

    public boolean isChainsIntact() {
        return chainsIntact;
    }
}
