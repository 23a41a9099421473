package io.tastemaker.web.auth;

import io.tastemaker.domain.error.AccessDeniedException;
import io.tastemaker.security.iam.PrincipalPolicies;
import io.tastemaker.security.policy.Decision;
import io.tastemaker.security.policy.PolicyEvaluator;
import io.tastemaker.security.policy.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;

/**
 * Authorises every API request with the caller's IAM policies before it does anything: the
 * action (e.g. {@code personalize:CreateCampaign}) on the resources it names, with the request's
 * context ({@code aws:SourceIp}, {@code aws:CurrentTime}, {@code aws:SecureTransport},
 * {@code aws:username}, ...). A request no policy allows, or one a policy denies, ends in
 * {@link AccessDeniedException} and changes nothing. Records action and resources on the
 * {@link Caller}, where the audit trail reads them.
 */
@ApplicationScoped
public class Authorizer {

    @Inject
    Caller caller;
    @Inject
    PrincipalPolicies policies;
    @Inject
    HttpServletRequest http;
    @Inject
    Clock clock;

    /** Allows the current API request to perform {@code action} on {@code resources}, or throws. */
    public void authorize(String action, List<String> resources) {
        caller.request(action, resources);
        Decision decision = decide(caller.accountId(), caller.principal(), action, resources, http);
        if (!decision.isAllowed()) {
            throw new AccessDeniedException(decision.accessDeniedMessage(
                    policies.of(caller.accountId(), caller.principal()).arn()));
        }
    }

    /**
     * The decision for a user of an account, e.g. a console user; {@code request} gives the
     * network context (source address, TLS, user agent).
     */
    public Decision decide(String accountId, String userName, String action, List<String> resources, HttpServletRequest request) {
        PrincipalPolicies.Principal principal = policies.of(accountId, userName);
        RequestContext.Builder context = RequestContext.builder(action).resources(resources)
                .currentTime(clock.instant())
                .username(userName)
                .principalArn(principal.arn())
                .principalAccount(accountId);
        if (principal.userId() != null) {
            context.userId(principal.userId());
        }
        if (request != null) {
            context.sourceIp(request.getRemoteAddr()).secureTransport(request.isSecure());
            String userAgent = request.getHeader("User-Agent");
            if (userAgent != null) {
                context.userAgent(userAgent);
            }
        }
        return PolicyEvaluator.evaluate(context.build(), principal.policies());
    }
}
