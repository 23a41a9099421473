package io.tastemaker.web.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Puts the security headers on every response, before anything else answers (it is the first
 * filter of {@code web.xml}, for requests and error pages alike).
 *
 * <ul>
 *   <li>Every response: {@code X-Content-Type-Options: nosniff}; over HTTPS also
 *       {@code Strict-Transport-Security: max-age=31536000} (one year), except when the request
 *       names the host {@code localhost}, where a browser would otherwise force HTTPS on every
 *       other local development server for a year (browsers ignore the header for IP addresses,
 *       as RFC 6797 says).</li>
 *   <li>Console responses ({@code /console/...}), in addition: {@code Content-Security-Policy},
 *       {@code X-Frame-Options: DENY}, {@code Referrer-Policy: same-origin}, and
 *       {@code Cache-Control: no-store} on everything but the static Faces resources.</li>
 * </ul>
 *
 * <p>The console's policy is the {@code primefaces.CSP_POLICY} context parameter of
 * {@code web.xml}, which must end with a {@code script-src} directive: PrimeFaces' CSP mode
 * ({@code primefaces.CSP}) sends it on every page it renders with a fresh nonce appended to that
 * directive, and moves its inline scripts and event handlers into nonce-bearing scripts. Responses
 * that PrimeFaces does not render (redirects, resources, error pages) get the same policy with
 * no nonce, so no inline script runs there. The response is wrapped so that PrimeFaces' header
 * replaces this default instead of adding a second, stricter policy.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The {@code web.xml} context parameter that holds the console's policy. */
    public static final String POLICY_PARAMETER = "primefaces.CSP_POLICY";
    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000";
    private static final String CONSOLE = "/console";
    private static final String RESOURCES = CONSOLE + "/jakarta.faces.resource/";

    private String consolePolicy;

    @Override
    public void init() throws ServletException {
        String policy = getServletContext().getInitParameter(POLICY_PARAMETER);
        if (policy == null || !policy.strip().matches("(?s).*script-src [^;]*")) {
            throw new ServletException("The context parameter " + POLICY_PARAMETER
                    + " must hold the console's Content-Security-Policy, ending with its script-src directive; it is: " + policy);
        }
        consolePolicy = policy.strip() + ";";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure() && !"localhost".equals(request.getServerName().toLowerCase(Locale.ROOT))) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(CONSOLE) && !path.startsWith(CONSOLE + "/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(CSP, consolePolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        if (!path.startsWith(RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new OnePolicy(response));
    }

    /** Lets a later Content-Security-Policy (PrimeFaces', with its nonce) replace the default. */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
