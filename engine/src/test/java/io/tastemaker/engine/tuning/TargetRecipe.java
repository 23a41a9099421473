package io.tastemaker.engine.tuning;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test recipe whose validation score depends on its hyperparameter {@code x} in a known way, on
 * the data of {@link #log(int, long)}: every user's newest items there are {@code "t0"} to
 * {@code "t9"}, the validation truth. A model recommends {@code k(x)} of those targets first, then
 * fillers that are never in the truth, with {@code k(x) = round(10 · exp(−((x − OPTIMUM) / WIDTH)²))};
 * so the validation nDCG grows with {@code k} and is best near {@link #OPTIMUM}.
 *
 * <p>Hyperparameters: {@code x} (a number from 0 to 100; required), {@code mode} ({@code "ok"},
 * default, {@code "reject"}, which is refused, or {@code "seen-first"}, which puts ten fillers, items
 * every user has, before the targets), {@code fixed} (any string, ignored). Records the
 * interactions and hyperparameters of every training run.
 */
final class TargetRecipe implements Recipe {

    static final double OPTIMUM = 70;
    static final double WIDTH = 25;
    static final int TARGETS = 10;
    static final int FILLERS = 90;

    final List<InteractionLog> trainedOn = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, String>> trainedWith = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String name() {
        return "test-target";
    }

    /** {@code users} users, each with the 90 fillers (oldest) and then the 10 targets, a second apart. */
    static InteractionLog log(int users, long start) {
        InteractionLog.Builder builder = InteractionLog.builder();
        for (int u = 0; u < users; u++) {
            long time = start + 1_000L * u;
            for (int f = 0; f < FILLERS; f++) {
                builder.add("user-" + u, "f" + f, time++, "click", Float.NaN);
            }
            for (int t = 0; t < TARGETS; t++) {
                builder.add("user-" + u, "t" + t, time++, "click", Float.NaN);
            }
        }
        return builder.build();
    }

    static int targetsFirst(double x) {
        double z = (x - OPTIMUM) / WIDTH;
        return (int) Math.round(TARGETS * Math.exp(-z * z));
    }

    @Override
    public TrainedModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        config.requireKnownHyperParameters(name(), Set.of("x", "mode", "fixed"));
        Map<String, String> parameters = config.hyperParameters();
        String value = parameters.get("x");
        double x;
        try {
            x = Double.parseDouble(value);
        } catch (NullPointerException | NumberFormatException e) {
            throw new IllegalArgumentException("Hyperparameter 'x' must be a number from 0 to 100, was " + value);
        }
        if (!(x >= 0 && x <= 100)) {
            throw new IllegalArgumentException("Hyperparameter 'x' must be a number from 0 to 100, was " + value);
        }
        if ("reject".equals(parameters.get("mode"))) {
            throw new IllegalArgumentException("Hyperparameter 'mode' 'reject' is refused");
        }
        monitor.progress("Training", 0);
        trainedOn.add(config.select(data.interactions()));
        trainedWith.add(parameters);
        monitor.progress("Trained", 1);
        int k = targetsFirst(x);
        int fillersFirst = "seen-first".equals(parameters.get("mode")) ? 10 : 0;
        List<ScoredItem> list = new ArrayList<>();
        for (int f = 0; f < fillersFirst; f++) {
            list.add(new ScoredItem("f" + f, 200 - f));
        }
        for (int t = 0; t < k; t++) {
            list.add(new ScoredItem("t" + t, 100 - t));
        }
        for (int f = fillersFirst; f < FILLERS; f++) {
            list.add(new ScoredItem("f" + f, -f));
        }
        return new Model(List.copyOf(list));
    }

    private record Model(List<ScoredItem> list) implements UserModel {

        @Override
        public String recipe() {
            return "test-target";
        }

        @Override
        public IdDictionary catalog() {
            return IdDictionary.of(list.stream().map(ScoredItem::itemId).toArray(String[]::new));
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ScoredItem> recommend(String userId, int numResults) {
            return list.subList(0, Math.min(numResults, list.size()));
        }
    }
}
