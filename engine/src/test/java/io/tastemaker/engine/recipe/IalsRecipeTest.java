package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IalsRecipeTest {

    private static final long SEED = 2008L;

    /**
     * Two clusters that share no user and no item: users "a-<u>" interact only with items "a<k>",
     * users "b-<u>" only with items "b<k>"; each user with 4 to 7 of the cluster's 12 items.
     */
    private static InteractionLog twoClusters() {
        SplittableRandom random = new SplittableRandom(SEED);
        InteractionLog.Builder builder = InteractionLog.builder();
        long time = GeneratedLogs.START;
        for (int u = 0; u < 40; u++) {
            String cluster = u % 2 == 0 ? "a" : "b";
            int history = 4 + random.nextInt(4);
            for (int e = 0; e < history; e++) {
                builder.add(cluster + "-" + u, cluster + random.nextInt(12), time++, "click", Float.NaN);
            }
        }
        return builder.build();
    }

    /** Few factors and moderate regularisation, which suit the tiny logs of these tests (less overfits them). */
    private static TrainingConfig config(String... keyValues) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        hyperParameters.put(IalsRecipe.FACTORS, "8");
        hyperParameters.put(IalsRecipe.REGULARIZATION, "5");
        for (int i = 0; i < keyValues.length; i += 2) {
            hyperParameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainingConfig(null, null, hyperParameters, SEED);
    }

    private static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void recommendsFromTheUsersOwnCluster() {
        IalsModel model = new IalsRecipe().train(twoClusters(), config());

        for (int u = 0; u < 40; u++) {
            String user = (u % 2 == 0 ? "a-" : "b-") + u;
            String cluster = user.substring(0, 1);
            assertThat(ids(model.recommend(user, 4, true))).as("user %s, seed %d", user, SEED)
                    .hasSize(4)
                    .allMatch(item -> item.startsWith(cluster));
            assertThat(ids(model.recommend(user, 8))).as("user %s, seed %d", user, SEED)
                    .allMatch(item -> item.startsWith(cluster));
        }
        assertThat(model.algorithm()).isEqualTo(UserPersonalizationRecipe.Algorithm.IALS);
        assertThat(model.recipe()).isEqualTo("aws-user-personalization");
        assertThat(model.toString()).contains("algorithm=ials");
    }

    @Test
    void foldsRecentEventsIntoTheUsersVector() {
        IalsModel model = new IalsRecipe().train(twoClusters(), config());

        assertThat(ids(model.recommend("newcomer", List.of("b3", "b7", "b1"), 4))).hasSize(4)
                .allMatch(item -> item.startsWith("b"));
        List<String> recent = List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11");
        long before = ids(model.recommend("a-0", 12)).stream().filter(item -> item.startsWith("b")).count();
        long after = ids(model.recommend("a-0", recent, 12)).stream().filter(item -> item.startsWith("b")).count();
        assertThat(after).isGreaterThan(before);
        assertThat(model.recommend("a-0", List.of("no-such-item"), 8)).isEqualTo(model.recommend("a-0", 8));
        assertThat(ids(model.rank("newcomer", List.of("b3", "b7"), List.of("a1", "b2", "nope"))))
                .containsExactly("b2", "a1", "nope");
        double sum = model.recommend("newcomer", List.of("b3"), Integer.MAX_VALUE).stream()
                .mapToDouble(ScoredItem::score).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void moreIterationsFitTheObservedPairsBetter() {
        InteractionLog log = twoClusters();
        double[] seenShare = new double[2];
        int[] iterations = {1, 15};
        for (int run = 0; run < 2; run++) {
            IalsModel model = new IalsRecipe().train(log,
                    config(IalsRecipe.ITERATIONS, Integer.toString(iterations[run])));
            // The share of each user's softmax mass on the items the user interacted with.
            double total = 0;
            for (int u = 0; u < 40; u++) {
                String user = (u % 2 == 0 ? "a-" : "b-") + u;
                Set<String> seen = new HashSet<>();
                for (int row = 0; row < log.size(); row++) {
                    if (log.users().idOf(log.user(row)).equals(user)) {
                        seen.add(log.items().idOf(log.item(row)));
                    }
                }
                total += model.recommend(user, 1_000).stream().filter(s -> seen.contains(s.itemId()))
                        .mapToDouble(ScoredItem::score).sum();
            }
            seenShare[run] = total / 40;
        }
        assertThat(seenShare[1]).as("seed %d", SEED).isGreaterThan(seenShare[0]);
    }

    @Test
    void scoresOverTheWholeCatalogSumToOneInDescendingOrder() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 60, 1.0, 15, SEED);
        IalsModel model = new IalsRecipe().train(log, config());

        for (String user : List.of("user-0", "user-17", "nobody")) {
            List<ScoredItem> all = model.recommend(user, 1_000);
            assertThat(all).hasSize(model.catalogSize());
            assertThat(all.stream().mapToDouble(ScoredItem::score).sum()).as(user).isCloseTo(1.0, within(1e-9));
            assertThat(all).isSortedAccordingTo(Comparator.comparingDouble(ScoredItem::score).reversed());
        }
    }

    @Test
    void givesAnUnknownUserTheMostPopularItemsLikeEase() {
        InteractionLog log = GeneratedLogs.powerLaw(300, 50, 1.1, 12, SEED);
        IalsModel model = new IalsRecipe().train(log, config());
        EaseModel ease = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));

        assertThat(model.recommend("someone-new", 50)).isEqualTo(ease.recommend("someone-new", 50));
        assertThat(model.rank("someone-new", List.of("item-7", "item-0")))
                .isEqualTo(ease.rank("someone-new", List.of("item-7", "item-0")));
    }

    @Test
    void keepsSeenItemsAsCandidatesUnlessAskedToExcludeThem() {
        InteractionLog log = twoClusters();
        IalsModel model = new IalsRecipe().train(log, config());
        Set<String> seen = new HashSet<>();
        for (int row = 0; row < log.size(); row++) {
            if (log.users().idOf(log.user(row)).equals("a-0")) {
                seen.add(log.items().idOf(log.item(row)));
            }
        }

        assertThat(ids(model.recommend("a-0", 1_000))).containsAll(seen).hasSize(model.catalogSize());
        assertThat(ids(model.recommend("a-0", 1_000, true))).doesNotContainAnyElementsOf(seen)
                .hasSize(model.catalogSize() - seen.size());
    }

    @Test
    void ranksAListLikeRecommendationsWithUnknownItemsLast() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 40, 1.0, 15, SEED);
        IalsModel model = new IalsRecipe().train(log, config());
        List<String> order = ids(model.recommend("user-5", 1_000));
        List<String> input = new ArrayList<>(List.of("not-an-item", order.get(7), order.get(2), "also-not",
                order.get(30), order.get(2)));

        List<ScoredItem> ranked = model.rank("user-5", input);

        assertThat(ids(ranked)).containsExactly(order.get(2), order.get(7), order.get(30), "not-an-item", "also-not");
        assertThat(ranked.subList(0, 3).stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(ranked.get(3).score()).isZero();
        assertThat(ranked.get(4).score()).isZero();
        assertThat(model.rank("user-5", List.of())).isEmpty();
    }

    @Test
    void weighsRepeatedInteractionsMore() {
        // u1 saw "x" once and "y" five times; u2 and u3 saw each once, and other items besides.
        InteractionLog.Builder builder = InteractionLog.builder();
        long time = GeneratedLogs.START;
        builder.add("u1", "x", time++, null, Float.NaN);
        for (int i = 0; i < 5; i++) {
            builder.add("u1", "y", time++, null, Float.NaN);
        }
        builder.add("u2", "x", time++, null, Float.NaN).add("u2", "z", time++, null, Float.NaN);
        builder.add("u3", "y", time++, null, Float.NaN).add("u3", "w", time++, null, Float.NaN);
        InteractionLog log = builder.build();

        IalsModel model = new IalsRecipe().train(log, config(IalsRecipe.ITERATIONS, "30", IalsRecipe.ALPHA, "5"));

        assertThat(ids(model.rank("u1", List.of("x", "y")))).as("seed %d", SEED).containsExactly("y", "x");
        assertThat(ids(model.rank("u1", List.of("z", "w")))).as("seed %d", SEED).containsExactly("w", "z");
    }

    @Test
    void trainsOnlyOnTheSelectedInteractions() {
        InteractionLog log = InteractionLog.builder()
                .add("u1", "a", 1, "click", Float.NaN)
                .add("u1", "b", 2, "click", Float.NaN)
                .add("u2", "a", 3, "click", Float.NaN)
                .add("u2", "c", 4, "purchase", Float.NaN)
                .add("u3", "d", 5, "purchase", Float.NaN)
                .build();

        IalsModel model = new IalsRecipe().train(log, new TrainingConfig("click", null, Map.of(), SEED));

        assertThat(ids(model.recommend("nobody", 10))).containsExactly("a", "b");
        assertThat(model.userCount()).isEqualTo(2);
        assertThat(ids(model.recommend("u2", 1, true))).containsExactly("b");
    }

    @Test
    void sameDataHyperparametersAndSeedGiveIdenticalBytesOnAnyNumberOfThreads() throws IOException {
        // Enough rows for many parallel tasks and several blocks of the Gram matrix, and users whose
        // projections take either path (dot products, or the transposed copy).
        InteractionLog log = GeneratedLogs.powerLaw(5_000, 300, 0.9, 25, SEED);
        InteractionMatrix matrix = InteractionMatrix.of(log);
        assertThat(matrix.userCount()).isGreaterThan(2 * IalsHalfStep.GRAM_BLOCK);
        int shortUsers = 0;
        for (int user = 0; user < matrix.userCount(); user++) {
            shortUsers += matrix.userOffsets[user + 1] - matrix.userOffsets[user] < IalsHalfStep.MIN_TRANSPOSED ? 1 : 0;
        }
        assertThat(shortUsers).as("seed %d", SEED).isBetween(1, matrix.userCount() - 1);
        TrainingConfig config = config(IalsRecipe.FACTORS, "16", IalsRecipe.ITERATIONS, "3");

        byte[] once = bytesOf(new IalsRecipe("aws-user-personalization", 1).train(log, config));
        byte[] again = bytesOf(new IalsRecipe("aws-user-personalization", 1).train(log, config));
        byte[] parallel = bytesOf(new IalsRecipe("aws-user-personalization", 3).train(log, config));
        byte[] otherSeed = bytesOf(new IalsRecipe("aws-user-personalization", 1).train(log,
                new TrainingConfig(null, null, config.hyperParameters(), SEED + 1)));

        assertThat(again).isEqualTo(once);
        assertThat(parallel).isEqualTo(once);
        assertThat(otherSeed).isNotEqualTo(once);
    }

    @Test
    void reportsEachIterationAndStopsWithinOne() {
        InteractionLog log = twoClusters();
        List<String> steps = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        new IalsRecipe().train(TrainingData.of(log), config(IalsRecipe.ITERATIONS, "4"), (step, fraction) -> {
            steps.add(step);
            fractions.add(fraction);
        });

        assertThat(steps).containsSubsequence("Iteration 1 of 4", "Iteration 2 of 4", "Iteration 3 of 4",
                "Iteration 4 of 4");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("Done");
        assertThat(fractions).isSorted().last().isEqualTo(1.0);

        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> new IalsRecipe().train(TrainingData.of(log), config(IalsRecipe.ITERATIONS, "10"),
                (step, fraction) -> {
                    seen.add(step);
                    if (step.equals("Iteration 3 of 10")) {
                        throw new TrainingStoppedException("stopped by the test");
                    }
                }))
                .isInstanceOf(TrainingStoppedException.class).hasMessage("stopped by the test");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("Iteration 3 of 10");
    }

    @Test
    void aWrittenModelReadsBackAsTheSameModel() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 1.0, 20, SEED);
        IalsModel model = new IalsRecipe("some-recipe", 2).train(log, config(IalsRecipe.ALPHA, "3.5"));
        byte[] bytes = bytesOf(model);

        TrainedModel copy = ModelCodec.read(new ByteArrayInputStream(bytes));

        assertThat(copy).isInstanceOf(IalsModel.class);
        IalsModel ials = (IalsModel) copy;
        assertThat(ials.recipe()).isEqualTo("some-recipe");
        assertThat(ials.hyperParameters()).isEqualTo(new IalsRecipe.HyperParameters(8, IalsRecipe.DEFAULT_ITERATIONS,
                5, IalsRecipe.DEFAULT_REGULARIZATION_EXPONENT, 3.5, IalsRecipe.DEFAULT_CG_STEPS));
        assertThat(bytesOf(ials)).isEqualTo(bytes);
        for (String user : List.of("user-0", "user-9", "nobody")) {
            assertThat(ials.recommend(user, 1_000)).isEqualTo(model.recommend(user, 1_000));
            assertThat(ials.recommend(user, 10, true)).isEqualTo(model.recommend(user, 10, true));
        }
        List<String> some = List.of("item-3", "item-70", "nope", "item-0");
        assertThat(ials.rank("user-1", some)).isEqualTo(model.rank("user-1", some));
        assertThat(ModelCodec.readableRecipes()).contains(IalsModel.ARTIFACT_KEY);
    }

    @Test
    void corruptingOrTruncatingAnArtifactIsDetected() throws IOException {
        byte[] bytes = bytesOf(new IalsRecipe().train(twoClusters(), config()));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 200; trial++) {
            byte[] corrupt = bytes.clone();
            int position = random.nextInt(corrupt.length);
            corrupt[position] ^= (byte) (1 + random.nextInt(255));
            assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(corrupt)))
                    .as("byte %d, seed %d", position, SEED).isInstanceOf(IOException.class);
        }
        for (int length = 0; length < bytes.length; length += 1 + random.nextInt(64)) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(prefix)))
                    .as("prefix of %d bytes", length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void rejectsAPayloadThatBreaksTheModelsInvariantsEvenWithAValidChecksum() throws IOException {
        // One item, one user who lists item 1 (out of range); two factors.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(out, IalsModel.ARTIFACT_KEY, 1, data -> {
            ModelCodec.writeString(data, "aws-user-personalization");
            data.writeInt(2);
            data.writeInt(10);
            data.writeDouble(1);
            data.writeDouble(0.5);
            data.writeDouble(1);
            data.writeInt(3);
            data.writeInt(1);
            ModelCodec.writeString(data, "only");
            data.writeLong(1);
            data.writeInt(1);
            ModelCodec.writeString(data, "u1");
            data.writeInt(1);
            data.writeInt(1);
            for (int i = 0; i < 4; i++) {
                data.writeFloat(0.5f);
            }
        });

        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(out.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("Corrupt")
                .hasMessageContaining("invalid or unsorted index 1");
    }

    @Test
    void handlesTinyCatalogs() {
        InteractionLog one = InteractionLog.builder().add("u1", "only", 1, null, Float.NaN).build();
        IalsModel model = new IalsRecipe().train(one, config());
        assertThat(ids(model.recommend("u1", 5))).containsExactly("only");
        assertThat(model.recommend("u1", 5).get(0).score()).isEqualTo(1.0);
        assertThat(model.recommend("u1", 5, true)).isEmpty();

        IalsModel empty = new IalsRecipe().train(one.filter(row -> false), config());
        assertThat(empty.recommend("u1", 5)).isEmpty();
        assertThat(empty.catalogSize()).isZero();
    }

    @Test
    void rejectsInvalidHyperparametersByName() {
        InteractionLog log = twoClusters();
        IalsRecipe recipe = new IalsRecipe();
        String[][] invalid = {
            {IalsRecipe.FACTORS, "0"}, {IalsRecipe.FACTORS, "1025"}, {IalsRecipe.FACTORS, "8.5"},
            {IalsRecipe.FACTORS, "many"}, {IalsRecipe.ITERATIONS, "0"}, {IalsRecipe.ITERATIONS, "201"},
            {IalsRecipe.ITERATIONS, "99999999999"}, {IalsRecipe.REGULARIZATION, "-0.1"},
            {IalsRecipe.REGULARIZATION, "NaN"}, {IalsRecipe.REGULARIZATION, "2e6"}, {IalsRecipe.REGULARIZATION, ""},
            {IalsRecipe.REGULARIZATION_EXPONENT, "-0.5"}, {IalsRecipe.REGULARIZATION_EXPONENT, "1.5"},
            {IalsRecipe.REGULARIZATION_EXPONENT, "half"},
            {IalsRecipe.ALPHA, "-1"}, {IalsRecipe.ALPHA, "Infinity"}, {IalsRecipe.ALPHA, "0x10"},
            {IalsRecipe.CG_STEPS, "0"}, {IalsRecipe.CG_STEPS, "65"}, {IalsRecipe.CG_STEPS, "three"},
        };
        for (String[] pair : invalid) {
            assertThatThrownBy(() -> recipe.train(log, config(pair[0], pair[1])))
                    .as("%s=%s", pair[0], pair[1])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + pair[0] + "'");
        }
        assertThatThrownBy(() -> recipe.train(log, config("lambda", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lambda'")
                .hasMessageContaining("aws-user-personalization");
        assertThatThrownBy(() -> IalsRecipe.HyperParameters.parse("r", Map.of(IalsRecipe.FACTORS, "0")))
                .hasMessage("Hyperparameter 'factors' (iALS) must be an integer from 1 to 1024, was '0'");
    }

    @Test
    void parsesAndDefaultsHyperparameters() {
        assertThat(IalsRecipe.HYPERPARAMETER_NAMES)
                .containsExactlyInAnyOrder("factors", "iterations", "regularization", "regularization_exponent",
                        "alpha", "cg_steps");
        assertThat(IalsRecipe.HyperParameters.parse("r", Map.of())).isEqualTo(IalsRecipe.HyperParameters.defaults());
        assertThat(IalsRecipe.HyperParameters.defaults().factors()).isEqualTo(64);
        assertThat(IalsRecipe.HyperParameters.defaults().iterations()).isEqualTo(10);
        assertThat(IalsRecipe.HyperParameters.parse("r", Map.of("factors", " 32 ", "iterations", "5",
                "regularization", "0", "regularization_exponent", "1", "alpha", "1e2", "cg_steps", "2")))
                .isEqualTo(new IalsRecipe.HyperParameters(32, 5, 0, 1, 100, 2));
        assertThat(new IalsRecipe("my-name", 1).name()).isEqualTo("my-name");
        assertThatThrownBy(() -> new IalsRecipe(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IalsRecipe("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The blocked scoring (block-wise dot products, running softmax, streaming top-k) against a dot
     * product per item, a two-pass softmax and a full sort: the same items in the same order, scores
     * equal to 1e-12 relative. 7 factors leave a remainder after the groups of four; the catalog
     * spans more than two blocks, the last one partial.
     */
    @Test
    void blockedScoringEqualsADotProductPerItemWithATwoPassSoftmax() {
        InteractionLog log = GeneratedLogs.powerLaw(1_500, 2_600, 0.5, 40, SEED);
        IalsModel model = new IalsRecipe().train(log, config(IalsRecipe.FACTORS, "7"));
        int m = model.catalogSize();
        assertThat(m).as("seed %d", SEED).isGreaterThan(2 * IalsModel.BLOCK);
        assertThat(m % IalsModel.BLOCK).as("seed %d", SEED).isNotZero();
        Map<String, Integer> catalog = new LinkedHashMap<>();
        for (int item = 0; item < m; item++) {
            catalog.put(model.itemId(item), item);
        }

        for (String user : List.of("user-0", "user-7", "user-211")) {
            Set<Integer> seen = new HashSet<>();
            for (int row = 0; row < log.size(); row++) {
                if (log.users().idOf(log.user(row)).equals(user)) {
                    seen.add(catalog.get(log.items().idOf(log.item(row))));
                }
            }
            float[] trained = model.userVector(user);
            List<String> recent = List.of(model.itemId(m - 1), model.itemId(3));
            float[] folded = model.liveVector(user, recent);
            for (int n : new int[] {0, 1, 25, m, m + 5}) {
                String label = "user " + user + ", " + n + " results, seed " + SEED;
                assertSameRanking(model.recommend(user, n), straightforward(model, trained, n, Set.of()), label);
                assertSameRanking(model.recommend(user, n, true), straightforward(model, trained, n, seen),
                        label + ", seen excluded");
                assertSameRanking(model.recommend(user, recent, n), straightforward(model, folded, n, Set.of()),
                        label + ", folded in");
            }
        }
    }

    /** Top {@code n} of the catalog for vector {@code x} but {@code excluded}, computed the plain way. */
    private static List<ScoredItem> straightforward(IalsModel model, float[] x, int n, Set<Integer> excluded) {
        int m = model.catalogSize();
        double[] raw = new double[m];
        double max = Double.NEGATIVE_INFINITY;
        for (int item = 0; item < m; item++) {
            raw[item] = IalsRecipe.dot(x, 0, model.itemVector(item), 0, x.length);
            max = Math.max(max, raw[item]);
        }
        double normaliser = 0;
        for (double score : raw) {
            normaliser += Math.exp(score - max);
        }
        List<Integer> order = new ArrayList<>();
        for (int item = 0; item < m; item++) {
            if (!excluded.contains(item)) {
                order.add(item);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(item -> -raw[item]).thenComparingInt(item -> item));
        List<ScoredItem> top = new ArrayList<>();
        for (int item : order.subList(0, Math.min(n, order.size()))) {
            top.add(new ScoredItem(model.itemId(item), Math.exp(raw[item] - max) / normaliser));
        }
        return top;
    }

    private static void assertSameRanking(List<ScoredItem> actual, List<ScoredItem> expected, String label) {
        assertThat(ids(actual)).as(label).isEqualTo(ids(expected));
        for (int rank = 0; rank < expected.size(); rank++) {
            double score = expected.get(rank).score();
            assertThat(actual.get(rank).score()).as(label + ", rank " + rank).isCloseTo(score, within(1e-12 * score));
        }
    }
}
