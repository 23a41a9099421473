package io.tastemaker.security.sigv4;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The credential scope of a SigV4 signature: {@code <yyyyMMdd>/<region>/<service>/aws4_request}.
 * The signing key is derived from exactly these parts, so a signature is only valid for them.
 *
 * @param date    the signing day, {@code yyyyMMdd} in UTC
 * @param region  the region, lower-case letters, digits and hyphens (any region is accepted)
 * @param service the signing name of the service, e.g. {@code personalize}
 */
public record CredentialScope(String date, String region, String service) {

    /** The fixed last part of every scope. */
    public static final String TERMINATOR = "aws4_request";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    /**
     * Checks the shape of each part.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public CredentialScope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        if (!isDay(date)) {
            throw new IllegalArgumentException(
                    "Credential scope date must be a day in the form yyyyMMdd, not '" + date + "'.");
        }
        if (!NAME.matcher(region).matches()) {
            throw new IllegalArgumentException(
                    "Credential should be scoped to a valid region, not '" + region + "'.");
        }
        if (!NAME.matcher(service).matches()) {
            throw new IllegalArgumentException(
                    "Credential should be scoped to a valid service, not '" + service + "'.");
        }
    }

    /**
     * The scope for signing at an instant.
     *
     * @param instant the signing time
     * @param region  the region
     * @param service the service signing name
     * @return the scope of that day (UTC)
     */
    public static CredentialScope of(Instant instant, String region, String service) {
        return new CredentialScope(
                DAY.format(instant.atOffset(ZoneOffset.UTC).toLocalDate()), region, service);
    }

    /** The scope as it appears in the string to sign and (after the key id) in the credential. */
    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + TERMINATOR;
    }

    private static boolean isDay(String text) {
        if (text.length() != 8) {
            return false;
        }
        try {
            LocalDate.parse(text, DAY);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
