package io.tastemaker.domain.event;

import java.time.Instant;

/** One event of a PutEvents call, as the API parsed it; {@code properties} is a JSON object string. */
public record EventInput(String eventId, String eventType, Float eventValue, String itemId, Instant sentAt,
                         String properties, String recommendationId, java.util.List<String> impression) {
}
