package io.tastemaker.security.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tastemaker.security.sigv4.Credential;
import io.tastemaker.security.sigv4.SigV4Exception;
import io.tastemaker.security.sigv4.SigV4Verifier;
import io.tastemaker.security.sigv4.SignedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's command line against a small HTTP server that checks its signatures with the
 * server's own verifier and answers as Tastemaker does.
 */
class OperatorCliTest {

    private static final String KEY_ID = "AKIAOPERATORTEST0001";
    private static final String SECRET = "operatorSecret0123456789abcdefghijklmnop";

    private HttpServer server;
    private final AtomicReference<String> target = new AtomicReference<>();
    private final AtomicReference<String> reply = new AtomicReference<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        SigV4Verifier verifier = new SigV4Verifier(Clock.systemUTC(),
                id -> KEY_ID.equals(id) ? Optional.of(new Credential(KEY_ID, SECRET, "111122223333", "admin", true)) : Optional.empty(),
                "tastemaker");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            int status = 200;
            String answer;
            try {
                verifier.verify(new SignedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body));
                target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + new String(body, StandardCharsets.UTF_8));
                answer = reply.get();
                if (answer.contains("__type")) {
                    status = 400;
                }
            } catch (SigV4Exception e) {
                status = 403;
                answer = "{\"__type\":\"" + e.errorName() + "\",\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void create_signs_the_call_and_prints_the_new_credentials_once() {
        reply.set("{\"accountId\":\"123456789012\",\"accountName\":\"shop\",\"adminUserName\":\"admin\","
                + "\"adminPassword\":\"pw-\\u00e9\",\"accessKeyId\":\"AKIANEW\",\"secretAccessKey\":\"s3cret\"}");

        int status = run(KEY_ID, SECRET, "account", "create", "shop");

        assertThat(status).isZero();
        assertThat(target.get()).isEqualTo("Tastemaker.CreateAccount {\"accountName\":\"shop\"}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("account id:        123456789012")
                .contains("console password:  pw-\u00e9").contains("secret access key: s3cret");
    }

    @Test
    void list_prints_a_table_and_suspend_names_the_account() {
        reply.set("{\"accounts\":[{\"accountId\":\"111122223333\",\"accountName\":\"operator\",\"status\":\"Active\","
                + "\"operator\":true},{\"accountId\":\"123456789012\",\"accountName\":\"shop\",\"status\":\"Suspended\","
                + "\"operator\":false,\"creationDateTime\":1.7E9}]}");
        assertThat(run(KEY_ID, SECRET, "account", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("111122223333 +Active +yes +operator")
                .containsPattern("123456789012 +Suspended +shop");

        reply.set("{\"account\":{\"accountId\":\"123456789012\",\"accountName\":\"shop\",\"status\":\"Suspended\"}}");
        assertThat(run(KEY_ID, SECRET, "account", "suspend", "123456789012")).isZero();
        assertThat(target.get()).isEqualTo("Tastemaker.SuspendAccount {\"accountId\":\"123456789012\"}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Account 123456789012 (shop) is now Suspended.");
    }

    @Test
    void refusals_and_bad_usage_exit_non_zero_with_a_reason() {
        reply.set("{\"__type\":\"EntityAlreadyExists\",\"message\":\"An account named shop already exists.\"}");
        assertThat(run(KEY_ID, SECRET, "account", "create", "shop")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("EntityAlreadyExists: An account named shop already exists.");

        assertThat(run(KEY_ID, "wrong-secret-0123456789abcdefghijklmnopq", "account", "list")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("InvalidSignatureException");

        assertThat(run(KEY_ID, SECRET, "account", "rename", "x")).isEqualTo(2);
        assertThat(run(null, null, "account", "list")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }

    private int run(String keyId, String secret, String... args) {
        Map<String, String> env = new LinkedHashMap<>();
        if (keyId != null) {
            env.put("AWS_ACCESS_KEY_ID", keyId);
            env.put("AWS_SECRET_ACCESS_KEY", secret);
        }
        env.put("TASTEMAKER_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort());
        return new OperatorCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, HttpClient.newHttpClient()).run(args);
    }
}
