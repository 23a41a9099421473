package io.tastemaker.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.filter.CatalogIndex;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.CompiledFilter;
import io.tastemaker.engine.filter.Dataset;
import io.tastemaker.engine.filter.FieldKind;
import io.tastemaker.engine.filter.FilterContext;
import io.tastemaker.engine.filter.FilterSchema;
import io.tastemaker.engine.filter.FilterValues;
import io.tastemaker.engine.filter.InteractionHistory;
import io.tastemaker.engine.recipe.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Quotas around a ranking by a fixed score table (item {@code i<k>} scores {@code -k}, so the
 * catalog's order is the model's): 200 items, every 50th a "rare" genre, the others mostly "pop".
 */
class QuotaRankingTest {

    private static final FilterSchema SCHEMA = FilterSchema.builder()
            .field(Dataset.ITEMS, "ITEM_ID", FieldKind.STRING)
            .field(Dataset.ITEMS, "GENRES", FieldKind.CATEGORICAL)
            .build();
    private static final int SIZE = 200;
    private static final CatalogIndex INDEX;

    static {
        String[] ids = new String[SIZE];
        ItemAttributes.Builder attributes = ItemAttributes.builder(List.of("GENRES"), List.of(), List.of());
        for (int k = 0; k < SIZE; k++) {
            ids[k] = "i" + k;
            String genres = k % 50 == 49 ? "rare" : k < 150 ? "pop" : k % 2 == 0 ? "jazz" : "pop|jazz";
            attributes.add(ids[k], new String[] {genres}, null, new double[0], ItemAttributes.UNKNOWN_TIME);
        }
        INDEX = CatalogIndex.of(IdDictionary.of(ids), attributes.build());
    }

    /** The score table's top {@code count} of the allowed items, and how often it was asked. */
    private static final class ScoreTable implements QuotaRanking.Ranker {

        final List<Integer> asked = new ArrayList<>();

        @Override
        public List<ScoredItem> top(AllowedItems allowed, int count) {
            asked.add(count);
            return allowed.itemIds().stream().map(id -> new ScoredItem(id, -Integer.parseInt(id.substring(1))))
                    .sorted(Comparator.comparingDouble(ScoredItem::score).reversed()).limit(count).toList();
        }
    }

    private static CompiledFilter compile(String text) {
        return CompiledFilter.compile(CheckedFilter.of(text, SCHEMA).bind(FilterValues.parse(Map.of())), INDEX);
    }

    private static QuotaRanking quotas(CompiledFilter filter) {
        return QuotaRanking.of(filter.quotas(FilterContext.forUser("u", InteractionHistory.none())));
    }

    private static AllowedItems all(CompiledFilter filter) {
        return filter.allowedItems(FilterContext.forUser("u", InteractionHistory.none()));
    }

    private static long count(List<ScoredItem> list, String genre) {
        return list.stream().filter(item -> INDEX.attributes().items().indexOf(item.itemId()) >= 0)
                .filter(item -> genres(item).contains(genre)).count();
    }

    private static List<String> genres(ScoredItem item) {
        int k = Integer.parseInt(item.itemId().substring(1));
        return k % 50 == 49 ? List.of("rare") : k < 150 ? List.of("pop") : k % 2 == 0 ? List.of("jazz") : List.of("pop", "jazz");
    }

    @Test
    void aRareCategoryGetsItsShareFromFarDownTheRanking() {
        CompiledFilter filter = compile("QUOTA AT LEAST 30 PERCENT FROM Items.GENRES IN (\"rare\")");
        QuotaRanking quotas = quotas(filter);
        ScoreTable model = new ScoreTable();

        List<ScoredItem> candidates = quotas.candidates(all(filter), 10, model);
        assertThat(model.asked).as("40 candidates, then the best 3 rare items").containsExactly(40, 3);
        List<ScoredItem> list = quotas.take(candidates, Set.of(), 10);

        assertThat(list).extracting(ScoredItem::itemId)
                .containsExactly("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i49", "i99", "i149");
        assertThat(count(list, "rare")).isEqualTo(3);
    }

    @Test
    void aCapRanksDeeperUntilTheListFills() {
        CompiledFilter filter = compile("QUOTA AT MOST 40 PERCENT PER Items.GENRES");
        QuotaRanking quotas = quotas(filter);
        ScoreTable model = new ScoreTable();

        List<ScoredItem> list = quotas.take(quotas.candidates(all(filter), 10, model), Set.of(), 10);

        assertThat(model.asked).as("40 pop candidates fill 4 pop + 1 rare (i0-i3, i49); 160 reach the jazz items")
                .containsExactly(40, 160);
        assertThat(list).extracting(ScoredItem::itemId)
                .as("i151 is pop|jazz and pop is full").containsExactly("i0", "i1", "i2", "i3", "i49", "i99", "i149", "i150",
                        "i152", "i154");
        assertThat(count(list, "pop")).isLessThanOrEqualTo(4);
        assertThat(count(list, "jazz")).isLessThanOrEqualTo(4);
    }

    @Test
    void leavesOutItemsPlacedElsewhereAndMeetsTheQuotaOnTheRemainingPlaces() {
        CompiledFilter filter = compile("QUOTA AT LEAST 50 PERCENT FROM Items.GENRES IN (\"rare\")");
        QuotaRanking quotas = quotas(filter);
        List<ScoredItem> candidates = quotas.candidates(all(filter), 6, new ScoreTable());

        List<ScoredItem> list = quotas.take(candidates, Set.of("i49", "i0"), 4);

        assertThat(list).extracting(ScoredItem::itemId).as("i49 was promoted: the other rare items take its place")
                .containsExactly("i1", "i2", "i99", "i149");
    }

    @Test
    void withoutQuotasAsksForThePlacesAndTakesThemInOrder() {
        CompiledFilter filter = compile("EXCLUDE ItemID WHERE Items.GENRES IN (\"rare\")");
        assertThat(filter.hasQuotas()).isFalse();
        QuotaRanking quotas = quotas(filter);
        ScoreTable model = new ScoreTable();
        List<ScoredItem> candidates = quotas.candidates(all(filter), 3, model);
        assertThat(model.asked).containsExactly(3);
        assertThat(quotas.take(candidates, Set.of("i1"), 3)).extracting(ScoredItem::itemId).containsExactly("i0", "i2");
        assertThat(QuotaRanking.none().isEmpty()).isTrue();
    }
}
