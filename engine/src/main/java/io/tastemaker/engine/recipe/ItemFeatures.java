package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Sparse, non-negative feature vectors of a catalog's items from their Items-dataset attributes,
 * and the inverted index that finds the items sharing a feature, for content similarity.
 *
 * <p>An item's vector is made of <em>blocks</em>: one per categorical field (its values), and one
 * for all textual fields together (their terms), as the recipe asks. Within a block the weights
 * are BM25 weights ({@link #K1}, {@link #B}, Lucene's {@code BM25Similarity} defaults), with
 * {@code N} the number of items that have the block and {@code df} the number of those that have
 * the feature:
 *
 * <pre>
 *   idf(f)    = ln(1 + (N − df + 0.5) / (df + 0.5))
 *   w(f, i)   = idf(f) · tf / (tf + K1 · (1 − B + B · len(i) / avgLen))      (text)
 *   w(f, i)   = idf(f)                                                       (a categorical value)
 * </pre>
 *
 * <p>where {@code tf} is the term's frequency in the item's text and {@code len} the text's length
 * in terms. Each block is scaled to unit length and then by {@code 1/sqrt(F)}, F the number of
 * blocks of the dataset, so the dot product of two items is the mean over blocks of the blocks'
 * cosines: in {@code [0, 1]}, 1 for items with identical attributes. An item without a value in a
 * block contributes 0 for it.
 *
 * <p>Text goes through Lucene's {@link EnglishAnalyzer}: the standard tokenizer (Unicode word
 * breaks), English possessive removal, lowercasing, English stop words and the Porter stemmer.
 *
 * <p>Cost: finding the items that share a feature walks the feature's postings, so a value that
 * half the catalog has would make the work quadratic. Only the first {@value #MAX_POSTINGS_WALKED}
 * postings of a feature are walked; postings are in catalog order, so those are the most popular
 * items with the feature (on MovieLens ml-latest-small the longest posting list, the genre Drama,
 * has 4,361 items, so nothing is cut there).
 */
final class ItemFeatures {

    /** BM25's term-frequency saturation (Lucene's default). */
    static final double K1 = 1.2;
    /** BM25's length normalisation (Lucene's default). */
    static final double B = 0.75;
    /** The most postings of one feature walked when finding similar items. */
    static final int MAX_POSTINGS_WALKED = 5_000;

    /** The items' vectors: features ascending. */
    private final int[] offsets;
    private final int[] features;
    private final double[] weights;
    /** The postings of each feature: items ascending. */
    private final int[] postingOffsets;
    private final int[] postingItems;
    private final double[] postingWeights;
    /** The number of items with at least one feature. */
    final int itemsWithFeatures;

    private ItemFeatures(int[] offsets, int[] features, double[] weights, int featureCount) {
        this.offsets = offsets;
        this.features = features;
        this.weights = weights;
        int items = offsets.length - 1;
        postingOffsets = new int[featureCount + 1];
        for (int f : features) {
            postingOffsets[f + 1]++;
        }
        for (int f = 0; f < featureCount; f++) {
            postingOffsets[f + 1] += postingOffsets[f];
        }
        postingItems = new int[features.length];
        postingWeights = new double[features.length];
        int[] next = Arrays.copyOf(postingOffsets, featureCount);
        int withFeatures = 0;
        for (int i = 0; i < items; i++) {
            if (offsets[i + 1] > offsets[i]) {
                withFeatures++;
            }
            for (int p = offsets[i]; p < offsets[i + 1]; p++) {
                int slot = next[features[p]]++;
                postingItems[slot] = i;
                postingWeights[slot] = weights[p];
            }
        }
        itemsWithFeatures = withFeatures;
    }

    /**
     * The vectors of the catalog's items that {@code attributes} describes (the others get none).
     *
     * @param categorical whether categorical fields make blocks
     * @param textual whether the textual fields make a block
     */
    static ItemFeatures of(ItemAttributes attributes, ItemCatalog catalog, boolean categorical, boolean textual) {
        return of(attributes, catalog.index, categorical, textual);
    }

    /**
     * The vectors of the items of {@code catalog} that {@code attributes} describes (the others get
     * none), indexed as {@code catalog} indexes them.
     */
    static ItemFeatures of(ItemAttributes attributes, IdDictionary catalog, boolean categorical, boolean textual) {
        List<Block> blocks = new ArrayList<>();
        if (categorical) {
            for (int f = 0; f < attributes.categoricalFields().size(); f++) {
                blocks.add(categoricalBlock(attributes, f));
            }
        }
        if (textual && !attributes.textualFields().isEmpty()) {
            blocks.add(textBlock(attributes));
        }
        int n = catalog.size();
        int[] catalogOf = new int[attributes.size()];
        for (int a = 0; a < catalogOf.length; a++) {
            catalogOf[a] = catalog.indexOf(attributes.items().idOf(a));
        }

        // Features of all blocks in one numbering; each item's features ascending.
        int[] blockBase = new int[blocks.size() + 1];
        for (int k = 0; k < blocks.size(); k++) {
            blockBase[k + 1] = blockBase[k] + blocks.get(k).featureCount;
        }
        double scale = blocks.isEmpty() ? 0 : 1 / Math.sqrt(blocks.size());
        int[] counts = new int[n + 1];
        for (Block block : blocks) {
            for (int a = 0; a < catalogOf.length; a++) {
                if (catalogOf[a] >= 0) {
                    counts[catalogOf[a] + 1] += block.offsets[a + 1] - block.offsets[a];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            counts[i + 1] += counts[i];
        }
        int[] offsets = counts;
        int[] features = new int[offsets[n]];
        double[] weights = new double[offsets[n]];
        int[] next = Arrays.copyOf(offsets, n);
        for (int k = 0; k < blocks.size(); k++) {
            Block block = blocks.get(k);
            for (int a = 0; a < catalogOf.length; a++) {
                int item = catalogOf[a];
                if (item < 0) {
                    continue;
                }
                for (int p = block.offsets[a]; p < block.offsets[a + 1]; p++) {
                    int slot = next[item]++;
                    features[slot] = blockBase[k] + block.features[p];
                    weights[slot] = block.weights[p] * scale;
                }
            }
        }
        return new ItemFeatures(offsets, features, weights, blockBase[blocks.size()]);
    }

    /** The number of features of all blocks together. */
    int featureCount() {
        return postingOffsets.length - 1;
    }

    /** The features of {@code item}, ascending: positions {@code start(item) .. end(item) - 1}. */
    int start(int item) {
        return offsets[item];
    }

    /** See {@link #start(int)}. */
    int end(int item) {
        return offsets[item + 1];
    }

    /** The feature at position {@code p} of an item's vector. */
    int feature(int p) {
        return features[p];
    }

    /** The weight at position {@code p} of an item's vector. */
    double weight(int p) {
        return weights[p];
    }

    /** Whether {@code item} has a feature. */
    boolean hasFeatures(int item) {
        return offsets[item + 1] > offsets[item];
    }

    /**
     * Adds to {@code dots[j]} the dot product of the vectors of {@code item} and {@code j}, for every
     * {@code j != item} that shares a feature with it (within the postings walked), and appends each
     * such {@code j} to {@code listed[count ..]} unless {@code stamp[j] == mark} already (setting it).
     *
     * @return the new number of listed items
     */
    int dot(int item, double[] dots, int[] listed, int count, int[] stamp, int mark) {
        for (int p = offsets[item], end = offsets[item + 1]; p < end; p++) {
            int f = features[p];
            double w = weights[p];
            int from = postingOffsets[f];
            int to = Math.min(postingOffsets[f + 1], from + MAX_POSTINGS_WALKED);
            for (int q = from; q < to; q++) {
                int j = postingItems[q];
                if (j == item) {
                    continue;
                }
                if (stamp[j] != mark) {
                    stamp[j] = mark;
                    listed[count++] = j;
                }
                dots[j] += w * postingWeights[q];
            }
        }
        return count;
    }

    /** One block's unit vectors, per item of the {@link ItemAttributes} (not the catalog). */
    private static final class Block {
        final int[] offsets;
        final int[] features;
        final double[] weights;
        final int featureCount;

        Block(int[] offsets, int[] features, double[] weights, int featureCount) {
            this.offsets = offsets;
            this.features = features;
            this.weights = weights;
            this.featureCount = featureCount;
        }
    }

    private static Block categoricalBlock(ItemAttributes attributes, int field) {
        int items = attributes.size();
        int[] offsets = new int[items + 1];
        for (int a = 0; a < items; a++) {
            offsets[a + 1] = offsets[a] + attributes.categoricalValueCount(field, a);
        }
        int[] features = new int[offsets[items]];
        double[] weights = new double[offsets[items]];
        int featureCount = attributes.categoricalDictionary(field).size();
        int[] df = new int[featureCount];
        int withValues = 0;
        for (int a = 0; a < items; a++) {
            int count = attributes.categoricalValueCount(field, a);
            withValues += count > 0 ? 1 : 0;
            for (int k = 0; k < count; k++) {
                int value = attributes.categoricalValue(field, a, k);
                features[offsets[a] + k] = value;
                df[value]++;
            }
        }
        for (int p = 0; p < features.length; p++) {
            weights[p] = idf(withValues, df[features[p]]);
        }
        normalise(offsets, weights);
        return new Block(offsets, features, weights, featureCount);
    }

    private static Block textBlock(ItemAttributes attributes) {
        int items = attributes.size();
        IdDictionary.Builder terms = new IdDictionary.Builder(1 << 12);
        int[] offsets = new int[items + 1];
        IntBuffer features = new IntBuffer();
        IntBuffer frequencies = new IntBuffer();
        int[] lengths = new int[items];
        IntBuffer tokens = new IntBuffer();
        try (Analyzer analyzer = new EnglishAnalyzer()) {
            for (int a = 0; a < items; a++) {
                tokens.size = 0;
                for (int f = 0; f < attributes.textualFields().size(); f++) {
                    String text = attributes.text(f, a);
                    if (text != null) {
                        analyse(analyzer, attributes.textualFields().get(f), text, terms, tokens);
                    }
                }
                lengths[a] = tokens.size;
                int[] sorted = Arrays.copyOf(tokens.values, tokens.size);
                Arrays.sort(sorted);
                for (int p = 0; p < sorted.length; p++) {
                    if (p == 0 || sorted[p] != sorted[p - 1]) {
                        features.add(sorted[p]);
                        frequencies.add(1);
                    } else {
                        frequencies.values[frequencies.size - 1]++;
                    }
                }
                offsets[a + 1] = features.size;
            }
        }
        int featureCount = terms.size();
        int[] df = new int[featureCount];
        int withText = 0;
        long totalLength = 0;
        for (int a = 0; a < items; a++) {
            if (lengths[a] > 0) {
                withText++;
                totalLength += lengths[a];
            }
            for (int p = offsets[a]; p < offsets[a + 1]; p++) {
                df[features.values[p]]++;
            }
        }
        double averageLength = withText == 0 ? 1 : (double) totalLength / withText;
        double[] weights = new double[features.size];
        for (int a = 0; a < items; a++) {
            double norm = K1 * (1 - B + B * lengths[a] / averageLength);
            for (int p = offsets[a]; p < offsets[a + 1]; p++) {
                double tf = frequencies.values[p];
                weights[p] = idf(withText, df[features.values[p]]) * tf / (tf + norm);
            }
        }
        normalise(offsets, weights);
        return new Block(offsets, Arrays.copyOf(features.values, features.size), weights, featureCount);
    }

    /** Appends the term ids of Lucene's analysis of {@code text} to {@code tokens}. */
    private static void analyse(Analyzer analyzer, String field, String text, IdDictionary.Builder terms,
            IntBuffer tokens) {
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(terms.intern(term.toString()));
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String reads no file; Lucene declares the exception for Readers in general.
            throw new UncheckedIOException("Could not analyse the text of item field '" + field + "'", e);
        }
    }

    /** BM25's idf: always positive. */
    private static double idf(int documents, int df) {
        return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /** Scales each item's weights to unit length. */
    private static void normalise(int[] offsets, double[] weights) {
        for (int a = 0; a + 1 < offsets.length; a++) {
            double sum = 0;
            for (int p = offsets[a]; p < offsets[a + 1]; p++) {
                sum += weights[p] * weights[p];
            }
            if (sum > 0) {
                double inverse = 1 / Math.sqrt(sum);
                for (int p = offsets[a]; p < offsets[a + 1]; p++) {
                    weights[p] *= inverse;
                }
            }
        }
    }

    /** A growable {@code int} array. */
    private static final class IntBuffer {
        int[] values = new int[64];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }
    }
}
