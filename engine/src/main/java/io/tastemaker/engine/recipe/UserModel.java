package io.tastemaker.engine.recipe;

import java.util.List;

/**
 * A model that recommends items to a user: USER_PERSONALIZATION recipes, and the cold-start answer
 * of every recipe that knows users.
 */
public interface UserModel extends TrainedModel {

    /**
     * The best {@code numResults} items for {@code userId}, best first, never more than the model's
     * catalog holds. Items the user already interacted with stay candidates, as in Personalize;
     * business filters are the caller's. An unknown user gets the model's cold-start answer.
     *
     * @param userId the user's external id, not null
     * @param numResults how many items to return at most, {@code >= 0}
     * @return an unmodifiable list
     * @throws IllegalArgumentException if {@code numResults} is negative
     */
    List<ScoredItem> recommend(String userId, int numResults);

    /**
     * The best items for {@code userId} given also the user's newest real-time events, which may
     * be newer than the model: {@code recentItemIds} (newest first; ids the model does not know
     * are ignored) count as interactions of the user. Models that cannot take them into account
     * answer as {@link #recommend(String, int)}, which is this default.
     *
     * @param recentItemIds the items of the user's newest events, newest first; may be empty
     */
    default List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults) {
        return recommend(userId, numResults);
    }
}
