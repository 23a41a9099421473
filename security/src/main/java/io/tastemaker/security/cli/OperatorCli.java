package io.tastemaker.security.cli;

import io.tastemaker.security.sigv4.SigV4Signer;
import io.tastemaker.security.sigv4.SignedRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./tastemaker account ...}: the operator's account commands against a running server,
 * signed with Signature Version 4 for service {@code tastemaker} with the operator's access key
 * (from {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}).
 *
 * <pre>
 *   account create &lt;name&gt;     prints the new account's id, its admin's password and access key
 *   account list
 *   account suspend &lt;id&gt;
 *   account resume &lt;id&gt;
 * </pre>
 * The endpoint is {@code TASTEMAKER_ENDPOINT} (default {@code https://127.0.0.1:8443}; the JVM's trust store must trust the server's certificate, which the launcher arranges). Exit
 * status: 0 on success, 1 when the server refuses (its error is printed), 2 on bad usage.
 */
public final class OperatorCli {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final HttpClient http;

    OperatorCli(PrintStream out, PrintStream err, Map<String, String> env, HttpClient http) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.http = http;
    }

    public static void main(String[] args) {
        System.exit(new OperatorCli(System.out, System.err, System.getenv(), HttpClient.newHttpClient()).run(args));
    }

    int run(String[] args) {
        if (args.length < 2 || !"account".equals(args[0])) {
            return usage();
        }
        String accessKeyId = env.get("AWS_ACCESS_KEY_ID");
        String secret = env.get("AWS_SECRET_ACCESS_KEY");
        if (accessKeyId == null || secret == null) {
            err.println("Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to the operator's access key "
                    + "(printed at first start).");
            return 2;
        }
        String operation;
        String body;
        switch (args[1]) {
            case "create" -> {
                if (args.length != 3) {
                    return usage();
                }
                operation = "CreateAccount";
                body = "{\"accountName\":\"" + jsonEscape(args[2]) + "\"}";
            }
            case "list" -> {
                operation = "ListAccounts";
                body = "{}";
            }
            case "suspend", "resume" -> {
                if (args.length != 3) {
                    return usage();
                }
                operation = "suspend".equals(args[1]) ? "SuspendAccount" : "ResumeAccount";
                body = "{\"accountId\":\"" + jsonEscape(args[2]) + "\"}";
            }
            default -> {
                return usage();
            }
        }
        URI endpoint = URI.create(env.getOrDefault("TASTEMAKER_ENDPOINT", "https://127.0.0.1:8443"));
        try {
            HttpResponse<String> response = call(endpoint, operation, body, accessKeyId, secret);
            Object json = new FlatJson(response.body()).value();
            if (response.statusCode() != 200) {
                Map<?, ?> error = json instanceof Map<?, ?> m ? m : Map.of();
                err.println("The server refused " + operation + ": " + error.get("__type") + ": " + error.get("message"));
                return 1;
            }
            print(operation, json);
            return 0;
        } catch (IOException e) {
            err.println("Cannot reach Tastemaker at " + endpoint + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private HttpResponse<String> call(URI endpoint, String operation, String body, String accessKeyId, String secret)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort()));
        headers.put("content-type", List.of("application/x-amz-json-1.1"));
        headers.put("x-amz-target", List.of("Tastemaker." + operation));
        SignedRequest request = SignedRequest.of("POST", "/", headers, bytes);
        SigV4Signer.SignatureHeaders signature = new SigV4Signer(Clock.systemUTC(),
                env.getOrDefault("TASTEMAKER_REGION", "us-east-1"), "tastemaker").sign(request, accessKeyId, secret);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve("/")).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "Tastemaker." + operation);
        signature.asMap().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void print(String operation, Object json) {
        Map<?, ?> reply = (Map<?, ?>) json;
        switch (operation) {
            case "CreateAccount" -> {
                out.println("Created account " + reply.get("accountName") + ". These credentials are shown only now:");
                out.println("  account id:        " + reply.get("accountId"));
                out.println("  console user:      " + reply.get("adminUserName"));
                out.println("  console password:  " + reply.get("adminPassword"));
                out.println("  access key id:     " + reply.get("accessKeyId"));
                out.println("  secret access key: " + reply.get("secretAccessKey"));
            }
            case "ListAccounts" -> {
                out.printf("%-14s %-10s %-9s %s%n", "ACCOUNT ID", "STATUS", "OPERATOR", "NAME");
                for (Object a : (List<?>) reply.get("accounts")) {
                    Map<?, ?> account = (Map<?, ?>) a;
                    out.printf("%-14s %-10s %-9s %s%n", account.get("accountId"), account.get("status"),
                            Boolean.TRUE.equals(account.get("operator")) ? "yes" : "", account.get("accountName"));
                }
            }
            default -> {
                Map<?, ?> account = (Map<?, ?>) reply.get("account");
                out.println("Account " + account.get("accountId") + " (" + account.get("accountName") + ") is now "
                        + account.get("status") + ".");
            }
        }
    }

    private int usage() {
        err.println("usage: ./tastemaker account create <name> | list | suspend <account-id> | resume <account-id>");
        return 2;
    }

    private static String jsonEscape(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                s.append('\\').append(c);
            } else if (c < 0x20) {
                s.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** A small JSON reader for the server's replies: objects, arrays, strings, numbers, booleans, null. */
    static final class FlatJson {
        private final String text;
        private int at;

        FlatJson(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            if (at >= text.length()) {
                throw new IllegalArgumentException("empty reply");
            }
            char c = text.charAt(at);
            if (c == '{') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, value());
                    skip();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect('}');
                        return map;
                    }
                }
            }
            if (c == '[') {
                at++;
                List<Object> list = new ArrayList<>();
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    skip();
                    if (text.charAt(at) == ',') {
                        at++;
                    } else {
                        expect(']');
                        return list;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = at;
            while (at < text.length() && ",}] \n\r\t".indexOf(text.charAt(at)) < 0) {
                at++;
            }
            String word = text.substring(start, at);
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null" -> null;
                default -> Double.valueOf(word);
            };
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            at++;
            return s.toString();
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " of the reply");
            }
            at++;
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
