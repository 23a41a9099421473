package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.campaign.CampaignSettings;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.filter.FilterRuntime;
import io.tastemaker.domain.recommendation.RecommendationService.Recommendations;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.engine.recipe.ScoredItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a response carries beside the ranked items: item metadata ({@code metadataColumns}), and for
 * -v2 recipes the {@code reason} of an item ({@code Promoted item}, {@code Popular item}) and the
 * popular items that fill a list a filter left short ({@link PopularFill}).
 *
 * <p>{@link #plan} runs before the items are ranked, so a request that asks for metadata it cannot
 * have fails before any work: the campaign must have {@code enableMetadataWithRecommendations}, or
 * serve a -v2 recipe (on which Personalize turns metadata on by itself), and the columns must be in
 * the dataset group's Items schema. {@link #complete} and {@link #completeRanking} then decorate the
 * ranked answer.
 */
@ApplicationScoped
public class ResponseDetails {

    /** The reason of an item a -v2 campaign's promotion placed. */
    public static final String PROMOTED_ITEM = "Promoted item";
    /** The reason of a popular item that fills a list a filter left short (-v2 recipes). */
    public static final String POPULAR_ITEM = "Popular item";

    @Inject
    CampaignService campaigns;
    @Inject
    FilterRuntime filters;
    @Inject
    ItemMetadata metadata;
    @Inject
    PopularFill popular;
    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;

    /** Solution version → its solution's recipe ARN; a version never changes recipe. */
    private final ConcurrentMap<String, String> recipeOfVersion = new ConcurrentHashMap<>();

    /**
     * What to add to one response.
     *
     * @param datasetGroupArn the campaign's dataset group
     * @param v2 whether the campaign serves a -v2 recipe
     * @param columns the metadata to read, or null for none
     */
    public record Plan(String accountId, String datasetGroupArn, boolean v2, ItemMetadata.Columns columns) {
    }

    /**
     * Checks the request's metadata against the campaign before it is served.
     *
     * @param resultsMember the member that sets how many items come back ({@code numResults}, {@code inputList})
     * @param results that number
     * @param reasonsPossible whether a -v2 recipe could add reasons or a popular fill to the answer (the
     *     request has a filter or a promotion); without that and without metadata columns nothing is
     *     added, and the campaign is not read here a second time
     * @return the plan, or null when the campaign is not named (the request fails on it later) or
     *     nothing is to be added
     * @throws InvalidInputException if metadata is asked for more than {@value MetadataColumns#MAX_RESULTS}
     *     items, from a campaign without it, or for columns the Items schema does not have
     */
    public Plan plan(String accountId, String campaignArn, MetadataColumns columns, String resultsMember, int results,
            boolean reasonsPossible) {
        columns.checkResults(resultsMember, results);
        if (campaignArn == null || !columns.requested() && !reasonsPossible) {
            return null;
        }
        Campaign campaign = campaigns.serving(accountId, campaignArn);
        String recipe = recipeOfVersion.computeIfAbsent(campaign.getSolutionVersionArn(), arn -> {
            SolutionVersion version = versions.version(arn);
            return solutions.find(version.getAccountId(), version.getSolutionArn()).getRecipeArn();
        });
        boolean v2 = recipe.endsWith("-v2");
        String group = filters.datasetGroupOf(campaign.getSolutionVersionArn());
        if (!columns.requested()) {
            return new Plan(accountId, group, v2, null);
        }
        if (!v2 && !CampaignSettings.parse(campaign.getCampaignConfig()).enableMetadataWithRecommendations()) {
            throw new InvalidInputException("Campaign " + campaignArn + " does not return item metadata: its "
                    + "campaignConfig.enableMetadataWithRecommendations is not true. Update the campaign with "
                    + "{\"enableMetadataWithRecommendations\": true} (UpdateCampaign), or send the request without "
                    + "metadataColumns.");
        }
        return new Plan(accountId, group, v2, metadata.columns(accountId, group, columns));
    }

    /**
     * Completes a GetRecommendations answer: for a -v2 campaign whose request filter left fewer than
     * {@code numResults} items for a user, popular items the filter allows fill the list (appended,
     * reason {@code Popular item}, no score); promoted items of a -v2 campaign get the reason
     * {@code Promoted item}; the asked metadata is attached.
     */
    public Recommendations complete(Plan plan, Recommendations result, String filterArn, Map<String, String> filterValues,
            String userId, String itemId, int numResults) {
        if (plan == null) {
            return result;
        }
        Recommendations out = result;
        boolean forUser = userId != null && !userId.isEmpty() && (itemId == null || itemId.isEmpty());
        if (plan.v2() && filterArn != null && forUser && out.items().size() < numResults) {
            Set<String> present = new HashSet<>();
            out.items().forEach(item -> present.add(item.itemId()));
            out = out.withPopularItems(popular.fill(filters.prepare(plan.accountId(), filterArn, filterValues,
                    plan.datasetGroupArn()), userId, present, numResults - out.items().size()), POPULAR_ITEM);
        }
        if (plan.v2()) {
            out = out.withReason(out.promotedItemIds(), PROMOTED_ITEM);
        }
        return withMetadata(plan, out);
    }

    /** Completes a GetPersonalizedRanking answer: the asked metadata is attached. */
    public Recommendations completeRanking(Plan plan, Recommendations result) {
        return plan == null ? result : withMetadata(plan, result);
    }

    private static Recommendations withMetadata(Plan plan, Recommendations result) {
        if (plan.columns() == null) {
            return result;
        }
        List<String> ids = result.items().stream().map(ScoredItem::itemId).toList();
        return result.withMetadata(plan.columns().of(ids));
    }
}
