package io.tastemaker.engine.recipe;

import static io.tastemaker.engine.recipe.RelatedItemsFixtures.bytesOf;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.clusteredLog;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.config;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.ids;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.read;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.topicItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarItemsRecipeTest {

    private static final long SEED = 77L;
    private static final InteractionLog LOG = clusteredLog(30, 10, SEED);
    private static final ItemAttributes ITEMS = topicItems(10, 3, SEED);

    private static NeighborListModel train(InteractionLog log, ItemAttributes items, String... keyValues) {
        return new SimilarItemsRecipe().train(new TrainingData(log, items), config(SEED, keyValues),
                TrainingMonitor.NONE);
    }

    @Test
    void relatesItemsOfTheSameTopic() {
        NeighborListModel model = train(LOG, ITEMS);

        for (String topic : RelatedItemsFixtures.TOPICS) {
            for (int k = 0; k < 10; k++) {
                String item = topic + k;
                assertThat(ids(model.related(item, 8))).as("item %s, seed %d", item, SEED).doesNotContain(item)
                        .allMatch(id -> id.startsWith(topic));
            }
        }
    }

    @Test
    void anItemWithoutInteractionsIsRelatedByItsMetadata() {
        NeighborListModel model = train(LOG, ITEMS);

        assertThat(model.catalogSize()).isEqualTo(39);
        assertThat(model.interactedItems()).isEqualTo(30);
        for (String topic : RelatedItemsFixtures.TOPICS) {
            String cold = topic + "-new0";
            assertThat(model.relatedItemCount(cold)).as(cold).isGreaterThanOrEqualTo(10);
            assertThat(ids(model.related(cold, 5))).as("item %s, seed %d", cold, SEED).doesNotContain(cold)
                    .allMatch(id -> id.startsWith(topic));
            // And warm items of the topic list the cold ones among their related items.
            assertThat(ids(model.related(topic + "0", 100))).contains(topic + "-new1");
        }
    }

    @Test
    void textAloneRelatesItemsWhenThereIsNoCategoricalField() {
        ItemAttributes.Builder builder = ItemAttributes.builder(List.of(), List.of("description"), List.of());
        java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
        for (String topic : RelatedItemsFixtures.TOPICS) {
            for (int k = 0; k < 13; k++) {
                String id = k < 10 ? topic + k : topic + "-new" + (k - 10);
                builder.add(id, new String[0], new String[] {RelatedItemsFixtures.description(topic, random)},
                        new double[0], ItemAttributes.UNKNOWN_TIME);
            }
        }

        NeighborListModel model = train(LOG, builder.build());

        assertThat(ids(model.related("b-new2", 5))).allMatch(id -> id.startsWith("b"));
    }

    @Test
    void withoutMetadataItIsCoOccurrenceAndUnknownItemsGetPopularItems() {
        NeighborListModel model = train(LOG, ItemAttributes.empty(), SimilarItemsRecipe.POPULARITY_DISCOUNT_FACTOR,
                "0.5");
        NeighborListModel sims = new SimsRecipe().train(LOG, config(SEED, SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.POPULARITY_DISCOUNT_FACTOR, "0.5"));

        assertThat(model.catalogSize()).isEqualTo(30);
        assertThat(ids(model.related("a1", 100))).isEqualTo(ids(sims.related("a1", 100)));
        assertThat(ids(model.related("no-such-item", 5))).isEqualTo(ids(sims.related("no-such-item", 5)));
    }

    @Test
    void metadataWeightOneIgnoresInteractionsAndZeroIgnoresMetadata() {
        // Interactions that mix the topics: users take items from all of them.
        InteractionLog.Builder builder = InteractionLog.builder();
        java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
        for (int u = 0; u < 100; u++) {
            for (int e = 0; e < 6; e++) {
                String topic = RelatedItemsFixtures.TOPICS.get(random.nextInt(3));
                builder.add("user-" + u, topic + random.nextInt(10), GeneratedLogs.START + e, null, Float.NaN);
            }
        }
        InteractionLog log = builder.build();

        NeighborListModel metadataOnly = train(log, ITEMS, SimilarItemsRecipe.METADATA_WEIGHT, "1");
        NeighborListModel interactionsOnly = train(log, ITEMS, SimilarItemsRecipe.METADATA_WEIGHT, "0");

        assertThat(ids(metadataOnly.related("c4", 9))).allMatch(id -> id.startsWith("c"));
        assertThat(ids(interactionsOnly.related("c4", 20))).anyMatch(id -> !id.startsWith("c"));
        assertThat(interactionsOnly.relatedItemCount("c-new0")).isZero();
    }

    @Test
    void rejectsUnknownAndOutOfRangeHyperparametersByName() {
        assertThatThrownBy(() -> train(LOG, ITEMS, "item_id_hidden_dim", "100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'item_id_hidden_dim'")
                .hasMessageContaining(SimilarItemsRecipe.NAME);
        assertThatThrownBy(() -> train(LOG, ITEMS, SimilarItemsRecipe.METADATA_WEIGHT, "-0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'metadata_weight' of recipe aws-similar-items must be a number from 0 to "
                        + "1, was '-0.1'");
        assertThatThrownBy(() -> train(LOG, ITEMS, SimilarItemsRecipe.NEIGHBORS_PER_ITEM, "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'neighbors_per_item'");
    }

    @Test
    void reportsProgressAndReadsBackFromItsArtifact() throws IOException {
        RelatedItemsFixtures.RecordingMonitor monitor = new RelatedItemsFixtures.RecordingMonitor();
        NeighborListModel model = new SimilarItemsRecipe(2).train(new TrainingData(LOG, ITEMS),
                TrainingConfig.withSeed(SEED), monitor);

        assertThat(monitor.fractions).isSorted().first().isEqualTo(0.0);
        assertThat(monitor.fractions).last().isEqualTo(1.0);
        assertThat(monitor.steps).anyMatch(step -> step.contains("metadata"));

        NeighborListModel copy = (NeighborListModel) read(bytesOf(model));
        assertThat(copy.recipe()).isEqualTo(SimilarItemsRecipe.NAME);
        for (String item : List.of("a0", "b-new1", "c9", "unknown")) {
            assertThat(copy.related(item, 50)).as(item).isEqualTo(model.related(item, 50));
        }
        assertThat(bytesOf(new SimilarItemsRecipe(1).train(new TrainingData(LOG, ITEMS),
                TrainingConfig.withSeed(SEED), TrainingMonitor.NONE))).isEqualTo(bytesOf(model));
    }
}
