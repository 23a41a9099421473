package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.campaign.ModelRegistry;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** GetRecommendations: the campaign's model ranks the catalog for a user. */
@Stateless
public class RecommendationService {

    public static final int DEFAULT_RESULTS = 25;
    public static final int MAX_RESULTS = 500;

    @Inject
    CampaignService campaigns;
    @Inject
    ModelRegistry registry;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations recommend(String accountId, String campaignArn, String userId, String itemId, Integer numResults) {
        if (campaignArn == null) {
            throw new InvalidInputException("campaignArn is required (recommenderArn is not supported by this server yet).");
        }
        int n = numResults == null ? DEFAULT_RESULTS : numResults;
        if (n < 1 || n > MAX_RESULTS) {
            throw new InvalidInputException("numResults must be between 1 and 500, got " + n + ".");
        }
        if (itemId != null) {
            throw new InvalidInputException("itemId is for RELATED_ITEMS recipes; this campaign's recipe is USER_PERSONALIZATION. "
                    + "Send userId.");
        }
        if (userId == null || userId.isEmpty()) {
            throw new InvalidInputException("userId is required for a USER_PERSONALIZATION campaign.");
        }
        if (userId.length() > 256) {
            throw new InvalidInputException("userId must have at most 256 characters.");
        }
        Campaign campaign = campaigns.serving(accountId, campaignArn);
        TrainedModel model = registry.get(campaign.getSolutionVersionArn());
        List<ScoredItem> items = model.recommend(userId, n);
        return new Recommendations(items, "RID-" + UUID.randomUUID());
    }

    /** A ranked list and the id that PutEvents may later cite. */
    public record Recommendations(List<ScoredItem> items, String recommendationId) {
    }
}
