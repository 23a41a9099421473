package io.tastemaker.web.monitoring;

import io.tastemaker.web.auth.ApiService;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The IAM action of a request told from its shape alone, for requests the dispatcher has not
 * named (refused before dispatch, or served before the dispatcher names actions): the
 * operation of {@code X-Amz-Target} under the service's signing name ({@code AmazonPersonalize.X}
 * is {@code personalize:X}, {@code TrentService.X} is {@code kms:X}), IAM's form {@code Action},
 * or the REST paths of Personalize's runtime and events APIs. Anything else is
 * {@code <service>:Unknown}.
 */
public final class ApiActions {

    static final String UNKNOWN = "Unknown";
    private static final Pattern OPERATION = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Map<String, String> REST_PATHS = Map.of(
            "/recommendations", "GetRecommendations",
            "/personalize-ranking", "GetPersonalizedRanking",
            "/events", "PutEvents",
            "/items", "PutItems",
            "/users", "PutUsers");

    private ApiActions() {
    }

    /** The action, e.g. {@code personalize:GetRecommendations}. */
    public static String of(ApiService service, String method, String path, String target, String formAction) {
        String prefix = service.signingName() + ":";
        if (service == ApiService.IAM) {
            return prefix + (formAction == null ? UNKNOWN : formAction);
        }
        if (target != null && "POST".equals(method)) {
            String operation = target.substring(target.lastIndexOf('.') + 1);
            return prefix + (OPERATION.matcher(operation).matches() ? operation : UNKNOWN);
        }
        String rest = "POST".equals(method) ? REST_PATHS.get(path) : null;
        return prefix + (rest == null ? UNKNOWN : rest);
    }

    /** The operation part of an action: {@code GetRecommendations} of {@code personalize:GetRecommendations}. */
    public static String operationOf(String action) {
        return action.substring(action.indexOf(':') + 1);
    }
}
