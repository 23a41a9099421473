package io.tastemaker.web.console;

import io.tastemaker.domain.recommendation.RecommendationService.Recommendations;
import io.tastemaker.engine.recipe.ScoredItem;
import java.io.Serializable;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One item of a recommendation list: its rank (from 1), id and score (blank for a popular item
 * that fills a list, which has none), the promotion that placed it, why it is there (-v2 recipes)
 * and its metadata as {@code COLUMN=value} pairs separated by {@code "; "}.
 */
public final class RankedItemRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int rank;
    private final String itemId;
    private final String score;
    private final String promotionName;
    private final String reason;
    private final String metadata;

    RankedItemRow(int rank, String itemId, String score, String promotionName, String reason, String metadata) {
        this.rank = rank;
        this.itemId = itemId;
        this.score = score;
        this.promotionName = promotionName;
        this.reason = reason;
        this.metadata = metadata;
    }

    static RankedItemRow of(int rank, ScoredItem item, Recommendations answer) {
        Double score = answer.scoreOf(item);
        Map<String, String> metadata = answer.metadataOf(item.itemId());
        return new RankedItemRow(rank, item.itemId(), score == null ? "" : ConsoleFormat.score(score),
                answer.promotionOf(item.itemId()), String.join(", ", answer.reasonsOf(item.itemId())),
                metadata == null ? "" : metadata.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
    }

    public int getRank() {
        return rank;
    }

    public String getItemId() {
        return itemId;
    }

    public String getScore() {
        return score;
    }

    public String getPromotionName() {
        return promotionName;
    }

    public String getReason() {
        return reason;
    }

    public String getMetadata() {
        return metadata;
    }
}
