package io.tastemaker.systemtest.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded interaction data for an Interactions dataset with the fields {@code USER_ID},
 * {@code ITEM_ID}, {@code TIMESTAMP} and {@code EVENT_TYPE}, and the popularity a test expects
 * from it, computed here independently of the server.
 *
 * <p>Users are drawn uniformly. Items follow a power law (Zipf): the item of popularity rank
 * {@code r} (1-based) is drawn with a probability proportional to {@code r^-exponent}; which item
 * id gets which rank is itself a seeded shuffle, so popularity order is not id order. Timestamps
 * are whole epoch seconds within 90 days; event types are {@code click} (80%) and
 * {@code purchase}.
 */
public final class SyntheticInteractions {

    /** The Avro schema of the Interactions dataset these rows fit. */
    public static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "USER_ID", "type": "string"},
               {"name": "ITEM_ID", "type": "string"},
               {"name": "TIMESTAMP", "type": "long"},
               {"name": "EVENT_TYPE", "type": "string"}
             ],
             "version": "1.0"}""";

    /** The CSV header of {@link #writeCsv}. */
    public static final String HEADER = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE";

    /** The earliest timestamp, 2023-11-14T22:13:20Z. */
    public static final long FIRST_TIMESTAMP = 1_700_000_000L;
    private static final long SPAN_SECONDS = 90L * 24 * 3600;

    /** One interaction. */
    public record Interaction(String userId, String itemId, long timestamp, String eventType) {
        /** The row as CSV, in the order of {@link #HEADER}; the ids need no quoting. */
        public String csv() {
            return userId + "," + itemId + "," + timestamp + "," + eventType;
        }
    }

    private SyntheticInteractions() {
    }

    /** The id of the 1-based user number {@code n}: {@code user-00042}. */
    public static String userId(int n) {
        return String.format(Locale.ROOT, "user-%05d", n);
    }

    /** The id of the 1-based item number {@code n}: {@code item-00042}. */
    public static String itemId(int n) {
        return String.format(Locale.ROOT, "item-%05d", n);
    }

    /**
     * Generates {@code count} interactions of {@code users} users with {@code items} items.
     *
     * @param exponent the power law's exponent; larger is more skewed
     */
    public static List<Interaction> generate(long seed, int count, int users, int items, double exponent) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] itemOfRank = new int[items];
        for (int i = 0; i < items; i++) {
            itemOfRank[i] = i + 1;
        }
        for (int i = items - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = itemOfRank[i];
            itemOfRank[i] = itemOfRank[j];
            itemOfRank[j] = t;
        }
        double[] cumulative = new double[items];
        double sum = 0;
        for (int rank = 0; rank < items; rank++) {
            sum += Math.pow(rank + 1, -exponent);
            cumulative[rank] = sum;
        }
        List<Interaction> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int user = 1 + random.nextInt(users);
            int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(-rank - 1, items - 1);
            long timestamp = FIRST_TIMESTAMP + random.nextLong(SPAN_SECONDS);
            String type = random.nextInt(10) < 8 ? "click" : "purchase";
            rows.add(new Interaction(userId(user), itemId(itemOfRank[rank]), timestamp, type));
        }
        return rows;
    }

    /** Writes a header line and the rows, UTF-8, LF line ends. */
    public static void writeCsv(Path file, String header, Collection<String> lines) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write('\n');
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Writes {@link #HEADER} and the interactions. */
    public static void writeCsv(Path file, Collection<Interaction> rows) {
        writeCsv(file, HEADER, rows.stream().map(Interaction::csv).toList());
    }

    /** For each item, the number of distinct users who interacted with it. */
    public static Map<String, Integer> distinctUsersPerItem(Collection<Interaction> rows) {
        Map<String, Set<String>> users = new HashMap<>();
        for (Interaction row : rows) {
            users.computeIfAbsent(row.itemId(), k -> new HashSet<>()).add(row.userId());
        }
        Map<String, Integer> counts = new HashMap<>();
        users.forEach((item, set) -> counts.put(item, set.size()));
        return counts;
    }

    /** The {@code n} items of highest count, ties by item id ascending ({@link String#compareTo}). */
    public static List<String> mostPopular(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }
}
