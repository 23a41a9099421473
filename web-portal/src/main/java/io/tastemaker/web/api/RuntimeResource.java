package io.tastemaker.web.api;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recommendation.MetadataColumns;
import io.tastemaker.domain.recommendation.RecommendationService;
import io.tastemaker.web.auth.Authorizer;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runtime API (REST-JSON): GetRecommendations, GetPersonalizedRanking. */
@Path("/")
@RequestScoped
public class RuntimeResource {

    @Inject
    Caller caller;
    @Inject
    RecommendationService recommendations;
    @Inject
    Authorizer authorizer;

    @POST
    @Path("recommendations")
    public Response getRecommendations(byte[] body) {
        JsonIn r = JsonIn.parse(body);
        authorizer.authorize("personalize:GetRecommendations", List.of(resourceOf(r)));
        refuseUnsupported(r, "recommenderArn");
        var result = recommendations.recommend(caller.accountId(), r.string("campaignArn"), r.string("userId"),
                r.string("itemId"), r.integer("numResults"), r.string("filterArn"), r.stringMap("filterValues"),
                promotion(r), r.stringMap("context"), metadataColumns(r));
        JsonOut out = JsonOut.object()
                .list("itemList", result.items(), i -> JsonOut.object().put("itemId", i.itemId()).put("score", result.scoreOf(i))
                        .put("promotionName", result.promotionOf(i.itemId()))
                        .stringMap("metadata", result.metadataOf(i.itemId()))
                        .strings("reason", result.reasonsOf(i.itemId())))
                .put("recommendationId", result.recommendationId());
        return Response.ok(out.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("personalize-ranking")
    public Response getPersonalizedRanking(byte[] body) {
        JsonIn r = JsonIn.parse(body);
        authorizer.authorize("personalize:GetPersonalizedRanking", List.of(resourceOf(r)));
        var result = recommendations.rank(caller.accountId(), r.string("campaignArn"), r.string("userId"),
                r.strings("inputList"), r.string("filterArn"), r.stringMap("filterValues"), r.stringMap("context"),
                metadataColumns(r));
        JsonOut out = JsonOut.object()
                .list("personalizedRanking", result.items(), i -> JsonOut.object().put("itemId", i.itemId())
                        .put("score", result.scoreOf(i)).stringMap("metadata", result.metadataOf(i.itemId()))
                        .strings("reason", result.reasonsOf(i.itemId())))
                .put("recommendationId", result.recommendationId());
        return Response.ok(out.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The request's promotion (Personalize takes a list of at most one), or null. */
    private static RecommendationService.Promotion promotion(JsonIn request) {
        if (!request.raw().containsKey("promotions") || request.raw().isNull("promotions")) {
            return null;
        }
        List<JsonIn> promotions = request.objects("promotions");
        if (promotions.size() > 1) {
            throw new InvalidInputException("promotions holds at most 1 promotion, got " + promotions.size() + ".");
        }
        if (promotions.isEmpty()) {
            return null;
        }
        JsonIn p = promotions.get(0);
        Integer percent = p.integer("percentPromotedItems");
        return new RecommendationService.Promotion(p.string("name"), percent == null ? 0 : percent, p.string("filterArn"),
                p.stringMap("filterValues"));
    }

    /** The request's metadataColumns (dataset type → column names), checked by {@link MetadataColumns#of}. */
    private static MetadataColumns metadataColumns(JsonIn request) {
        JsonIn columns = request.object("metadataColumns");
        if (columns == null) {
            return MetadataColumns.NONE;
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (String type : columns.raw().keySet()) {
            byType.put(type, columns.strings(type));
        }
        return MetadataColumns.of(byType);
    }

    /** Members this server cannot honour yet are refused rather than silently ignored. */
    private static void refuseUnsupported(JsonIn request, String... members) {
        for (String member : members) {
            if (request.raw().containsKey(member) && !request.raw().isNull(member)) {
                throw new InvalidInputException(member + " is not supported by this server yet; send the request without it.");
            }
        }
    }

    /** The campaign (or recommender) a runtime request reads from: the resource IAM authorises. */
    private static String resourceOf(JsonIn r) {
        String campaign = r.string("campaignArn");
        String recommender = r.string("recommenderArn");
        return campaign != null ? campaign : recommender != null ? recommender : "*";
    }
}
