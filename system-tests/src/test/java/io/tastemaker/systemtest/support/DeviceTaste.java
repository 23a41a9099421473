package io.tastemaker.systemtest.support;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded interactions where a contextual field, {@code DEVICE}, decides taste: on {@code mobile}
 * users choose from one half of the catalog ({@code m-…} items), on {@code desktop} from the other
 * ({@code d-…}). Each half has {@link #GENRES} genres of {@link #ITEMS_PER_GENRE} items; every user
 * has a favourite genre in each half, uses both devices, and views {@link #PER_DEVICE} distinct
 * items of that device's favourite genre on each, drawn by Zipf popularity within the genre. The
 * newest {@link #HELD_OUT} views of each (user, device) are held out as the truth, the rest is the
 * training data.
 *
 * @param train the training interactions as CSV lines in the order of {@link #HEADER}
 * @param history each user's training items
 * @param truth each (user, device)'s held-out items
 */
public record DeviceTaste(List<String> train, Map<String, Set<String>> history, Map<UserDevice, List<String>> truth) {

    /** An Interactions schema with the categorical contextual field {@code DEVICE}. */
    public static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "USER_ID", "type": "string"},
               {"name": "ITEM_ID", "type": "string"},
               {"name": "TIMESTAMP", "type": "long"},
               {"name": "EVENT_TYPE", "type": "string"},
               {"name": "DEVICE", "type": ["null", "string"], "categorical": true}
             ],
             "version": "1.0"}""";

    /** The CSV header of {@link #train}. */
    public static final String HEADER = "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,DEVICE";

    public static final int GENRES = 4;
    public static final int ITEMS_PER_GENRE = 25;
    public static final int PER_DEVICE = 12;
    public static final int HELD_OUT = 2;
    public static final List<String> DEVICES = List.of("mobile", "desktop");

    /** One user on one device. */
    public record UserDevice(String userId, String device) {
    }

    /** The data of {@code users} users, {@code user-000} on. */
    public static DeviceTaste generate(long seed, int users) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[ITEMS_PER_GENRE];
        double sum = 0;
        for (int k = 0; k < ITEMS_PER_GENRE; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        List<String> train = new ArrayList<>();
        Map<String, Set<String>> history = new LinkedHashMap<>();
        Map<UserDevice, List<String>> truth = new LinkedHashMap<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int u = 0; u < users; u++) {
            String user = userId(u);
            int[] favourite = {random.nextInt(GENRES), random.nextInt(GENRES)};
            Set<String> seen = new HashSet<>();
            List<String[]> views = new ArrayList<>();
            int[] made = new int[2];
            while (made[0] < PER_DEVICE || made[1] < PER_DEVICE) {
                int d = made[0] == PER_DEVICE ? 1 : made[1] == PER_DEVICE ? 0 : random.nextInt(2);
                String item;
                do {
                    item = item(d, favourite[d], sample(cumulative, random.nextDouble() * sum));
                } while (!seen.add(item));
                views.add(new String[] {item, DEVICES.get(d)});
                made[d]++;
            }
            int[] remaining = {PER_DEVICE, PER_DEVICE};
            for (String[] view : views) {
                int d = DEVICES.indexOf(view[1]);
                if (remaining[d]-- <= HELD_OUT) {
                    truth.computeIfAbsent(new UserDevice(user, view[1]), k -> new ArrayList<>()).add(view[0]);
                } else {
                    train.add(user + "," + view[0] + "," + (time++) + ",click," + view[1]);
                    history.computeIfAbsent(user, k -> new HashSet<>()).add(view[0]);
                }
            }
        }
        return new DeviceTaste(List.copyOf(train), history, truth);
    }

    /** The id of user {@code n}. */
    public static String userId(int n) {
        return String.format(Locale.ROOT, "user-%03d", n);
    }

    /** The id of item {@code k} of genre {@code genre} of the half of device {@code d} (0 mobile, 1 desktop). */
    public static String item(int d, int genre, int k) {
        return String.format(Locale.ROOT, "%s-%d-%02d", d == 0 ? "m" : "d", genre, k);
    }

    /** The {@code k} of rank {@code target} of the cumulative Zipf weights. */
    private static int sample(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < target) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * nDCG@10 of one ranked list (best first) against a relevant set: binary gains, discount
     * {@code 1 / log2(rank + 2)}, normalised by the ideal list of {@code min(10, relevant)} hits.
     */
    public static double ndcgAt10(List<String> ranked, List<String> relevant) {
        double dcg = 0;
        for (int r = 0; r < Math.min(10, ranked.size()); r++) {
            if (relevant.contains(ranked.get(r))) {
                dcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(10, relevant.size()); r++) {
            ideal += 1 / (Math.log(r + 2) / Math.log(2));
        }
        return dcg / ideal;
    }
}
