/**
 * What the API does, seen from outside: every call (refusals included) goes to the audit trail
 * ({@link io.tastemaker.security.audit.AuditTrail}) and to the Prometheus metrics served at
 * {@code GET /metrics}.
 *
 * <p>{@link io.tastemaker.web.monitoring.ApiCallFilter} runs first on every request and last on
 * every answer, including the errors that {@link io.tastemaker.web.api.ApiErrors} builds for
 * refused signatures. It takes who called from {@link io.tastemaker.web.auth.Caller}, the action
 * and resources from the dispatcher (or, until it has run or when the request never got there,
 * from the request's target, path or form {@code Action} and the ARNs among its top-level JSON
 * members), and the error code from the {@code x-amzn-ErrorType} header of the answer.
 *
 * <p>Invariants: no request or response body, password, secret key or signature is recorded:
 * only identifiers. Counters are lock-free ({@link java.util.concurrent.atomic.LongAdder}) and
 * the number of label sets per metric is bounded, so made-up operation names cannot grow memory.
 * Left out: a push gateway, OpenMetrics' exemplars, JVM metrics (Payara Micro has its own).
 */
package io.tastemaker.web.monitoring;
