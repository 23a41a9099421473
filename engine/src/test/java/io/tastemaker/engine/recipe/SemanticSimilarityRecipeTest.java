package io.tastemaker.engine.recipe;

import static io.tastemaker.engine.recipe.RelatedItemsFixtures.bytesOf;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.clusteredLog;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.config;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.ids;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.read;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.topicItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticSimilarityRecipeTest {

    private static final long SEED = 909L;
    private static final InteractionLog NO_INTERACTIONS = InteractionLog.builder().build();

    private static NeighborListModel train(InteractionLog log, ItemAttributes items, String... keyValues) {
        return new SemanticSimilarityRecipe().train(new TrainingData(log, items), config(SEED, keyValues),
                TrainingMonitor.NONE);
    }

    private static ItemAttributes texts(String... idsAndTexts) {
        ItemAttributes.Builder builder = ItemAttributes.builder(List.of("genre"), List.of("title", "description"),
                List.of());
        for (int i = 0; i < idsAndTexts.length; i += 3) {
            builder.add(idsAndTexts[i], new String[] {"same-for-all"}, new String[] {idsAndTexts[i + 1],
                    idsAndTexts[i + 2]}, new double[0], ItemAttributes.UNKNOWN_TIME);
        }
        return builder.build();
    }

    @Test
    void relatesItemsOfTheSameTopicWithoutAnyInteraction() {
        NeighborListModel model = train(NO_INTERACTIONS, topicItems(10, 3, SEED));

        assertThat(model.interactedItems()).isZero();
        for (String topic : RelatedItemsFixtures.TOPICS) {
            for (String item : List.of(topic + "3", topic + "-new2")) {
                List<ScoredItem> related = model.related(item, 5);
                assertThat(ids(related)).as("item %s, seed %d", item, SEED).hasSize(5).doesNotContain(item)
                        .allMatch(id -> id.startsWith(topic));
                assertThat(related).allMatch(r -> r.score() > 0 && r.score() <= 1 + 1e-6);
            }
        }
        // No interactions: nothing popular to answer an unknown item with.
        assertThat(model.related("unknown", 5)).isEmpty();
    }

    @Test
    void matchesWordsAfterStemmingAndIgnoresStopWordsAndCase() {
        NeighborListModel model = train(NO_INTERACTIONS, texts(
                "runner", "Running Shoes", "For the runners who run",
                "jogger", "Shoe for RUNS", null,
                "kettle", "The kettle", "Boils water for the tea",
                "teapot", "Teapot", "Brews the tea leaves",
                "stop", "The and of", "for the a"));

        assertThat(ids(model.related("jogger", 1))).containsExactly("runner");
        assertThat(ids(model.related("teapot", 1))).containsExactly("kettle");
        // Only stop words: no text, so no related items of its own, and nobody is related to it.
        assertThat(model.relatedItemCount("stop")).isZero();
        assertThat(ids(model.related("kettle", 10))).containsExactly("teapot");
    }

    @Test
    void interactionsOnlyProvideThePopularFallback() {
        InteractionLog log = clusteredLog(10, 10, SEED);
        ItemAttributes items = topicItems(10, 3, SEED);

        NeighborListModel model = train(log, items);
        NeighborListModel textOnly = train(NO_INTERACTIONS, items);

        assertThat(model.relatedItemCount("a-new1")).isEqualTo(textOnly.relatedItemCount("a-new1"));
        assertThat(ids(model.related("unknown", 3))).hasSize(3);
        assertThat(ids(model.related("b5", 100))).hasSizeGreaterThanOrEqualTo(29).doesNotHaveDuplicates()
                .doesNotContain("b5");
    }

    @Test
    void refusesToTrainWithoutATextualField() {
        ItemAttributes categoricalOnly = ItemAttributes.builder(List.of("genre"), List.of(), List.of())
                .add("i1", new String[] {"x"}, new String[0], new double[0], ItemAttributes.UNKNOWN_TIME).build();

        assertThatThrownBy(() -> train(clusteredLog(5, 5, SEED), categoricalOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no textual field").hasMessageContaining("\"textual\": true");
        assertThatThrownBy(() -> train(clusteredLog(5, 5, SEED), ItemAttributes.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Items dataset");
        assertThatThrownBy(() -> train(NO_INTERACTIONS, texts("a", "the", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the 1 items");
    }

    @Test
    void rejectsHyperparametersItDoesNotHave() {
        assertThatThrownBy(() -> train(NO_INTERACTIONS, topicItems(3, 0, SEED), "popularity_discount_factor", "0.5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'popularity_discount_factor'")
                .hasMessageContaining("'neighbors_per_item'");
        assertThatThrownBy(() -> train(NO_INTERACTIONS, topicItems(3, 0, SEED),
                SemanticSimilarityRecipe.NEIGHBORS_PER_ITEM, "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'neighbors_per_item' of recipe aws-semantic-similarity must be an integer "
                        + "from 1 to 500, was 'many'");
    }

    @Test
    void reportsProgressAndReadsBackFromItsArtifact() throws IOException {
        RelatedItemsFixtures.RecordingMonitor monitor = new RelatedItemsFixtures.RecordingMonitor();
        NeighborListModel model = new SemanticSimilarityRecipe(2).train(
                new TrainingData(NO_INTERACTIONS, topicItems(10, 3, SEED)),
                config(SEED, SemanticSimilarityRecipe.NEIGHBORS_PER_ITEM, "6"), monitor);

        assertThat(monitor.fractions).isSorted().first().isEqualTo(0.0);
        assertThat(monitor.fractions).last().isEqualTo(1.0);
        NeighborListModel copy = (NeighborListModel) read(bytesOf(model));
        assertThat(copy.recipe()).isEqualTo(SemanticSimilarityRecipe.NAME);
        assertThat(copy.related("c-new0", 10)).isEqualTo(model.related("c-new0", 10)).hasSize(6);
        assertThat(copy.related("unknown", 10)).isEmpty();
    }
}
