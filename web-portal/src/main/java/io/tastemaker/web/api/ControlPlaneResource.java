package io.tastemaker.web.api;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.web.api.iam.IamAction;
import io.tastemaker.web.api.iam.IamOperations;
import io.tastemaker.web.api.iam.QueryForm;
import io.tastemaker.web.api.iam.QueryXml;
import io.tastemaker.web.api.iam.UnknownIamActionException;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Authorizer;
import io.tastemaker.web.auth.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
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
    @Inject
    Authorizer authorizer;
    @Inject
    Caller caller;
    @Inject
    PersonalizeResources personalizeResources;
    @Inject
    IamOperations iamOperations;

    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, OperationGroup> groupOf = new HashMap<>();

    @PostConstruct
    void init() {
        for (OperationGroup group : groups) {
            group.operations().forEach((name, op) -> {
                String target = group.service().targetPrefix() + name;
                if (operations.putIfAbsent(target, op) != null) {
                    throw new IllegalStateException("Operation " + target + " is defined twice.");
                }
                groupOf.put(target, group);
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
        JsonIn request = JsonIn.parse(body);
        authorizer.authorize(actionOf(target), resources(target, request));
        JsonOut reply = operation.handle(request);
        return Response.ok(reply.toString(), CONTENT_TYPE).build();
    }

    /**
     * IAM's Query protocol: a form-encoded {@code POST /} with {@code Action=<Operation>}, answered
     * in XML. Errors are written by {@link ApiErrors} in the same shape.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response iam(byte[] body) {
        QueryForm form = QueryForm.parse(body);
        String name = form.get("Action");
        IamAction action = name == null ? null : iamOperations.action(name);
        if (action == null) {
            throw new UnknownIamActionException(name);
        }
        authorizer.authorize("iam:" + name, action.resources().apply(form));
        QueryXml out = QueryXml.result(name);
        action.handler().handle(form, out);
        return Response.ok(out.finish(), MediaType.TEXT_XML_TYPE.withCharset("UTF-8")).build();
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

    /** {@code AmazonPersonalize.CreateCampaign} → {@code personalize:CreateCampaign}. */
    private String actionOf(String target) {
        ApiService service = caller.service();
        return service.signingName() + ":" + target.substring(service.targetPrefix().length());
    }

    private List<String> resources(String target, JsonIn request) {
        ApiService service = caller.service();
        String name = target.substring(service.targetPrefix().length());
        return switch (service) {
            case PERSONALIZE -> personalizeResources.of(caller.accountId(), name, request);
            default -> groupOf.get(target).resources(name, request);
        };
    }

    static void requireNotNull(String member, Object value) {
        if (value == null) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
    }
}
