package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleHttpSession;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Secrets stay where they belong: after the things that could spill them (an account created
 * with a generated password and key, sign-ins with wrong and right passwords, requests signed
 * with a wrong secret, a form refused for its view state), the server's log holds none of the
 * operator's or the new account's secrets, nor the TLS keystore's password, nor a password that
 * was typed; and the console never shows a password back.
 *
 * <p>The log is the shared server's, so it also covers whatever the other tests of this JVM did
 * before this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsDoNotLeakIT {

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
    void no_secret_reaches_the_log_and_the_console_shows_no_password_back() throws IOException {
        Clients.NewAccount account = operator.createAccount(unique("leak"));
        String wrongPassword = account.adminPassword() + "-Typo9";
        String wrongSecret = new StringBuilder(account.secretAccessKey()).reverse().toString();

        ConsoleHttpSession console = new ConsoleHttpSession(server);
        HttpResponse<String> refused = console.signIn(account.accountId(), "admin", wrongPassword);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Sign-in failed").doesNotContain(wrongPassword)
                .doesNotContain(account.adminPassword());

        HttpResponse<String> signedIn = console.signIn(account.accountId(), "admin", account.adminPassword());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        HttpResponse<String> dashboard = console.get("/console/index.xhtml");
        assertThat(dashboard.body()).doesNotContain(account.adminPassword()).doesNotContain(account.secretAccessKey());
        assertThat(dashboard.body()).as("the new account's own console").contains(account.accountId());

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("create", "create");
        forged.put("create:name", account.secretAccessKey());
        forged.put("create:submit", "");
        forged.put("jakarta.faces.ViewState", "-1:-1");
        forged.put(ConsoleHttpSession.NONCE_PARAMETER, ConsoleHttpSession.nonce(dashboard));
        HttpResponse<String> refusedForm = console.post("/index.xhtml", forged, Map.of());
        assertThat(refusedForm.statusCode()).isEqualTo(403);
        assertThat(refusedForm.body()).doesNotContain(account.secretAccessKey());

        try (Clients wrong = Clients.withCredentials(server, account.accessKeyId(), wrongSecret)) {
            HttpResponse<String> answer = wrong.signedJson("personalize", "AmazonPersonalize.ListDatasetGroups", "{}");
            assertThat(answer.statusCode()).isBetween(400, 499);
            assertThat(answer.body()).doesNotContain(account.secretAccessKey()).doesNotContain(wrongSecret);
        }
        try (Clients right = account.clients(server)) {
            assertThat(right.personalize().listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
        }

        String log = Files.readString(server.logFile(), StandardCharsets.UTF_8);
        assertThat(log.contains("Refused a post to /index.xhtml"))
                .as("the log tells of the refused form above, so it is this server's log").isTrue();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the operator's secret access key", server.secretAccessKey());
        secrets.put("the operator's console password", server.adminPassword());
        secrets.put("the new account's secret access key", account.secretAccessKey());
        secrets.put("the new account's generated password", account.adminPassword());
        secrets.put("a mistyped password", wrongPassword);
        secrets.put("a wrong secret access key", wrongSecret);
        secrets.put("the TLS keystore's password", Files.readString(server.dataDir().resolve("tls").resolve("keystore.password")).strip());
        Path masterKey = server.dataDir().resolve("master.key");
        if (Files.exists(masterKey)) {
            byte[] key = Files.readAllBytes(masterKey);
            secrets.put("the master key in base64", Base64.getEncoder().encodeToString(key));
            secrets.put("the master key in hex", HexFormat.of().formatHex(key));
        }
        secrets.forEach((what, secret) -> assertThat(log.contains(secret)).as("%s in %s", what, server.logFile()).isFalse());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
