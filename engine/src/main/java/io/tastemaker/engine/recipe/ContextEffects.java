package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How each value of each contextual field (Personalize's contextual metadata, e.g. {@code DEVICE})
 * shifts the preference for each item of a model's catalog, learned from the training
 * interactions.
 *
 * <p>Counts. For field {@code f}, each distinct (user, item, value) triple of the interactions that
 * have a value for {@code f} counts once, so a user who views an item fifty times on the same
 * device weighs as much as one who views it once: {@code n(c, i)} triples of value {@code c} and item
 * {@code i}, {@code n(i) = Σ_c n(c, i)}, {@code N(c) = Σ_i n(c, i)}, {@code N = Σ n(c, i)}.
 *
 * <p>Lift. The effect of value {@code c} on item {@code i} is the smoothed ratio of the observed
 * count to the count expected if the item did not depend on the value, {@code e(c, i) = n(i) · N(c) /
 * N}:
 *
 * <pre>
 *   lift(c, i) = ln((n(c, i) + κ) / (e(c, i) + κ)),   κ = {@value #SMOOTHING}
 * </pre>
 *
 * With many observations it tends to {@code ln(p(i | c) / p(i))}; with few it stays near 0 on
 * both sides: a rare value (small {@code N(c)}, so small {@code e}) seen once with an item lifts it
 * by at most {@code ln 2}, and a rarely seen item that never met the value loses little, while a
 * popular item that never met a common value (large {@code e}, {@code n = 0}) is pushed far down.
 * An item without a value for {@code f} in training has lift 0, and so does every item for a value
 * or field never seen.
 *
 * <p>Cost at request time ({@link #addTo}): with {@code n(c, i) = 0} the lift is {@code −ln(1 + n(i)
 * · N(c) / (N κ))}, and otherwise that plus {@code ln(1 + n(c, i) / κ)} (a precomputed boost, kept
 * sparse). The first part depends on the item only through its total {@code n(i)}, and a field's
 * items share few distinct totals; so a request computes it once per distinct total of each given
 * field (a small table), then makes one pass over the catalog that adds a table entry per item,
 * and one addition per item the value was seen with. Nothing is allocated per item.
 *
 * <p>Storage (inside a {@link ContextualModel} payload, big-endian): {@code double κ}, {@code int}
 * catalog size, {@code int} field count; per field its name (string), {@code int} value count, and
 * per value the value (string), {@code int} entry count and that many ({@code int} catalog index,
 * {@code int} count), indices ascending, counts positive. Everything else is derived on reading,
 * which checks every invariant.
 *
 * <p>Immutable and thread-safe.
 */
final class ContextEffects {

    /**
     * The pseudo-count κ added to the observed and the expected count of every (value, item) pair.
     * 1 keeps the estimate near the raw ratio once an item has a few observations in a context, and
     * makes a single observation move an item by at most {@code ln 2}.
     */
    static final double SMOOTHING = 1.0;

    private static final ContextEffects NONE = new ContextEffects(SMOOTHING, 0, new String[0],
            new IdDictionary[0], new int[0][], new int[0][], new int[0][]);

    private final double smoothing;
    private final int catalogSize;
    private final String[] fields;
    /** Upper-case field name → field index. */
    private final Map<String, Integer> fieldByKey;
    private final IdDictionary[] values;
    /** [field][value + 1]: CSR offsets into the field's entries. */
    private final int[][] offsets;
    /** [field][entry]: catalog index, ascending within a value. */
    private final int[][] entryItems;
    /** [field][entry]: n(c, i) > 0. */
    private final int[][] entryCounts;
    /** [field][entry]: ln(1 + n(c, i) / κ). */
    private final float[][] entryBoosts;
    /** [field][item]: n(i). */
    private final int[][] itemTotals;
    /** [field][d]: the distinct values of n(i) over the catalog, ascending. */
    private final int[][] distinctTotals;
    /** [field][item]: the position of n(i) in {@code distinctTotals[field]}. */
    private final int[][] totalPositions;
    /** [field][value]: N(c). */
    private final long[][] valueTotals;
    /** [field]: N. */
    private final long[] fieldTotals;

    /**
     * @throws IllegalArgumentException if the arrays break the invariants of the class comment
     */
    private ContextEffects(double smoothing, int catalogSize, String[] fields, IdDictionary[] values, int[][] offsets,
            int[][] entryItems, int[][] entryCounts) {
        if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
            throw new IllegalArgumentException("The smoothing must be positive and finite, was " + smoothing);
        }
        if (catalogSize < 0) {
            throw new IllegalArgumentException("The catalog size is negative: " + catalogSize);
        }
        int fieldCount = fields.length;
        if (values.length != fieldCount || offsets.length != fieldCount || entryItems.length != fieldCount
                || entryCounts.length != fieldCount) {
            throw new IllegalArgumentException("The context arrays do not have one entry per field");
        }
        this.smoothing = smoothing;
        this.catalogSize = catalogSize;
        this.fields = fields;
        this.fieldByKey = new HashMap<>();
        this.values = values;
        this.offsets = offsets;
        this.entryItems = entryItems;
        this.entryCounts = entryCounts;
        this.entryBoosts = new float[fieldCount][];
        this.itemTotals = new int[fieldCount][catalogSize];
        this.valueTotals = new long[fieldCount][];
        this.fieldTotals = new long[fieldCount];
        for (int f = 0; f < fieldCount; f++) {
            String name = Objects.requireNonNull(fields[f], "field name");
            if (name.isBlank() || fieldByKey.put(name.toUpperCase(Locale.ROOT), f) != null) {
                throw new IllegalArgumentException("Contextual field names must be distinct and not blank: "
                        + Arrays.toString(fields));
            }
            int valueCount = values[f].size();
            int[] rowStarts = offsets[f];
            int[] items = entryItems[f];
            int[] counts = entryCounts[f];
            if (rowStarts.length != valueCount + 1 || rowStarts[0] != 0 || rowStarts[valueCount] != items.length
                    || counts.length != items.length) {
                throw new IllegalArgumentException("The entries of field " + name + " do not match its values");
            }
            float[] boosts = new float[items.length];
            long[] totals = new long[valueCount];
            for (int c = 0; c < valueCount; c++) {
                if (rowStarts[c + 1] <= rowStarts[c]) {
                    throw new IllegalArgumentException("Value " + c + " of field " + name + " has no entries");
                }
                for (int e = rowStarts[c]; e < rowStarts[c + 1]; e++) {
                    int item = items[e];
                    if (item < 0 || item >= catalogSize || e > rowStarts[c] && item <= items[e - 1]) {
                        throw new IllegalArgumentException("Value " + c + " of field " + name
                                + " has an invalid or unsorted item index " + item);
                    }
                    if (counts[e] <= 0) {
                        throw new IllegalArgumentException("Value " + c + " of field " + name
                                + " has a count that is not positive: " + counts[e]);
                    }
                    itemTotals[f][item] = Math.addExact(itemTotals[f][item], counts[e]);
                    totals[c] += counts[e];
                    boosts[e] = (float) Math.log1p(counts[e] / smoothing);
                }
                fieldTotals[f] += totals[c];
            }
            entryBoosts[f] = boosts;
            valueTotals[f] = totals;
        }
        this.distinctTotals = new int[fieldCount][];
        this.totalPositions = new int[fieldCount][catalogSize];
        for (int f = 0; f < fieldCount; f++) {
            int[] sorted = itemTotals[f].clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            distinctTotals[f] = Arrays.copyOf(sorted, distinct);
            for (int item = 0; item < catalogSize; item++) {
                totalPositions[f][item] = Arrays.binarySearch(distinctTotals[f], itemTotals[f][item]);
            }
        }
    }

    /** No contextual field: every context is neutral. */
    static ContextEffects none() {
        return NONE;
    }

    /**
     * Learns the effects of the contextual fields of {@code log} on the items of {@code catalog}
     * (rows of other items are ignored). Deterministic: the result depends only on the rows, not on
     * their order.
     *
     * @return the effects; {@link #isEmpty()} when no row has both a contextual value and a catalog item
     */
    static ContextEffects learn(InteractionLog log, IdDictionary catalog) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(catalog, "catalog");
        List<String> names = log.contextFields();
        if (names.isEmpty() || log.size() == 0) {
            return NONE;
        }
        int[] catalogOf = new int[log.items().size()];
        for (int item = 0; item < catalogOf.length; item++) {
            catalogOf[item] = catalog.indexOf(log.items().idOf(item));
        }
        RowGroups byUser = log.rowsByUser();
        List<String> keptFields = new ArrayList<>();
        List<IdDictionary> keptValues = new ArrayList<>();
        List<int[]> keptOffsets = new ArrayList<>();
        List<int[]> keptItems = new ArrayList<>();
        List<int[]> keptCounts = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            // Each user's distinct (value, item) pairs as (value << 32 | item), then all of them sorted:
            // runs of equal keys are the counts n(c, i), in (value, item) order.
            long[] keys = new long[16];
            int size = 0;
            for (int user = 0; user < byUser.groupCount(); user++) {
                int from = size;
                for (int p = byUser.start(user), end = byUser.end(user); p < end; p++) {
                    int row = byUser.row(p);
                    int value = log.context(f, row);
                    int item = catalogOf[log.item(row)];
                    if (value == InteractionLog.NO_CONTEXT || item < 0) {
                        continue;
                    }
                    if (size == keys.length) {
                        keys = Arrays.copyOf(keys, Math.max(16, (int) Math.min(Integer.MAX_VALUE - 8, 2L * size)));
                    }
                    keys[size++] = (long) value << 32 | item;
                }
                Arrays.sort(keys, from, size);
                int distinct = from;
                for (int k = from; k < size; k++) {
                    if (distinct == from || keys[k] != keys[distinct - 1]) {
                        keys[distinct++] = keys[k];
                    }
                }
                size = distinct;
            }
            if (size == 0) {
                continue;
            }
            Arrays.sort(keys, 0, size);
            IdDictionary fieldValues = log.contextValues(f);
            IdDictionary.Builder seenValues = new IdDictionary.Builder(4);
            int[] rowStarts = new int[fieldValues.size() + 1];
            int[] items = new int[size];
            int[] counts = new int[size];
            int entries = 0;
            int lastValue = -1;
            for (int k = 0; k < size; k++) {
                long key = keys[k];
                if (k > 0 && key == keys[k - 1]) {
                    counts[entries - 1]++;
                    continue;
                }
                int value = (int) (key >>> 32);
                if (value != lastValue) {
                    rowStarts[seenValues.size()] = entries;
                    seenValues.intern(fieldValues.idOf(value));
                    lastValue = value;
                }
                items[entries] = (int) key;
                counts[entries] = 1;
                entries++;
            }
            int valueCount = seenValues.size();
            rowStarts[valueCount] = entries;
            keptFields.add(names.get(f));
            keptValues.add(seenValues.build());
            keptOffsets.add(Arrays.copyOf(rowStarts, valueCount + 1));
            keptItems.add(Arrays.copyOf(items, entries));
            keptCounts.add(Arrays.copyOf(counts, entries));
        }
        if (keptFields.isEmpty()) {
            return NONE;
        }
        return new ContextEffects(SMOOTHING, catalog.size(), keptFields.toArray(new String[0]),
                keptValues.toArray(new IdDictionary[0]), keptOffsets.toArray(new int[0][]),
                keptItems.toArray(new int[0][]), keptCounts.toArray(new int[0][]));
    }

    /** Whether no field has any value: every context is neutral. */
    boolean isEmpty() {
        return fields.length == 0;
    }

    /** The number of items the effects are indexed over. */
    int catalogSize() {
        return catalogSize;
    }

    /** The fields learned from, as the training data named them. */
    List<String> fields() {
        return List.of(fields);
    }

    /** The values of field {@code field} that training saw. */
    IdDictionary values(int field) {
        return values[field];
    }

    /**
     * The (field, value) pairs of a request's context that these effects know, as
     * {@code [field0, value0, field1, value1, …]} in field order, or {@code null} when none is known
     * (the context is then neutral). Keys match field names ignoring case; values match exactly.
     * Keys or values never seen in training are ignored.
     */
    int[] resolve(Map<String, String> context) {
        if (context == null || context.isEmpty() || fields.length == 0) {
            return null;
        }
        int[] pairs = new int[2 * context.size()];
        int size = 0;
        for (Map.Entry<String, String> entry : context.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                continue;
            }
            Integer field = fieldByKey.get(entry.getKey().toUpperCase(Locale.ROOT));
            if (field == null || entry.getValue().isEmpty()) {
                continue;
            }
            int value = values[field].indexOf(entry.getValue());
            if (value >= 0) {
                pairs[size++] = field;
                pairs[size++] = value;
            }
        }
        if (size == 0) {
            return null;
        }
        // Field order, so that the sum below adds in the same order whatever the map's order.
        int[] sorted = Arrays.copyOf(pairs, size);
        for (int a = 2; a < size; a += 2) {
            for (int b = a; b > 0 && (sorted[b - 2] > sorted[b] || sorted[b - 2] == sorted[b]
                    && sorted[b - 1] > sorted[b + 1]); b -= 2) {
                int f = sorted[b];
                int v = sorted[b + 1];
                sorted[b] = sorted[b - 2];
                sorted[b + 1] = sorted[b - 1];
                sorted[b - 2] = f;
                sorted[b - 1] = v;
            }
        }
        return sorted;
    }

    /**
     * Adds {@code weight ·} the lift of each resolved (field, value) pair to {@code scores}, a score
     * per catalog item.
     *
     * @param resolved from {@link #resolve}, not null
     */
    void addTo(double[] scores, int[] resolved, double weight) {
        if (scores.length != catalogSize) {
            throw new IllegalArgumentException(scores.length + " scores for a catalog of " + catalogSize);
        }
        for (int p = 0; p < resolved.length; p += 2) {
            int f = resolved[p];
            int c = resolved[p + 1];
            double rate = valueTotals[f][c] / (fieldTotals[f] * smoothing);
            int[] distinct = distinctTotals[f];
            double[] unseen = new double[distinct.length];
            for (int d = 0; d < distinct.length; d++) {
                unseen[d] = weight * Math.log1p(distinct[d] * rate);
            }
            int[] positions = totalPositions[f];
            for (int i = 0; i < catalogSize; i++) {
                scores[i] -= unseen[positions[i]];
            }
            int[] items = entryItems[f];
            float[] boosts = entryBoosts[f];
            for (int e = offsets[f][c], end = offsets[f][c + 1]; e < end; e++) {
                scores[items[e]] += weight * boosts[e];
            }
        }
    }

    /** {@code lift(c, i)} of the class comment, computed directly from the counts (for tests and tools). */
    double lift(int field, int value, int item) {
        int at = Arrays.binarySearch(entryItems[field], offsets[field][value], offsets[field][value + 1], item);
        double observed = at >= 0 ? entryCounts[field][at] : 0;
        double expected = (double) itemTotals[field][item] * valueTotals[field][value] / fieldTotals[field];
        return Math.log((observed + smoothing) / (expected + smoothing));
    }

    /** Writes the layout of the class comment. */
    void write(DataOutputStream out) throws IOException {
        out.writeDouble(smoothing);
        out.writeInt(catalogSize);
        out.writeInt(fields.length);
        for (int f = 0; f < fields.length; f++) {
            ModelCodec.writeString(out, fields[f]);
            out.writeInt(values[f].size());
            for (int c = 0; c < values[f].size(); c++) {
                ModelCodec.writeString(out, values[f].idOf(c));
                out.writeInt(offsets[f][c + 1] - offsets[f][c]);
                for (int e = offsets[f][c]; e < offsets[f][c + 1]; e++) {
                    out.writeInt(entryItems[f][e]);
                    out.writeInt(entryCounts[f][e]);
                }
            }
        }
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException if the data is truncated or breaks an invariant
     */
    static ContextEffects read(DataInputStream in) throws IOException {
        double smoothing = in.readDouble();
        int catalogSize = ModelCodec.readCount(in, "context catalog size");
        int fieldCount = ModelCodec.readCount(in, "contextual field count");
        // Arrays grow as entries arrive rather than trusting the counts, so a corrupt count ends in
        // EOF, not in an out-of-memory error.
        List<String> fields = new ArrayList<>();
        List<IdDictionary> values = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        List<int[]> items = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        for (int f = 0; f < fieldCount; f++) {
            fields.add(ModelCodec.readString(in, "contextual field name"));
            int valueCount = ModelCodec.readCount(in, "contextual value count");
            List<String> names = new ArrayList<>();
            int[] rowStarts = new int[Math.min(valueCount, 1 << 10) + 1];
            int[] entryItems = new int[1 << 10];
            int[] entryCounts = new int[entryItems.length];
            int size = 0;
            for (int c = 0; c < valueCount; c++) {
                names.add(ModelCodec.readString(in, "contextual value"));
                int entries = ModelCodec.readCount(in, "contextual entry count");
                for (int e = 0; e < entries; e++) {
                    if (size == entryItems.length) {
                        entryItems = Arrays.copyOf(entryItems, 2 * size);
                        entryCounts = Arrays.copyOf(entryCounts, 2 * size);
                    }
                    entryItems[size] = in.readInt();
                    entryCounts[size] = in.readInt();
                    size++;
                }
                if (c + 2 > rowStarts.length) {
                    rowStarts = Arrays.copyOf(rowStarts, (int) Math.min(valueCount + 1L, 2L * rowStarts.length));
                }
                rowStarts[c + 1] = size;
            }
            values.add(IdDictionary.of(names.toArray(new String[0])));
            offsets.add(Arrays.copyOf(rowStarts, valueCount + 1));
            items.add(Arrays.copyOf(entryItems, size));
            counts.add(Arrays.copyOf(entryCounts, size));
        }
        try {
            return new ContextEffects(smoothing, catalogSize, fields.toArray(new String[0]),
                    values.toArray(new IdDictionary[0]), offsets.toArray(new int[0][]), items.toArray(new int[0][]),
                    counts.toArray(new int[0][]));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IOException("Corrupt model artifact: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ContextEffects[");
        for (int f = 0; f < fields.length; f++) {
            out.append(f == 0 ? "" : ", ").append(fields[f]).append('=').append(values[f].size()).append(" values");
        }
        return out.append(']').toString();
    }
}
