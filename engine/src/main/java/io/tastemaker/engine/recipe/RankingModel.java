package io.tastemaker.engine.recipe;

import java.util.List;
import java.util.Map;

/**
 * A model that can order a given list of items for a user, as Personalize's
 * GetPersonalizedRanking does: known items by the model's preference, with scores that sum to 1
 * over them; items unknown at training last, in their input order, with score 0.
 */
public interface RankingModel extends UserModel {

    List<ScoredItem> rank(String userId, List<String> itemIds);

    /**
     * {@link #rank(String, List)} given also the user's newest real-time events (see
     * {@link UserModel#recommend(String, List, int)}); by default they are ignored.
     */
    default List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds) {
        return rank(userId, itemIds);
    }

    /**
     * {@link #rank(String, List, List)} in a context, as
     * {@link UserModel#recommend(String, List, int, Map)} describes it; by default the context is
     * ignored.
     *
     * @param context field → value; may be {@code null} or empty
     */
    default List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds,
            Map<String, String> context) {
        return rank(userId, recentItemIds, itemIds);
    }
}
