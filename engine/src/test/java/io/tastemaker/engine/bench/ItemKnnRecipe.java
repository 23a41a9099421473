package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Item-based k-nearest-neighbours with cosine similarity, a baseline for the accuracy benchmark
 * only (not a Personalize recipe, not served, no artifact).
 *
 * <p>On the binary user × item matrix X: {@code sim(i, j) = |users(i) ∩ users(j)| /
 * sqrt(|users(i)| |users(j)|)}. For each item {@code j} the {@code k} most similar other items are
 * its neighbours (ties by lower index), as in RecBole's ItemKNN; a user's score for {@code j} is the
 * sum of {@code sim(i, j)} over the neighbours {@code i} of {@code j} the user interacted with.
 */
final class ItemKnnRecipe implements Recipe {

    private final int k;

    ItemKnnRecipe(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "itemknn-cosine";
    }

    @Override
    public Model train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    @Override
    public Model train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        config.requireKnownHyperParameters(name(), Set.of());
        InteractionLog selected = config.select(data.interactions());
        int items = selected.items().size();
        int users = selected.users().size();

        // Distinct items per user (sorted) and distinct users per item.
        RowGroups byUser = selected.rowsByUser();
        int[] userOffsets = new int[users + 1];
        int[] userItems = new int[selected.size()];
        int size = 0;
        for (int u = 0; u < users; u++) {
            int from = size;
            for (int p = byUser.start(u); p < byUser.end(u); p++) {
                userItems[size++] = selected.item(byUser.row(p));
            }
            Arrays.sort(userItems, from, size);
            int distinct = from;
            for (int p = from; p < size; p++) {
                if (p == from || userItems[p] != userItems[p - 1]) {
                    userItems[distinct++] = userItems[p];
                }
            }
            size = distinct;
            userOffsets[u + 1] = size;
        }
        int[] itemOffsets = new int[items + 1];
        for (int p = 0; p < size; p++) {
            itemOffsets[userItems[p] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        int[] itemUsers = new int[size];
        int[] next = Arrays.copyOf(itemOffsets, items);
        for (int u = 0; u < users; u++) {
            for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) {
                itemUsers[next[userItems[p]]++] = u;
            }
        }

        // For each target j: co-occurrence counts with every i, cosine, top k.
        int[] columnItems = new int[items * k];
        float[] columnWeights = new float[items * k];
        int[] columnLength = new int[items];
        double[] similarity = new double[items];
        int[] touched = new int[items];
        for (int j = 0; j < items; j++) {
            int nj = itemOffsets[j + 1] - itemOffsets[j];
            int touchedCount = 0;
            for (int q = itemOffsets[j]; q < itemOffsets[j + 1]; q++) {
                int u = itemUsers[q];
                for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) {
                    int i = userItems[p];
                    if (i != j) {
                        if (similarity[i] == 0) {
                            touched[touchedCount++] = i;
                        }
                        similarity[i] += 1;
                    }
                }
            }
            for (int t = 0; t < touchedCount; t++) {
                int i = touched[t];
                similarity[i] /= Math.sqrt((double) nj * (itemOffsets[i + 1] - itemOffsets[i]));
            }
            Arrays.sort(touched, 0, touchedCount);
            int[] best = topK(similarity, touched, touchedCount, k);
            for (int q = 0; q < best.length; q++) {
                columnItems[j * k + q] = best[q];
                columnWeights[j * k + q] = (float) similarity[best[q]];
            }
            columnLength[j] = best.length;
            for (int t = 0; t < touchedCount; t++) {
                similarity[touched[t]] = 0;
            }
        }
        int[] rowOffsets = new int[items + 1];
        for (int j = 0; j < items; j++) {
            for (int q = 0; q < columnLength[j]; q++) {
                rowOffsets[columnItems[j * k + q] + 1]++;
            }
        }
        for (int i = 0; i < items; i++) {
            rowOffsets[i + 1] += rowOffsets[i];
        }
        int[] rowItems = new int[rowOffsets[items]];
        float[] rowWeights = new float[rowItems.length];
        int[] fill = Arrays.copyOf(rowOffsets, items);
        for (int j = 0; j < items; j++) {
            for (int q = 0; q < columnLength[j]; q++) {
                int slot = fill[columnItems[j * k + q]]++;
                rowItems[slot] = j;
                rowWeights[slot] = columnWeights[j * k + q];
            }
        }
        return new Model(selected, userOffsets, Arrays.copyOf(userItems, size), itemOffsets, rowOffsets, rowItems,
                rowWeights);
    }

    /** The k indices among candidates[0, count) with the highest values, ties by lower index. */
    private static int[] topK(double[] values, int[] candidates, int count, int k) {
        Integer[] order = new Integer[count];
        for (int t = 0; t < count; t++) {
            order[t] = candidates[t];
        }
        Arrays.sort(order, (a, b) -> {
            int byValue = Double.compare(values[b], values[a]);
            return byValue != 0 ? byValue : Integer.compare(a, b);
        });
        int[] best = new int[Math.min(k, count)];
        for (int t = 0; t < best.length; t++) {
            best[t] = order[t];
        }
        return best;
    }

    /** A trained ItemKNN. */
    static final class Model implements UserModel {

        private final InteractionLog log;
        private final int[] userOffsets;
        private final int[] userItems;
        private final int[] itemOffsets;
        private final int[] rowOffsets;
        private final int[] rowItems;
        private final float[] rowWeights;

        Model(InteractionLog log, int[] userOffsets, int[] userItems, int[] itemOffsets, int[] rowOffsets,
                int[] rowItems, float[] rowWeights) {
            this.log = log;
            this.userOffsets = userOffsets;
            this.userItems = userItems;
            this.itemOffsets = itemOffsets;
            this.rowOffsets = rowOffsets;
            this.rowItems = rowItems;
            this.rowWeights = rowWeights;
        }

        @Override
        public String recipe() {
            return "itemknn-cosine";
        }

        @Override
        public IdDictionary catalog() {
            return log.items();
        }

        @Override
        public List<ScoredItem> recommend(String userId, int numResults) {
            return recommend(userId, numResults, false);
        }

        /** {@code recommend(userId, numResults, true)}. */
        List<ScoredItem> recommendExcludingSeen(String userId, int numResults) {
            return recommend(userId, numResults, true);
        }

        /** Top items by summed similarity; unknown users get the most popular items. */
        List<ScoredItem> recommend(String userId, int numResults, boolean excludeSeen) {
            Objects.requireNonNull(userId, "userId");
            int items = log.items().size();
            int user = log.users().indexOf(userId);
            double[] scores = new double[items];
            boolean[] seen = new boolean[items];
            if (user >= 0 && userOffsets[user + 1] > userOffsets[user]) {
                for (int p = userOffsets[user]; p < userOffsets[user + 1]; p++) {
                    int i = userItems[p];
                    seen[i] = excludeSeen;
                    for (int e = rowOffsets[i]; e < rowOffsets[i + 1]; e++) {
                        scores[rowItems[e]] += rowWeights[e];
                    }
                }
            } else {
                for (int i = 0; i < items; i++) {
                    scores[i] = itemOffsets[i + 1] - itemOffsets[i];
                }
            }
            Integer[] order = new Integer[items];
            for (int i = 0; i < items; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int byScore = Double.compare(scores[b], scores[a]);
                return byScore != 0 ? byScore : Integer.compare(a, b);
            });
            List<ScoredItem> result = new ArrayList<>(numResults);
            for (int t = 0; t < items && result.size() < numResults; t++) {
                int i = order[t];
                if (!seen[i]) {
                    result.add(new ScoredItem(log.items().idOf(i), scores[i]));
                }
            }
            return Collections.unmodifiableList(result);
        }

        @Override
        public void writeTo(OutputStream out) {
            throw new UnsupportedOperationException("ItemKNN is a benchmark baseline without an artifact");
        }
    }
}
