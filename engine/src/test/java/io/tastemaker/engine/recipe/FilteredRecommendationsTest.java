package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The models' filtered answers select among the allowed items exactly what their unfiltered answer
 * over the whole catalog, with the disallowed items struck out, would give: same items, same order,
 * same scores; fewer when fewer are allowed. Random catalogs and allowed sets, seed printed.
 */
class FilteredRecommendationsTest {

    private static final long SEED = 4242L;
    private static final FilterSchema SCHEMA = FilterSchema.builder()
            .field(Dataset.ITEMS, "ITEM_ID", FieldKind.STRING)
            .field(Dataset.ITEMS, "BUCKET", FieldKind.CATEGORICAL)
            .build();
    private static final String FILTER = "INCLUDE ItemID WHERE Items.BUCKET IN ($BUCKETS)";

    @Test
    void easeSelectsTheBestAllowedItems() {
        SplittableRandom random = seeded();
        InteractionLog log = GeneratedLogs.powerLaw(200, 300, 1.1, 25, SEED);
        EaseModel model = new EaseRecipe().train(log, new TrainingConfig(null, null,
                Map.of(EaseRecipe.MAX_ITEMS, "120", EaseRecipe.NEIGHBORS, "40"), SEED));
        for (int round = 0; round < 30; round++) {
            AllowedItems allowed = randomAllowed(model.catalog(), random);
            String user = log.users().idOf(random.nextInt(log.users().size()));
            List<String> recent = round % 3 == 0 ? List.of(model.catalog().idOf(random.nextInt(model.catalogSize())))
                    : List.of();
            int n = 1 + random.nextInt(40);
            List<ScoredItem> all = model.recommend(user, recent, model.catalogSize());
            assertThat(model.recommend(user, recent, n, allowed)).as("round %d, user %s, n %d", round, user, n)
                    .isEqualTo(expected(all, allowed, n));
        }
        AllowedItems allowed = randomAllowed(model.catalog(), random);
        assertThat(model.recommend("never-seen", List.of(), 10, allowed)).as("a cold user gets allowed popular items")
                .isEqualTo(expected(model.recommend("never-seen", List.of(), model.catalogSize()), allowed, 10));
    }

    @Test
    void ialsSelectsTheBestAllowedItems() {
        SplittableRandom random = seeded();
        InteractionLog log = GeneratedLogs.powerLaw(200, 300, 1.1, 25, SEED);
        IalsModel model = new IalsRecipe().train(log, new TrainingConfig(null, null,
                Map.of(IalsRecipe.FACTORS, "8", IalsRecipe.ITERATIONS, "3"), SEED));
        for (int round = 0; round < 30; round++) {
            AllowedItems allowed = randomAllowed(model.catalog(), random);
            String user = round % 5 == 0 ? "never-seen" : log.users().idOf(random.nextInt(log.users().size()));
            List<String> recent = round % 3 == 0 ? List.of(model.catalog().idOf(random.nextInt(model.catalogSize())))
                    : List.of();
            int n = 1 + random.nextInt(40);
            List<ScoredItem> all = model.recommend(user, recent, model.catalogSize());
            assertThat(model.recommend(user, recent, n, allowed)).as("round %d, user %s, n %d", round, user, n)
                    .isEqualTo(expected(all, allowed, n));
        }
    }

    @Test
    void popularityAndTrendsSkipWhatIsNotAllowed() {
        SplittableRandom random = seeded();
        InteractionLog log = GeneratedLogs.powerLaw(150, 200, 1.0, 20, SEED + 1);
        for (UserModel model : List.<UserModel>of(new PopularityCountRecipe().train(log, TrainingConfig.withSeed(SEED)),
                new TrendingNowRecipe().train(log, TrainingConfig.withSeed(SEED)))) {
            for (int round = 0; round < 10; round++) {
                AllowedItems allowed = randomAllowed(model.catalog(), random);
                int n = 1 + random.nextInt(60);
                List<ScoredItem> all = model.recommend("u", List.of(), model.catalog().size());
                assertThat(model.recommend("u", List.of(), n, allowed)).as("%s round %d", model.recipe(), round)
                        .isEqualTo(expected(all, allowed, n));
            }
        }
    }

    @Test
    void relatedItemsKeepTheAllowedNeighboursThenAllowedPopularItems() {
        SplittableRandom random = seeded();
        NeighborListModel model = new SimsRecipe().train(RelatedItemsFixtures.clusteredLog(30, 12, SEED),
                RelatedItemsFixtures.config(SEED, SimsRecipe.MIN_COINTERACTION_COUNT, "1"));
        for (int round = 0; round < 20; round++) {
            AllowedItems allowed = randomAllowed(model.catalog(), random);
            String item = round == 0 ? "unknown-item" : model.catalog().idOf(random.nextInt(model.catalogSize()));
            int n = 1 + random.nextInt(20);
            List<ScoredItem> all = model.related(item, model.catalogSize());
            assertThat(model.related(item, n, allowed)).as("round %d, item %s", round, item)
                    .isEqualTo(expected(all, allowed, n));
        }
    }

    @Test
    void fewerResultsWhenFewerItemsQualify() {
        InteractionLog log = GeneratedLogs.powerLaw(100, 80, 1.0, 15, SEED);
        EaseModel model = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));
        AllowedItems three = allowedBuckets(model.catalog(), i -> i < 3 ? "keep" : "drop", "keep");
        assertThat(model.recommend(log.users().idOf(0), List.of(), 25, three)).hasSize(3);
        AllowedItems none = allowedBuckets(model.catalog(), i -> "drop", "keep");
        assertThat(model.recommend(log.users().idOf(0), List.of(), 25, none)).isEmpty();
    }

    @Test
    void allowedItemsOverAnotherCatalogAreRefused() {
        InteractionLog log = GeneratedLogs.powerLaw(50, 40, 1.0, 10, SEED);
        EaseModel model = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));
        IdDictionary copy = IdDictionary.of(ids(model.catalog()).toArray(String[]::new));
        AllowedItems foreign = allowedBuckets(copy, i -> "keep", "keep");
        assertThatThrownBy(() -> model.recommend("u", List.of(), 5, foreign))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another catalog");
    }

    private static SplittableRandom seeded() {
        System.out.println("FilteredRecommendationsTest seed " + SEED);
        return new SplittableRandom(SEED);
    }

    /** The unfiltered answer's allowed items, at most n. */
    private static List<ScoredItem> expected(List<ScoredItem> all, AllowedItems allowed, int n) {
        return all.stream().filter(i -> allowed.contains(i.itemId())).limit(n).collect(Collectors.toList());
    }

    /** Each catalog item in one of four buckets at random; one to three buckets allowed. */
    private static AllowedItems randomAllowed(IdDictionary catalog, SplittableRandom random) {
        String[] buckets = new String[catalog.size()];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = "b" + random.nextInt(4);
        }
        int allowedBuckets = 1 + random.nextInt(3);
        StringBuilder values = new StringBuilder();
        for (int b = 0; b < allowedBuckets; b++) {
            values.append(b == 0 ? "" : ",").append("\"b").append(b).append('"');
        }
        return allowed(catalog, i -> buckets[i], values.toString());
    }

    /** The items of {@code catalog} whose bucket ({@code bucket} of the catalog index) is {@code keep}. */
    static AllowedItems allowedBuckets(IdDictionary catalog, java.util.function.IntFunction<String> bucket,
            String keep) {
        return allowed(catalog, bucket, "\"" + keep + "\"");
    }

    private static AllowedItems allowed(IdDictionary catalog, java.util.function.IntFunction<String> bucket, String values) {
        ItemAttributes.Builder attributes = ItemAttributes.builder(List.of("BUCKET"), List.of(), List.of());
        for (int i = 0; i < catalog.size(); i++) {
            attributes.add(catalog.idOf(i), new String[] {bucket.apply(i)}, null, null, ItemAttributes.UNKNOWN_TIME);
        }
        CompiledFilter compiled = CompiledFilter.compile(CheckedFilter.of(FILTER, SCHEMA)
                .bind(FilterValues.parse(Map.of("BUCKETS", values))), CatalogIndex.of(catalog, attributes.build()));
        return compiled.allowedItems(FilterContext.forUser("u", InteractionHistory.none()));
    }

    private static List<String> ids(IdDictionary dictionary) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < dictionary.size(); i++) {
            ids.add(dictionary.idOf(i));
        }
        return ids;
    }
}
