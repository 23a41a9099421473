package io.tastemaker.domain.dataset;

/**
 * One interaction as stored: who, what, when (epoch seconds), the event type and value when
 * given, the session it came in (PutEvents), and the remaining schema fields as a JSON object.
 */
public record InteractionRow(String userId, String itemId, long timestamp, String eventType, Float eventValue,
                             String sessionId, String attributesJson) {
}
