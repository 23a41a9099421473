package io.tastemaker.domain.filter;

import io.tastemaker.engine.filter.InteractionHistory;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One user's newest interactions per event type, read for one request: the {@link
 * InteractionHistory} a filter sees. Other users have none (a request is about one user).
 */
record UserInteractions(String userId, Map<String, List<String>> byEventType) implements InteractionHistory {

    UserInteractions {
        byEventType = Map.copyOf(byEventType);
    }

    @Override
    public Collection<String> eventTypes(String user) {
        return userId.equals(user) ? byEventType.keySet() : List.of();
    }

    @Override
    public List<String> recentItems(String user, String eventType) {
        return userId.equals(user) ? byEventType.getOrDefault(eventType, List.of()) : List.of();
    }
}
