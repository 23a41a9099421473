package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.campaign.ModelRegistry;
import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.filter.FilterRuntime;
import io.tastemaker.domain.filter.FilterRuntime.RequestFilter;
import io.tastemaker.engine.recipe.RankingModel;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.RelatedItemsModel;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.UserModel;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/** GetRecommendations and GetPersonalizedRanking from an ACTIVE campaign's model. */
@Stateless
public class RecommendationService {

    public static final int DEFAULT_RESULTS = 25;
    public static final int MAX_RESULTS = 500;

    @Inject
    CampaignService campaigns;
    @Inject
    ModelRegistry registry;
    @Inject
    LiveHistory history;
    @Inject
    FilterRuntime filters;

    /**
     * GetRecommendations. With {@code filterArn}, the model selects among the items the filter
     * allows (so fewer than {@code numResults} when fewer qualify); {@code filterValues} are its
     * parameters in Personalize's encoding, {@code "\"a\",\"b\""}.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations recommend(String accountId, String campaignArn, String userId, String itemId, Integer numResults,
            String filterArn, Map<String, String> filterValues) {
        return recommend(accountId, campaignArn, userId, itemId, numResults, filterArn, filterValues, null);
    }

    /**
     * GetRecommendations with an optional promotion (Personalize's {@code promotions}, at most one):
     * {@link Promotion#slots} of the {@code numResults} places go to the best items the promotion's
     * filter allows (the request filter does not apply to them), placed at random positions of the
     * list but in their own order; the request filter applies to the other places. A promoted item
     * is never repeated among the others. Fewer promoted items come back when fewer qualify.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations recommend(String accountId, String campaignArn, String userId, String itemId, Integer numResults,
            String filterArn, Map<String, String> filterValues, Promotion promotion) {
        if (campaignArn == null) {
            throw new InvalidInputException("campaignArn is required (recommenderArn is not supported by this server yet).");
        }
        int n = numResults == null ? DEFAULT_RESULTS : numResults;
        if (n < 1 || n > MAX_RESULTS) {
            throw new InvalidInputException("numResults must be between 1 and 500, got " + n + ".");
        }
        requireIdLength("userId", userId);
        requireIdLength("itemId", itemId);
        Campaign campaign = campaigns.serving(accountId, campaignArn);
        TrainedModel model = registry.get(campaign.getSolutionVersionArn());
        RequestFilter filter = filter(accountId, campaign, filterArn, filterValues);
        List<ScoredItem> items;
        if (model instanceof RelatedItemsModel related) {
            if (itemId == null || itemId.isEmpty()) {
                throw new InvalidInputException("itemId is required: campaign " + campaignArn + " serves recipe "
                        + model.recipe() + ", a RELATED_ITEMS recipe, which recommends items related to an item.");
            }
            items = filter == null ? related.related(itemId, n)
                    : related.related(itemId, n, filters.allowed(filter, model.catalog(), emptyToNull(userId), itemId));
            if (promotion != null) {
                RequestFilter promoted = filter(accountId, campaign, promotion.filterArn(), promotion.filterValues());
                return promote(items, related.related(itemId, promotion.slots(n),
                        filters.allowed(promoted, model.catalog(), emptyToNull(userId), itemId)), n, promotion);
            }
        } else if (model instanceof UserModel user) {
            if (itemId != null) {
                throw new InvalidInputException("itemId is for RELATED_ITEMS recipes; campaign " + campaignArn
                        + " serves recipe " + model.recipe() + ". Send userId.");
            }
            if (userId == null || userId.isEmpty()) {
                throw new InvalidInputException("userId is required: campaign " + campaignArn + " serves recipe "
                        + model.recipe() + ", which recommends items to a user.");
            }
            List<String> recent = history.recentItems(campaign.getSolutionVersionArn(), userId);
            items = filter == null ? user.recommend(userId, recent, n)
                    : user.recommend(userId, recent, n, filters.allowed(filter, model.catalog(), userId, null));
            if (promotion != null) {
                RequestFilter promoted = filter(accountId, campaign, promotion.filterArn(), promotion.filterValues());
                return promote(items, user.recommend(userId, recent, promotion.slots(n),
                        filters.allowed(promoted, model.catalog(), userId, null)), n, promotion);
            }
        } else {
            throw new InvalidInputException("Campaign " + campaignArn + " serves recipe " + model.recipe()
                    + ", which does not answer GetRecommendations.");
        }
        return new Recommendations(items, "RID-" + UUID.randomUUID());
    }

    /**
     * Merges the promoted items into the list: the others are {@code regular} without the promoted
     * ones, cut so that the list holds at most {@code n}; the promoted items take places chosen at
     * random (seeded by the recommendation id, so a response can be replayed) in their own order.
     */
    private static Recommendations promote(List<ScoredItem> regular, List<ScoredItem> promoted, int n, Promotion promotion) {
        String recommendationId = "RID-" + UUID.randomUUID();
        Set<String> promotedIds = new HashSet<>();
        promoted.forEach(item -> promotedIds.add(item.itemId()));
        List<ScoredItem> others = new ArrayList<>();
        for (ScoredItem item : regular) {
            if (!promotedIds.contains(item.itemId()) && others.size() < n - promoted.size()) {
                others.add(item);
            }
        }
        int size = others.size() + promoted.size();
        SplittableRandom random = new SplittableRandom(recommendationId.hashCode());
        int[] positions = random.ints(0, size).distinct().limit(promoted.size()).sorted().toArray();
        List<ScoredItem> merged = new ArrayList<>(size);
        int p = 0;
        int o = 0;
        for (int place = 0; place < size; place++) {
            if (p < positions.length && positions[p] == place) {
                merged.add(promoted.get(p++));
            } else {
                merged.add(others.get(o++));
            }
        }
        return new Recommendations(List.copyOf(merged), recommendationId, promotion.name(), Set.copyOf(promotedIds));
    }

    /** The request's filter, or null without {@code filterArn}. */
    private RequestFilter filter(String accountId, Campaign campaign, String filterArn, Map<String, String> filterValues) {
        if (filterArn == null) {
            if (filterValues != null && !filterValues.isEmpty()) {
                throw new InvalidInputException("filterValues are the parameters of a filter; send filterArn with them.");
            }
            return null;
        }
        Arns.require("filterArn", filterArn);
        return filters.prepare(accountId, filterArn, filterValues,
                filters.datasetGroupOf(campaign.getSolutionVersionArn()));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void requireIdLength(String name, String id) {
        if (id != null && id.length() > 256) {
            throw new InvalidInputException(name + " must have at most 256 characters.");
        }
    }

    /**
     * GetPersonalizedRanking: the campaign's model orders the given items for the user; with
     * {@code filterArn}, only the items the filter allows, so the ranking may be shorter than the list.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations rank(String accountId, String campaignArn, String userId, List<String> inputList,
            String filterArn, Map<String, String> filterValues) {
        if (campaignArn == null) {
            throw new InvalidInputException("campaignArn is required.");
        }
        if (userId == null || userId.isEmpty() || userId.length() > 256) {
            throw new InvalidInputException("userId is required and must have at most 256 characters.");
        }
        if (inputList == null || inputList.isEmpty() || inputList.size() > MAX_RESULTS) {
            throw new InvalidInputException("inputList must hold between 1 and 500 item ids.");
        }
        for (String item : inputList) {
            if (item == null || item.isEmpty() || item.length() > 256) {
                throw new InvalidInputException("Every item id of inputList must have between 1 and 256 characters.");
            }
        }
        Campaign campaign = campaigns.serving(accountId, campaignArn);
        TrainedModel model = registry.get(campaign.getSolutionVersionArn());
        if (!(model instanceof RankingModel ranking)) {
            throw new InvalidInputException("Campaign " + campaignArn + " serves recipe " + model.recipe()
                    + ", which does not rank item lists; use a campaign of aws-personalized-ranking.");
        }
        RequestFilter filter = filter(accountId, campaign, filterArn, filterValues);
        List<String> candidates = filter == null ? inputList : filters.allowedAmong(filter, inputList, userId);
        return new Recommendations(ranking.rank(userId, history.recentItems(campaign.getSolutionVersionArn(), userId),
                candidates), "RID-" + UUID.randomUUID());
    }

    /**
     * A ranked list and the id that PutEvents may later cite; with a promotion, its name and the
     * ids of the items it placed.
     */
    public record Recommendations(List<ScoredItem> items, String recommendationId, String promotionName,
            Set<String> promotedItemIds) {

        public Recommendations(List<ScoredItem> items, String recommendationId) {
            this(items, recommendationId, null, Set.of());
        }

        /** The promotion that placed {@code itemId}, or null. */
        public String promotionOf(String itemId) {
            return promotedItemIds.contains(itemId) ? promotionName : null;
        }
    }

    /**
     * One promotion of a GetRecommendations request (Personalize's {@code Promotion}).
     *
     * @param name 1 to 63 characters
     * @param percentPromotedItems 1 to 100: the share of {@code numResults} promoted, rounded down
     *     ({@code numResults} 10 at 20% promotes 2 items), at least 1
     * @param filterArn the filter that selects the promoted items; required
     * @param filterValues its parameters
     */
    public record Promotion(String name, int percentPromotedItems, String filterArn, Map<String, String> filterValues) {

        /** Checks the members as Personalize does, naming the one at fault. */
        public Promotion {
            if (name == null || name.isEmpty() || name.length() > 63 || !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                throw new InvalidInputException("promotions[0].name must have 1 to 63 characters, letters, digits, "
                        + "hyphens and underscores, starting with a letter or digit; got " + name + ".");
            }
            if (percentPromotedItems < 1 || percentPromotedItems > 100) {
                throw new InvalidInputException("promotions[0].percentPromotedItems must be between 1 and 100, got "
                        + percentPromotedItems + ".");
            }
            if (filterArn == null) {
                throw new InvalidInputException("promotions[0].filterArn is required: the filter selects the promoted "
                        + "items.");
            }
        }

        /** How many of {@code numResults} places the promotion takes. */
        public int slots(int numResults) {
            return Math.max(1, numResults * percentPromotedItems / 100);
        }
    }
}
