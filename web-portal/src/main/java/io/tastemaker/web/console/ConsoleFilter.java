package io.tastemaker.web.console;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Guards the console: a request for any console page without a signed-in session goes to the
 * sign-in page. The sign-in page itself and the Faces resources (scripts, styles, images) pass.
 * {@code /console} and {@code /console/} go to the dashboard. The security headers (content
 * security policy, no framing, no caching) are set before this filter runs, by
 * {@link io.tastemaker.web.edge.SecurityHeadersFilter}: {@code web.xml} orders the two.
 */
@WebFilter(filterName = "ConsoleFilter", urlPatterns = "/console/*")
public class ConsoleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONSOLE = "/console";
    static final String LOGIN_PAGE = CONSOLE + "/login.xhtml";
    static final String DASHBOARD = CONSOLE + "/index.xhtml";
    static final String RESOURCES = CONSOLE + "/jakarta.faces.resource/";

    @Inject
    ConsoleSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(RESOURCES)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals(CONSOLE) || path.equals(CONSOLE + "/")) {
            response.sendRedirect(request.getContextPath() + DASHBOARD);
            return;
        }
        if (path.equals(LOGIN_PAGE) || signedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        redirect(request, response, request.getContextPath() + LOGIN_PAGE);
    }

    /** Asks the session bean only when there is a session, so that anonymous requests create none. */
    private boolean signedIn(HttpServletRequest request) {
        return request.getSession(false) != null && session.isSignedIn();
    }

    /** A Faces Ajax request cannot follow an HTTP redirect; it gets a partial response that redirects. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String location)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + location + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(location);
    }
}
