package io.tastemaker.security.sigv4;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/** The ISO 8601 basic format of {@code X-Amz-Date}: {@code yyyyMMdd'T'HHmmss'Z'}, always UTC. */
final class AmzDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT)
                    .withZone(ZoneOffset.UTC);

    private AmzDate() {}

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    static Optional<Instant> parse(String text) {
        if (text.length() != 16) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(text, FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
