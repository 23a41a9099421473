package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.filter.AllowedItems;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * A user-personalization model (EASE or iALS) together with what the training data says about
 * context ({@link ContextEffects}): how each value of each contextual field of the Interactions
 * schema, such as {@code DEVICE}, shifts the preference for each item. It answers a request without
 * a context exactly as its base model does, and a request with one by combining the two.
 *
 * <p>The combination. The base model's scores are on scales of their own (EASE's sums of weights,
 * iALS's dot products), and their spread differs from user to user; the context's lifts are
 * log-ratios of probabilities. So the user's scores enter by rank, as a log-prior that falls like
 * {@code 1/rank}: the item the base model ranks {@code r}-th (from 0) for the user starts at
 * {@code −ln(r + 1)}, for the first {@value #RANKED_ITEMS} items, and every item after them at
 * {@code −ln(}{@value #RANKED_ITEMS}{@code  + 1)}. Each known (field, value) of the request then
 * adds {@code weight · lift(value, item)}, in the manner of naive Bayes: {@code log p(i | u, c) =
 * log p(i | u) + log p(c | i) − log p(c) + const} when the context and the user are independent
 * given the item. A user the base model answers by popularity (unknown, or without a modelled item)
 * starts from {@code ln share(i)}, the item's popularity as a log-probability, so a new user in a
 * context gets what is popular in that context. The list is the best items by that sum (ties by
 * catalog index, as everywhere); the scores are its softmax over the whole catalog, or over the
 * ranked items in {@link #rank}.
 *
 * <p>Neutral contexts. With no context, or none whose field and value training saw, or a weight of
 * 0, every call is answered by the base model, unchanged (items and scores).
 *
 * <p>Cost of a request with a context: the base model's scores over the catalog (as its list
 * ranking already computes them), a top-{@value #RANKED_ITEMS} selection, one pass over the catalog
 * per given field ({@link ContextEffects#addTo}), and the final top-k.
 *
 * <p>Artifact: the envelope's recipe field is {@value #ARTIFACT_KEY}. Payload version 1
 * (big-endian): {@code double} weight; the context effects ({@link ContextEffects}); {@code long}
 * length, then the base model's own complete artifact (envelope and checksum included) of that
 * many bytes. So an EASE or iALS artifact written before contexts existed still reads as the same
 * model, and a model trained without contextual fields is written exactly as before.
 */
public final class ContextualModel implements UserPersonalizationModel {

    /** The envelope's recipe field for models with context. */
    public static final String ARTIFACT_KEY = "aws-user-personalization/context";

    static final int PAYLOAD_VERSION = 1;

    /**
     * How many of the user's best items get a rank of their own; the rest share the last rank. A
     * context moves an item by a few units of {@code ln}, so beyond the first thousand ranks (where
     * one rank is worth less than 0.001) a finer order would not change a list.
     */
    static final int RANKED_ITEMS = 1_000;

    /** The largest weight of the context. */
    static final double MAX_WEIGHT = 10;

    /** {@code −ln(r + 1)} for {@code r < RANKED_ITEMS}, and the floor at index {@code RANKED_ITEMS}. */
    private static final double[] RANK_PRIOR = new double[RANKED_ITEMS + 1];

    static {
        for (int r = 0; r <= RANKED_ITEMS; r++) {
            RANK_PRIOR[r] = -Math.log(r + 1);
        }
    }

    /** The scores of a base model: personal raw scores, and popularity shares for the others. */
    private interface BaseScores {
        /** Raw scores over the catalog in a new array, or null when the base answers by popularity. */
        double[] personal(String userId, List<String> recentItemIds);

        double share(int item);
    }

    private final UserPersonalizationModel base;
    private final BaseScores scores;
    private final ContextEffects effects;
    private final double weight;
    private final int catalogSize;
    /** {@code ln share(i)} per catalog item, computed on first use; a race only computes it twice. */
    private volatile double[] logShares;

    /**
     * @param base an {@link EaseModel} or {@link IalsModel}
     * @param effects learned over {@code base}'s catalog
     * @param weight how much a context counts against the user's own preference, in [0, {@value #MAX_WEIGHT}]
     * @throws IllegalArgumentException if {@code base} is of another kind, {@code effects} are over
     *     another catalog size, or the weight is out of range
     */
    ContextualModel(UserPersonalizationModel base, ContextEffects effects, double weight) {
        this.base = Objects.requireNonNull(base, "base");
        this.effects = Objects.requireNonNull(effects, "effects");
        if (base instanceof EaseModel ease) {
            scores = new BaseScores() {
                @Override
                public double[] personal(String userId, List<String> recentItemIds) {
                    return ease.personalScores(userId, recentItemIds);
                }

                @Override
                public double share(int item) {
                    return ease.share(item);
                }
            };
        } else if (base instanceof IalsModel ials) {
            scores = new BaseScores() {
                @Override
                public double[] personal(String userId, List<String> recentItemIds) {
                    return ials.personalScores(userId, recentItemIds);
                }

                @Override
                public double share(int item) {
                    return ials.share(item);
                }
            };
        } else {
            throw new IllegalArgumentException("A contextual model is built on an EASE or iALS model, not on "
                    + base.getClass().getSimpleName());
        }
        this.catalogSize = base.catalog().size();
        if (effects.catalogSize() != catalogSize) {
            throw new IllegalArgumentException("The context effects cover " + effects.catalogSize()
                    + " items, the model's catalog " + catalogSize);
        }
        if (!(weight >= 0 && weight <= MAX_WEIGHT)) {
            throw new IllegalArgumentException("The context weight must be from 0 to " + MAX_WEIGHT + ", was " + weight);
        }
        this.weight = weight;
    }

    /** The model that scores users without a context. */
    public UserPersonalizationModel base() {
        return base;
    }

    /** How much a context counts: the factor of its lifts, see the class comment. */
    public double contextWeight() {
        return weight;
    }

    /** The learned effects. */
    ContextEffects effects() {
        return effects;
    }

    @Override
    public String recipe() {
        return base.recipe();
    }

    @Override
    public UserPersonalizationRecipe.Algorithm algorithm() {
        return base.algorithm();
    }

    @Override
    public IdDictionary catalog() {
        return base.catalog();
    }

    @Override
    public long itemUsers(String itemId) {
        return base.itemUsers(itemId);
    }

    @Override
    public List<String> contextFields() {
        return effects.fields();
    }

    @Override
    public List<ScoredItem> recommend(String userId, int numResults) {
        return base.recommend(userId, numResults);
    }

    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults) {
        return base.recommend(userId, recentItemIds, numResults);
    }

    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults, AllowedItems allowed) {
        return base.recommend(userId, recentItemIds, numResults, allowed);
    }

    @Override
    public List<ScoredItem> rank(String userId, List<String> itemIds) {
        return base.rank(userId, itemIds);
    }

    @Override
    public List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds) {
        return base.rank(userId, recentItemIds, itemIds);
    }

    /** {@inheritDoc} Combined as the class comment says. */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults,
            Map<String, String> context) {
        int[] resolved = resolve(context);
        if (resolved == null) {
            return base.recommend(userId, recentItemIds, numResults);
        }
        return select(userId, recentItemIds, numResults, null, resolved);
    }

    /** {@inheritDoc} The selection runs over the allowed items only, with the scores they have without the filter. */
    @Override
    public List<ScoredItem> recommend(String userId, List<String> recentItemIds, int numResults, AllowedItems allowed,
            Map<String, String> context) {
        Candidates.requireCatalog(this, allowed);
        int[] resolved = resolve(context);
        if (resolved == null) {
            return base.recommend(userId, recentItemIds, numResults, allowed);
        }
        return select(userId, recentItemIds, numResults, allowed::contains, resolved);
    }

    /**
     * {@inheritDoc} The listed items the catalog knows are ordered by the combined score of the class
     * comment, with a softmax over them; unknown items follow in their input order with score 0.
     */
    @Override
    public List<ScoredItem> rank(String userId, List<String> recentItemIds, List<String> itemIds,
            Map<String, String> context) {
        int[] resolved = resolve(context);
        if (resolved == null) {
            return base.rank(userId, recentItemIds, itemIds);
        }
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recentItemIds, "recentItemIds");
        return ListRanking.rank(catalog(), itemIds, () -> combinedScores(userId, recentItemIds, resolved));
    }

    /** The known (field, value) pairs of the context, or null when it is neutral. */
    private int[] resolve(Map<String, String> context) {
        return weight == 0 ? null : effects.resolve(context);
    }

    private List<ScoredItem> select(String userId, List<String> recentItemIds, int numResults, IntPredicate candidate,
            int[] resolved) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(recentItemIds, "recentItemIds");
        if (numResults < 0) {
            throw new IllegalArgumentException("numResults must be >= 0, was " + numResults);
        }
        double[] combined = combinedScores(userId, recentItemIds, resolved);
        double max = Double.NEGATIVE_INFINITY;
        for (double score : combined) {
            max = Math.max(max, score);
        }
        double normaliser = 0;
        for (double score : combined) {
            normaliser += Math.exp(score - max);
        }
        IdDictionary items = catalog();
        int[] best = TopK.best(combined, catalogSize, numResults, candidate);
        List<ScoredItem> result = new ArrayList<>(best.length);
        for (int item : best) {
            result.add(new ScoredItem(items.idOf(item), Math.exp(combined[item] - max) / normaliser));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The combined score of every catalog item for the user in the resolved context: the user's
     * log-prior (by rank, or by popularity) plus the weighted lifts.
     */
    double[] combinedScores(String userId, List<String> recentItemIds, int[] resolved) {
        double[] personal = scores.personal(userId, recentItemIds);
        double[] combined;
        if (personal == null) {
            double[] prior = logShares;
            if (prior == null) {
                prior = new double[catalogSize];
                for (int item = 0; item < catalogSize; item++) {
                    prior[item] = Math.log(scores.share(item));
                }
                logShares = prior;
            }
            combined = prior.clone();
        } else {
            int[] ranked = TopK.best(personal, catalogSize, Math.min(RANKED_ITEMS, catalogSize), null);
            combined = personal;
            Arrays.fill(combined, RANK_PRIOR[RANKED_ITEMS]);
            for (int r = 0; r < ranked.length; r++) {
                combined[ranked[r]] = RANK_PRIOR[r];
            }
        }
        effects.addTo(combined, resolved, weight);
        return combined;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        base.writeTo(inner);
        ModelCodec.write(out, ARTIFACT_KEY, PAYLOAD_VERSION, payload -> {
            payload.writeDouble(weight);
            effects.write(payload);
            payload.writeLong(inner.size());
            inner.writeTo(payload);
        });
    }

    /** Reads a payload written by {@link #writeTo(OutputStream)}. */
    static ContextualModel readPayload(DataInputStream in, int payloadVersion) throws IOException {
        if (payloadVersion != PAYLOAD_VERSION) {
            throw new IOException("Unsupported " + ARTIFACT_KEY + " payload version " + payloadVersion
                    + "; this build reads version " + PAYLOAD_VERSION);
        }
        double weight = in.readDouble();
        ContextEffects effects = ContextEffects.read(in);
        long length = in.readLong();
        if (length <= 0) {
            throw new IOException("Corrupt model artifact: the base model has length " + length);
        }
        TrainedModel base = ModelCodec.read(new Bounded(in, length));
        if (!(base instanceof EaseModel) && !(base instanceof IalsModel)) {
            throw new IOException("Corrupt model artifact: a contextual model holds a " + base.recipe()
                    + " model, not an EASE or iALS one");
        }
        try {
            return new ContextualModel((UserPersonalizationModel) base, effects, weight);
        } catch (IllegalArgumentException e) {
            throw new IOException("Corrupt model artifact: " + e.getMessage(), e);
        }
    }

    /** The next {@code remaining} bytes of a stream, as a stream that ends there; closing it does nothing. */
    private static final class Bounded extends FilterInputStream {

        private long remaining;

        Bounded(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // The outer stream belongs to the caller.
        }
    }

    @Override
    public String toString() {
        return "ContextualModel[" + base + ", " + effects + ", weight=" + weight + "]";
    }
}
