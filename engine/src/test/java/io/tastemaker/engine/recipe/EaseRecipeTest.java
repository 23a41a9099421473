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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EaseRecipeTest {

    private static final long SEED = 2019L;

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

    private static TrainingConfig config(String... keyValues) {
        Map<String, String> hyperParameters = new java.util.LinkedHashMap<>();
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
        EaseModel model = new EaseRecipe().train(twoClusters(), config(EaseRecipe.LAMBDA, "50"));

        for (int u = 0; u < 40; u++) {
            String user = (u % 2 == 0 ? "a-" : "b-") + u;
            String cluster = user.substring(0, 1);
            assertThat(ids(model.recommend(user, 5, true))).as("user %s, seed %d", user, SEED)
                    .hasSize(5)
                    .allMatch(item -> item.startsWith(cluster));
            // Seen items stay candidates, and they are from the same cluster too.
            assertThat(ids(model.recommend(user, 5))).as("user %s, seed %d", user, SEED)
                    .allMatch(item -> item.startsWith(cluster));
        }
    }

    @Test
    void recentEventsCountAsInteractionsAtOnce() {
        EaseModel model = new EaseRecipe().train(twoClusters(), config(EaseRecipe.LAMBDA, "50"));

        // A user new to the model, whose only events are recent ones in cluster b, gets cluster b.
        assertThat(ids(model.recommend("newcomer", List.of("b3", "b7", "b1"), 5))).hasSize(5)
                .allMatch(item -> item.startsWith("b"));
        // A user of cluster a who has just viewed many b items moves towards b.
        long before = ids(model.recommend("a-0", 10)).stream().filter(item -> item.startsWith("b")).count();
        List<String> recent = List.of("b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11");
        long after = ids(model.recommend("a-0", recent, 10)).stream().filter(item -> item.startsWith("b")).count();
        assertThat(before).isZero();
        assertThat(after).isPositive();
        // Unknown ids and repeats change nothing; no recent events is the plain answer.
        assertThat(model.recommend("a-0", List.of("no-such-item", "no-such-item"), 10)).isEqualTo(model.recommend("a-0", 10));
        assertThat(model.recommend("a-0", List.of(), 10)).isEqualTo(model.recommend("a-0", 10));
        // Ranking sees the same history.
        assertThat(ids(model.rank("newcomer", List.of("b3", "b7"), List.of("a1", "b2", "nope"))))
                .containsExactly("b2", "a1", "nope");
    }

    @Test
    void scoresLikeADirectComputationOfEase() {
        InteractionLog log = GeneratedLogs.powerLaw(80, 30, 0.8, 10, SEED);
        double lambda = 5;
        EaseModel model = new EaseRecipe().train(log, config(EaseRecipe.LAMBDA, "5"));
        // Every item is modelled and every weight kept (neighbors defaults to far more than 29).
        assertThat(model.modelledItems()).isEqualTo(model.catalogSize());
        assertThat(model.weightCount()).isEqualTo(model.catalogSize() * (model.catalogSize() - 1));

        // B = I - P diag(1/diag(P)), P = (XᵀX + λI)⁻¹ by Gauss–Jordan elimination, in log indices.
        int items = log.items().size();
        int users = log.users().size();
        boolean[][] x = new boolean[users][items];
        for (int row = 0; row < log.size(); row++) {
            x[log.user(row)][log.item(row)] = true;
        }
        double[][] p = new double[items][items];
        for (boolean[] userRow : x) {
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    p[i][j] += userRow[i] && userRow[j] ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < items; i++) {
            p[i][i] += lambda;
        }
        p = gaussJordanInverse(p);

        for (int u = 0; u < users; u++) {
            String userId = log.users().idOf(u);
            double[] scores = new double[items];
            for (int j = 0; j < items; j++) {
                for (int i = 0; i < items; i++) {
                    if (x[u][i] && i != j) {
                        scores[j] -= p[i][j] / p[j][j];
                    }
                }
            }
            List<ScoredItem> top = model.recommend(userId, items);
            double max = Arrays.stream(scores).max().orElseThrow();
            double normaliser = Arrays.stream(scores).map(s -> Math.exp(s - max)).sum();
            for (ScoredItem item : top) {
                int j = log.items().indexOf(item.itemId());
                assertThat(item.score()).as("user %s item %s, seed %d", userId, item.itemId(), SEED)
                        .isCloseTo(Math.exp(scores[j] - max) / normaliser, within(1e-6));
            }
        }
    }

    @Test
    void scoresOverTheWholeCatalogSumToOneInDescendingOrder() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 60, 1.0, 15, SEED);
        EaseModel model = new EaseRecipe().train(log, config(EaseRecipe.MAX_ITEMS, "40", EaseRecipe.NEIGHBORS, "10"));

        for (String user : List.of("user-0", "user-17", "nobody")) {
            List<ScoredItem> all = model.recommend(user, 1_000);
            assertThat(all).hasSize(model.catalogSize());
            assertThat(all.stream().mapToDouble(ScoredItem::score).sum()).as(user).isCloseTo(1.0, within(1e-9));
            assertThat(all).isSortedAccordingTo(Comparator.comparingDouble(ScoredItem::score).reversed());
        }
    }

    @Test
    void ranksItemsOutsideTheModelLastByPopularity() {
        InteractionLog log = GeneratedLogs.powerLaw(300, 50, 1.0, 12, SEED);
        EaseModel model = new EaseRecipe().train(log, config(EaseRecipe.MAX_ITEMS, "20"));
        List<String> popularity = ids(model.recommend("nobody", 1_000));

        List<String> all = ids(model.recommend("user-3", 1_000));

        assertThat(model.modelledItems()).isEqualTo(20);
        assertThat(all.subList(0, 20)).containsExactlyInAnyOrderElementsOf(popularity.subList(0, 20));
        assertThat(all.subList(20, all.size())).containsExactlyElementsOf(popularity.subList(20, popularity.size()));
    }

    @Test
    void keepsSeenItemsAsCandidatesUnlessAskedToExcludeThem() {
        InteractionLog log = twoClusters();
        EaseModel model = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));
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
    void givesAnUnknownUserTheMostPopularItems() {
        InteractionLog log = GeneratedLogs.powerLaw(300, 50, 1.1, 12, SEED);
        EaseModel model = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));
        UserModel popularity = new PopularityCountRecipe().train(log, TrainingConfig.withSeed(SEED));

        List<ScoredItem> top = model.recommend("someone-new", 10);

        assertThat(top).isEqualTo(popularity.recommend("someone-new", 10));
        assertThat(model.recommend("someone-new", 10, true)).isEqualTo(top);
    }

    @Test
    void ranksAListLikeRecommendationsWithUnknownItemsLast() {
        InteractionLog log = GeneratedLogs.powerLaw(200, 40, 1.0, 15, SEED);
        EaseModel model = new EaseRecipe().train(log, TrainingConfig.withSeed(SEED));
        List<String> order = ids(model.recommend("user-5", 1_000));
        List<String> input = new ArrayList<>(List.of("not-an-item", order.get(7), order.get(2), "also-not",
                order.get(30), order.get(2)));

        List<ScoredItem> ranked = model.rank("user-5", input);

        assertThat(ids(ranked)).containsExactly(order.get(2), order.get(7), order.get(30), "not-an-item", "also-not");
        assertThat(ranked.subList(0, 3).stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score());
        assertThat(ranked.get(3).score()).isZero();
        assertThat(ranked.get(4).score()).isZero();
        // An unknown user: by popularity, scored by share of the listed items' counts.
        List<ScoredItem> cold = model.rank("nobody", List.of(order.get(30), order.get(2)));
        List<String> popularity = ids(model.recommend("nobody", 1_000));
        assertThat(ids(cold)).isSortedAccordingTo(Comparator.comparingInt(popularity::indexOf));
        assertThat(cold.get(0).score() + cold.get(1).score()).isCloseTo(1.0, within(1e-12));
        assertThat(model.rank("user-5", List.of())).isEmpty();
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

        EaseModel model = new EaseRecipe().train(log,
                new TrainingConfig("click", null, Map.of(EaseRecipe.LAMBDA, "1"), SEED));

        assertThat(ids(model.recommend("nobody", 10))).containsExactly("a", "b");
        assertThat(model.userCount()).isEqualTo(2);
        assertThat(ids(model.recommend("u2", 1, true))).containsExactly("b");
    }

    @Test
    void sameDataHyperparametersAndSeedGiveIdenticalBytesOnAnyNumberOfThreads() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(400, 150, 0.9, 25, SEED);
        TrainingConfig config = config(EaseRecipe.LAMBDA, "20", EaseRecipe.MAX_ITEMS, "120", EaseRecipe.NEIGHBORS, "30");

        byte[] once = bytesOf(new EaseRecipe(1).train(log, config));
        byte[] again = bytesOf(new EaseRecipe(1).train(log, config));
        byte[] parallel = bytesOf(new EaseRecipe(3).train(log, config));

        assertThat(again).isEqualTo(once);
        assertThat(parallel).isEqualTo(once);
    }

    @Test
    void aWrittenModelReadsBackAsTheSameModel() throws IOException {
        InteractionLog log = GeneratedLogs.powerLaw(300, 80, 1.0, 20, SEED);
        EaseModel model = new EaseRecipe().train(log, config(EaseRecipe.MAX_ITEMS, "50", EaseRecipe.NEIGHBORS, "8"));
        byte[] bytes = bytesOf(model);

        TrainedModel copy = ModelCodec.read(new ByteArrayInputStream(bytes));

        assertThat(copy).isInstanceOf(EaseModel.class);
        EaseModel ease = (EaseModel) copy;
        assertThat(ease.recipe()).isEqualTo("aws-user-personalization");
        assertThat(ease.hyperParameters()).isEqualTo(new EaseRecipe.HyperParameters(EaseRecipe.DEFAULT_LAMBDA, 50, 8));
        assertThat(bytesOf(ease)).isEqualTo(bytes);
        for (String user : List.of("user-0", "user-9", "nobody")) {
            assertThat(ease.recommend(user, 1_000)).isEqualTo(model.recommend(user, 1_000));
            assertThat(ease.recommend(user, 10, true)).isEqualTo(model.recommend(user, 10, true));
        }
        List<String> some = List.of("item-3", "item-70", "nope", "item-0");
        assertThat(ease.rank("user-1", some)).isEqualTo(model.rank("user-1", some));
    }

    @Test
    void corruptingAnArtifactByteIsDetected() throws IOException {
        byte[] bytes = bytesOf(new EaseRecipe().train(twoClusters(), TrainingConfig.withSeed(SEED)));
        SplittableRandom random = new SplittableRandom(SEED);
        for (int trial = 0; trial < 50; trial++) {
            byte[] corrupt = bytes.clone();
            int position = random.nextInt(corrupt.length);
            corrupt[position] ^= (byte) (1 + random.nextInt(255));
            assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(corrupt)))
                    .as("byte %d, seed %d", position, SEED).isInstanceOf(IOException.class);
        }
    }

    @Test
    void handlesTinyCatalogs() {
        InteractionLog one = InteractionLog.builder().add("u1", "only", 1, null, Float.NaN).build();
        EaseModel model = new EaseRecipe().train(one, TrainingConfig.withSeed(SEED));
        assertThat(ids(model.recommend("u1", 5))).containsExactly("only");
        assertThat(model.recommend("u1", 5).get(0).score()).isEqualTo(1.0);
        assertThat(model.recommend("u1", 5, true)).isEmpty();

        InteractionLog none = one.filter(row -> false);
        EaseModel empty = new EaseRecipe().train(none, TrainingConfig.withSeed(SEED));
        assertThat(empty.recommend("u1", 5)).isEmpty();
        assertThat(empty.catalogSize()).isZero();
    }

    @Test
    void rejectsInvalidHyperparametersByName() {
        InteractionLog log = twoClusters();
        EaseRecipe recipe = new EaseRecipe();
        String[][] invalid = {
            {EaseRecipe.LAMBDA, "0"}, {EaseRecipe.LAMBDA, "-5"}, {EaseRecipe.LAMBDA, "abc"},
            {EaseRecipe.LAMBDA, "NaN"}, {EaseRecipe.LAMBDA, "Infinity"}, {EaseRecipe.LAMBDA, "2e6"},
            {EaseRecipe.LAMBDA, "0x10"}, {EaseRecipe.LAMBDA, ""},
            {EaseRecipe.MAX_ITEMS, "0"}, {EaseRecipe.MAX_ITEMS, "30001"}, {EaseRecipe.MAX_ITEMS, "1.5"},
            {EaseRecipe.MAX_ITEMS, "99999999999"},
            {EaseRecipe.NEIGHBORS, "0"}, {EaseRecipe.NEIGHBORS, "-1"}, {EaseRecipe.NEIGHBORS, "many"},
        };
        for (String[] pair : invalid) {
            assertThatThrownBy(() -> recipe.train(log, config(pair[0], pair[1])))
                    .as("%s=%s", pair[0], pair[1])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + pair[0] + "'");
        }
        assertThatThrownBy(() -> recipe.train(log, config("alpha", "1", EaseRecipe.LAMBDA, "10")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'alpha'")
                .hasMessageContaining("aws-user-personalization");
    }

    @Test
    void parsesAndDefaultsHyperparameters() {
        assertThat(EaseRecipe.HYPERPARAMETER_NAMES).containsExactlyInAnyOrder("lambda", "max_items", "neighbors");
        assertThat(EaseRecipe.HyperParameters.parse(Map.of())).isEqualTo(EaseRecipe.HyperParameters.defaults());
        assertThat(EaseRecipe.HyperParameters.parse(Map.of("lambda", " 250.5 ", "max_items", "100", "neighbors", "7")))
                .isEqualTo(new EaseRecipe.HyperParameters(250.5, 100, 7));
        assertThat(EaseRecipe.HyperParameters.parse(Map.of("lambda", "1e3")).lambda()).isEqualTo(1000.0);
        assertThat(new EaseRecipe().name()).isEqualTo("aws-user-personalization");
    }

    /** The inverse of a small well-conditioned matrix, by Gauss–Jordan elimination with partial pivoting. */
    private static double[][] gaussJordanInverse(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int column = c;
            int pivot = IntStream.range(c, n).boxed()
                    .max(Comparator.comparingDouble(r -> Math.abs(a[r][column]))).orElseThrow();
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            double d = a[c][c];
            for (int j = 0; j < 2 * n; j++) {
                a[c][j] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * n; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
