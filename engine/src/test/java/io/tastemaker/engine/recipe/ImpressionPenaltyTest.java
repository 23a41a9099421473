package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.engine.recipe.ImpressionPenalty.Shown;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpressionPenaltyTest {

    private static List<ScoredItem> list(String... ids) {
        List<ScoredItem> items = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            items.add(new ScoredItem(ids[i], 0.4 - 0.05 * i));
        }
        return items;
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void theFactorFallsGentlyFromTheThirdImpressionToAFloor() {
        assertThat(ImpressionPenalty.factor(0)).isEqualTo(1);
        assertThat(ImpressionPenalty.factor(2)).isEqualTo(1);
        assertThat(ImpressionPenalty.factor(3)).isEqualTo(0.8);
        assertThat(ImpressionPenalty.factor(4)).isEqualTo(0.8 * 0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ImpressionPenalty.factor(20)).isEqualTo(0.25);
    }

    @Test
    void itemsShownOftenAndNeverChosenDropAndTheChosenOneStays() {
        List<Shown> events = new ArrayList<>();
        for (int e = 0; e < 6; e++) {
            events.add(new Shown("b", null, List.of("a", "c", "b")));
        }
        ImpressionPenalty penalty = ImpressionPenalty.of(events);

        assertThat(penalty.penalized()).isEqualTo(2);
        assertThat(penalty.factorOf("b")).as("chosen").isEqualTo(1);
        List<ScoredItem> result = penalty.apply(list("a", "b", "c", "d", "e"), 4);
        assertThat(ids(result)).containsExactly("b", "d", "e", "a");
        assertThat(ids(ImpressionPenalty.NONE.apply(list("a", "b", "c"), 2))).containsExactly("a", "b");
    }

    @Test
    void eventsCitingOneRecommendationAreOneShowing() {
        List<Shown> sameList = List.of(new Shown("x", "RID-1", List.of("a")), new Shown("y", "RID-1", List.of("a")),
                new Shown("z", "RID-1", List.of("a")), new Shown("w", "RID-1", List.of("a")));
        assertThat(ImpressionPenalty.of(sameList).factorOf("a")).isEqualTo(1);

        List<Shown> threeLists = List.of(new Shown("x", "RID-1", List.of("a")), new Shown("y", "RID-2", List.of("a")),
                new Shown("z", null, List.of("a")));
        assertThat(ImpressionPenalty.of(threeLists).factorOf("a")).isEqualTo(0.8);
    }

    @Test
    void twoShowingsNeverCount() {
        ImpressionPenalty penalty = ImpressionPenalty.of(List.of(new Shown("x", null, List.of("a")),
                new Shown("y", null, List.of("a"))));

        assertThat(penalty).isSameAs(ImpressionPenalty.NONE);
        assertThat(ids(penalty.apply(list("a", "b"), 2))).containsExactly("a", "b");
    }
}
