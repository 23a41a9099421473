package io.tastemaker.web.api;

import io.tastemaker.security.error.ServiceException;
import io.tastemaker.security.sigv4.SigV4Exception;
import io.tastemaker.web.api.iam.QueryXml;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.RequestTooLargeException;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become AWS wire errors: a JSON body
 * {@code {"__type": "<Name>", "message": "..."}} and the {@code x-amzn-ErrorType} header, which
 * both the JSON 1.1 and the REST-JSON SDK clients read. The control plane answers domain errors
 * with HTTP 400 as Personalize does; the runtime and events APIs use the status of each error.
 * Unexpected failures are logged with their stack and answered as a 500
 * {@code InternalFailure} without internals.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());

    /** The Query protocol's names of the errors that JSON services spell differently. */
    private static final Map<String, String> QUERY_CODES = Map.of(
            "UnrecognizedClientException", "InvalidClientTokenId",
            "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignatureException", "IncompleteSignature",
            "AccessDeniedException", "AccessDenied",
            "InternalFailure", "ServiceFailure");

    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;
    @Context
    Request request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable e = unwrap(thrown);
        boolean iam = iamQuery();
        if (e instanceof ServiceException p) {
            return render(iam, controlPlane() && !iam ? 400 : p.httpStatus(), p.errorName(), p.getMessage());
        }
        if (e instanceof SigV4Exception s) {
            return render(iam, s.httpStatus(), s.errorName(), s.getMessage());
        }
        if (e instanceof NulCharacterException n) {
            String name = service() == ApiService.KMS ? "ValidationException"
                    : "nextToken".equals(n.path()) ? "InvalidNextTokenException" : "InvalidInputException";
            return render(iam, 400, name, n.getMessage());
        }
        if (e instanceof MalformedRequestException m) {
            return render(iam, 400, "SerializationException", m.getMessage());
        }
        if (e instanceof RequestTooLargeException r) {
            return render(iam, 413, "InvalidInputException", r.getMessage());
        }
        if (e instanceof NotFoundException) {
            return error(404, "UnknownOperationException", "No operation at " + (uri == null ? "this path" : uri.getPath()) + ".");
        }
        if (e instanceof NotAllowedException) {
            return error(405, "UnknownOperationException", "This path does not accept that HTTP method.");
        }
        LOG.log(Level.SEVERE, "Unexpected failure", e);
        return render(iam, 500, "InternalFailure", "The request failed on the server; see the server log. Nothing was changed.");
    }

    private boolean iamQuery() {
        return service() == ApiService.IAM;
    }

    /** The API the request was sent to, or null when it cannot be told. */
    private ApiService service() {
        return uri == null || headers == null || request == null ? null : ApiService.of(request.getMethod(), uri.getPath(),
                headers.getHeaderString("X-Amz-Target"), headers.getHeaderString("Content-Type"));
    }

    private static Response render(boolean iam, int status, String name, String message) {
        if (!iam) {
            return error(status, name, message);
        }
        String code = QUERY_CODES.getOrDefault(name, name.endsWith("Exception") ? name.substring(0, name.length() - 9) : name);
        return Response.status(status).type(MediaType.TEXT_XML_TYPE.withCharset("UTF-8"))
                .header("x-amzn-ErrorType", code)
                .entity(QueryXml.error(code, message == null ? code : message, status < 500)).build();
    }

    private boolean controlPlane() {
        return uri != null && (uri.getPath().isEmpty() || "/".equals(uri.getPath()));
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof EJBException || current.getClass().getName().startsWith("jakarta.transaction"))
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static Response error(int status, String name, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("x-amzn-ErrorType", name)
                .entity(Json.createObjectBuilder().add("__type", name).add("message", message == null ? name : message)
                        .build().toString())
                .build();
    }
}
