package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.ConsoleHttpSession;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;

/**
 * The console's edges, seen over HTTPS as a script or an attacker sees them (raw requests with
 * {@code java.net.http}, trusting only the server's certificate): the security headers of every
 * console and API response, the session cookie's flags, a new session id at sign-in, and forms
 * that refuse a forged or missing view state (the console's anti-forgery token) without changing
 * anything; and, in Chromium, pages that work under the content security policy without a single
 * violation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleHardeningIT {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>");
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=\\s*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/console/jakarta\\.faces\\.resource/[^\"]+)\"");
    private static final String REFUSED = "This form was not accepted";

    private TastemakerServer server;
    private Clients operator;

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
    }

    @AfterAll
    void close() {
        operator.close();
    }

    @Test
    void every_console_response_carries_the_security_headers() {
        ConsoleHttpSession anonymous = new ConsoleHttpSession(server);
        HttpResponse<String> login = anonymous.get("/console/login.xhtml");
        assertThat(login.statusCode()).isEqualTo(200);
        assertPageHeaders(login);
        assertScriptsCarryTheNonce(login);

        HttpResponse<String> redirect = anonymous.get("/console/index.xhtml");
        assertThat(redirect.statusCode()).as("an anonymous visitor is sent to sign in").isEqualTo(302);
        assertPageHeaders(redirect);
        assertThat(policy(redirect)).as("no nonce where PrimeFaces rendered nothing").doesNotContain("'nonce-");

        Matcher css = STYLESHEET.matcher(login.body());
        assertThat(css.find()).as("a stylesheet link in the sign-in page").isTrue();
        HttpResponse<String> resource = anonymous.get(css.group(1).replace("&amp;", "&"));
        assertThat(resource.statusCode()).isEqualTo(200);
        assertCommonHeaders(resource);
        assertThat(resource.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        ConsoleHttpSession operatorSession = signedInOperator();
        HttpResponse<String> dashboard = operatorSession.get("/console/index.xhtml");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Dataset groups");
        assertPageHeaders(dashboard);
        assertScriptsCarryTheNonce(dashboard);
    }

    @Test
    void api_responses_say_nosniff_and_strict_transport_security() {
        HttpResponse<String> ping = new ConsoleHttpSession(server).get("/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertCommonHeaders(ping);
        assertThat(ping.headers().firstValue("Content-Security-Policy")).as("the console's policy only").isEmpty();

        HttpResponse<String> signed = operator.signedJson("personalize", "AmazonPersonalize.ListRecipes", "{}");
        assertThat(signed.statusCode()).isEqualTo(200);
        assertCommonHeaders(signed);

        HttpResponse<String> refused = Clients.withCredentials(server, server.accessKeyId(), "x".repeat(40))
                .signedJson("personalize", "AmazonPersonalize.ListRecipes", "{}");
        assertThat(refused.statusCode()).isBetween(400, 499);
        assertCommonHeaders(refused);
        assertThat(signed.headers().firstValue("X-Powered-By")).as("no server product in the answers").isEmpty();
        assertThat(signed.headers().firstValue("Server")).isEmpty();

        // The certificate names localhost too; a browser asking for localhost gets no HSTS, which
        // would otherwise force HTTPS on every local development server it visits for a year.
        HttpResponse<String> local = send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + server.endpoint().getPort() + "/ping")).GET().build());
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(local.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return server.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site_strict() {
        HttpResponse<String> login = new ConsoleHttpSession(server).get("/console/login.xhtml");
        String cookie = ConsoleHttpSession.setCookie(login).orElseThrow(() -> new AssertionError(
                "the sign-in page starts a session (its view is kept in it); headers: " + login.headers().map()));
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split("\\s*;\\s*"));
        assertThat(attributes).as(cookie).contains("secure", "httponly", "samesite=strict");
    }

    @Test
    void the_session_id_changes_at_sign_in_and_the_old_one_is_not_signed_in() {
        ConsoleHttpSession console = new ConsoleHttpSession(server);
        console.get("/console/login.xhtml");
        String before = console.sessionId();
        assertThat(before).isNotNull();

        HttpResponse<String> signedIn = console.signIn("operator", "admin", server.adminPassword());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/index.xhtml"));
        String after = console.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(console.get("/console/index.xhtml").statusCode()).isEqualTo(200);

        ConsoleHttpSession fixated = new ConsoleHttpSession(server);
        fixated.useSessionId(before);
        HttpResponse<String> withOldId = fixated.get("/console/index.xhtml");
        assertThat(withOldId.statusCode()).as("the id from before sign-in is worth nothing").isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login.xhtml"));
    }

    @Test
    void a_form_with_a_forged_foreign_or_missing_view_state_is_refused_and_changes_nothing() {
        ConsoleHttpSession victim = signedInOperator();
        HttpResponse<String> page = victim.get("/console/index.xhtml");
        String genuine = ConsoleHttpSession.viewState(page.body());
        String nonce = ConsoleHttpSession.nonce(page);
        ConsoleHttpSession attacker = signedInOperator();
        String foreign = ConsoleHttpSession.viewState(attacker.get("/console/index.xhtml").body());
        assertThat(foreign).isNotEqualTo(genuine);

        String forgedName = unique("forged");
        HttpResponse<String> forged = victim.post("/index.xhtml", createGroupForm(forgedName, "-1234567890123456789:987654321", nonce), Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains(REFUSED).doesNotContain(forgedName);
        assertPageHeaders(forged);

        String foreignName = unique("foreign");
        HttpResponse<String> withForeign = victim.post("/index.xhtml", createGroupForm(foreignName, foreign, nonce), Map.of());
        assertThat(withForeign.statusCode()).as("another session's view state is no token here").isEqualTo(403);

        String ajaxName = unique("forged-ajax");
        Map<String, String> ajax = createGroupForm(ajaxName, "-1:-2", nonce);
        ajax.put("jakarta.faces.partial.ajax", "true");
        ajax.put("jakarta.faces.source", "create:submit");
        ajax.put("jakarta.faces.partial.execute", "create");
        ajax.put("jakarta.faces.partial.render", "create groups");
        HttpResponse<String> forgedAjax = victim.post("/index.xhtml", ajax, Map.of("Faces-Request", "partial/ajax"));
        assertThat(forgedAjax.body()).as("an Ajax post is told to reload the page").contains("<redirect url=\"")
                .doesNotContain("Created dataset group");

        String missingName = unique("missing");
        Map<String, String> noToken = createGroupForm(missingName, null, nonce);
        HttpResponse<String> missing = victim.post("/index.xhtml", noToken, Map.of());
        assertThat(missing.body()).as("without a view state the post is a mere page view").doesNotContain("Created dataset group");

        assertThat(groupNames()).doesNotContain(forgedName, foreignName, ajaxName, missingName);

        // The same post with the page's own view state is accepted: the refusals above are the token's doing.
        String acceptedName = unique("genuine");
        HttpResponse<String> accepted = victim.post("/index.xhtml", createGroupForm(acceptedName, genuine, nonce), Map.of());
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("Created dataset group " + acceptedName);
        assertThat(groupNames()).contains(acceptedName);
    }

    @Test
    void console_pages_work_in_chromium_without_a_content_security_policy_violation() throws IOException {
        try (ConsoleBrowser browser = new ConsoleBrowser(server)) {
            browser.signInAsOperator();
            String name = unique("csp");
            browser.type(By.id("create:name"), name);
            browser.driver().findElement(By.id("create:submit")).click();
            new WebDriverWait(browser.driver(), ConsoleBrowser.UI_TIMEOUT)
                    .until(ExpectedConditions.textToBePresentInElementLocated(By.id("groups"), name));
            browser.driver().findElement(By.linkText(name)).click();
            new WebDriverWait(browser.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/group.xhtml"));
            browser.waitFor(By.cssSelector(".tm-main h1"));
            assertThat(browser.browserLog()).as("Chromium's console while signing in, creating a group with Ajax and opening it")
                    .noneMatch(line -> line.contains("Content Security Policy") || line.contains("Content-Security-Policy"));
        }
    }

    private ConsoleHttpSession signedInOperator() {
        ConsoleHttpSession console = new ConsoleHttpSession(server);
        HttpResponse<String> signedIn = console.signIn("operator", "admin", server.adminPassword());
        assertThat(signedIn.statusCode()).as("sign-in answer: %s", signedIn.body()).isEqualTo(302);
        return console;
    }

    /**
     * The dashboard's "Create a dataset group" form as a full-page post, with a given view state
     * (null: none) and the page's nonce, which PrimeFaces' scripts add to every post.
     */
    private static Map<String, String> createGroupForm(String name, String viewState, String nonce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:name", name);
        form.put("create:roleArn", "");
        form.put("create:submit", "");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        form.put(ConsoleHttpSession.NONCE_PARAMETER, nonce);
        return form;
    }

    private List<String> groupNames() {
        return operator.personalize().listDatasetGroupsPaginator(r -> r.maxResults(100)).datasetGroups().stream()
                .map(DatasetGroupSummary::name).toList();
    }

    private static void assertCommonHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as("nosniff on %s", response.uri()).hasValue("nosniff");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("HSTS on %s", response.uri())
                .hasValue("max-age=31536000");
    }

    private static void assertPageHeaders(HttpResponse<?> response) {
        assertCommonHeaders(response);
        String policy = policy(response);
        assertThat(policy).as("CSP of %s", response.uri()).contains("default-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'", "script-src 'self'");
        assertThat(scriptSources(policy)).as("no inline script without the nonce").doesNotContain("'unsafe-inline'", "'unsafe-eval'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static String policy(HttpResponse<?> response) {
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertThat(policies).as("exactly one policy on %s", response.uri()).hasSize(1);
        return policies.get(0);
    }

    private static String scriptSources(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith("script-src")) {
                return directive;
            }
        }
        throw new AssertionError("no script-src in " + policy);
    }

    /** Every inline script of the page carries the header's nonce, and no element has an inline event handler. */
    private static void assertScriptsCarryTheNonce(HttpResponse<String> page) {
        Matcher nonce = NONCE.matcher(policy(page));
        assertThat(nonce.find()).as("a nonce in the policy of a rendered page: %s", policy(page)).isTrue();
        Matcher script = SCRIPT_TAG.matcher(page.body());
        int inline = 0;
        while (script.find()) {
            String attributes = script.group(1);
            if (!attributes.contains("src=")) {
                inline++;
                assertThat(attributes).as("inline script in %s", page.uri()).contains("nonce=\"" + nonce.group(1) + "\"");
            }
        }
        assertThat(inline).as("PrimeFaces' inline scripts").isPositive();
        assertThat(INLINE_HANDLER.matcher(page.body()).find()).as("an inline on...= handler in %s", page.uri()).isFalse();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
