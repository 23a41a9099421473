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
import java.util.List;
import java.util.Map;
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
        } else {
            throw new InvalidInputException("Campaign " + campaignArn + " serves recipe " + model.recipe()
                    + ", which does not answer GetRecommendations.");
        }
        return new Recommendations(items, "RID-" + UUID.randomUUID());
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

    /** A ranked list and the id that PutEvents may later cite. */
    public record Recommendations(List<ScoredItem> items, String recommendationId) {
    }
}
