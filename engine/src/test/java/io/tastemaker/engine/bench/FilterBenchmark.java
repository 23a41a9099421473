package io.tastemaker.engine.bench;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.filter.BoundFilter;
import io.tastemaker.engine.filter.CatalogIndex;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.CompiledFilter;
import io.tastemaker.engine.filter.Dataset;
import io.tastemaker.engine.filter.FieldKind;
import io.tastemaker.engine.filter.FilterContext;
import io.tastemaker.engine.filter.FilterSchema;
import io.tastemaker.engine.filter.FilterValues;
import io.tastemaker.engine.filter.InteractionHistory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * How long a filter takes per request over a 50,000-item catalog, run by {@code bench/filter}.
 *
 * <p>Items have a multi-valued GENRE (1 to 3 of 25), a CATEGORY (1 of 200), a BRAND (1 of 1,000), a
 * PRICE and a creation time; each of 2,000 users has 100 interactions spread over three event types
 * (so the window of 100 per type holds them all) and an AGE. Four timings, each over many requests
 * after a warm-up, as p50 and p99 in microseconds:
 * <ol>
 *   <li>{@code allowedItems} of a compiled filter (the server caches it per filter and values):
 *       a parameterised INCLUDE on genre and price, an EXCLUDE of the user's clicks and purchases,
 *       and an EXCLUDE with an IF on the user's age;</li>
 *   <li>the same with bind and compile on every request, with random parameter values (no cache);</li>
 *   <li>a related-items filter on {@code CurrentItem} genre and price that also excludes every item
 *       the user interacted with;</li>
 *   <li>the index build (once per catalog), for scale.</li>
 * </ol>
 *
 * <p>Usage: {@code FilterBenchmark [--items N] [--runs R] [--seed S]}; defaults 50,000 items,
 * 20,000 runs, seed 7.
 */
public final class FilterBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final String[] EVENT_TYPES = {"click", "Purchase", "view"};

    private FilterBenchmark() {
    }

    public static void main(String[] args) {
        int items = 50_000;
        int runs = 20_000;
        long seed = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items":
                    items = Integer.parseInt(args[++i]);
                    break;
                case "--runs":
                    runs = Integer.parseInt(args[++i]);
                    break;
                case "--seed":
                    seed = Long.parseLong(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("Usage: FilterBenchmark [--items N] [--runs R] [--seed S]");
            }
        }
        OUT.printf(Locale.ROOT, "FilterBenchmark: %,d items, %,d runs, seed %d, %s%n", items, runs, seed,
                Runtime.version());
        SplittableRandom random = new SplittableRandom(seed);
        ItemAttributes attributes = items(items, random);
        IdDictionary catalog = attributes.items();
        int users = 2_000;
        BenchHistory history = history(users, catalog, random);
        List<Map<String, String>> ages = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            ages.add(Map.of("AGE", Integer.toString(12 + random.nextInt(60))));
        }
        FilterSchema schema = FilterSchema.builder()
                .field(Dataset.ITEMS, "ITEM_ID", FieldKind.STRING)
                .field(Dataset.ITEMS, "GENRE", FieldKind.CATEGORICAL)
                .field(Dataset.ITEMS, "CATEGORY", FieldKind.CATEGORICAL)
                .field(Dataset.ITEMS, "BRAND", FieldKind.CATEGORICAL)
                .field(Dataset.ITEMS, "PRICE", FieldKind.FLOAT)
                .field(Dataset.ITEMS, "CREATION_TIMESTAMP", FieldKind.LONG)
                .field(Dataset.USERS, "USER_ID", FieldKind.STRING)
                .field(Dataset.USERS, "AGE", FieldKind.INT)
                .field(Dataset.INTERACTIONS, "USER_ID", FieldKind.STRING)
                .field(Dataset.INTERACTIONS, "ITEM_ID", FieldKind.STRING)
                .field(Dataset.INTERACTIONS, "EVENT_TYPE", FieldKind.STRING)
                .field(Dataset.INTERACTIONS, "TIMESTAMP", FieldKind.LONG)
                .build();

        long start = System.nanoTime();
        CatalogIndex index = CatalogIndex.of(catalog, attributes);
        CheckedFilter typical = CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) AND Items.PRICE <= $PRICE "
                + "| EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"purchase\") "
                + "| EXCLUDE ItemID WHERE Items.CATEGORY IN (\"c7\", \"c8\") IF CurrentUser.AGE < 18", schema);
        BoundFilter bound = typical.bind(FilterValues.parse(Map.of("GENRE", "\"g1\",\"g2\",\"g3\"", "PRICE", "60")));
        CompiledFilter compiled = CompiledFilter.compile(bound, index);
        double firstCompileMicros = (System.nanoTime() - start) / 1e3;
        OUT.printf(Locale.ROOT, "index and first compile (builds GENRE, PRICE, CATEGORY indexes): %.0f us%n",
                firstCompileMicros);
        OUT.printf(Locale.ROOT, "typical filter: %s%n  allows %,d of %,d items for user 0%n", typical.expression().text(),
                compiled.allowedItems(context(0, history, ages)).count(), items);

        int n = runs;
        report("1. allowedItems, compiled filter cached", time(n, r -> {
            return compiled.allowedItems(context(r % users, history, ages));
        }));

        String[] genreValues = new String[64];
        String[] prices = new String[64];
        for (int k = 0; k < genreValues.length; k++) {
            genreValues[k] = "\"g" + random.nextInt(25) + "\",\"g" + random.nextInt(25) + "\"";
            prices[k] = Integer.toString(5 + random.nextInt(95));
        }
        report("2. bind + compile + allowedItems, values vary", time(n, r -> {
            BoundFilter b = typical.bind(FilterValues.parse(Map.of("GENRE", genreValues[r & 63], "PRICE", prices[(r >>> 6) & 63])));
            return CompiledFilter.compile(b, index).allowedItems(context(r % users, history, ages));
        }));

        CompiledFilter related = CompiledFilter.compile(CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRE "
                + "AND Items.PRICE < CurrentItem.PRICE | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (*)", schema)
                .bind(FilterValues.empty()), index);
        int catalogSize = catalog.size();
        report("3. allowedItems, CurrentItem genre and price", time(n, r -> {
            return related.allowedItems(context(r % users, history, ages).withCurrentItem(catalog.idOf((r * 7919) % catalogSize)));
        }));

        report("4. CatalogIndex.of + first compile (once per catalog)", time(Math.max(20, n / 1000), r -> {
            CatalogIndex fresh = CatalogIndex.of(catalog, attributes);
            return CompiledFilter.compile(bound, fresh).allowedItems(context(r % users, history, ages));
        }));
    }

    private static FilterContext context(int user, BenchHistory history, List<Map<String, String>> ages) {
        return FilterContext.forUser("u" + user, history).withCurrentUser(ages.get(user));
    }

    private static long[] time(int runs, IntFunction<AllowedItems> request) {
        long sink = 0;
        int warmup = Math.max(runs / 2, 20);
        for (int r = 0; r < warmup; r++) {
            sink += request.apply(r).words()[0];
        }
        long[] nanos = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            AllowedItems allowed = request.apply(r);
            nanos[r] = System.nanoTime() - start;
            sink += allowed.words()[0];
        }
        if (sink == 42) {
            OUT.println("(sink)");
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sortedNanos) {
        OUT.printf(Locale.ROOT, "%-55s p50 %8.1f us   p99 %8.1f us   (%,d runs)%n", what,
                percentile(sortedNanos, 0.50) / 1e3, percentile(sortedNanos, 0.99) / 1e3, sortedNanos.length);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static ItemAttributes items(int count, SplittableRandom random) {
        ItemAttributes.Builder builder = ItemAttributes.builder(List.of("GENRE", "CATEGORY", "BRAND"), List.of(),
                List.of("PRICE"));
        for (int i = 0; i < count; i++) {
            StringBuilder genres = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                genres.append(k == 0 ? "" : "|").append('g').append(random.nextInt(25));
            }
            builder.add("item-" + i, new String[] {genres.toString(), "c" + random.nextInt(200), "b" + random.nextInt(1000)},
                    null, new double[] {Math.round(random.nextDouble() * 10_000) / 100.0}, 1_600_000_000L + random.nextInt(
                            100_000_000));
        }
        return builder.build();
    }

    private static BenchHistory history(int users, IdDictionary catalog, SplittableRandom random) {
        BenchHistory history = new BenchHistory();
        for (int u = 0; u < users; u++) {
            Map<String, List<String>> byType = new LinkedHashMap<>();
            for (int k = 0; k < 100; k++) {
                String type = EVENT_TYPES[random.nextInt(EVENT_TYPES.length)];
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(catalog.idOf(random.nextInt(catalog.size())));
            }
            history.users.put("u" + u, byType);
        }
        return history;
    }

    /** A user's interactions as the server might keep them in memory: event type → item ids, newest first. */
    private static final class BenchHistory implements InteractionHistory {

        final Map<String, Map<String, List<String>>> users = new HashMap<>();

        @Override
        public Collection<String> eventTypes(String userId) {
            return users.getOrDefault(userId, Map.of()).keySet();
        }

        @Override
        public List<String> recentItems(String userId, String eventType) {
            return users.getOrDefault(userId, Map.of()).getOrDefault(eventType, List.of());
        }
    }
}
