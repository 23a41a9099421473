package io.tastemaker.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical form of a record and the hash that links it to the one before.
 *
 * <p>The canonical form is UTF-8 text: the line {@code tastemaker-audit-v1}, then one line per
 * field in a fixed order, {@code name=} followed by {@code ~} for a null value or by the value's
 * length in UTF-8 bytes, a colon and the value itself. The length prefix makes the encoding
 * unambiguous whatever the values hold, so two different records never share a canonical form.
 * Times are epoch milliseconds; the resource list is the stored text (ARNs joined by new lines).
 *
 * <p>{@code hash = hex(SHA-256(UTF-8(previous hash in hex) || canonical form))}; the first record
 * of a chain links to {@link ChainHead#GENESIS}. Everything that is stored is covered, except the
 * hash itself.
 */
public final class AuditChain {

    static final String VERSION = "tastemaker-audit-v1";

    private AuditChain() {
    }

    /** The canonical form of a record (its own hash left out). */
    public static byte[] canonical(AuditRecord r) {
        StringBuilder out = new StringBuilder(512).append(VERSION).append('\n');
        field(out, "chain", r.getChainId());
        field(out, "seq", Long.toString(r.getSeq()));
        field(out, "eventId", r.getEventId());
        field(out, "time", r.getEventTime() == null ? null : Long.toString(r.getEventTime().toEpochMilli()));
        field(out, "account", r.getAccountId());
        field(out, "principal", r.getPrincipal());
        field(out, "accessKeyId", r.getAccessKeyId());
        field(out, "service", r.getService());
        field(out, "action", r.getAction());
        field(out, "resources", r.getResources());
        field(out, "sourceIp", r.getSourceIp());
        field(out, "userAgent", r.getUserAgent());
        field(out, "outcome", r.getOutcome());
        field(out, "httpStatus", Integer.toString(r.getHttpStatus()));
        field(out, "errorCode", r.getErrorCode());
        field(out, "prevHash", r.getPrevHash());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The hash of a record linked after a record whose hash is {@code previousHash}. */
    public static String hash(String previousHash, AuditRecord r) {
        MessageDigest sha = sha256();
        sha.update(previousHash.getBytes(StandardCharsets.UTF_8));
        sha.update(canonical(r));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append('=');
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
