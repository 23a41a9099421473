package io.tastemaker.web.api;

import io.tastemaker.web.auth.ApiService;
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
}
