package io.tastemaker.engine.filter;

import java.util.Map;
import java.util.Objects;

/**
 * What a filter needs to know about one request.
 *
 * @param userId the requesting user, or {@code null} (a related-items request without a user: then
 *     Interactions conditions match no item and IF conditions don't hold)
 * @param history the users' recent interactions
 * @param currentUser the requesting user's Users-dataset attributes, field name → raw value as
 *     imported (categorical values separated by {@code |}, numbers in decimal); names match ignoring
 *     case; empty if the user has none
 * @param currentItemId the request's item (related-items requests), or {@code null}
 */
public record FilterContext(String userId, InteractionHistory history, Map<String, String> currentUser,
        String currentItemId) {

    public FilterContext {
        Objects.requireNonNull(history, "history");
        currentUser = Map.copyOf(currentUser);
    }

    /** A request by {@code userId}, without user attributes or an item. */
    public static FilterContext forUser(String userId, InteractionHistory history) {
        return new FilterContext(userId, history, Map.of(), null);
    }

    /** This context with the requesting user's attributes. */
    public FilterContext withCurrentUser(Map<String, String> attributes) {
        return new FilterContext(userId, history, attributes, currentItemId);
    }

    /** This context with the request's item. */
    public FilterContext withCurrentItem(String itemId) {
        return new FilterContext(userId, history, currentUser, itemId);
    }
}
