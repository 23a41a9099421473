package io.tastemaker.engine.filter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Interactions held in maps: user → event type → item ids, newest first. */
final class MapHistory implements InteractionHistory {

    private final Map<String, Map<String, List<String>>> byUser = new LinkedHashMap<>();

    /** Records that {@code user} had {@code eventType} interactions with {@code items}, newest first. */
    MapHistory add(String user, String eventType, String... items) {
        byUser.computeIfAbsent(user, u -> new LinkedHashMap<>()).computeIfAbsent(eventType, t -> new ArrayList<>())
                .addAll(List.of(items));
        return this;
    }

    @Override
    public Collection<String> eventTypes(String userId) {
        return byUser.getOrDefault(userId, Map.of()).keySet();
    }

    @Override
    public List<String> recentItems(String userId, String eventType) {
        return byUser.getOrDefault(userId, Map.of()).getOrDefault(eventType, List.of());
    }
}
