package io.tastemaker.systemtest.support;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * One HTTP request exactly as it goes over the wire, signed with the AWS SDK's own Signature
 * Version 4 signer ({@link AwsV4HttpSigner}) and then, if a test wants, tampered with: a header
 * changed, added or dropped, the body or path swapped, the host renamed. Immutable: every
 * {@code with*} returns a new request. {@link #send()} returns the answer whatever its status.
 *
 * <p>Sent with HTTP/1.1 by {@link HttpClient}, which adds {@code Host} (from the URI),
 * {@code Content-Length} and {@code User-Agent} itself; none of the three is signed unless the
 * signer put it in (it signs {@code Host}).
 */
public final class WireRequest {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private final HttpClient client;
    private final URI endpoint;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private WireRequest(HttpClient client, URI endpoint, String path, String query, Map<String, List<String>> headers,
            byte[] body) {
        this.client = client;
        this.endpoint = endpoint;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    /** An unsigned JSON 1.1 call: {@code POST /} with {@code X-Amz-Target: target}. */
    public static WireRequest json11(TastemakerServer server, String target, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
        headers.put("X-Amz-Target", List.of(target));
        return new WireRequest(server.http11Client(), server.endpoint(), "/", null, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** An unsigned REST-JSON call of the runtime or events API, e.g. {@code POST /recommendations}. */
    public static WireRequest restJson(TastemakerServer server, String path, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json"));
        return new WireRequest(server.http11Client(), server.endpoint(), path, null, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** How to sign: the key, the scope's region and service, the signer's clock, presigned or not. */
    public record Signing(String accessKeyId, String secretAccessKey, String region, String service, Clock clock,
            Duration presignedFor, boolean payloadSigned) {

        /** Header signing for {@code personalize} in {@code us-east-1}, now, with the payload signed. */
        public static Signing of(String accessKeyId, String secretAccessKey) {
            return new Signing(accessKeyId, secretAccessKey, "us-east-1", "personalize", Clock.systemUTC(), null, true);
        }

        public Signing region(String value) {
            return new Signing(accessKeyId, secretAccessKey, value, service, clock, presignedFor, payloadSigned);
        }

        public Signing service(String value) {
            return new Signing(accessKeyId, secretAccessKey, region, value, clock, presignedFor, payloadSigned);
        }

        public Signing clock(Clock value) {
            return new Signing(accessKeyId, secretAccessKey, region, service, value, presignedFor, payloadSigned);
        }

        public Signing secret(String value) {
            return new Signing(accessKeyId, value, region, service, clock, presignedFor, payloadSigned);
        }

        /** A presigned URL (the signature in the query string) valid for {@code expiry}. */
        public Signing presigned(Duration expiry) {
            return new Signing(accessKeyId, secretAccessKey, region, service, clock, expiry, payloadSigned);
        }

        /** {@code x-amz-content-sha256: UNSIGNED-PAYLOAD}: the signature does not cover the body (S3's option). */
        public Signing unsignedPayload() {
            return new Signing(accessKeyId, secretAccessKey, region, service, clock, presignedFor, false);
        }
    }

    /** This request signed as {@code signing} says: with an Authorization header, or presigned. */
    public WireRequest signed(Signing signing) {
        // The scheme is not signed; the SDK's signer leaves a payload unsigned only over https.
        URI uri = endpoint.resolve(path + (query == null ? "" : "?" + query));
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(signing.payloadSigned() ? uri : URI.create(uri.toString().replaceFirst("^http:", "https:")));
        headers.forEach(builder::putHeader);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(signing.accessKeyId(), signing.secretAccessKey()))
                    .request(builder.build()).payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signing.region())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signing.service())
                    .putProperty(HttpSigner.SIGNING_CLOCK, signing.clock())
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signing.payloadSigned());
            if (signing.presignedFor() != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, signing.presignedFor());
            }
        });
        Map<String, List<String>> out = new LinkedHashMap<>();
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                out.put(name, List.copyOf(values));
            }
        });
        return new WireRequest(client, endpoint, signed.request().encodedPath(), signed.request().encodedQueryParameters()
                .orElse(null), out, body);
    }

    /** This request with {@code name} set to one value, replacing any it had (names are case-insensitive). */
    public WireRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = without(name);
        copy.put(name, List.of(value));
        return new WireRequest(client, endpoint, path, query, copy, body);
    }

    /** This request with one more value of {@code name}, after those it has. */
    public WireRequest addingHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(header(name));
        values.add(value);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        copy.put(name, values);
        return new WireRequest(client, endpoint, path, query, copy, body);
    }

    /** This request without header {@code name}. */
    public WireRequest withoutHeader(String name) {
        return new WireRequest(client, endpoint, path, query, without(name), body);
    }

    public WireRequest withBody(String json) {
        return new WireRequest(client, endpoint, path, query, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    public WireRequest withBody(byte[] bytes) {
        return new WireRequest(client, endpoint, path, query, headers, bytes.clone());
    }

    /** This request to another path (the query string stays). */
    public WireRequest withPath(String newPath) {
        return new WireRequest(client, endpoint, newPath, query, headers, body);
    }

    /** This request with another query string (raw, already encoded), or none. */
    public WireRequest withQuery(String rawQuery) {
        return new WireRequest(client, endpoint, path, rawQuery, headers, body);
    }

    /** This request sent to another host name of the same server, e.g. {@code localhost}; HttpClient sends it as Host. */
    public WireRequest withHost(String host) {
        URI other = URI.create(endpoint.getScheme() + "://" + host + ":" + endpoint.getPort());
        return new WireRequest(client, other, path, query, headers, body);
    }

    /** The values of a header (any case), empty when absent. */
    public List<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(Map.Entry::getValue).orElse(List.of());
    }

    /** The raw query string, or null. */
    public String query() {
        return query;
    }

    public String path() {
        return path;
    }

    private Map<String, List<String>> without(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        return copy;
    }

    /** Sends the request and returns the answer, whatever its status. */
    public Answer send() {
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint.resolve(path + (query == null ? "" : "?" + query)))
                .timeout(CALL_TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> values.forEach(value -> http.header(name, value)));
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Answer.of(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + path, e);
        }
    }

    /**
     * What the server answered: the HTTP status, and for an error its {@code __type} and
     * {@code message} (JSON protocols) or its {@code <Code>} and {@code <Message>} (IAM's XML),
     * null for a success.
     */
    public record Answer(int status, String errorType, String message, String body) {

        private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]*)</Code>");
        private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

        static Answer of(int status, String body) {
            if (status == 200) {
                return new Answer(status, null, null, body);
            }
            if (body.startsWith("<")) {
                // IAM's Query protocol: <ErrorResponse><Error><Code>...</Code><Message>...</Message>.
                Matcher code = XML_CODE.matcher(body);
                Matcher message = XML_MESSAGE.matcher(body);
                return new Answer(status, code.find() ? code.group(1) : null,
                        message.find() ? unescapeXml(message.group(1)) : null, body);
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject json = reader.readObject();
                return new Answer(status, json.getString("__type", null), json.getString("message", null), body);
            } catch (JsonException | IllegalStateException e) {
                return new Answer(status, null, null, body);
            }
        }

        private static String unescapeXml(String text) {
            return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&");
        }

        /** The body as a JSON object. */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "HTTP %d %s", status, errorType == null ? body : errorType + ": " + message);
        }
    }
}
