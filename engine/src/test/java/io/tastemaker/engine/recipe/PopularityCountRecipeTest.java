package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopularityCountRecipeTest {

    private static final long SEED = 7L;
    private static final PopularityCountRecipe RECIPE = new PopularityCountRecipe(PopularityCountRecipe.Counting.EVENTS);

    /** Item {@code "item-k"} gets {@code COUNTS[k]} clicks from randomly chosen users, in random order. */
    private static final int[] COUNTS = {4, 9, 0, 9, 1, 6, 2, 4, 12};

    private static InteractionLog knownCounts() {
        List<String> events = new ArrayList<>();
        for (int k = 0; k < COUNTS.length; k++) {
            for (int c = 0; c < COUNTS[k]; c++) {
                events.add("item-" + k);
            }
        }
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = events.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            events.set(j, events.set(i, events.get(j)));
        }
        InteractionLog.Builder builder = InteractionLog.builder();
        builder.add("u0", "item-2", 0, "view", Float.NaN); // item-2 exists but has no click
        for (int i = 0; i < events.size(); i++) {
            builder.add("u" + random.nextInt(10), events.get(i), 1 + i, "click", Float.NaN);
        }
        return builder.build();
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void ranksItemsByEventCountWithTiesByItemId() {
        TrainingConfig clicks = new TrainingConfig("click", null, Map.of(), SEED);

        List<ScoredItem> top = RECIPE.train(knownCounts(), clicks).recommend("u1", 100);

        // Counts: item-8 12, item-1 9, item-3 9, item-5 6, item-0 4, item-7 4, item-6 2, item-4 1;
        // item-2 has no click and is never recommended. Total 47.
        assertThat(ids(top)).containsExactly("item-8", "item-1", "item-3", "item-5", "item-0", "item-7",
                "item-6", "item-4");
        assertThat(top.get(0).score()).isCloseTo(12.0 / 47, within(1e-12));
        assertThat(top.get(7).score()).isCloseTo(1.0 / 47, within(1e-12));
        assertThat(top.stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void ranksAGeneratedLogExactlyAsCountedIndependently() {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 1.1, 20, SEED);
        Map<String, Long> counts = new HashMap<>();
        for (int row = 0; row < log.size(); row++) {
            counts.merge(log.items().idOf(log.item(row)), 1L, Long::sum);
        }
        List<String> expected = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();

        List<ScoredItem> top = RECIPE.train(log, TrainingConfig.withSeed(SEED)).recommend("user-0", 1_000);

        assertThat(ids(top)).as("seed %d", SEED).isEqualTo(expected);
        assertThat(top.get(0).score()).isCloseTo((double) counts.get(expected.get(0)) / log.size(), within(1e-12));
    }

    @Test
    void givesEveryUserTheSameListCappedByTheCatalog() {
        UserModel model = RECIPE.train(knownCounts(), TrainingConfig.withSeed(SEED));

        assertThat(model.recipe()).isEqualTo("aws-popularity-count");
        assertThat(model.recommend("someone-new", 3)).isEqualTo(model.recommend("u1", 3));
        assertThat(model.recommend("u1", 3)).hasSize(3);
        // Nine items have an event of some type.
        assertThat(model.recommend("u1", 500)).hasSize(9);
        assertThat(model.recommend("u1", 0)).isEmpty();
        assertThatThrownBy(() -> model.recommend("u1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsItemsTheUserAlreadyInteractedWith() {
        InteractionLog log = knownCounts();
        int u1 = log.users().indexOf("u1");
        List<String> seenByU1 = new ArrayList<>();
        for (int row = 0; row < log.size(); row++) {
            if (log.user(row) == u1) {
                seenByU1.add(log.items().idOf(log.item(row)));
            }
        }

        List<String> top = ids(RECIPE.train(log, TrainingConfig.withSeed(SEED)).recommend("u1", 100));

        assertThat(seenByU1).isNotEmpty();
        assertThat(top).containsAll(seenByU1);
    }

    @Test
    void countsOnlyTheConfiguredEventTypeAndValues() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, "click", 1f)
                .add("u2", "a", 2, "click", 1f)
                .add("u3", "a", 3, "click", 1f)
                .add("u1", "b", 4, "purchase", 5f)
                .add("u2", "b", 5, "purchase", 2f)
                .add("u1", "c", 6, "purchase", 4f)
                .add("u2", "c", 7, "purchase", 4f)
                .add("u3", "c", 8, "purchase", Float.NaN)
                .build();

        assertThat(ids(RECIPE.train(log, TrainingConfig.withSeed(SEED)).recommend("u", 10)))
                .containsExactly("a", "c", "b");
        assertThat(ids(RECIPE.train(log, new TrainingConfig("purchase", null, Map.of(), SEED)).recommend("u", 10)))
                .containsExactly("c", "b");
        // Values >= 4: b once (5), c twice (4, 4); c's third purchase has no value.
        List<ScoredItem> valued = RECIPE.train(log, new TrainingConfig("purchase", 4f, Map.of(), SEED))
                .recommend("u", 10);
        assertThat(ids(valued)).containsExactly("c", "b");
        assertThat(valued.get(0).score()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RECIPE.train(log, new TrainingConfig("view", null, Map.of(), SEED)).recommend("u", 10)).isEmpty();
    }

    @Test
    void countsDistinctUsersByDefaultAsPersonalizeDocumentsIt() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, null, Float.NaN)
                .add("u1", "a", 2, null, Float.NaN)
                .add("u2", "b", 3, null, Float.NaN)
                .add("u3", "b", 4, null, Float.NaN)
                .build();
        assertThat(ids(new PopularityCountRecipe().train(log, TrainingConfig.withSeed(SEED)).recommend("u", 10)))
                .containsExactly("b", "a");
    }

    @Test
    void canCountDistinctUsersInsteadOfEvents() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, null, Float.NaN)
                .add("u1", "a", 2, null, Float.NaN)
                .add("u1", "a", 3, null, Float.NaN)
                .add("u1", "b", 4, null, Float.NaN)
                .add("u2", "b", 5, null, Float.NaN)
                .build();
        PopularityCountRecipe distinctUsers = new PopularityCountRecipe(PopularityCountRecipe.Counting.DISTINCT_USERS);

        assertThat(ids(RECIPE.train(log, TrainingConfig.withSeed(SEED)).recommend("u", 10))).containsExactly("a", "b");
        List<ScoredItem> byUsers = distinctUsers.train(log, TrainingConfig.withSeed(SEED)).recommend("u", 10);
        assertThat(ids(byUsers)).containsExactly("b", "a");
        assertThat(byUsers.get(0).score()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void rejectsAnyHyperParameterByName() {
        TrainingConfig config = new TrainingConfig(null, null, Map.of("hidden_dimension", "64"), SEED);

        assertThatThrownBy(() -> RECIPE.train(knownCounts(), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hidden_dimension'")
                .hasMessageContaining("aws-popularity-count");
    }
}
