/**
 * The edge of the server that every HTTP response passes: the security headers of the API and
 * the console ({@link io.tastemaker.web.edge.SecurityHeadersFilter}).
 *
 * <p>Invariants: every response says {@code nosniff}; every HTTPS response to a named host other
 * than {@code localhost} says {@code Strict-Transport-Security}; every console response carries
 * one Content-Security-Policy that forbids framing, plugins, foreign scripts and inline scripts
 * without the page's nonce.
 *
 * <p>Left out: TLS itself, which Payara's HTTPS listener does with the certificate the
 * {@code tastemaker} launcher generates or is given (see {@code docs/operations.md}); the session
 * cookie's flags, which {@code web.xml} sets; rate limiting of the API.
 */
package io.tastemaker.web.edge;
