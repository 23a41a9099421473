package io.tastemaker.web.console;

import io.tastemaker.engine.recipe.ScoredItem;
import java.io.Serializable;

/** One item of a recommendation list: its rank (from 1), id and score. */
public final class RankedItemRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int rank;
    private final String itemId;
    private final String score;

    RankedItemRow(int rank, String itemId, String score) {
        this.rank = rank;
        this.itemId = itemId;
        this.score = score;
    }

    static RankedItemRow of(int rank, ScoredItem item) {
        return new RankedItemRow(rank, item.itemId(), ConsoleFormat.score(item.score()));
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
}
