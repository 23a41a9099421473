package io.tastemaker.web.api;

import java.util.Map;

/** The control-plane operations of one capability, by their X-Amz-Target operation name. */
public interface OperationGroup {
    Map<String, Operation> operations();
}
