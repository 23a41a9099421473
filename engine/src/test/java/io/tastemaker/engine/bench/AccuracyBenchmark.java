package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.evaluation.RankingMetrics;
import io.tastemaker.engine.recipe.EaseModel;
import io.tastemaker.engine.recipe.EaseRecipe;
import io.tastemaker.engine.recipe.NeighborListModel;
import io.tastemaker.engine.recipe.IalsModel;
import io.tastemaker.engine.recipe.IalsRecipe;
import io.tastemaker.engine.recipe.PopularityCountRecipe;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.RelatedItemsModel;
import io.tastemaker.engine.recipe.SemanticSimilarityRecipe;
import io.tastemaker.engine.recipe.SimilarItemsRecipe;
import io.tastemaker.engine.recipe.SimsRecipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The offline-accuracy benchmark of {@code shared/data/README.md}, run by {@code bench/accuracy}.
 *
 * <p>Protocol: every rating is a positive interaction. Ratings are grouped by item (items in order
 * of first appearance, each group in file order), each group is shuffled (Fisher–Yates, one
 * {@link SplittableRandom} seeded 42 walking the groups in order), and the first
 * {@code rint(0.75·n)} ratings (rounded half to even, like Python's {@code round}) go to train, the
 * rest to test. For every user with a test rating the model recommends the top 10 items the user
 * has no train rating of; every test item of that user is relevant; nDCG@10, P@10, R@10 and MAP@10
 * come from {@link RankingMetrics}.
 *
 * <p>Hyperparameters are chosen on a validation split carved from train the same way (10% of each
 * item's train ratings, seed 1), never on test.
 *
 * <p>Models: MostPop (the served {@code aws-popularity-count} model), ItemKNN (cosine, k chosen on
 * validation), EASE with its defaults, EASE with λ chosen on validation, EASE in the
 * README's reference setting (λ = 200, every item, every weight), iALS with its defaults (64 and
 * 128 factors), and {@code aws-user-personalization} as served (the {@code auto} choice).
 *
 * <p>Related-items recipes ({@code aws-sims}, {@code aws-similar-items},
 * {@code aws-semantic-similarity}) answer "items like this one", not "items for this user", so
 * they are scored on the same split with one query per test user: the items related to the
 * user's most recent train rating (largest timestamp; among equal timestamps the one read last),
 * excluding the user's train items, top 10, against the user's test items. This is what a
 * "more like the last thing you rated" row would show the user; it sees one item of the history
 * where the user models see all of it, so its figures are lower and compare with each other, not
 * with the user-model rows. Item metadata comes from {@code movies.csv} (genres as a categorical
 * field, the title as text) and {@code tags.csv} (each movie's tags joined as a second textual
 * field) when they sit next to the ratings; without them Similar-Items is co-occurrence alone and
 * Semantic-Similarity is skipped.
 *
 * <p>Usage: {@code AccuracyBenchmark <ratings.csv> [--sweep] [--sweep-ials] [--sweep-related]};
 * {@code --sweep} also prints the measurements behind EASE's defaults ({@code max_items},
 * {@code neighbors}), iALS's defaults ({@code regularization}, {@code alpha}, {@code cg_steps}) and
 * the coverage threshold of the {@code auto} choice; {@code --sweep-ials} prints only the last two;
 * {@code --sweep-related} those behind the related-items recipes' defaults (on validation).
 */
public final class AccuracyBenchmark {

    private static final int K = 10;
    private static final long SPLIT_SEED = 42;
    private static final double TRAIN_SHARE = 0.75;
    private static final long VALIDATION_SEED = 1;
    private static final double VALIDATION_SHARE = 0.10;
    private static final double[] LAMBDAS = {50, 100, 200, 300, 400, 500, 800};
    private static final int[] KNN_KS = {10, 20, 50, 100, 200, 400, 800};

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private AccuracyBenchmark() {
    }

    /** One rating. */
    record Rating(String user, String item, long timestamp, float value) {
    }

    /** A train part and a held-out part. */
    record Split(List<Rating> train, List<Rating> heldOut) {
    }

    /** Top-n recommendation excluding the user's train items. */
    @FunctionalInterface
    interface Recommender {
        List<ScoredItem> recommend(String userId, int n);
    }

    /** A trained recommender with what training cost. */
    private record Trained(Recommender recommender, double seconds, long peakHeapBytes, long retainedBytes,
            String note) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: AccuracyBenchmark <ratings.csv> [--sweep]");
        }
        Path path = Path.of(args[0]);
        boolean sweep = Arrays.asList(args).contains("--sweep");
        boolean sweepRelated = Arrays.asList(args).contains("--sweep-related");
        List<Rating> ratings = read(path);
        Split test = splitPerItem(ratings, TRAIN_SHARE, SPLIT_SEED, true);
        Split validation = splitPerItem(test.train(), VALIDATION_SHARE, VALIDATION_SEED, false);
        ItemAttributes metadata = readMetadata(path.toAbsolutePath().getParent());
        // Rated items first (their indices are those of the ratings alone), then items only in the
        // metadata, which related-items recipes may recommend.
        IdDictionary allItems = itemDictionary(ratings, metadata);

        OUT.printf(Locale.ROOT, "%s: %,d ratings; per-item split seed %d: train %,d, test %,d (%d test users); "
                + "validation split seed %d: train %,d, validation %,d%n", path.getFileName(), ratings.size(),
                SPLIT_SEED, test.train().size(), test.heldOut().size(), usersOf(test.heldOut()).size(),
                VALIDATION_SEED, validation.train().size(), validation.heldOut().size());
        OUT.printf(Locale.ROOT, "JVM: %s, %d processors, max heap %,d MB%n%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        InteractionLog train = log(test.train());
        InteractionLog validationTrain = log(validation.train());
        OUT.printf(Locale.ROOT, "Item metadata: %s%n%n", metadata.size() == 0 ? "none (no movies.csv next to the "
                + "ratings)" : metadata + " from movies.csv and tags.csv");

        if (sweepRelated) {
            sweepRelated(validationTrain, validation, allItems, metadata);
        }
        if (Arrays.asList(args).contains("--sweep-ials")) {
            ialsSweeps(validationTrain, validation, allItems);
            return;
        }

        // ItemKNN's k and EASE's λ on validation.
        OUT.println("Validation (train minus 10% per item -> the 10%), nDCG@10:");
        int bestK = KNN_KS[0];
        double bestKnn = -1;
        for (int k : KNN_KS) {
            ItemKnnRecipe.Model model = new ItemKnnRecipe(k).train(validationTrain, TrainingConfig.withSeed(0));
            double ndcg = evaluate(model::recommendExcludingSeen, validation, allItems).ndcg();
            OUT.printf(Locale.ROOT, "  ItemKNN k=%-5d %.4f%n", k, ndcg);
            if (ndcg > bestKnn) {
                bestKnn = ndcg;
                bestK = k;
            }
        }
        double bestLambda = LAMBDAS[0];
        double bestEase = -1;
        for (double lambda : LAMBDAS) {
            EaseModel model = new EaseRecipe().train(validationTrain, easeConfig(lambda, null, null));
            double ndcg = evaluate((u, n) -> model.recommend(u, n, true), validation, allItems).ndcg();
            OUT.printf(Locale.ROOT, "  EASE λ=%-6.0f %.4f%n", lambda, ndcg);
            if (ndcg > bestEase) {
                bestEase = ndcg;
                bestLambda = lambda;
            }
        }
        OUT.printf(Locale.ROOT, "  chosen: ItemKNN k=%d, EASE λ=%.0f%n%n", bestK, bestLambda);

        Map<String, Supplier<Trained>> models = new LinkedHashMap<>();
        models.put("MostPop", () -> timed(() -> {
            UserModel model = new PopularityCountRecipe().train(train, TrainingConfig.withSeed(0));
            return mostPop(model, train);
        }));
        int knnK = bestK;
        models.put("ItemKNN (cosine, k=" + knnK + ")", () -> timed(() -> {
            ItemKnnRecipe.Model model = new ItemKnnRecipe(knnK).train(train, TrainingConfig.withSeed(0));
            return (Recommender) model::recommendExcludingSeen;
        }));
        models.put("EASE (defaults)", () -> ease(train, easeConfig(null, null, null)));
        double chosenLambda = bestLambda;
        models.put(String.format(Locale.ROOT, "EASE (λ=%.0f from validation)", chosenLambda),
                () -> ease(train, easeConfig(chosenLambda, null, null)));
        // The README's reference setting: λ=200, every item, every weight.
        models.put("EASE (λ=200, all items, dense B)", () -> ease(train,
                easeConfig(200.0, EaseRecipe.MAX_MAX_ITEMS, EaseRecipe.MAX_NEIGHBORS)));
        models.put("iALS (defaults, 64 factors)", () -> ials(train, config(Map.of())));
        models.put("iALS (128 factors, 15 iter.)", () -> ials(train,
                config(Map.of(IalsRecipe.FACTORS, "128", IalsRecipe.ITERATIONS, "15"))));
        models.put("aws-user-personalization (auto)", () -> served(train, config(Map.of())));

        // Related-items recipes: items related to the user's most recent train item, then the same
        // with those items' ratings left out of training (cold items).
        Map<String, Recipe> relatedRecipes = new LinkedHashMap<>();
        relatedRecipes.put("SIMS", new SimsRecipe());
        relatedRecipes.put("Similar-Items", new SimilarItemsRecipe());
        if (!metadata.textualFields().isEmpty()) {
            relatedRecipes.put("Semantic-Sim.", new SemanticSimilarityRecipe());
        }
        for (boolean cold : new boolean[] {false, true}) {
            for (Map.Entry<String, Recipe> recipe : relatedRecipes.entrySet()) {
                models.put(recipe.getKey() + (cold ? ", cold last item" : ", last item"),
                        () -> related(recipe.getValue(), train, metadata, Map.of(), cold));
            }
        }

        OUT.printf(Locale.ROOT, "Test (%d users), top %d excluding train items:%n", usersOf(test.heldOut()).size(), K);
        OUT.printf(Locale.ROOT, "(rows \"last item\": one query per user, the items related to the user's most recent "
                + "train rating, not the whole history; compare them with each other and with MostPop. \"cold last "
                + "item\": the same, trained without any rating of those %d items, which the recipes then know only "
                + "from the metadata)%n", new HashSet<>(lastItems(train).values()).size());
        OUT.printf(Locale.ROOT, "| %-32s | %7s | %6s | %6s | %6s | %8s | %9s | %9s | %s%n", "model", "nDCG@10",
                "P@10", "R@10", "MAP@10", "train s", "peak heap", "retained", "notes");
        OUT.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(34), "-".repeat(9), "-".repeat(8),
                "-".repeat(8), "-".repeat(8), "-".repeat(10), "-".repeat(11), "-".repeat(11));
        for (Map.Entry<String, Supplier<Trained>> entry : models.entrySet()) {
            Trained trained = entry.getValue().get();
            RankingMetrics metrics = evaluate(trained.recommender(), test, allItems);
            printRow(entry.getKey(), metrics, trained);
        }

        if (sweep) {
            sweeps(train, validationTrain, test, validation, allItems, chosenLambda);
            ialsSweeps(validationTrain, validation, allItems);
        }
    }

    /**
     * The measurements behind iALS's defaults and the auto choice's threshold, on validation only:
     * for each regularization_exponent a grid over regularization × alpha (64 factors, 10
     * iterations), then cg_steps, iterations and factors at the best triple, then EASE restricted to
     * its most popular items at falling coverage against iALS with its defaults.
     */
    private static void ialsSweeps(InteractionLog validationTrain, Split validation, IdDictionary allItems) {
        double[] exponents = {0, 0.25, 0.5, 0.75, 1};
        double[] regularizations = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200};
        double[] alphas = {1, 2, 5, 10, 20, 40};
        double best = -1;
        double bestExponent = 0;
        double bestRegularization = 0;
        double bestAlpha = 0;
        for (double exponent : exponents) {
            OUT.printf(Locale.ROOT, "%nSweep iALS regularization x alpha, regularization_exponent %s (64 factors, "
                    + "10 iterations, cg_steps 3): validation nDCG@10%n| %14s |", trimmed(exponent), "reg \\ alpha");
            for (double alpha : alphas) {
                OUT.printf(Locale.ROOT, " %7s |", trimmed(alpha));
            }
            OUT.println();
            for (double regularization : regularizations) {
                OUT.printf(Locale.ROOT, "| %14s |", trimmed(regularization));
                for (double alpha : alphas) {
                    double ndcg = validationNdcg(validationTrain, validation, allItems, Map.of(
                            IalsRecipe.REGULARIZATION, Double.toString(regularization),
                            IalsRecipe.REGULARIZATION_EXPONENT, Double.toString(exponent),
                            IalsRecipe.ALPHA, Double.toString(alpha)));
                    OUT.printf(Locale.ROOT, " %7.4f |", ndcg);
                    if (ndcg > best) {
                        best = ndcg;
                        bestExponent = exponent;
                        bestRegularization = regularization;
                        bestAlpha = alpha;
                    }
                }
                OUT.println();
            }
        }
        OUT.printf(Locale.ROOT, "  best: regularization_exponent=%s regularization=%s alpha=%s (%.4f)%n",
                trimmed(bestExponent), trimmed(bestRegularization), trimmed(bestAlpha), best);
        Map<String, String> chosen = Map.of(IalsRecipe.REGULARIZATION_EXPONENT, Double.toString(bestExponent),
                IalsRecipe.REGULARIZATION, Double.toString(bestRegularization),
                IalsRecipe.ALPHA, Double.toString(bestAlpha));
        OUT.printf(Locale.ROOT, "%nSweep iALS cg_steps, iterations and factors (regularization_exponent=%s, "
                + "regularization=%s, alpha=%s): validation nDCG@10, train s%n", trimmed(bestExponent),
                trimmed(bestRegularization), trimmed(bestAlpha));
        for (int steps : new int[] {1, 2, 3, 4, 6, 10}) {
            long start = System.nanoTime();
            double ndcg = validationNdcg(validationTrain, validation, allItems,
                    with(chosen, IalsRecipe.CG_STEPS, steps));
            OUT.printf(Locale.ROOT, "  cg_steps=%-3d %.4f %6.2f s%n", steps, ndcg, (System.nanoTime() - start) / 1e9);
        }
        for (int iterations : new int[] {5, 10, 15, 20, 30}) {
            double ndcg = validationNdcg(validationTrain, validation, allItems,
                    with(chosen, IalsRecipe.ITERATIONS, iterations));
            OUT.printf(Locale.ROOT, "  iterations=%-3d %.4f%n", iterations, ndcg);
        }
        for (int factors : new int[] {32, 64, 128, 256}) {
            double ndcg = validationNdcg(validationTrain, validation, allItems,
                    with(chosen, IalsRecipe.FACTORS, factors));
            OUT.printf(Locale.ROOT, "  factors=%-4d %.4f%n", factors, ndcg);
        }

        OUT.printf(Locale.ROOT, "%nSweep coverage: EASE (defaults) on its max_items most popular items vs iALS "
                + "(defaults), validation nDCG@10%n");
        double ialsNdcg = validationNdcg(validationTrain, validation, allItems, Map.of());
        OUT.printf(Locale.ROOT, "| %9s | %8s | %8s | %8s |%n", "max_items", "coverage", "EASE", "iALS");
        for (int maxItems : new int[] {100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000}) {
            TrainingConfig config = easeConfig(null, maxItems, null);
            UserPersonalizationRecipe.Choice choice = UserPersonalizationRecipe.choose(validationTrain, config);
            EaseModel model = new EaseRecipe().train(validationTrain, config);
            double ndcg = evaluate((u, n) -> model.recommend(u, n, true), validation, allItems).ndcg();
            OUT.printf(Locale.ROOT, "| %9d | %7.1f%% | %8.4f | %8.4f |%n", maxItems, 100 * choice.coverage(), ndcg,
                    ialsNdcg);
        }
    }

    private static Map<String, String> with(Map<String, String> hyperParameters, String name, int value) {
        Map<String, String> copy = new LinkedHashMap<>(hyperParameters);
        copy.put(name, Integer.toString(value));
        return copy;
    }

    private static double validationNdcg(InteractionLog validationTrain, Split validation, IdDictionary allItems,
            Map<String, String> hyperParameters) {
        IalsModel model = new IalsRecipe().train(validationTrain, config(hyperParameters));
        return evaluate((u, n) -> model.recommend(u, n, true), validation, allItems).ndcg();
    }

    private static TrainingConfig config(Map<String, String> hyperParameters) {
        return new TrainingConfig(null, null, hyperParameters, 0L);
    }

    private static Trained ials(InteractionLog train, TrainingConfig config) {
        IalsModel[] holder = new IalsModel[1];
        Trained trained = timed(() -> {
            IalsModel model = new IalsRecipe().train(train, config);
            holder[0] = model;
            return (Recommender) (u, n) -> model.recommend(u, n, true);
        });
        IalsRecipe.HyperParameters parameters = holder[0].hyperParameters();
        String note = String.format(Locale.ROOT, "%d factors, %d iterations, reg=%s·n^%s, alpha=%s, cg_steps=%d, "
                + "artifact %,d bytes", parameters.factors(), parameters.iterations(),
                trimmed(parameters.regularization()), trimmed(parameters.regularizationExponent()),
                trimmed(parameters.alpha()), parameters.cgSteps(), artifactBytes(holder[0]));
        return new Trained(trained.recommender(), trained.seconds(), trained.peakHeapBytes(), trained.retainedBytes(),
                note);
    }

    /** aws-user-personalization as the service trains it; evaluated excluding train items. */
    private static Trained served(InteractionLog train, TrainingConfig config) {
        UserPersonalizationModel[] holder = new UserPersonalizationModel[1];
        Trained trained = timed(() -> {
            UserPersonalizationModel model = new UserPersonalizationRecipe().train(train, config);
            holder[0] = model;
            return model instanceof EaseModel ease
                    ? (Recommender) (u, n) -> ease.recommend(u, n, true)
                    : (Recommender) (u, n) -> ((IalsModel) model).recommend(u, n, true);
        });
        UserPersonalizationRecipe.Choice choice = UserPersonalizationRecipe.choose(train, config);
        return new Trained(trained.recommender(), trained.seconds(), trained.peakHeapBytes(), trained.retainedBytes(),
                choice.describe() + "; " + holder[0]);
    }

    /** The measurements behind the defaults of max_items and neighbors. */
    private static void sweeps(InteractionLog train, InteractionLog validationTrain, Split test, Split validation,
            IdDictionary allItems, double lambda) {
        int catalog = new EaseRecipe().train(train, easeConfig(lambda, 1, 1)).catalogSize();
        OUT.printf(Locale.ROOT, "%nSweep max_items (λ=%.0f, neighbors=all): validation and test nDCG@10%n", lambda);
        OUT.printf(Locale.ROOT, "| %9s | %10s | %8s | %8s | %9s |%n", "max_items", "validation", "test",
                "train s", "peak heap");
        for (int maxItems : new int[] {1000, 2000, 3000, 4000, 5000, 6000, 8000, catalog}) {
            Trained trained = ease(train, easeConfig(lambda, maxItems, EaseRecipe.MAX_NEIGHBORS));
            double testNdcg = evaluate(trained.recommender(), test, allItems).ndcg();
            EaseModel validationModel = new EaseRecipe().train(validationTrain,
                    easeConfig(lambda, maxItems, EaseRecipe.MAX_NEIGHBORS));
            double validationNdcg = evaluate((u, n) -> validationModel.recommend(u, n, true), validation, allItems)
                    .ndcg();
            OUT.printf(Locale.ROOT, "| %9d | %10.4f | %8.4f | %8.2f | %6d MB |%n", maxItems, validationNdcg, testNdcg,
                    trained.seconds(), trained.peakHeapBytes() >> 20);
        }
        OUT.printf(Locale.ROOT, "%nSweep neighbors (λ=%.0f, max_items=%d): validation and test nDCG@10%n", lambda,
                EaseRecipe.DEFAULT_MAX_ITEMS);
        OUT.printf(Locale.ROOT, "| %9s | %10s | %8s | %9s | %14s |%n", "neighbors", "validation", "test", "weights",
                "artifact bytes");
        for (int neighbors : new int[] {25, 50, 100, 200, 300, 500, 1000, EaseRecipe.MAX_NEIGHBORS}) {
            TrainingConfig config = easeConfig(lambda, null, neighbors);
            EaseModel model = new EaseRecipe().train(train, config);
            double testNdcg = evaluate((u, n) -> model.recommend(u, n, true), test, allItems).ndcg();
            EaseModel validationModel = new EaseRecipe().train(validationTrain, config);
            double validationNdcg = evaluate((u, n) -> validationModel.recommend(u, n, true), validation, allItems)
                    .ndcg();
            OUT.printf(Locale.ROOT, "| %9d | %10.4f | %8.4f | %,9d | %,14d |%n", neighbors, validationNdcg, testNdcg,
                    model.weightCount(), artifactBytes(model));
        }
    }

    /**
     * The measurements behind the related-items recipes' defaults, on validation: grids over the
     * main hyperparameters, then one-at-a-time sweeps of the others around the grid's best.
     */
    private static void sweepRelated(InteractionLog validationTrain, Split validation, IdDictionary allItems,
            ItemAttributes metadata) {
        OUT.println("Related-items sweeps on validation (items related to the most recent train item), nDCG@10:");
        Map<String, String> best = Map.of();
        double bestNdcg = -1;
        for (String a : new String[] {"0", "0.1", "0.25", "0.5"}) {
            for (String min : new String[] {"1", "3", "5", "10"}) {
                Map<String, String> hp = with(with(Map.of(), SimsRecipe.POPULARITY_DISCOUNT_FACTOR, a),
                        SimsRecipe.MIN_COINTERACTION_COUNT, min);
                double ndcg = sweepRow(new SimsRecipe(), validationTrain, validation, allItems, metadata, hp);
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = hp;
                }
            }
        }
        for (String p : new String[] {"0.9", "0.99", "0.995", "1"}) {
            sweepRow(new SimsRecipe(), validationTrain, validation, allItems, metadata,
                    with(best, SimsRecipe.MAX_USER_HISTORY_LENGTH_PERCENTILE, p));
        }
        for (String p : new String[] {"0.9", "0.99", "1"}) {
            sweepRow(new SimsRecipe(), validationTrain, validation, allItems, metadata,
                    with(best, SimsRecipe.MAX_ITEM_INTERACTION_COUNT_PERCENTILE, p));
        }
        for (String n : new String[] {"25", "100", "500"}) {
            sweepRow(new SimsRecipe(), validationTrain, validation, allItems, metadata,
                    with(best, SimsRecipe.NEIGHBORS_PER_ITEM, n));
        }
        for (String a : new String[] {"0", "0.25", "0.5", "1"}) {
            for (String w : new String[] {"0", "0.01", "0.1", "0.3", "0.5", "1"}) {
                sweepRow(new SimilarItemsRecipe(), validationTrain, validation, allItems, metadata,
                        with(with(Map.of(), SimilarItemsRecipe.POPULARITY_DISCOUNT_FACTOR, a),
                                SimilarItemsRecipe.METADATA_WEIGHT, w));
            }
        }
        if (!metadata.textualFields().isEmpty()) {
            sweepRow(new SemanticSimilarityRecipe(), validationTrain, validation, allItems, metadata, Map.of());
        }
        OUT.println();
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> map = new TreeMap<>(base);
        map.put(name, value);
        return map;
    }

    private static double sweepRow(Recipe recipe, InteractionLog train, Split split, IdDictionary allItems,
            ItemAttributes metadata, Map<String, String> hyperParameters) {
        Trained trained = related(recipe, train, metadata, hyperParameters, false);
        RankingMetrics metrics = evaluate(trained.recommender(), split, allItems);
        Trained cold = related(recipe, train, metadata, hyperParameters, true);
        RankingMetrics coldMetrics = evaluate(cold.recommender(), split, allItems);
        OUT.printf(Locale.ROOT, "  %-24s %-66s %.4f  (cold last item %.4f; %.1f s)%n", recipe.name(),
                hyperParameters, metrics.ndcg(), coldMetrics.ndcg(), trained.seconds());
        return metrics.ndcg();
    }

    /**
     * Trains a related-items recipe and recommends, for each user, the items related to the user's
     * most recent train item that the user has no train rating of.
     *
     * @param cold whether to train without any rating of the users' most recent train items, so
     *     that those items are known (if at all) only from the metadata
     */
    private static Trained related(Recipe recipe, InteractionLog train, ItemAttributes metadata,
            Map<String, String> hyperParameters, boolean cold) {
        TrainingConfig config = new TrainingConfig(null, null, hyperParameters, 0L);
        Map<String, String> lastItem = lastItems(train);
        Set<String> lastItems = new HashSet<>(lastItem.values());
        InteractionLog trainedOn = cold ? train.filter(row -> !lastItems.contains(train.items().idOf(train.item(row))))
                : train;
        RelatedItemsModel[] holder = new RelatedItemsModel[1];
        Trained trained = timed(() -> {
            RelatedItemsModel model = (RelatedItemsModel) recipe.train(new TrainingData(trainedOn, metadata), config,
                    TrainingMonitor.NONE);
            holder[0] = model;
            return (Recommender) (u, n) -> List.of();
        });
        RelatedItemsModel model = holder[0];
        Map<String, Set<String>> seen = seenItems(train);
        Recommender recommender = (user, n) -> {
            String item = lastItem.get(user);
            if (item == null) {
                return List.of();
            }
            Set<String> mine = seen.getOrDefault(user, Set.of());
            List<ScoredItem> result = new ArrayList<>(n);
            for (ScoredItem candidate : model.related(item, n + mine.size())) {
                if (!mine.contains(candidate.itemId()) && result.size() < n) {
                    result.add(candidate);
                }
            }
            return result;
        };
        String note = "";
        if (model instanceof NeighborListModel lists) {
            note = String.format(Locale.ROOT, "%d items, %,d related stored, artifact %,d bytes",
                    lists.catalogSize(), lists.relatedItemCount(), artifactBytes(lists));
        }
        return new Trained(recommender, trained.seconds(), trained.peakHeapBytes(), trained.retainedBytes(), note);
    }

    /** Each user's most recent train item: the newest by timestamp, among equal timestamps the one read last. */
    private static Map<String, String> lastItems(InteractionLog log) {
        Map<String, String> last = new LinkedHashMap<>();
        RowGroups byUser = log.rowsByUser();
        for (int u = 0; u < byUser.groupCount(); u++) {
            if (byUser.size(u) > 0) {
                last.put(log.users().idOf(u), log.items().idOf(log.item(byUser.row(byUser.end(u) - 1))));
            }
        }
        return last;
    }

    /**
     * The items of {@code movies.csv} in {@code directory} (genres categorical; title textual) with
     * the tags of {@code tags.csv} joined per movie (textual); empty if there is no movies.csv.
     */
    static ItemAttributes readMetadata(Path directory) throws IOException {
        Path movies = directory.resolve("movies.csv");
        if (!Files.isRegularFile(movies)) {
            return ItemAttributes.empty();
        }
        Map<String, StringBuilder> tags = new LinkedHashMap<>();
        Path tagFile = directory.resolve("tags.csv");
        if (Files.isRegularFile(tagFile)) {
            try (BufferedReader reader = Files.newBufferedReader(tagFile, StandardCharsets.UTF_8)) {
                requireHeader(reader.readLine(), "userId,movieId,tag,timestamp", tagFile);
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    List<String> fields = csvFields(line.strip());
                    if (fields.size() == 4) {
                        StringBuilder text = tags.computeIfAbsent(fields.get(1), m -> new StringBuilder());
                        text.append(text.length() == 0 ? "" : ". ").append(fields.get(2));
                    }
                }
            }
        }
        ItemAttributes.Builder builder = ItemAttributes.builder(List.of("genres"), List.of("title", "tags"), List.of());
        try (BufferedReader reader = Files.newBufferedReader(movies, StandardCharsets.UTF_8)) {
            requireHeader(reader.readLine(), "movieId,title,genres", movies);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                List<String> fields = csvFields(line.strip());
                if (fields.size() != 3) {
                    continue;
                }
                String genres = fields.get(2).equals("(no genres listed)") ? null : fields.get(2);
                StringBuilder text = tags.get(fields.get(0));
                builder.add(fields.get(0), new String[] {genres},
                        new String[] {fields.get(1), text == null ? null : text.toString()}, new double[0],
                        ItemAttributes.UNKNOWN_TIME);
            }
        }
        return builder.build();
    }

    private static void requireHeader(String header, String expected, Path path) throws IOException {
        if (header == null || !header.strip().equals(expected)) {
            throw new IOException(path + " does not start with " + expected);
        }
    }

    /** The fields of one CSV line: commas separate, double quotes enclose, two double quotes escape one. */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static TrainingConfig easeConfig(Double lambda, Integer maxItems, Integer neighbors) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        if (lambda != null) {
            hyperParameters.put(EaseRecipe.LAMBDA, Double.toString(lambda));
        }
        if (maxItems != null) {
            hyperParameters.put(EaseRecipe.MAX_ITEMS, Integer.toString(maxItems));
        }
        if (neighbors != null) {
            hyperParameters.put(EaseRecipe.NEIGHBORS, Integer.toString(neighbors));
        }
        return new TrainingConfig(null, null, hyperParameters, 0L);
    }

    private static Trained ease(InteractionLog train, TrainingConfig config) {
        EaseModel[] holder = new EaseModel[1];
        Trained trained = timed(() -> {
            EaseModel model = new EaseRecipe().train(train, config);
            holder[0] = model;
            return (Recommender) (u, n) -> model.recommend(u, n, true);
        });
        EaseModel model = holder[0];
        String note = String.format(Locale.ROOT, "λ=%s, %d of %d items modelled, %,d weights, artifact %,d bytes",
                trimmed(model.hyperParameters().lambda()), model.modelledItems(), model.catalogSize(),
                model.weightCount(), artifactBytes(model));
        return new Trained(trained.recommender(), trained.seconds(), trained.peakHeapBytes(), trained.retainedBytes(),
                note);
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Popularity through the served model: asks for enough items to drop the user's train items. */
    private static Recommender mostPop(UserModel model, InteractionLog train) {
        Map<String, Set<String>> seen = seenItems(train);
        return (user, n) -> {
            Set<String> mine = seen.getOrDefault(user, Set.of());
            List<ScoredItem> result = new ArrayList<>(n);
            for (ScoredItem item : model.recommend(user, n + mine.size())) {
                if (!mine.contains(item.itemId()) && result.size() < n) {
                    result.add(item);
                }
            }
            return result;
        };
    }

    /**
     * Trains and measures: wall-clock time; peak heap, the sum of the heap pools' peak usage
     * ({@link MemoryPoolMXBean}, reset after a GC just before training, so it includes garbage the
     * collector had not yet reclaimed); retained heap, the growth of used heap
     * ({@link java.lang.management.MemoryMXBean}) after a GC with the model still referenced.
     */
    private static Trained timed(Supplier<Recommender> training) {
        List<MemoryPoolMXBean> heapPools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
        }
        System.gc();
        long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Recommender recommender = training.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            peak += pool.getPeakUsage().getUsed();
        }
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Trained(recommender, seconds, peak, Math.max(0, after - before), "");
    }

    private static long artifactBytes(TrainedModel model) {
        long[] count = new long[1];
        try {
            model.writeTo(new OutputStream() {
                @Override
                public void write(int b) {
                    count[0]++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    count[0] += len;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return count[0];
    }

    private static void printRow(String name, RankingMetrics metrics, Trained trained) {
        OUT.printf(Locale.ROOT, "| %-32s | %7.4f | %6.4f | %6.4f | %6.4f | %8.2f | %6d MB | %6d MB | %s%n", name,
                metrics.ndcg(), metrics.precision(), metrics.recall(), metrics.meanAveragePrecision(),
                trained.seconds(), trained.peakHeapBytes() >> 20, trained.retainedBytes() >> 20, trained.note());
    }

    /** Recommends for every user with a held-out rating and scores the lists. */
    static RankingMetrics evaluate(Recommender recommender, Split split, IdDictionary allItems) {
        Map<String, List<String>> relevant = new LinkedHashMap<>();
        for (Rating rating : split.heldOut()) {
            relevant.computeIfAbsent(rating.user(), u -> new ArrayList<>()).add(rating.item());
        }
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (Rating rating : split.train()) {
            seen.computeIfAbsent(rating.user(), u -> new HashSet<>()).add(rating.item());
        }
        RankingMetrics metrics = new RankingMetrics(K);
        for (Map.Entry<String, List<String>> entry : relevant.entrySet()) {
            List<ScoredItem> top = recommender.recommend(entry.getKey(), K);
            Set<String> mine = seen.getOrDefault(entry.getKey(), Set.of());
            int[] ranked = new int[top.size()];
            for (int r = 0; r < ranked.length; r++) {
                String item = top.get(r).itemId();
                if (mine.contains(item)) {
                    throw new IllegalStateException("Recommended train item " + item + " to user " + entry.getKey());
                }
                ranked[r] = allItems.indexOf(item);
            }
            int[] truth = entry.getValue().stream().mapToInt(allItems::indexOf).toArray();
            metrics.add(ranked, truth);
        }
        return metrics;
    }

    private static Map<String, Set<String>> seenItems(InteractionLog log) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (int row = 0; row < log.size(); row++) {
            seen.computeIfAbsent(log.users().idOf(log.user(row)), u -> new HashSet<>())
                    .add(log.items().idOf(log.item(row)));
        }
        return seen;
    }

    private static Set<String> usersOf(List<Rating> ratings) {
        Set<String> users = new HashSet<>();
        for (Rating rating : ratings) {
            users.add(rating.user());
        }
        return users;
    }

    static IdDictionary itemDictionary(List<Rating> ratings, ItemAttributes metadata) {
        IdDictionary.Builder builder = new IdDictionary.Builder();
        for (Rating rating : ratings) {
            builder.intern(rating.item());
        }
        for (int i = 0; i < metadata.size(); i++) {
            builder.intern(metadata.items().idOf(i));
        }
        return builder.build();
    }

    static InteractionLog log(List<Rating> ratings) {
        InteractionLog.Builder builder = InteractionLog.builder(ratings.size());
        for (Rating rating : ratings) {
            builder.add(rating.user(), rating.item(), rating.timestamp(), null, rating.value());
        }
        return builder.build();
    }

    /**
     * Groups by item (first appearance order), shuffles each group with one generator seeded
     * {@code seed}, and puts the first {@code rint(share·n)} of each group in the first part: train
     * when {@code shareIsTrain}, held out otherwise.
     */
    static Split splitPerItem(List<Rating> ratings, double share, long seed, boolean shareIsTrain) {
        Map<String, List<Rating>> byItem = new LinkedHashMap<>();
        for (Rating rating : ratings) {
            byItem.computeIfAbsent(rating.item(), i -> new ArrayList<>()).add(rating);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Rating> train = new ArrayList<>();
        List<Rating> heldOut = new ArrayList<>();
        for (List<Rating> group : byItem.values()) {
            for (int i = group.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                group.set(j, group.set(i, group.get(j)));
            }
            int first = (int) Math.rint(share * group.size());
            List<Rating> head = group.subList(0, first);
            List<Rating> tail = group.subList(first, group.size());
            (shareIsTrain ? train : heldOut).addAll(head);
            (shareIsTrain ? heldOut : train).addAll(tail);
        }
        return new Split(train, heldOut);
    }

    static List<Rating> read(Path path) throws IOException {
        List<Rating> ratings = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals("userId,movieId,rating,timestamp")) {
                throw new IOException(path + " does not start with userId,movieId,rating,timestamp");
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                ratings.add(new Rating(fields[0], fields[1], Long.parseLong(fields[3]), Float.parseFloat(fields[2])));
            }
        }
        return ratings;
    }
}
