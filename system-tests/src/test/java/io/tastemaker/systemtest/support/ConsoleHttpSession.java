package io.tastemaker.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console driven over plain HTTP requests ({@code java.net.http} over HTTPS, trusting only the
 * server's certificate), the way a script or an attacker would rather than a browser: it keeps
 * the session cookie itself, follows no redirects, and posts Faces forms field by field, so that
 * a test can see headers and cookies as sent and post forms with forged fields.
 */
public final class ConsoleHttpSession {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "JSESSIONID";
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The request parameter in which PrimeFaces' scripts send the page's nonce with a post. */
    public static final String NONCE_PARAMETER = "primefaces.nonce";

    private final TastemakerServer server;
    private final HttpClient http;
    private String sessionId;

    public ConsoleHttpSession(TastemakerServer server) {
        this.server = server;
        this.http = server.httpClient();
    }

    /** The session id the server last set, or null before it set one. */
    public String sessionId() {
        return sessionId;
    }

    /** Replaces the session cookie this client sends (null: none). */
    public void useSessionId(String id) {
        sessionId = id;
    }

    /** The absolute URI of a console path such as {@code /login.xhtml}. */
    public URI console(String path) {
        return URI.create(server.endpoint() + "/console" + path);
    }

    /** GET of a path of the server (not only the console), with this session's cookie. */
    public HttpResponse<String> get(String serverPath) {
        return send(HttpRequest.newBuilder(URI.create(server.endpoint() + serverPath)).GET());
    }

    /** POST of a URL-encoded form to a console page, with extra headers (e.g. Faces-Request). */
    public HttpResponse<String> post(String consolePath, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(console(consolePath))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * Signs in with the login form: reads the form's view state and the page's nonce from a fresh
     * GET and posts the three fields, as the page's scripts would. Returns the answer to the post
     * (a redirect to the dashboard on success).
     */
    public HttpResponse<String> signIn(String account, String user, String password) {
        HttpResponse<String> page = get("/console/login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:account", account);
        form.put("login:user", user);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        form.put(NONCE_PARAMETER, nonce(page));
        return post("/login.xhtml", form, Map.of());
    }

    /**
     * The nonce of a page that PrimeFaces rendered, from its Content-Security-Policy. PrimeFaces'
     * scripts send it back with every post of the page ({@value #NONCE_PARAMETER}), and the server
     * refuses a post of that page without it.
     */
    public static String nonce(HttpResponse<String> page) {
        Matcher m = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        if (!m.find()) {
            throw new IllegalStateException("No nonce in the Content-Security-Policy of " + page.uri() + ": " + page.headers().map());
        }
        return m.group(1);
    }

    /** The {@code jakarta.faces.ViewState} of the first form of a page. */
    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No jakarta.faces.ViewState in the page:\n" + html);
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    /** The value of the session cookie set by a response, if it sets one. */
    public static Optional<String> sessionCookieSetBy(HttpResponse<?> response) {
        return setCookie(response).map(c -> c.substring(SESSION_COOKIE.length() + 1, indexOrEnd(c, ';')));
    }

    /** The whole {@code Set-Cookie} header of the session cookie, if the response sets one. */
    public static Optional<String> setCookie(HttpResponse<?> response) {
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .reduce((first, second) -> second);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(TIMEOUT);
        if (sessionId != null) {
            request.header("Cookie", SESSION_COOKIE + "=" + sessionId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            sessionCookieSetBy(response).ifPresent(id -> sessionId = id);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static int indexOrEnd(String text, char c) {
        int i = text.indexOf(c);
        return i < 0 ? text.length() : i;
    }
}
