package io.tastemaker.domain.dataset;

import java.util.List;

/**
 * One interaction as stored: who, what, when (epoch seconds), the event type and value when
 * given, the session it came in (PutEvents), the remaining schema fields as a JSON object, and the
 * items shown with it ({@code impression}, empty when none) and the recommendation it cites
 * ({@code recommendationId}, or null).
 */
public record InteractionRow(String userId, String itemId, long timestamp, String eventType, Float eventValue,
                             String sessionId, String attributesJson, List<String> impression,
                             String recommendationId) {

    /** Copies the impression; null means none. */
    public InteractionRow {
        impression = impression == null ? List.of() : List.copyOf(impression);
    }

    /** An interaction without impression or recommendation id. */
    public InteractionRow(String userId, String itemId, long timestamp, String eventType, Float eventValue,
                          String sessionId, String attributesJson) {
        this(userId, itemId, timestamp, eventType, eventValue, sessionId, attributesJson, List.of(), null);
    }
}
