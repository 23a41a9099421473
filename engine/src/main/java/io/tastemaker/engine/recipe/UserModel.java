package io.tastemaker.engine.recipe;

import io.tastemaker.engine.filter.AllowedItems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /**
     * {@link #recommend(String, List, int)} restricted to the items a filter allows: the best
     * {@code numResults} of the allowed items, scored as without the filter, so fewer than
     * {@code numResults} when fewer are allowed. The models of this package select among the allowed
     * items directly; this default asks for the whole catalog and keeps the allowed items, which is
     * correct but costs a full ranking.
     *
     * @param allowed the allowed items, over {@link #catalog()}
     * @throws IllegalArgumentException if {@code allowed} is over another catalog
     */
    default List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults,
            AllowedItems allowed) {
        Candidates.requireCatalog(this, allowed);
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        List<ScoredItem> result = new ArrayList<>(Math.min(numResults, allowed.count()));
        for (ScoredItem item : recommend(userId, recentItemIds, catalog().size())) {
            if (result.size() == numResults) {
                break;
            }
            if (allowed.contains(item.itemId())) {
                result.add(item);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * How many distinct users the model saw interact with {@code itemId} in training: its exposure,
     * which new-item exploration ({@link NewItemExploration}) reads. 0 for an item outside the
     * catalog; models that keep no counts answer {@link Long#MAX_VALUE} for catalog items (this
     * default), so exploration treats them as well known.
     */
    default long itemUsers(String itemId) {
        return catalog().indexOf(itemId) < 0 ? 0 : Long.MAX_VALUE;
    }

    /**
     * The contextual fields this model learned from (Personalize's contextual metadata, such as
     * {@code DEVICE}), as the Interactions schema names them; a request's context is matched against
     * them, ignoring case. Empty for models that do not learn from context (this default).
     */
    default List<String> contextFields() {
        return List.of();
    }

    /**
     * {@link #recommend(String, List, int)} for a request that carries a context (Personalize's
     * {@code context}: contextual field → value, e.g. {@code DEVICE → mobile}). A model that learned
     * from context ranks the items as they are preferred in that context; keys and values it never
     * saw in training are neutral, and a context with nothing it knows (or none) answers exactly as
     * {@link #recommend(String, List, int)}. Models that do not learn from context ignore it (this
     * default).
     *
     * @param context field → value; may be {@code null} or empty
     */
    default List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults,
            Map<String, String> context) {
        return recommend(userId, recentItemIds, numResults);
    }

    /**
     * {@link #recommend(String, List, int, AllowedItems)} in a context, as
     * {@link #recommend(String, List, int, Map)}; by default the context is ignored.
     */
    default List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults,
            AllowedItems allowed, Map<String, String> context) {
        return recommend(userId, recentItemIds, numResults, allowed);
    }
}
