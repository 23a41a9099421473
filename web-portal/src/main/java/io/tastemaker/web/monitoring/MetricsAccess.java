package io.tastemaker.web.monitoring;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may read {@code GET /metrics}. Prometheus cannot sign requests, and the metrics name every
 * account's campaigns, so: with a token configured ({@code TASTEMAKER_METRICS_TOKEN}), any client
 * that sends {@code Authorization: Bearer <token>}; without one, only clients on this machine
 * (a loopback address). A reverse proxy on the same machine makes every client look local: set a
 * token then.
 */
final class MetricsAccess {

    /** Tokens shorter than this are refused at start-up: a guessable token is no protection. */
    static final int MIN_TOKEN_LENGTH = 16;

    private final byte[] token;

    MetricsAccess(Optional<String> token) {
        String t = token.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (t != null && t.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("tastemaker.metrics.token must be at least " + MIN_TOKEN_LENGTH
                    + " characters long.");
        }
        this.token = t == null ? null : t.getBytes(StandardCharsets.UTF_8);
    }

    /** Null if the client may read the metrics; otherwise why not, for the 401/403 answer. */
    String refusal(String remoteAddress, String authorization) {
        if (token == null) {
            return isLoopback(remoteAddress) ? null
                    : "The metrics are served to this machine only; set TASTEMAKER_METRICS_TOKEN to serve them elsewhere.";
        }
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return "Send Authorization: Bearer <TASTEMAKER_METRICS_TOKEN>.";
        }
        byte[] given = authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? null : "The metrics token is not valid.";
    }

    /** True if a token is required. */
    boolean tokenRequired() {
        return token != null;
    }

    /** True for a loopback IP literal (127.0.0.0/8, ::1); never asks DNS. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!literal.matches("[0-9.]+") && !literal.matches("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*(%[A-Za-z0-9]+)?")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
