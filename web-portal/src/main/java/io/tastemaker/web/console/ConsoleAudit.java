package io.tastemaker.web.console;

import io.tastemaker.security.audit.AuditEntry;
import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.audit.AuditTrail;
import io.tastemaker.security.error.ServiceException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;

/**
 * The console's hook into the audit trail: a bean calls {@link #record} after an action that
 * changes something, with the IAM action it performed (e.g. {@code personalize:CreateFilter}), the
 * ARN it acted on, and the error it met, if any. The record carries the signed-in account and
 * user, service {@code console}, the browser's address and user agent. Sign-in and sign-out have
 * their own methods ({@code console:SignIn}, {@code console:SignOut}).
 */
@RequestScoped
public class ConsoleAudit {

    static final String SERVICE = "console";
    static final String SIGN_IN = "console:SignIn";
    static final String SIGN_OUT = "console:SignOut";
    /** The error code of a refused sign-in, as CloudTrail's ConsoleLogin records it. */
    static final String SIGN_IN_FAILED = "FailedAuthentication";

    @Inject
    ConsoleSession session;
    @Inject
    AuditTrail trail;
    @Inject
    AuditStore store;
    @Inject
    HttpServletRequest request;
    @Inject
    Clock clock;

    /**
     * Records an action of the signed-in user.
     *
     * @param action   the IAM action, e.g. {@code personalize:CreateDatasetGroup}
     * @param resource the ARN acted on, or null
     * @param failure  the error the action met, or null if it succeeded
     */
    public void record(String action, String resource, ServiceException failure) {
        write(session.getAccountId(), session.getUserName(), action, resource, failure == null,
                failure == null ? 200 : failure.httpStatus(), failure == null ? null : failure.errorName());
    }

    /** Records a successful action of the signed-in user. */
    public void record(String action, String resource) {
        record(action, resource, null);
    }

    /** Records a successful sign-in. */
    void signedIn(String accountId, String userName) {
        write(accountId, userName, SIGN_IN, null, true, 200, null);
    }

    /**
     * Records a refused sign-in against the account it named, if that account exists, and under
     * the user name only if that user exists there: a password typed into the user field must
     * not reach the trail.
     */
    void signInFailed(String account, String userName) {
        var target = store.signInTarget(account, userName);
        write(target.map(AuditStore.SignInTarget::accountId).orElse(null),
                target.map(AuditStore.SignInTarget::userName).orElse(null), SIGN_IN, null, false, 401, SIGN_IN_FAILED);
    }

    /** Records a sign-out, before the session ends. */
    void signedOut() {
        write(session.getAccountId(), session.getUserName(), SIGN_OUT, null, true, 200, null);
    }

    private void write(String accountId, String principal, String action, String resource, boolean success, int status,
                       String errorCode) {
        trail.record(new AuditEntry(clock.instant(), accountId, principal, null, SERVICE, action,
                resource == null ? List.of() : List.of(resource), request.getRemoteAddr(), request.getHeader("User-Agent"),
                success, status, errorCode));
    }
}
