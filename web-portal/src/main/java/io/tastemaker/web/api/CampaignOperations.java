package io.tastemaker.web.api;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Campaigns over JSON 1.1. */
@ApplicationScoped
public class CampaignOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    CampaignService campaigns;

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateCampaign", r -> {
                    JsonIn config = r.object("campaignConfig");
                    return JsonOut.object().put("campaignArn", campaigns.create(caller.accountId(), r.requiredString("name"),
                            r.requiredString("solutionVersionArn"), r.integer("minProvisionedTPS"),
                            config == null ? null : config.raw().toString()).getArn());
                },
                "UpdateCampaign", r -> {
                    JsonIn config = r.object("campaignConfig");
                    return JsonOut.object().put("campaignArn", campaigns.update(caller.accountId(), r.requiredString("campaignArn"),
                            r.string("solutionVersionArn"), r.integer("minProvisionedTPS"),
                            config == null ? null : config.raw().toString()).getArn());
                },
                "DescribeCampaign", r -> JsonOut.object().put("campaign",
                        campaign(campaigns.find(caller.accountId(), r.requiredString("campaignArn")))),
                "ListCampaigns", r -> {
                    var page = campaigns.list(caller.accountId(), r.string("solutionArn"),
                            PageRequest.of("ListCampaigns" + r.string("solutionArn"), r.string("nextToken"), r.integer("maxResults")));
                    return JsonOut.object().list("campaigns", page.items(), c -> JsonOut.object()
                            .put("name", c.getName()).put("campaignArn", c.getArn()).put("status", c.getStatus())
                            .put("creationDateTime", c.getCreatedAt()).put("lastUpdatedDateTime", c.getUpdatedAt())
                            .put("failureReason", c.getFailureReason()))
                            .put("nextToken", page.nextToken());
                },
                "DeleteCampaign", r -> {
                    campaigns.delete(caller.accountId(), r.requiredString("campaignArn"));
                    return JsonOut.object();
                });
    }

    private static JsonOut campaign(Campaign c) {
        JsonOut out = JsonOut.object().put("name", c.getName()).put("campaignArn", c.getArn())
                .put("solutionVersionArn", c.getSolutionVersionArn()).put("minProvisionedTPS", c.getMinProvisionedTps())
                .putJson("campaignConfig", c.getCampaignConfig()).put("status", c.getStatus())
                .put("failureReason", c.getFailureReason()).put("creationDateTime", c.getCreatedAt())
                .put("lastUpdatedDateTime", c.getUpdatedAt());
        if (c.getUpdateStatus() != null) {
            out.put("latestCampaignUpdate", JsonOut.object().put("solutionVersionArn", c.getPendingVersionArn())
                    .put("minProvisionedTPS", c.getPendingMinTps()).putJson("campaignConfig", c.getPendingConfig())
                    .put("status", c.getUpdateStatus()).put("failureReason", c.getUpdateFailure())
                    .put("creationDateTime", c.getUpdateCreatedAt()).put("lastUpdatedDateTime", c.getUpdateUpdatedAt()));
        }
        return out;
    }
}
