package io.tastemaker.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.domain.recommendation.RecommendationService.Recommendations;
import io.tastemaker.engine.recipe.ScoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A -v2 list that a filter left short is filled with the most popular items the filter allows, marked and without a score. */
class PopularFillTest {

    /** Lets through the items whose number is even, in the order given, and counts the calls. */
    private static final class EvenItems implements UnaryOperator<List<String>> {
        final List<Integer> chunkSizes = new ArrayList<>();

        @Override
        public List<String> apply(List<String> chunk) {
            chunkSizes.add(chunk.size());
            return chunk.stream().filter(id -> Integer.parseInt(id.substring(1)) % 2 == 0).toList();
        }
    }

    @Test
    void takesAllowedItemsInPopularityOrderSkippingThoseInTheList() {
        List<String> pool = List.of("i9", "i8", "i7", "i6", "i4", "i2", "i0");
        EvenItems filter = new EvenItems();
        assertThat(PopularFill.pick(pool, Set.of("i8"), 2, filter)).containsExactly("i6", "i4");
        assertThat(PopularFill.pick(pool, Set.of(), 10, filter)).containsExactly("i8", "i6", "i4", "i2", "i0");
        assertThat(PopularFill.pick(pool, Set.of(), 0, filter)).isEmpty();
        assertThat(PopularFill.pick(List.of(), Set.of(), 3, filter)).isEmpty();
    }

    @Test
    void walksThePoolInChunksAndStopsOnceFull() {
        List<String> pool = IntStream.range(0, 2_000).mapToObj(i -> "i" + (2 * i + 1)).toList();
        List<String> withEvenTail = new ArrayList<>(pool);
        withEvenTail.addAll(List.of("i2", "i4", "i6"));
        EvenItems filter = new EvenItems();
        assertThat(PopularFill.pick(withEvenTail, Set.of(), 2, filter)).containsExactly("i2", "i4");
        assertThat(filter.chunkSizes).containsExactly(PopularFill.CHUNK, PopularFill.CHUNK, PopularFill.CHUNK,
                PopularFill.CHUNK, 3);

        EvenItems early = new EvenItems();
        List<String> evenFirst = new ArrayList<>(List.of("i10", "i12"));
        evenFirst.addAll(pool);
        assertThat(PopularFill.pick(evenFirst, Set.of(), 2, early)).containsExactly("i10", "i12");
        assertThat(early.chunkSizes).containsExactly(PopularFill.CHUNK);
    }

    @Test
    void filledItemsComeLastWithTheReasonAndNoScore() {
        Recommendations model = new Recommendations(List.of(new ScoredItem("a", 0.7), new ScoredItem("b", 0.3)), "RID-1",
                "premium", Set.of("b"));
        Recommendations filled = model.withPopularItems(List.of("p1", "p2"), ResponseDetails.POPULAR_ITEM)
                .withReason(model.promotedItemIds(), ResponseDetails.PROMOTED_ITEM);
        assertThat(filled.items()).extracting(ScoredItem::itemId).containsExactly("a", "b", "p1", "p2");
        assertThat(filled.reasonsOf("p1")).containsExactly("Popular item");
        assertThat(filled.reasonsOf("b")).containsExactly("Promoted item");
        assertThat(filled.reasonsOf("a")).isEmpty();
        assertThat(filled.scoreOf(filled.items().get(0))).isEqualTo(0.7);
        assertThat(filled.scoreOf(filled.items().get(2))).isNull();
        assertThat(filled.promotionOf("b")).isEqualTo("premium");
        assertThat(filled.metadataOf("a")).as("no metadata asked").isNull();
        assertThat(model.withPopularItems(List.of(), ResponseDetails.POPULAR_ITEM)).isSameAs(model);
    }
}
