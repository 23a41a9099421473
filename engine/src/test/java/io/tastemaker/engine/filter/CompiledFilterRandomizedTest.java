package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random catalogs and random filters, evaluated by {@link CompiledFilter} and by a direct reading of
 * the semantics in the package documentation, item by item. Replays from {@link #SEED}.
 */
class CompiledFilterRandomizedTest {

    private static final long SEED = 20240611L;
    private static final String[] GENRES = {"a", "b", "c", "d", "e"};
    private static final double[] PRICES = {-1, 0, 2.5, 3, 3, 7, 10};
    private static final String[] OPERATORS = {"=", "!=", "<", "<=", ">", ">="};
    private static final FilterSchema SCHEMA = FilterSchema.builder()
            .field(Dataset.ITEMS, "GENRE", FieldKind.CATEGORICAL)
            .field(Dataset.ITEMS, "PRICE", FieldKind.DOUBLE)
            .build();

    @Test
    void agreesWithAnItemByItemReadingOfTheSemantics() {
        SplittableRandom random = new SplittableRandom(SEED);
        System.out.println("CompiledFilterRandomizedTest seed " + SEED);
        for (int round = 0; round < 200; round++) {
            int size = 1 + random.nextInt(150);
            List<List<String>> genres = new ArrayList<>();
            double[] prices = new double[size];
            ItemAttributes.Builder builder = ItemAttributes.builder(List.of("GENRE"), List.of(), List.of("PRICE"));
            String[] ids = new String[size];
            for (int i = 0; i < size; i++) {
                ids[i] = "i" + i;
                TreeSet<String> values = new TreeSet<>();
                int n = random.nextInt(3);
                for (int k = 0; k < n; k++) {
                    values.add(GENRES[random.nextInt(GENRES.length)]);
                }
                genres.add(List.copyOf(values));
                prices[i] = random.nextInt(5) == 0 ? Double.NaN : PRICES[random.nextInt(PRICES.length)];
                builder.add(ids[i], new String[] {String.join("|", values)}, null, new double[] {prices[i]}, 0);
            }
            CatalogIndex index = CatalogIndex.of(IdDictionary.of(ids), builder.build());

            List<String> expressions = new ArrayList<>();
            List<boolean[]> matches = new ArrayList<>();
            List<Boolean> includes = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int e = 0; e < count; e++) {
                boolean include = random.nextBoolean();
                StringBuilder text = new StringBuilder(include ? "INCLUDE" : "EXCLUDE").append(" ItemID WHERE ");
                boolean[] any = new boolean[size];
                int terms = 1 + random.nextInt(2);
                for (int t = 0; t < terms; t++) {
                    boolean[] all = new boolean[size];
                    Arrays.fill(all, true);
                    int factors = 1 + random.nextInt(2);
                    for (int f = 0; f < factors; f++) {
                        boolean[] single = new boolean[size];
                        text.append(f > 0 ? " AND " : t > 0 ? " OR " : "").append(comparison(random, genres, prices, single));
                        for (int i = 0; i < size; i++) {
                            all[i] &= single[i];
                        }
                    }
                    for (int i = 0; i < size; i++) {
                        any[i] |= all[i];
                    }
                }
                expressions.add(text.toString());
                matches.add(any);
                includes.add(include);
            }
            String filter = String.join(" | ", expressions);
            List<String> expected = new ArrayList<>();
            boolean anyInclude = includes.contains(true);
            for (int i = 0; i < size; i++) {
                boolean in = !anyInclude;
                boolean out = false;
                for (int e = 0; e < count; e++) {
                    if (includes.get(e)) {
                        in |= matches.get(e)[i];
                    } else {
                        out |= matches.get(e)[i];
                    }
                }
                if (in && !out) {
                    expected.add(ids[i]);
                }
            }

            List<String> actual = CompiledFilter.compile(CheckedFilter.of(filter, SCHEMA).bind(FilterValues.empty()), index)
                    .allowedItems(FilterContext.forUser("u", InteractionHistory.none())).itemIds();

            assertThat(actual).as("round %d: %s", round, filter).isEqualTo(expected);
        }
    }

    /** A random comparison as text, and which items it matches in {@code into}. */
    private static String comparison(SplittableRandom random, List<List<String>> genres, double[] prices, boolean[] into) {
        if (random.nextBoolean()) {
            List<String> list = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                list.add(random.nextInt(6) == 0 ? "zz" : GENRES[random.nextInt(GENRES.length)]);
            }
            boolean negate = random.nextBoolean();
            for (int i = 0; i < into.length; i++) {
                List<String> values = genres.get(i);
                boolean hit = values.stream().anyMatch(list::contains);
                into[i] = negate ? !values.isEmpty() && !hit : hit;
            }
            return "Items.GENRE " + (negate ? "NOT IN" : "IN") + " (\"" + String.join("\", \"", list) + "\")";
        }
        String operator = OPERATORS[random.nextInt(OPERATORS.length)];
        double v = PRICES[random.nextInt(PRICES.length)] + (random.nextInt(3) == 0 ? 0.5 : 0);
        for (int i = 0; i < into.length; i++) {
            double p = prices[i];
            into[i] = !Double.isNaN(p) && Map.of("=", p == v, "!=", p != v, "<", p < v, "<=", p <= v, ">", p > v, ">=", p >= v)
                    .get(operator);
        }
        return "Items.PRICE " + operator + " " + v;
    }
}
