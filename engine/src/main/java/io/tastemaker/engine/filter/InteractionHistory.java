package io.tastemaker.engine.filter;

import java.util.Collection;
import java.util.List;

/**
 * A user's recent interactions, as filters on {@code Interactions.EVENT_TYPE} read them. The server
 * supplies it from live data (imported interactions and PutEvents), so filters see new events at
 * once.
 *
 * <p>Personalize's filters consider the {@value #MAX_PER_EVENT_TYPE} most recent interactions per
 * user per event type; a filter reads at most that many items of each list, so an implementation
 * may return more (newest first) or exactly the window. Implementations must be thread-safe if the
 * filter is shared between request threads.
 */
public interface InteractionHistory {

    /** How many of a user's most recent interactions of each event type filters consider. */
    int MAX_PER_EVENT_TYPE = 100;

    /** The event types {@code userId} has interactions of, spelled as recorded; empty for an unknown user. */
    Collection<String> eventTypes(String userId);

    /**
     * The item ids of {@code userId}'s interactions of {@code eventType} (spelled as
     * {@link #eventTypes} returns it), newest first. An item may appear more than once.
     */
    List<String> recentItems(String userId, String eventType);

    /** No interactions for anyone. */
    static InteractionHistory none() {
        return new InteractionHistory() {
            @Override
            public Collection<String> eventTypes(String userId) {
                return List.of();
            }

            @Override
            public List<String> recentItems(String userId, String eventType) {
                return List.of();
            }
        };
    }
}
