package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.campaign.ModelRegistry;
import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.filter.FilterRuntime;
import io.tastemaker.domain.filter.FilterRuntime.RequestFilter;
import io.tastemaker.engine.quota.QuotaRanking;
import io.tastemaker.engine.recipe.NewItemExploration;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/** GetRecommendations and GetPersonalizedRanking from an ACTIVE campaign's model. */
@Stateless
public class RecommendationService {

    public static final int DEFAULT_RESULTS = 25;
    public static final int MAX_RESULTS = 500;
    /** Entries a request's {@code context} may hold (Personalize's {@code Context} map). */
    public static final int MAX_CONTEXT_ENTRIES = 150;
    /** Characters of a context key ({@code AttributeName}). */
    public static final int MAX_CONTEXT_KEY = 150;
    /** Characters of a context value ({@code AttributeValue}). */
    public static final int MAX_CONTEXT_VALUE = 1000;

    /** Personalize's reason for an item placed by exploration. */
    public static final String EXPLORATION = "Exploration";

    private static final Pattern CONTEXT_KEY = Pattern.compile("[A-Za-z\\d_]+");

    @Inject
    CampaignService campaigns;
    @Inject
    ModelRegistry registry;
    @Inject
    LiveHistory history;
    @Inject
    FilterRuntime filters;
    @Inject
    NewItems newItems;
    @Inject
    ResponseDetails details;

    /**
     * GetRecommendations. With {@code filterArn}, the model selects among the items the filter
     * allows (so fewer than {@code numResults} when fewer qualify); {@code filterValues} are its
     * parameters in Personalize's encoding, {@code "\"a\",\"b\""}. The filter's {@code QUOTA}
     * clauses share the list out between categories ({@link QuotaRanking}).
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
        return recommend(accountId, campaignArn, userId, itemId, numResults, filterArn, filterValues, promotion, null);
    }

    /**
     * GetRecommendations with Personalize's {@code context} as well: contextual field → value (e.g.
     * {@code DEVICE → mobile}), checked by {@link #checkContext}. A model that learned from the
     * Interactions schema's contextual fields ranks the items as they are preferred in that context,
     * promoted items included; keys and values it never saw are neutral, as is every context for
     * models that learn from none (aws-popularity-count, aws-trending-now). RELATED_ITEMS campaigns
     * refuse a context.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations recommend(String accountId, String campaignArn, String userId, String itemId, Integer numResults,
            String filterArn, Map<String, String> filterValues, Promotion promotion, Map<String, String> context) {
        Map<String, String> requestContext = checkContext(context);
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
        QuotaRanking quotas;
        if (model instanceof RelatedItemsModel related) {
            if (!requestContext.isEmpty()) {
                throw new InvalidInputException("context is for USER_PERSONALIZATION and PERSONALIZED_RANKING recipes; "
                        + "campaign " + campaignArn + " serves recipe " + model.recipe() + ", a RELATED_ITEMS recipe. "
                        + "Send the request without context.");
            }
            if (itemId == null || itemId.isEmpty()) {
                throw new InvalidInputException("itemId is required: campaign " + campaignArn + " serves recipe "
                        + model.recipe() + ", a RELATED_ITEMS recipe, which recommends items related to an item.");
            }
            quotas = filters.quotas(filter, model.catalog(), itemId);
            items = filter == null ? related.related(itemId, n)
                    : quotas.candidates(filters.allowed(filter, model.catalog(), emptyToNull(userId), itemId), n,
                            (allowed, k) -> related.related(itemId, k, allowed));
            if (promotion != null) {
                RequestFilter promoted = filter(accountId, campaign, promotion.filterArn(), promotion.filterValues());
                return promote(items, related.related(itemId, promotion.slots(n),
                        filters.allowed(promoted, model.catalog(), emptyToNull(userId), itemId)), n, promotion, quotas);
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
            LiveHistory.Recent live = history.recent(campaign.getSolutionVersionArn(), userId);
            List<String> recent = live.items();
            int asked = n + live.penalty().penalized();
            quotas = filters.quotas(filter, model.catalog(), null);
            List<ScoredItem> ranked = filter == null ? user.recommend(userId, recent, asked, requestContext)
                    : quotas.candidates(filters.allowed(filter, model.catalog(), userId, null), asked,
                            (allowed, k) -> user.recommend(userId, recent, k, allowed, requestContext));
            ranked = live.penalty().apply(ranked, ranked.size());
            if (promotion != null) {
                RequestFilter promoted = filter(accountId, campaign, promotion.filterArn(), promotion.filterValues());
                return promote(ranked, user.recommend(userId, recent, promotion.slots(n),
                        filters.allowed(promoted, model.catalog(), userId, null), requestContext), n, promotion, quotas);
            }
            NewItemExploration.Explored explored = newItems.explore(campaign, user, userId, live,
                    quotas.take(ranked, Set.of(), n), n, filter);
            return new Recommendations(explored.items(), "RID-" + UUID.randomUUID())
                    .withExplored(explored.exploredItemIds());
        } else {
            throw new InvalidInputException("Campaign " + campaignArn + " serves recipe " + model.recipe()
                    + ", which does not answer GetRecommendations.");
        }
        return new Recommendations(quotas.take(items, Set.of(), n), "RID-" + UUID.randomUUID());
    }

    /**
     * GetRecommendations with item metadata ({@code metadataColumns}) as well, and, for -v2 recipes,
     * each item's {@code reason} and popular items that fill a list the filter left short
     * ({@link ResponseDetails}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations recommend(String accountId, String campaignArn, String userId, String itemId, Integer numResults,
            String filterArn, Map<String, String> filterValues, Promotion promotion, Map<String, String> context,
            MetadataColumns metadataColumns) {
        int n = numResults == null ? DEFAULT_RESULTS : numResults;
        ResponseDetails.Plan plan = details.plan(accountId, campaignArn, metadataColumns, "numResults", n,
                filterArn != null || promotion != null);
        return details.complete(plan, recommend(accountId, campaignArn, userId, itemId, numResults, filterArn,
                filterValues, promotion, context), filterArn, filterValues, userId, itemId, n);
    }

    /**
     * Merges the promoted items into the list: the others are {@code regular} without the promoted
     * ones, cut so that the list holds at most {@code n}; the promoted items take places chosen at
     * random (seeded by the recommendation id, so a response can be replayed) in their own order.
     * The request filter's quotas hold over the others' places.
     */
    private static Recommendations promote(List<ScoredItem> regular, List<ScoredItem> promoted, int n, Promotion promotion,
            QuotaRanking quotas) {
        String recommendationId = "RID-" + UUID.randomUUID();
        Set<String> promotedIds = new HashSet<>();
        promoted.forEach(item -> promotedIds.add(item.itemId()));
        List<ScoredItem> others = quotas.take(regular, promotedIds, n - promoted.size());
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
        return rank(accountId, campaignArn, userId, inputList, filterArn, filterValues, null);
    }

    /** GetPersonalizedRanking in a context, as {@link #recommend(String, String, String, String, Integer, String, Map, Promotion, Map)} takes it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations rank(String accountId, String campaignArn, String userId, List<String> inputList,
            String filterArn, Map<String, String> filterValues, Map<String, String> context) {
        Map<String, String> requestContext = checkContext(context);
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
                candidates, requestContext), "RID-" + UUID.randomUUID());
    }

    /** GetPersonalizedRanking with item metadata ({@code metadataColumns}; at most 50 items in inputList then). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Recommendations rank(String accountId, String campaignArn, String userId, List<String> inputList,
            String filterArn, Map<String, String> filterValues, Map<String, String> context, MetadataColumns metadataColumns) {
        ResponseDetails.Plan plan = details.plan(accountId, campaignArn, metadataColumns, "inputList",
                inputList == null ? 0 : inputList.size(), false);
        return details.completeRanking(plan, rank(accountId, campaignArn, userId, inputList, filterArn, filterValues, context));
    }

    /**
     * The contextual fields the model of an ACTIVE campaign learned from (e.g. {@code DEVICE}), as
     * its Interactions schema names them; empty for models that learn from none.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> contextFields(String accountId, String campaignArn) {
        Campaign campaign = campaigns.serving(accountId, campaignArn);
        TrainedModel model = registry.get(campaign.getSolutionVersionArn());
        return model instanceof UserModel user ? user.contextFields() : List.of();
    }

    /**
     * A request's {@code context} checked against Personalize's {@code Context} shape: at most
     * {@value #MAX_CONTEXT_ENTRIES} entries, each key 1 to {@value #MAX_CONTEXT_KEY} letters, digits
     * and underscores (the name of a contextual field of the Interactions schema, matched ignoring
     * case, so two keys may not differ only in case), each value a string of at most
     * {@value #MAX_CONTEXT_VALUE} characters.
     *
     * @return the context, or an empty map for null
     * @throws InvalidInputException naming the entry at fault and the rule
     */
    public static Map<String, String> checkContext(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            return Map.of();
        }
        if (context.size() > MAX_CONTEXT_ENTRIES) {
            throw new InvalidInputException("context holds at most " + MAX_CONTEXT_ENTRIES + " entries, got "
                    + context.size() + ".");
        }
        Map<String, String> byField = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : context.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isEmpty() || key.length() > MAX_CONTEXT_KEY || !CONTEXT_KEY.matcher(key).matches()) {
                throw new InvalidInputException("context key " + (key == null ? "null" : "'" + Texts.abbreviate(key) + "'")
                        + " must be 1 to " + MAX_CONTEXT_KEY + " letters, digits or underscores: the name of a "
                        + "contextual field of the Interactions schema, such as DEVICE.");
            }
            String value = entry.getValue();
            if (value == null) {
                throw new InvalidInputException("The value of context key " + key + " must be a string.");
            }
            if (value.length() > MAX_CONTEXT_VALUE) {
                throw new InvalidInputException("The value of context key " + key + " has " + value.length()
                        + " characters; at most " + MAX_CONTEXT_VALUE + " are allowed.");
            }
            String previous = byField.put(key.toUpperCase(Locale.ROOT), key);
            if (previous != null) {
                throw new InvalidInputException("context keys " + previous + " and " + key + " name the same field "
                        + "(field names ignore case); send one of them.");
            }
        }
        return Map.copyOf(context);
    }


    /**
     * A ranked list and the id that PutEvents may later cite; with a promotion, its name and the
     * ids of the items it placed; per item, the reasons it is there ({@code Exploration} for what
     * new-item exploration placed; -v2 recipes: {@code Promoted item}, {@code Popular item}) and,
     * when asked for, its metadata.
     *
     * @param reasons item id → reasons, for the items that have any
     * @param metadata item id → column → value, for every item when metadata was asked for; else empty
     */
    public record Recommendations(List<ScoredItem> items, String recommendationId, String promotionName,
            Set<String> promotedItemIds, Map<String, List<String>> reasons, Map<String, Map<String, String>> metadata) {

        public Recommendations(List<ScoredItem> items, String recommendationId, String promotionName,
                Set<String> promotedItemIds) {
            this(items, recommendationId, promotionName, promotedItemIds, Map.of(), Map.of());
        }

        public Recommendations(List<ScoredItem> items, String recommendationId) {
            this(items, recommendationId, null, Set.of());
        }

        /** These recommendations, with the explored items among them (promoted ones aside) marked {@code Exploration}. */
        Recommendations withExplored(Set<String> explored) {
            Set<String> listed = new HashSet<>();
            for (ScoredItem item : items) {
                if (explored.contains(item.itemId()) && !promotedItemIds.contains(item.itemId())) {
                    listed.add(item.itemId());
                }
            }
            return withReason(listed, EXPLORATION);
        }

        /** The promotion that placed {@code itemId}, or null. */
        public String promotionOf(String itemId) {
            return promotedItemIds.contains(itemId) ? promotionName : null;
        }

        /** Why {@code itemId} is in the list (Personalize's {@code reason}); empty for none. */
        public List<String> reasonsOf(String itemId) {
            return reasons.getOrDefault(itemId, List.of());
        }

        /** The score of {@code item}, or null for a popular item that fills a short list (it has none). */
        public Double scoreOf(ScoredItem item) {
            return reasonsOf(item.itemId()).contains(ResponseDetails.POPULAR_ITEM) ? null : item.score();
        }

        /** The metadata of {@code itemId}, or null when none was asked for. */
        public Map<String, String> metadataOf(String itemId) {
            return metadata.isEmpty() ? null : metadata.getOrDefault(itemId, Map.of());
        }

        /** These recommendations with {@code itemIds} appended, each with {@code reason} and no score of its own. */
        public Recommendations withPopularItems(List<String> itemIds, String reason) {
            if (itemIds.isEmpty()) {
                return this;
            }
            List<ScoredItem> all = new ArrayList<>(items);
            itemIds.forEach(id -> all.add(new ScoredItem(id, 0)));
            return new Recommendations(List.copyOf(all), recommendationId, promotionName, promotedItemIds, reasons, metadata)
                    .withReason(Set.copyOf(itemIds), reason);
        }

        /** These recommendations with {@code reason} added to the reasons of {@code itemIds}. */
        public Recommendations withReason(Set<String> itemIds, String reason) {
            if (itemIds.isEmpty()) {
                return this;
            }
            Map<String, List<String>> all = new LinkedHashMap<>(reasons);
            for (String id : itemIds) {
                List<String> list = new ArrayList<>(all.getOrDefault(id, List.of()));
                list.add(reason);
                all.put(id, List.copyOf(list));
            }
            return new Recommendations(items, recommendationId, promotionName, promotedItemIds, Map.copyOf(all), metadata);
        }

        /** These recommendations with each item's metadata. */
        public Recommendations withMetadata(Map<String, Map<String, String>> itemMetadata) {
            return new Recommendations(items, recommendationId, promotionName, promotedItemIds, reasons,
                    Map.copyOf(itemMetadata));
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
