package io.tastemaker.web.monitoring;

import io.tastemaker.security.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /metrics}: the server's metrics in Prometheus' text format, without Signature
 * Version 4 (Prometheus cannot sign). Access as {@link MetricsAccess} says: a bearer token when
 * {@code tastemaker.metrics.token} ({@code TASTEMAKER_METRICS_TOKEN}, at least 16 characters) is
 * set, clients on this machine otherwise.
 */
@Path("metrics")
@ApplicationScoped
public class MetricsResource {

    @Inject
    Metrics metrics;
    @Inject
    AuditTrail audit;
    @Inject
    HttpServletRequest request;
    @Inject
    @ConfigProperty(name = "tastemaker.metrics.token")
    Optional<String> token;

    private MetricsAccess access;

    @PostConstruct
    void init() {
        access = new MetricsAccess(token);
    }

    @GET
    public Response metrics(@HeaderParam("Authorization") String authorization) {
        String refusal = access.refusal(request.getRemoteAddr(), authorization);
        if (refusal != null) {
            Response.ResponseBuilder answer = Response.status(access.tokenRequired() ? 401 : 403)
                    .type(MediaType.TEXT_PLAIN_TYPE).entity(refusal + "\n");
            if (access.tokenRequired()) {
                answer.header("WWW-Authenticate", "Bearer realm=\"tastemaker-metrics\"");
            }
            return answer.build();
        }
        String text = metrics.exposition(new Metrics.AuditFigures(audit.queueDepth(), audit.capacity(), audit.written(),
                audit.dropped()));
        return Response.ok(text, Exposition.CONTENT_TYPE).build();
    }
}
