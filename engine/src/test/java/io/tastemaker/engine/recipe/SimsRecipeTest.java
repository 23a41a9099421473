package io.tastemaker.engine.recipe;

import static io.tastemaker.engine.recipe.RelatedItemsFixtures.bytesOf;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.clusteredLog;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.config;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.ids;
import static io.tastemaker.engine.recipe.RelatedItemsFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimsRecipeTest {

    private static final long SEED = 4242L;

    /** u1: A B C; u2: A B; u3: A C; u4: B D. Users: A 3, B 3, C 2, D 1; shared: AB 2, AC 2, BC 1, BD 1. */
    private static InteractionLog fourItems() {
        InteractionLog.Builder builder = InteractionLog.builder();
        long t = GeneratedLogs.START;
        String[][] histories = {{"u1", "A", "B", "C"}, {"u2", "A", "B"}, {"u3", "A", "C"}, {"u4", "B", "D"}};
        for (String[] history : histories) {
            for (int k = 1; k < history.length; k++) {
                builder.add(history[0], history[k], t++, null, Float.NaN);
            }
        }
        return builder.build();
    }

    private static NeighborListModel train(InteractionLog log, String... keyValues) {
        return new SimsRecipe().train(log, config(SEED, keyValues));
    }

    @Test
    void relatesItemsThatShareUsersAndNeverTheItemItself() {
        NeighborListModel model = train(clusteredLog(40, 10, SEED), SimsRecipe.MIN_COINTERACTION_COUNT, "2");

        for (String topic : RelatedItemsFixtures.TOPICS) {
            for (int k = 0; k < 10; k++) {
                String item = topic + k;
                List<String> related = ids(model.related(item, 5));
                assertThat(related).as("item %s, seed %d", item, SEED).hasSize(5).doesNotContain(item)
                        .allMatch(id -> id.startsWith(topic));
            }
        }
    }

    @Test
    void scoresTheAsymmetricCosineOfSharedUsers() {
        NeighborListModel cosine = train(fourItems(), SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.POPULARITY_DISCOUNT_FACTOR, "0.5");

        List<ScoredItem> relatedToA = cosine.related("A", 3);

        // s(A, C) = 2 / sqrt(3 · 2) > s(A, B) = 2 / sqrt(3 · 3); D shares no user: a popular fill-in.
        assertThat(ids(relatedToA)).containsExactly("C", "B", "D");
        assertThat(relatedToA.get(0).score()).isCloseTo(2 / Math.sqrt(6), within(1e-6));
        assertThat(relatedToA.get(1).score()).isCloseTo(2 / 3.0, within(1e-6));
        assertThat(relatedToA.get(2).score()).isZero();
        assertThat(cosine.related("D", 1).get(0).score()).isCloseTo(1 / Math.sqrt(3), within(1e-6));

        // a = 0: s(A, j) = c(A, j) / n(A); the tie goes to the more popular B.
        NeighborListModel confidence = train(fourItems(), SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.POPULARITY_DISCOUNT_FACTOR, "0");
        assertThat(ids(confidence.related("A", 2))).containsExactly("B", "C");
        assertThat(confidence.related("A", 2).get(1).score()).isCloseTo(2 / 3.0, within(1e-6));
        // a = 1: s(A, j) = c(A, j) / n(j).
        NeighborListModel rare = train(fourItems(), SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.POPULARITY_DISCOUNT_FACTOR, "1");
        assertThat(rare.related("A", 1).get(0)).isEqualTo(new ScoredItem("C", 1.0));
    }

    @Test
    void pairsBelowTheMinimumAreNotRelatedAndPopularItemsFillIn() {
        NeighborListModel model = train(fourItems(), SimsRecipe.MIN_COINTERACTION_COUNT, "2");

        assertThat(model.relatedItemCount("D")).isZero();
        assertThat(model.related("D", 10)).containsExactly(new ScoredItem("A", 0), new ScoredItem("B", 0),
                new ScoredItem("C", 0));
        assertThat(ids(model.related("A", 10))).containsExactly("B", "C", "D");
        assertThat(model.related("A", 0)).isEmpty();
        assertThatThrownBy(() -> model.related("A", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("numResults");
    }

    @Test
    void anUnknownItemGetsThePopularItemsScoredByTheirShare() {
        NeighborListModel model = train(fourItems());

        assertThat(model.related("Z", 3)).containsExactly(new ScoredItem("A", 3 / 9.0), new ScoredItem("B", 3 / 9.0),
                new ScoredItem("C", 2 / 9.0));
    }

    @Test
    void theHistoryCapKeepsEachUsersNewestItems() {
        // Four users with P, Q; user L: X first, then Z1..Z5, P last. Lengths 2, 2, 2, 2, 7.
        InteractionLog.Builder builder = InteractionLog.builder();
        long t = GeneratedLogs.START;
        for (int u = 0; u < 4; u++) {
            builder.add("s" + u, "P", t++, null, Float.NaN).add("s" + u, "Q", t++, null, Float.NaN);
        }
        for (String item : List.of("X", "Z1", "Z2", "Z3", "Z4", "Z5", "P")) {
            builder.add("L", item, t++, null, Float.NaN);
        }
        InteractionLog log = builder.build();

        NeighborListModel uncapped = train(log, SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.MAX_USER_HISTORY_LENGTH_PERCENTILE, "1");
        // The median length is 2: L counts only Z5 and P.
        NeighborListModel capped = train(log, SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.MAX_USER_HISTORY_LENGTH_PERCENTILE, "0.5");

        assertThat(ids(uncapped.related("X", 6))).containsExactlyInAnyOrder("P", "Z1", "Z2", "Z3", "Z4", "Z5");
        assertThat(capped.relatedItemCount("X")).isZero();
        assertThat(ids(capped.related("Z5", 1))).containsExactly("P");
    }

    @Test
    void theItemCapKeepsEachItemsNewestUsers() {
        // P has users u1, u2, u3 (u3 newest); Q only u1, R only u3. Counts 3, 1, 1: at percentile 0, C = 1.
        InteractionLog log = InteractionLog.builder()
                .add("u1", "Q", 10, null, Float.NaN).add("u3", "R", 11, null, Float.NaN)
                .add("u1", "P", 20, null, Float.NaN).add("u2", "P", 21, null, Float.NaN)
                .add("u3", "P", 22, null, Float.NaN).build();

        NeighborListModel uncapped = train(log, SimsRecipe.MIN_COINTERACTION_COUNT, "1");
        NeighborListModel capped = train(log, SimsRecipe.MIN_COINTERACTION_COUNT, "1",
                SimsRecipe.MAX_ITEM_INTERACTION_COUNT_PERCENTILE, "0");

        assertThat(ids(uncapped.related("P", 2))).containsExactlyInAnyOrder("Q", "R");
        assertThat(capped.relatedItemCount("P")).isEqualTo(1);
        assertThat(ids(capped.related("P", 1))).containsExactly("R");
    }

    @Test
    void storesAtMostNeighborsPerItem() {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 0.8, 20, SEED);
        NeighborListModel model = train(log, SimsRecipe.NEIGHBORS_PER_ITEM, "3", SimsRecipe.MIN_COINTERACTION_COUNT, "1");

        assertThat(model.relatedItemCount("item-0")).isEqualTo(3);
        assertThat(model.related("item-0", 10)).hasSize(10);
        assertThat(model.related("item-0", 10).subList(3, 10)).allMatch(item -> item.score() == 0);
    }

    @Test
    void rejectsUnknownAndOutOfRangeHyperparametersByName() {
        InteractionLog log = fourItems();

        assertThatThrownBy(() -> train(log, "hidden_dimension", "10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'hidden_dimension'").hasMessageContaining(SimsRecipe.NAME)
                .hasMessageContaining("'" + SimsRecipe.MIN_COINTERACTION_COUNT + "'");
        assertThatThrownBy(() -> train(log, SimsRecipe.POPULARITY_DISCOUNT_FACTOR, "1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'popularity_discount_factor' of recipe aws-sims must be a number from 0 "
                        + "to 1, was '1.5'");
        assertThatThrownBy(() -> train(log, SimsRecipe.MIN_COINTERACTION_COUNT, "11"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'min_cointeraction_count' of recipe aws-sims must be an integer from 0 "
                        + "to 10, was '11'");
        assertThatThrownBy(() -> train(log, SimsRecipe.MAX_USER_HISTORY_LENGTH_PERCENTILE, "most"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'max_user_history_length_percentile'").hasMessageContaining("'most'");
        assertThatThrownBy(() -> train(log, SimsRecipe.NEIGHBORS_PER_ITEM, "501"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an integer from 1 to 500");
        assertThat(SimsRecipe.HyperParameters.defaults()).isEqualTo(new SimsRecipe.HyperParameters(
                SimsRecipe.DEFAULT_POPULARITY_DISCOUNT_FACTOR, SimsRecipe.DEFAULT_MIN_COINTERACTION_COUNT,
                SimsRecipe.DEFAULT_MAX_USER_HISTORY_LENGTH_PERCENTILE,
                SimsRecipe.DEFAULT_MAX_ITEM_INTERACTION_COUNT_PERCENTILE, SimsRecipe.DEFAULT_NEIGHBORS_PER_ITEM));
        assertThat(SimsRecipe.HyperParameters.parse(SimsRecipe.HyperParameters.defaults().toMap()))
                .isEqualTo(SimsRecipe.HyperParameters.defaults());
    }

    @Test
    void reportsProgressUpToOneAndStopsWhenTold() {
        InteractionLog log = GeneratedLogs.powerLaw(2_000, 2_500, 0.7, 12, SEED);
        RelatedItemsFixtures.RecordingMonitor monitor = new RelatedItemsFixtures.RecordingMonitor();

        new SimsRecipe(2).train(TrainingData.of(log), TrainingConfig.withSeed(SEED), monitor);

        assertThat(monitor.fractions).isSorted().first().isEqualTo(0.0);
        assertThat(monitor.fractions).last().isEqualTo(1.0);
        assertThat(monitor.fractions.size()).isGreaterThan(3);
        TrainingMonitor stopAtHalf = (step, fraction) -> {
            if (fraction > 0.5) {
                throw new TrainingStoppedException("stopped at " + fraction);
            }
        };
        assertThatThrownBy(() -> new SimsRecipe(2).train(TrainingData.of(log), TrainingConfig.withSeed(SEED),
                stopAtHalf)).isInstanceOf(TrainingStoppedException.class);
    }

    @Test
    void theModelIsTheSameOnAnyNumberOfThreads() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(1_500, 2_500, 0.7, 15, SEED);
        TrainingConfig config = config(SEED, SimsRecipe.MIN_COINTERACTION_COUNT, "1");

        byte[] one = bytesOf(new SimsRecipe(1).train(log, config));
        byte[] three = bytesOf(new SimsRecipe(3).train(log, config));

        assertThat(three).isEqualTo(one);
    }

    @Test
    void anArtifactReadsBackToTheSameAnswers() throws IOException {
        NeighborListModel model = train(clusteredLog(20, 8, SEED), SimsRecipe.NEIGHBORS_PER_ITEM, "4");

        NeighborListModel copy = (NeighborListModel) read(bytesOf(model));

        assertThat(copy.recipe()).isEqualTo(SimsRecipe.NAME);
        assertThat(copy.hyperParameters()).isEqualTo(model.hyperParameters())
                .containsEntry(SimsRecipe.NEIGHBORS_PER_ITEM, "4");
        for (String item : List.of("a0", "b3", "c7", "unknown")) {
            assertThat(copy.related(item, 30)).as(item).isEqualTo(model.related(item, 30));
        }
        assertThat(bytesOf(copy)).isEqualTo(bytesOf(model));
    }

    @Test
    void aPayloadThatBreaksAnInvariantIsRejectedEvenWithAGoodChecksum() {
        Map<String, String> defaults = SimsRecipe.HyperParameters.defaults().toMap();
        // An item related to itself.
        assertThatThrownBy(() -> read(payload(defaults, new int[][] {{0}, {}}, new float[][] {{0.5f}, {}})))
                .isInstanceOf(IOException.class).hasMessageContaining("Corrupt aws-sims model artifact")
                .hasMessageContaining("its own index");
        // Scores out of order.
        assertThatThrownBy(() -> read(payload(defaults, new int[][] {{1, 2}, {}, {}},
                new float[][] {{0.2f, 0.4f}, {}, {}}))).isInstanceOf(IOException.class)
                .hasMessageContaining("out of order");
        // An index outside the catalog.
        assertThatThrownBy(() -> read(payload(defaults, new int[][] {{7}, {}}, new float[][] {{0.5f}, {}})))
                .isInstanceOf(IOException.class).hasMessageContaining("invalid");
        // A list longer than neighbors_per_item.
        Map<String, String> one = new java.util.TreeMap<>(defaults);
        one.put(SimsRecipe.NEIGHBORS_PER_ITEM, "1");
        assertThatThrownBy(() -> read(payload(one, new int[][] {{1, 2}, {}, {}}, new float[][] {{0.4f, 0.2f}, {}, {}})))
                .isInstanceOf(IOException.class).hasMessageContaining("neighbors_per_item");
        // A hyperparameter the recipe does not know.
        Map<String, String> unknown = new java.util.TreeMap<>(defaults);
        unknown.put("bptt", "3");
        assertThatThrownBy(() -> read(payload(unknown, new int[][] {{}}, new float[][] {{}})))
                .isInstanceOf(IOException.class).hasMessageContaining("'bptt'");
    }

    @Test
    void aFlippedByteIsACorruptArtifact() throws IOException {
        byte[] bytes = bytesOf(train(fourItems()));
        bytes[bytes.length / 2] ^= 0x20;

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(IOException.class).hasMessageContaining("Corrupt");
    }

    /** An aws-sims artifact with items "i0", "i1", ... (counts n, n − 1, ...) and the given lists. */
    private static byte[] payload(Map<String, String> hyperParameters, int[][] lists, float[][] scores)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(out, SimsRecipe.NAME, NeighborListModel.PAYLOAD_VERSION, data -> {
            data.writeInt(hyperParameters.size());
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(hyperParameters).entrySet()) {
                ModelCodec.writeString(data, entry.getKey());
                ModelCodec.writeString(data, entry.getValue());
            }
            data.writeInt(lists.length);
            for (int i = 0; i < lists.length; i++) {
                ModelCodec.writeString(data, "i" + i);
                data.writeLong(lists.length - i);
            }
            for (int i = 0; i < lists.length; i++) {
                data.writeInt(lists[i].length);
                for (int k = 0; k < lists[i].length; k++) {
                    data.writeInt(lists[i][k]);
                    data.writeFloat(scores[i][k]);
                }
            }
        });
        return out.toByteArray();
    }
}
