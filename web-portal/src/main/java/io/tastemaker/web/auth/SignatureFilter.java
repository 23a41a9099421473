package io.tastemaker.web.auth;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.security.iam.CredentialCache;
import io.tastemaker.security.sigv4.Credential;
import io.tastemaker.security.sigv4.SigV4Verifier;
import io.tastemaker.security.sigv4.SignedRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Authenticates every API request with AWS Signature Version 4 before anything else runs. The
 * body is read here (bounded), verified against its signature, and handed on unchanged.
 * Failures become AWS errors through {@link io.tastemaker.web.api.ApiErrors}. The signature must
 * be scoped to the {@link ApiService} the request is addressed to and, but for the global IAM, to
 * this server's region ({@code tastemaker.region}, the region of its ARNs), as a regional AWS
 * endpoint requires.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class SignatureFilter implements ContainerRequestFilter {

    /** Larger bodies are refused before any work: 10 MiB is far above any Personalize request. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    @Inject
    CredentialCache credentials;
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Arns arns;

    private final Map<ApiService, SigV4Verifier> verifiers = new EnumMap<>(ApiService.class);

    @PostConstruct
    void init() {
        for (ApiService service : ApiService.values()) {
            // IAM is a global service: its clients sign for the partition's global region (us-east-1 in aws).
            String region = service == ApiService.IAM ? null : arns.region();
            verifiers.put(service, new SigV4Verifier(clock, SigV4Verifier.DEFAULT_ALLOWED_SKEW, credentials::find,
                    service.signingName(), region));
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        // GET /metrics is for Prometheus, which cannot sign: web.monitoring.MetricsResource guards it.
        if ("GET".equals(request.getMethod()) && ("/".equals(path) || "/ping".equals(path) || "/metrics".equals(path))) {
            return;
        }
        byte[] body = readBounded(request.getEntityStream());
        request.setEntityStream(new ByteArrayInputStream(body));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.getHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
        ApiService service = ApiService.of(request.getMethod(), path, request.getHeaderString("X-Amz-Target"),
                request.getHeaderString("Content-Type"));
        caller.service(service);
        Credential credential = verifiers.get(service).verify(new SignedRequest(request.getMethod(), path,
                request.getUriInfo().getRequestUri().getRawQuery(), headers, body));
        caller.set(credential.accountId(), credential.principalName(), credential.accessKeyId());
        credentials.recordUse(credential.accessKeyId());
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new RequestTooLargeException("The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return body;
    }
}
