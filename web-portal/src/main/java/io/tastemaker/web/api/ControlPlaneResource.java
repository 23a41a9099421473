package io.tastemaker.web.api;

import io.tastemaker.domain.error.InvalidInputException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON 1.1 services: {@code POST /} with {@code X-Amz-Target: <prefix><Operation>}, where the
 * prefix is {@code AmazonPersonalize.} (Personalize's control plane), {@code TrentService.}
 * (KMS) or {@code Tastemaker.} (operator operations). Dispatches to the operation of that name.
 */
@Path("/")
@ApplicationScoped
public class ControlPlaneResource {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    @Inject
    Instance<OperationGroup> groups;

    private final Map<String, Operation> operations = new HashMap<>();

    @PostConstruct
    void init() {
        for (OperationGroup group : groups) {
            group.operations().forEach((name, op) -> {
                String target = group.service().targetPrefix() + name;
                if (operations.putIfAbsent(target, op) != null) {
                    throw new IllegalStateException("Operation " + target + " is defined twice.");
                }
            });
        }
    }

    @POST
    public Response call(@HeaderParam("X-Amz-Target") String target, byte[] body) {
        if (target == null) {
            return ApiErrors.error(400, "UnknownOperationException",
                    "The X-Amz-Target header must name an operation, e.g. AmazonPersonalize.ListDatasetGroups.");
        }
        Operation operation = operations.get(target);
        if (operation == null) {
            return ApiErrors.error(400, "UnknownOperationException", "Operation " + target + " is not supported by this server.");
        }
        JsonOut reply = operation.handle(JsonIn.parse(body));
        return Response.ok(reply.toString(), CONTENT_TYPE).build();
    }

    /** A browser that opens the server's root is sent to the console. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response root() {
        return Response.seeOther(URI.create("/console/")).build();
    }

    /**
     * Readiness of the application itself: it answers only once Tastemaker is deployed and its
     * start-up (migrations, first-start account) is done. Payara Micro's own {@code /health}
     * answers earlier, before the application is deployed, so launchers and tests wait on this.
     */
    @GET
    @Path("ping")
    @Produces(MediaType.APPLICATION_JSON)
    public String ping() {
        return "{\"status\":\"UP\"}";
    }

    static void requireNotNull(String member, Object value) {
        if (value == null) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }
}
