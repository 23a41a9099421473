package io.tastemaker.web.api.iam;

import java.util.List;
import java.util.function.Function;

/**
 * One IAM Query operation: the resources it acts on (for authorisation and the audit trail),
 * worked out from the request before anything runs, and what it does.
 *
 * @param resources the ARNs the action touches
 * @param handler   performs the action and writes its result into the response
 */
public record IamAction(Function<QueryForm, List<String>> resources, Handler handler) {

    /** Performs an action for the caller's account and writes its result. */
    @FunctionalInterface
    public interface Handler {
        void handle(QueryForm form, QueryXml out);
    }
}
