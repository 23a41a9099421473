package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.RankingMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded synthetic data where a contextual field, {@code DEVICE}, decides taste to a chosen degree,
 * and the offline measure of how well a model uses it (for tests and the context benchmark).
 *
 * <p>The catalog has two halves, {@code m-…} items for mobile and {@code d-…} items for desktop,
 * each made of {@code genres} genres of {@code itemsPerGenre} items. Every user has a favourite
 * genre in each half and uses both devices, {@code perDevice} distinct items on each. An interaction
 * on device {@code d} comes from d's half with probability {@code strength} (1: the device decides
 * the half; 0.5: the device says nothing), and from the user's favourite genre of that half, by
 * Zipf popularity within the genre. The newest {@code heldOut} interactions of each (user, device)
 * are the truth; the rest is the training log.
 *
 * <p>{@link #personal}: the same, except that the device of an interaction says which of the user's
 * two favourite genres it comes from (with probability {@code strength}), and both favourites are
 * drawn from all the genres of both halves; so a device means something for each user, but nothing
 * for the catalog as a whole.
 *
 * @param train the training interactions, with the contextual field {@code DEVICE}
 * @param truth (user, device) → the held-out items of that user on that device
 */
public record DeviceTaste(InteractionLog train, Map<UserDevice, List<String>> truth) {

    /** The contextual field. */
    public static final String DEVICE = "DEVICE";

    /** One user on one device. */
    public record UserDevice(String userId, String device) {
    }

    /** The first timestamp. */
    private static final long START = 1_704_067_200L;

    /**
     * Generates the data.
     *
     * @param strength probability that an interaction on a device comes from that device's half
     */
    public static DeviceTaste generate(long seed, int users, int genres, int itemsPerGenre, int perDevice, int heldOut,
            double strength) {
        return generate(seed, users, genres, itemsPerGenre, perDevice, heldOut, strength, false);
    }

    /** As {@link #generate}, but each user's devices have their own favourite genres from the whole catalog. */
    public static DeviceTaste personal(long seed, int users, int genres, int itemsPerGenre, int perDevice,
            int heldOut, double strength) {
        return generate(seed, users, genres, itemsPerGenre, perDevice, heldOut, strength, true);
    }

    private static DeviceTaste generate(long seed, int users, int genres, int itemsPerGenre, int perDevice,
            int heldOut, double strength, boolean personal) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[itemsPerGenre];
        double sum = 0;
        for (int k = 0; k < itemsPerGenre; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        InteractionLog.Builder builder = InteractionLog.builder(users * 2 * perDevice, List.of(DEVICE));
        Map<UserDevice, List<String>> truth = new LinkedHashMap<>();
        String[] devices = {"mobile", "desktop"};
        for (int u = 0; u < users; u++) {
            String user = "user-" + u;
            int[] favourite = {random.nextInt(genres), random.nextInt(genres)};
            // With personal tastes: the favourite of device d is genre favourite[d] of half halfOf[d].
            int[] halfOf = {0, 1};
            if (personal) {
                int first = random.nextInt(2 * genres);
                int second = random.nextInt(2 * genres - 1);
                second += second >= first ? 1 : 0;
                halfOf = new int[] {first / genres, second / genres};
                favourite = new int[] {first % genres, second % genres};
            }
            Set<String> seen = new HashSet<>();
            long time = START + u;
            // Interleave the devices, so that each device's newest interactions are held out.
            List<String[]> rows = new ArrayList<>();
            int[] made = new int[2];
            while (made[0] < perDevice || made[1] < perDevice) {
                int d = made[0] == perDevice ? 1 : made[1] == perDevice ? 0 : random.nextInt(2);
                int side = random.nextDouble() < strength ? d : 1 - d;
                int half = personal ? halfOf[side] : side;
                int genre = personal ? favourite[side] : favourite[half];
                String item = null;
                for (int attempt = 0; attempt < 1000 && item == null; attempt++) {
                    int k = sample(cumulative, random.nextDouble() * sum);
                    String candidate = (half == 0 ? "m-" : "d-") + genre + "-" + k;
                    if (seen.add(candidate)) {
                        item = candidate;
                    }
                }
                if (item == null) {
                    throw new IllegalArgumentException("Too few items per genre for " + perDevice + " per device");
                }
                rows.add(new String[] {item, devices[d]});
                made[d]++;
            }
            int[] remaining = {perDevice, perDevice};
            for (String[] row : rows) {
                int d = row[1].equals(devices[0]) ? 0 : 1;
                boolean held = remaining[d] <= heldOut;
                remaining[d]--;
                if (held) {
                    truth.computeIfAbsent(new UserDevice(user, row[1]), key -> new ArrayList<>()).add(row[0]);
                } else {
                    builder.add(user, row[0], time, "click", Float.NaN, new String[] {row[1]});
                }
                time += 60;
            }
        }
        return new DeviceTaste(builder.build(), truth);
    }

    /**
     * The training log with each (user, device) as a user of its own, {@code "<user>|<device>"}: a
     * model of it knows each user's history on each device only, the most a per-user-and-context
     * history could tell (and it loses what the user does on the other device).
     */
    public InteractionLog splitByDevice() {
        InteractionLog.Builder builder = InteractionLog.builder(train.size());
        for (int row = 0; row < train.size(); row++) {
            String device = train.contextValues(0).idOf(train.context(0, row));
            builder.add(train.users().idOf(train.user(row)) + "|" + device, train.items().idOf(train.item(row)),
                    train.timestamp(row), "click", Float.NaN);
        }
        return builder.build();
    }

    /**
     * Mean nDCG@10 over the (user, device) pairs of the truth: each user's top 10 among the items
     * they did not interact with in training, with the context {@code DEVICE → device} when
     * {@code withContext}, without any context otherwise.
     */
    public double ndcgAt10(UserModel model, boolean withContext) {
        return ndcgAt10(model, withContext, false);
    }

    /** {@link #ndcgAt10} of a model trained on {@link #splitByDevice()}, asked for {@code "<user>|<device>"}. */
    public double ndcgAt10Split(UserModel model) {
        return ndcgAt10(model, false, true);
    }

    private double ndcgAt10(UserModel model, boolean withContext, boolean split) {
        IdDictionary catalog = model.catalog();
        Map<String, Set<String>> history = new LinkedHashMap<>();
        for (int row = 0; row < train.size(); row++) {
            history.computeIfAbsent(train.users().idOf(train.user(row)), k -> new HashSet<>())
                    .add(train.items().idOf(train.item(row)));
        }
        RankingMetrics metrics = new RankingMetrics(10);
        for (Map.Entry<UserDevice, List<String>> entry : truth.entrySet()) {
            String user = entry.getKey().userId();
            Set<String> seen = history.getOrDefault(user, Set.of());
            Map<String, String> context = withContext ? Map.of(DEVICE, entry.getKey().device()) : Map.of();
            String asked = split ? user + "|" + entry.getKey().device() : user;
            List<ScoredItem> list = model.recommend(asked, List.of(), 10 + seen.size(), context);
            int[] ranked = list.stream().map(ScoredItem::itemId).filter(id -> !seen.contains(id))
                    .limit(10).mapToInt(catalog::indexOf).toArray();
            // An item never seen in training cannot be recommended; it still counts as relevant.
            int[] relevant = new int[entry.getValue().size()];
            for (int r = 0; r < relevant.length; r++) {
                int index = catalog.indexOf(entry.getValue().get(r));
                relevant[r] = index >= 0 ? index : catalog.size() + r;
            }
            metrics.add(ranked, relevant);
        }
        return metrics.ndcg();
    }

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
}
