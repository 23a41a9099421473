package io.tastemaker.web.console;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.error.AccessDeniedException;
import io.tastemaker.security.iam.Account;
import io.tastemaker.security.iam.IamService;
import io.tastemaker.security.iam.PrincipalPolicies;
import io.tastemaker.security.policy.Decision;
import io.tastemaker.web.auth.Authorizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Authorises what the person signed in to the console does, with the same policy engine, the
 * same action names and the same resource ARNs as the API: creating a user in the console is
 * {@code iam:CreateUser} on the new user's ARN, exactly as IAM's CreateUser is. A bean calls
 * {@link #require} before it calls a service; a refusal is an {@link AccessDeniedException} with
 * AWS's wording, which the bean shows as it shows any service error, and nothing has changed.
 *
 * <p>Also refuses everything once the signed-in user's account is suspended, as the API refuses
 * that account's keys, and answers whether the user belongs to the operator's account (the
 * navigation shows the Accounts page only then).
 */
@Named("consoleAccess")
@ApplicationScoped
public class ConsoleAccess {

    /** The API's answer to an operator's operation asked from another account (AccountOperations). */
    static final String OPERATOR_ONLY = "Only the operator's account manages accounts.";

    @Inject
    ConsoleSession session;
    @Inject
    Authorizer authorizer;
    @Inject
    PrincipalPolicies policies;
    @Inject
    IamService accounts;
    @Inject
    HttpServletRequest request;
    @Inject
    Arns arns;

    /**
     * Allows the signed-in user to perform {@code action} (e.g. {@code iam:CreateUser}) on
     * {@code resources}, or throws.
     *
     * @throws AccessDeniedException if a policy denies it, none allows it, or the account is suspended
     */
    public void require(String action, List<String> resources) {
        String accountId = session.accountId();
        requireActive(accountId);
        Decision decision = authorizer.decide(accountId, session.getUserName(), action, resources, request);
        if (!decision.isAllowed()) {
            throw new AccessDeniedException(decision.accessDeniedMessage(policies.of(accountId, session.getUserName()).arn()));
        }
    }

    /** {@link #require(String, List)} on one resource. */
    public void require(String action, String resource) {
        require(action, List.of(resource));
    }

    /**
     * The ARN a Personalize resource created under {@code name} in the signed-in account would
     * have, which is what its Create action is authorised on; {@code *} in place of a blank name
     * (the service then refuses the name).
     */
    public String newArn(ResourceType type, String name) {
        return arns.of(session.accountId(), type, name == null || name.isBlank() ? "*" : name.strip());
    }

    /** Whether {@link #require} would allow it; for what a page offers, never for what it does. */
    public boolean allows(String action, String resource) {
        try {
            require(action, List.of(resource));
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * An operator's operation ({@code tastemaker:CreateAccount}, ...): as over the API, a policy
     * must allow the action on {@code *} and the user must belong to the operator's account.
     */
    public void requireOperator(String action) {
        require(action, List.of("*"));
        if (!accounts.isOperator(session.accountId())) {
            throw new AccessDeniedException(OPERATOR_ONLY);
        }
    }

    /** True if someone is signed in and belongs to the operator's account. */
    public boolean isOperator() {
        return session.isSignedIn() && accounts.isOperator(session.getAccountId());
    }

    private void requireActive(String accountId) {
        Account account = accounts.findAccount(accountId).orElse(null);
        if (account == null || !IamService.ACTIVE.equals(account.getStatus())) {
            throw new AccessDeniedException("The account " + accountId + " is " + (account == null ? "gone" : "suspended")
                    + ": nothing can be done in it until the operator resumes it.");
        }
    }
}
