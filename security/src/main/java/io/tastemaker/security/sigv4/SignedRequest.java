package io.tastemaker.security.sigv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the server received it, in the form SigV4 needs.
 *
 * @param method   the HTTP method as sent, e.g. {@code POST}
 * @param rawPath  the request path exactly as it came over the wire, still percent-encoded and
 *                 without the query string; empty means {@code /}
 * @param rawQuery the query string exactly as it came over the wire, without the leading
 *                 {@code ?}; {@code null} is stored as the empty string
 * @param headers  the request headers; names are case-insensitive and are stored in lower case
 *                 ({@link Locale#ROOT}); the values of a name keep their order, and names that
 *                 differ only in case are merged in the order given
 * @param body     the request body; {@code null} is stored as an empty body. The record keeps its
 *                 own copy and {@link #body()} returns a copy
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    /** Normalizes the header names and copies the mutable parts. */
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new IllegalArgumentException("HTTP method must not be blank");
        }
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = lowerCaseNames(Objects.requireNonNull(headers, "headers"));
        body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A request without query string.
     *
     * @param method  HTTP method
     * @param rawPath path as on the wire
     * @param headers request headers
     * @param body    request body, may be {@code null}
     * @return the request
     */
    public static SignedRequest of(
            String method, String rawPath, Map<String, List<String>> headers, byte[] body) {
        return new SignedRequest(method, rawPath, "", headers, body);
    }

    /** Returns a copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * All values of one header, in order.
     *
     * @param name header name, any case
     * @return the values, empty when the header is absent
     */
    public List<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    /**
     * The first value of one header.
     *
     * @param name header name, any case
     * @return the first value, empty when the header is absent
     */
    public Optional<String> firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * This request with one header set to a single value, replacing any values it had.
     *
     * @param name  header name, any case
     * @param value the value
     * @return a new request
     */
    public SignedRequest withHeader(String name, String value) {
        Objects.requireNonNull(value, "value");
        Map<String, List<String>> copy = new TreeMap<>(headers);
        copy.put(name.toLowerCase(Locale.ROOT), List.of(value));
        return new SignedRequest(method, rawPath, rawQuery, copy, body);
    }

    /**
     * This request with another body; headers are left as they are.
     *
     * @param newBody the body
     * @return a new request
     */
    public SignedRequest withBody(byte[] newBody) {
        return new SignedRequest(method, rawPath, rawQuery, headers, newBody);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedRequest that
                && method.equals(that.method)
                && rawPath.equals(that.rawPath)
                && rawQuery.equals(that.rawQuery)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Names the headers but prints no header value and no body: both may carry secrets. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
                + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> merged = new TreeMap<>();
        headers.forEach((name, values) -> {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(values, () -> "values of header " + name);
            List<String> target =
                    merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>());
            for (String value : values) {
                target.add(Objects.requireNonNull(value, () -> "a value of header " + name));
            }
        });
        merged.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(merged);
    }
}
