package io.tastemaker.web.monitoring;

import io.tastemaker.security.audit.AuditEntry;
import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.audit.AuditTrail;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Caller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every API call in the audit trail and the metrics: notes the arrival time and peeks at
 * the body ({@link RequestPeek}) before the signature is checked, and on the way out, for
 * successes and failures alike (refused signatures included, whose errors
 * {@link io.tastemaker.web.api.ApiErrors} builds), hands one {@link AuditEntry} to the
 * {@link AuditTrail} and counts the call in {@link Metrics}. {@code GET /}, {@code /ping} and
 * {@code /metrics} are neither recorded nor counted.
 *
 * <p>For a request whose signature was refused, the access key id is taken from the
 * {@code Authorization} header (or {@code X-Amz-Credential}), and the account is that key's
 * owner if the key exists; the principal stays empty, since nothing proved who sent it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class ApiCallFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String STARTED = ApiCallFilter.class.getName() + ".started";
    static final String PEEK = ApiCallFilter.class.getName() + ".peek";
    /** Bodies larger than this are not peeked at (their ARNs and record counts go unrecorded). */
    static final int PEEK_LIMIT = 1024 * 1024;
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Za-z0-9]{1,128})/");
    private static final String ERROR_HEADER = "x-amzn-ErrorType";

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    AuditStore store;
    @Inject
    Metrics metrics;
    @Inject
    HttpServletRequest servletRequest;
    @Inject
    Clock clock;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!recorded(request)) {
            return;
        }
        request.setProperty(STARTED, System.nanoTime());
        if ("POST".equals(request.getMethod()) && request.hasEntity()) {
            InputStream in = request.getEntityStream();
            byte[] head = in.readNBytes(PEEK_LIMIT + 1);
            if (head.length <= PEEK_LIMIT) {
                request.setEntityStream(new ByteArrayInputStream(head));
                request.setProperty(PEEK, RequestPeek.of(request.getHeaderString("Content-Type"), head));
            } else {
                request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(head), in));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        long nanos = System.nanoTime() - start;
        RequestPeek peek = request.getProperty(PEEK) instanceof RequestPeek p ? p : RequestPeek.NONE;
        ApiService service = caller.service();
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String action = caller.action() != null ? caller.action()
                : ApiActions.of(service, request.getMethod(), path, request.getHeaderString("X-Amz-Target"), peek.formAction());
        List<String> resources = caller.action() != null && !caller.resources().isEmpty() ? caller.resources() : peek.arns();
        int status = response.getStatus();
        boolean success = status < 400;
        String errorCode = success ? null : response.getHeaderString(ERROR_HEADER);

        String accountId;
        String principal;
        String accessKeyId;
        if (caller.authenticated()) {
            accountId = caller.accountId();
            principal = caller.principal();
            accessKeyId = caller.accessKeyId();
        } else {
            accessKeyId = claimedAccessKey(request);
            accountId = accessKeyId == null ? null : store.accountOfAccessKey(accessKeyId).orElse(null);
            principal = null;
        }
        audit.record(new AuditEntry(clock.instant(), accountId, principal, accessKeyId, service.signingName(), action,
                resources, servletRequest.getRemoteAddr(), request.getHeaderString("User-Agent"), success, status,
                errorCode));

        String operation = "UnknownOperationException".equals(errorCode) ? ApiActions.UNKNOWN : ApiActions.operationOf(action);
        metrics.call(service.signingName(), operation, success, errorCode, nanos);
        if (success && service == ApiService.PERSONALIZE) {
            countPersonalize(operation, resources, peek, nanos);
        }
    }

    private void countPersonalize(String operation, List<String> resources, RequestPeek peek, long nanos) {
        switch (operation) {
            case "GetRecommendations" -> campaignOf(resources).ifPresent(c -> metrics.recommendations(c, nanos));
            case "GetPersonalizedRanking" -> campaignOf(resources).ifPresent(c -> metrics.ranking(c, nanos));
            case "PutEvents", "PutItems", "PutUsers" -> metrics.ingested(operation, peek.records());
            default -> { }
        }
    }

    private static java.util.Optional<String> campaignOf(List<String> resources) {
        return resources.stream().filter(r -> r.contains(":campaign/")).findFirst();
    }

    /** The access key id a refused request claims to be signed with, if it names one. */
    private static String claimedAccessKey(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            return m.find() ? m.group(1) : null;
        }
        String credential = request.getUriInfo().getQueryParameters().getFirst("X-Amz-Credential");
        if (credential != null) {
            int slash = credential.indexOf('/');
            String id = slash < 0 ? credential : credential.substring(0, slash);
            return id.matches("[A-Za-z0-9]{1,128}") ? id : null;
        }
        return null;
    }

    /** API calls are recorded; the health check, the redirect of {@code GET /} and the metrics are not. */
    private static boolean recorded(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if ("/metrics".equals(path)) {
            return false;
        }
        return !("GET".equals(request.getMethod()) && ("/".equals(path) || "/ping".equals(path)));
    }
}
