package io.tastemaker.web.api;

import io.tastemaker.web.auth.ApiService;
import java.util.List;
import java.util.Map;

/**
 * The JSON 1.1 operations of one capability, by operation name. {@link #service()} says which
 * {@code X-Amz-Target} prefix they answer to: {@code AmazonPersonalize.} unless overridden.
 */
public interface OperationGroup {

    Map<String, Operation> operations();

    default ApiService service() {
        return ApiService.PERSONALIZE;
    }

    /**
     * The ARNs operation {@code name} acts on, for IAM policies: {@code *} unless the group says
     * otherwise. Personalize's operations are worked out by {@link PersonalizeResources} instead.
     */
    default List<String> resources(String name, JsonIn request) {
        return List.of("*");
    }
}
