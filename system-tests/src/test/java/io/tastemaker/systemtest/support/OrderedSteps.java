package io.tastemaker.systemtest.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For a class whose test methods are the ordered steps of one scenario
 * ({@code @TestMethodOrder(OrderAnnotation.class)}): once a step fails, the later steps are
 * skipped, naming the step that failed, instead of failing for want of what it should have made.
 */
public final class OrderedSteps implements ExecutionCondition, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OrderedSteps.class);
    private static final String FAILED_STEP = "failedStep";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("not a step");
        }
        String failed = store(context).get(FAILED_STEP, String.class);
        return failed == null ? ConditionEvaluationResult.enabled("no earlier step failed")
                : ConditionEvaluationResult.disabled("skipped: the earlier step " + failed + " failed");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        store(context).put(FAILED_STEP, context.getDisplayName());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing to record: a skipped step made nothing the later ones rely on, and an earlier failure is already known
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        ExtensionContext classContext = context.getParent().filter(p -> p.getTestClass().isPresent()
                && p.getTestMethod().isEmpty()).orElse(context);
        return classContext.getStore(NAMESPACE);
    }
}
