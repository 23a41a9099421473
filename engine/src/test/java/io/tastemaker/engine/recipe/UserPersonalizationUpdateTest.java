package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code trainingMode} UPDATE ({@link UserPersonalizationRecipe#update}) for both algorithms: what
 * an updated model recommends to new users and with new items, and what it keeps.
 */
class UserPersonalizationUpdateTest {

    private static final long SEED = 1223L;

    /** One event of a log under construction. */
    private record Event(String user, String item) {
    }

    /**
     * Two taste clusters that share no user and no item: 40 users "a-u" with 4 to 7 of the items
     * "a0".."a11" each, and 60 users "b-u" with 4 to 7 of "b0".."b11", so b's items are the more
     * popular and the popularity list starts with them.
     */
    private static List<Event> clusters() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Event> events = new ArrayList<>();
        for (int u = 0; u < 100; u++) {
            String cluster = u < 40 ? "a" : "b";
            int history = 4 + random.nextInt(4);
            for (int e = 0; e < history; e++) {
                events.add(new Event(cluster + "-" + u, cluster + random.nextInt(12)));
            }
        }
        return events;
    }

    /**
     * The clusters plus a new user "a-new" with four of a's items, and a new item "a-fresh" that
     * "a-new" and the users a-0 .. a-7 interacted with.
     */
    private static List<Event> clustersWithNewcomers() {
        List<Event> events = new ArrayList<>(clusters());
        for (String item : List.of("a1", "a4", "a7", "a9", "a-fresh")) {
            events.add(new Event("a-new", item));
        }
        for (int u = 0; u < 8; u++) {
            events.add(new Event("a-" + u, "a-fresh"));
        }
        return events;
    }

    private static InteractionLog log(List<Event> events) {
        InteractionLog.Builder builder = InteractionLog.builder();
        long time = GeneratedLogs.START;
        for (Event event : events) {
            builder.add(event.user(), event.item(), time++, "click", Float.NaN);
        }
        return builder.build();
    }

    private static TrainingConfig config(String... keyValues) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hyperParameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainingConfig(null, null, hyperParameters, SEED);
    }

    /** EASE over the 20 most popular of the 24 items, so four are outside the model. */
    private static TrainingConfig easeConfig() {
        return config(UserPersonalizationRecipe.ALGORITHM, "ease", EaseRecipe.MAX_ITEMS, "20", EaseRecipe.LAMBDA, "10");
    }

    /** iALS with few factors, which suit these tiny logs. */
    private static TrainingConfig ialsConfig() {
        return config(UserPersonalizationRecipe.ALGORITHM, "ials", IalsRecipe.FACTORS, "8",
                IalsRecipe.REGULARIZATION, "5");
    }

    private static UserPersonalizationModel train(List<Event> events, TrainingConfig config) {
        return new UserPersonalizationRecipe(2).train(TrainingData.of(log(events)), config, TrainingMonitor.NONE);
    }

    private static UserPersonalizationModel update(UserPersonalizationModel previous, List<Event> events,
            TrainingConfig config) {
        return new UserPersonalizationRecipe(2).update(previous, TrainingData.of(log(events)), config,
                TrainingMonitor.NONE);
    }

    private static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    private static UserPersonalizationModel roundTrip(TrainedModel model) throws IOException {
        return (UserPersonalizationModel) ModelCodec.read(new ByteArrayInputStream(bytesOf(model)));
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    private static double score(List<ScoredItem> items, String itemId) {
        return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst().orElseThrow().score();
    }

    @Test
    void anUpdatedIalsModelRecommendsToANewUserFromTheirHistoryAndTheNewItemToItsCluster() {
        UserPersonalizationModel previous = train(clusters(), ialsConfig());
        UserPersonalizationModel updated = update(previous, clustersWithNewcomers(), ialsConfig());

        // Before: a stranger, served the popularity list, which b's items lead.
        assertThat(ids(previous.recommend("a-new", 4))).as("seed %d", SEED).allMatch(item -> item.startsWith("b"));
        // After: a's items, from the user's own history.
        assertThat(ids(((IalsModel) updated).recommend("a-new", 4, true))).as("seed %d", SEED).hasSize(4)
                .allMatch(item -> item.startsWith("a"));
        // The new item has a vector of its own: a's users who have not seen it rank it above every b
        // item, b's users below every b item.
        for (int u = 8; u < 100; u++) {
            String user = (u < 40 ? "a-" : "b-") + u;
            List<ScoredItem> all = updated.recommend(user, 1_000);
            double fresh = score(all, "a-fresh");
            double bestB = all.stream().filter(item -> item.itemId().startsWith("b"))
                    .mapToDouble(ScoredItem::score).max().orElseThrow();
            double worstB = all.stream().filter(item -> item.itemId().startsWith("b"))
                    .mapToDouble(ScoredItem::score).min().orElseThrow();
            if (u < 40) {
                assertThat(fresh).as("user %s, seed %d", user, SEED).isGreaterThan(bestB);
            } else {
                assertThat(fresh).as("user %s, seed %d", user, SEED).isLessThan(worstB);
            }
        }
        assertThat(((IalsModel) updated).catalogSize()).isEqualTo(25);
        assertThat(((IalsModel) updated).userCount()).isEqualTo(101);
    }

    @Test
    void anUpdatedEaseModelRecommendsToANewUserFromTheirHistoryAndRanksNewItemsByPopularity() {
        UserPersonalizationModel previous = train(clusters(), easeConfig());
        // Also a second new item, "b-fresh", with a single user.
        List<Event> events = new ArrayList<>(clustersWithNewcomers());
        events.add(new Event("b-50", "b-fresh"));
        EaseModel updated = (EaseModel) update(previous, events, easeConfig());

        assertThat(ids(previous.recommend("a-new", 4))).as("seed %d", SEED).allMatch(item -> item.startsWith("b"));
        assertThat(ids(updated.recommend("a-new", 4, true))).as("seed %d", SEED).hasSize(4)
                .allMatch(item -> item.startsWith("a"));
        assertThat(updated.modelledItems()).isEqualTo(20);
        assertThat(updated.catalogSize()).isEqualTo(26);

        // Every user: the 20 modelled items first, then the others (the old tail and the new items)
        // in order of popularity, which is the catalog's order; "a-fresh" (9 users) before "b-fresh" (1).
        List<String> popularity = ids(updated.recommend("nobody", 1_000));
        List<String> modelled = ids(((EaseModel) previous).recommend("nobody", 20));
        List<String> tail = popularity.stream().filter(item -> !modelled.contains(item)).toList();
        assertThat(tail).hasSize(6).contains("a-fresh", "b-fresh");
        assertThat(tail.indexOf("a-fresh")).isLessThan(tail.indexOf("b-fresh"));
        for (String user : List.of("a-0", "a-20", "b-50", "b-99", "a-new")) {
            List<String> all = ids(updated.recommend(user, 1_000));
            assertThat(all.subList(0, 20)).as(user).containsExactlyInAnyOrderElementsOf(modelled);
            assertThat(all.subList(20, 26)).as(user).containsExactlyElementsOf(tail);
        }
    }

    @Test
    void updatingWithUnchangedDataGivesTheSameModel() throws IOException {
        for (TrainingConfig config : List.of(easeConfig(), ialsConfig())) {
            UserPersonalizationModel previous = train(clusters(), config);

            UserPersonalizationModel updated = update(previous, clusters(), config);

            assertThat(bytesOf(updated)).as(config.toString()).isEqualTo(bytesOf(previous));
        }
    }

    @Test
    void updatesAreDeterministicOnAnyNumberOfThreads() throws IOException {
        for (TrainingConfig config : List.of(easeConfig(), ialsConfig())) {
            UserPersonalizationModel previous = train(clusters(), config);
            TrainingData data = TrainingData.of(log(clustersWithNewcomers()));

            byte[] one = bytesOf(new UserPersonalizationRecipe(1).update(previous, data, config, TrainingMonitor.NONE));
            byte[] two = bytesOf(new UserPersonalizationRecipe(2).update(previous, data, config, TrainingMonitor.NONE));
            byte[] again = bytesOf(new UserPersonalizationRecipe(2).update(previous, data, config,
                    TrainingMonitor.NONE));

            assertThat(two).as(config.toString()).isEqualTo(one).isEqualTo(again);
        }
    }

    @Test
    void theAlgorithmAndHyperparametersCarryOverWhateverTheConfigurationSays() {
        UserPersonalizationModel ials = train(clusters(), ialsConfig());
        UserPersonalizationModel ease = train(clusters(), easeConfig());
        // Another algorithm and other values, valid but not used: an update is not a retraining.
        TrainingConfig other = config(UserPersonalizationRecipe.ALGORITHM, "auto", IalsRecipe.FACTORS, "32",
                EaseRecipe.MAX_ITEMS, "3", EaseRecipe.LAMBDA, "500");

        UserPersonalizationModel updatedIals = update(ials, clustersWithNewcomers(), other);
        UserPersonalizationModel updatedEase = update(ease, clustersWithNewcomers(), other);

        assertThat(updatedIals.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(((IalsModel) updatedIals).hyperParameters()).isEqualTo(((IalsModel) ials).hyperParameters());
        assertThat(updatedIals.recipe()).isEqualTo(UserPersonalizationRecipe.NAME);
        assertThat(updatedEase.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.EASE);
        assertThat(((EaseModel) updatedEase).hyperParameters()).isEqualTo(((EaseModel) ease).hyperParameters());
        // Values are still checked, as at training.
        assertThatThrownBy(() -> update(ials, clusters(), config(IalsRecipe.FACTORS, "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'factors'");
        assertThatThrownBy(() -> update(ease, clusters(), config("hidden_dimension", "8")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'hidden_dimension'");
    }

    @Test
    void theMonitorHearsWhatIsNewAndCanStopTheUpdate() {
        for (TrainingConfig config : List.of(easeConfig(), ialsConfig())) {
            UserPersonalizationModel previous = train(clusters(), config);
            TrainingData data = TrainingData.of(log(clustersWithNewcomers()));
            List<String> steps = new ArrayList<>();
            List<Double> fractions = new ArrayList<>();

            new UserPersonalizationRecipe(2).update(previous, data, config, (step, fraction) -> {
                steps.add(step);
                fractions.add(fraction);
            });

            assertThat(steps.get(0)).isEqualTo("Updating the " + previous.algorithm().value() + " model");
            assertThat(steps).anyMatch(step -> step.contains("1 new items") && step.contains("1 new users"))
                    .endsWith("Done");
            assertThat(fractions).isSorted().allMatch(fraction -> fraction >= 0 && fraction <= 1);
            assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);

            assertThatThrownBy(() -> new UserPersonalizationRecipe(2).update(previous, data, config,
                    (step, fraction) -> {
                        if (fraction > 0.5) {
                            throw new TrainingStoppedException("stopped by the test");
                        }
                    })).isInstanceOf(TrainingStoppedException.class).hasMessage("stopped by the test");
        }
    }

    @Test
    void updatedModelsRoundTripThroughTheirArtifacts() throws IOException {
        for (TrainingConfig config : List.of(easeConfig(), ialsConfig())) {
            UserPersonalizationModel updated = update(train(clusters(), config), clustersWithNewcomers(), config);

            UserPersonalizationModel copy = roundTrip(updated);

            assertThat(bytesOf(copy)).isEqualTo(bytesOf(updated));
            for (String user : List.of("a-new", "a-3", "b-77", "nobody")) {
                assertThat(copy.recommend(user, 30)).as(user).isEqualTo(updated.recommend(user, 30));
            }
        }
    }

    @Test
    void easeKeepsItsWeightsWhenModelledItemsMoveOrLeaveTheCatalog() throws IOException {
        EaseModel previous = (EaseModel) train(clusters(), easeConfig());
        // The least popular modelled item loses every interaction, and a new item becomes the most
        // popular of the catalog: the modelled items are no longer its first ones.
        String leaving = ids(previous.recommend("nobody", 20)).get(19);
        List<Event> events = new ArrayList<>();
        for (Event event : clusters()) {
            if (!event.item().equals(leaving)) {
                events.add(event);
            }
        }
        for (int u = 0; u < 100; u++) {
            events.add(new Event((u < 40 ? "a-" : "b-") + u, "hit"));
        }

        EaseModel updated = (EaseModel) update(previous, events, easeConfig());
        UserPersonalizationModel copy = roundTrip(updated);

        assertThat(updated.modelledItems()).isEqualTo(19);
        assertThat(ids(updated.recommend("nobody", 1))).containsExactly("hit");
        // "hit" is outside the model: after the 19 modelled items, first of the others.
        List<String> all = ids(updated.recommend("a-0", 1_000));
        assertThat(all).hasSize(24).doesNotContain(leaving);
        assertThat(all.get(19)).isEqualTo("hit");
        // Apart from the item that left, the modelled items keep their order for a user whose
        // history did not change but for "hit", which is outside the model.
        List<String> before = new ArrayList<>(ids(previous.recommend("b-60", 19)));
        before.remove(leaving);
        assertThat(ids(updated.recommend("b-60", 19)).subList(0, 18)).isEqualTo(before.subList(0, 18));
        assertThat(copy.recommend("b-60", 30)).isEqualTo(updated.recommend("b-60", 30));
        // A model that models items beyond its catalog's first ones writes payload version 2.
        assertThat(versionOf(updated)).isEqualTo(EaseModel.PAYLOAD_VERSION_SLOTS);
        assertThat(versionOf(previous)).isEqualTo(EaseModel.PAYLOAD_VERSION);
    }

    @Test
    void theSolutionsEventTypeSelectsTheInteractionsAsInTraining() {
        for (TrainingConfig hyperParameters : List.of(easeConfig(), ialsConfig())) {
            TrainingConfig clicks = new TrainingConfig("click", null, hyperParameters.hyperParameters(), SEED);
            UserPersonalizationModel previous = train(clusters(), clicks);
            InteractionLog.Builder builder = InteractionLog.builder();
            long time = GeneratedLogs.START;
            for (Event event : clustersWithNewcomers()) {
                // The newcomers' events are purchases, which this solution does not train on.
                String type = event.user().equals("a-new") || event.item().equals("a-fresh") ? "purchase" : "click";
                builder.add(event.user(), event.item(), time++, type, Float.NaN);
            }

            UserPersonalizationModel updated = new UserPersonalizationRecipe(2).update(previous,
                    TrainingData.of(builder.build()), clicks, TrainingMonitor.NONE);

            assertThat(updated.recommend("a-new", 30)).isEqualTo(previous.recommend("a-new", 30));
            assertThat(ids(updated.recommend("a-0", 1_000))).doesNotContain("a-fresh");
        }
    }

    @Test
    void refusesAModelItDidNotTrain() {
        UserPersonalizationModel foreign = new UserPersonalizationModel() {
            @Override
            public UserPersonalizationRecipe.Algorithm algorithm() {
                return UserPersonalizationRecipe.Algorithm.EASE;
            }

            @Override
            public List<ScoredItem> rank(String userId, List<String> itemIds) {
                return List.of();
            }

            @Override
            public List<ScoredItem> recommend(String userId, int numResults) {
                return List.of();
            }

            @Override
            public String recipe() {
                return UserPersonalizationRecipe.NAME;
            }

            @Override
            public IdDictionary catalog() {
                return IdDictionary.empty();
            }

            @Override
            public void writeTo(OutputStream out) {
            }
        };

        assertThatThrownBy(() -> update(foreign, clusters(), easeConfig()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot update");
    }

    /** The payload version in an artifact's envelope: after the magic, the format version and the recipe name. */
    private static int versionOf(TrainedModel model) throws IOException {
        byte[] bytes = bytesOf(model);
        int nameLength = readInt(bytes, 8);
        return readInt(bytes, 12 + nameLength);
    }

    private static int readInt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                | bytes[at + 3] & 0xff;
    }
}
