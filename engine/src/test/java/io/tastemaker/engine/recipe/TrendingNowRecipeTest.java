package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.InteractionLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrendingNowRecipeTest {

    private static final long SEED = 1_800L;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;
    /** The newest timestamp of every log below. */
    private static final long NOW = GeneratedLogs.START + 30 * DAY;
    private static final TrendingNowRecipe RECIPE = new TrendingNowRecipe();

    /** Collects interactions from distinct users, so counts are what the tests say. */
    private static final class Events {
        private final InteractionLog.Builder builder = InteractionLog.builder();
        private final SplittableRandom random = new SplittableRandom(SEED);
        private int user;

        /**
         * Adds {@code count} interactions with {@code item}, spread over {@code (NOW − from, NOW − to]}
         * (seconds before now, {@code from > to}), at random times drawn from the seed; when
         * {@code to == 0} the first of them is at {@code NOW} exactly.
         */
        Events add(String item, int count, long from, long to) {
            for (int i = 0; i < count; i++) {
                long before = i == 0 && to == 0 ? 0 : to + random.nextLong(from - to);
                builder.add("user-" + user++, item, NOW - before, "click", Float.NaN);
            }
            return this;
        }

        /** Adds one "view" of {@code item} a second before now. */
        Events view(String item) {
            builder.add("user-" + user++, item, NOW - 1, "view", Float.NaN);
            return this;
        }

        /** Adds {@code perWindow} interactions with {@code item} in each of the last {@code windows} windows. */
        Events steady(String item, int perWindow, long window, int windows) {
            for (int w = 0; w < windows; w++) {
                add(item, perWindow, (w + 1) * window, w * window);
            }
            return this;
        }

        InteractionLog build() {
            return builder.build();
        }
    }

    private static TrainingConfig window(String frequency) {
        return new TrainingConfig(null, null, Map.of(TrendingNowRecipe.TREND_DISCOVERY_FREQUENCY, frequency), SEED);
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void aRisingItemBeatsASteadilyPopularOne() {
        InteractionLog log = new Events()
                .steady("steady", 50, HOUR, 10)
                .add("rising", 5, 2 * HOUR, HOUR)
                .add("rising", 40, HOUR, 0)
                .add("falling", 40, 2 * HOUR, HOUR)
                .add("falling", 5, HOUR, 0)
                .build();

        TrendingNowModel model = RECIPE.train(log, window("1 hour"));
        List<ScoredItem> top = model.recommend("user-1", 10);

        // The steady item has far more interactions, recently and overall, but does not grow.
        assertThat(ids(top)).containsExactly("rising", "steady", "falling");
        assertThat(model.trendingCount()).isEqualTo(1);
        assertThat(top.get(0).score()).isCloseTo(TrendingNowModel.trendScore(40, 5), within(1e-12)).isPositive();
        assertThat(top.get(1).score()).isZero();
        assertThat(top.get(2).score()).isZero();
    }

    @Test
    void smallCountsDoNotOutrankALargeRise() {
        InteractionLog log = new Events()
                .add("one", 1, HOUR, 0)
                .add("three", 3, HOUR, 0)
                .add("big", 100, 2 * HOUR, HOUR)
                .add("big", 300, HOUR, 0)
                .add("ten", 10, 2 * HOUR, HOUR)
                .add("ten", 30, HOUR, 0)
                .build();

        List<ScoredItem> top = RECIPE.train(log, window("1 hour")).recommend("u", 10);

        assertThat(ids(top)).containsExactly("big", "ten", "three", "one");
        assertThat(top.get(2).score()).isZero();
        assertThat(top.get(3).score()).isZero();
        // The figures of the recipe's documentation.
        assertThat(TrendingNowModel.trendScore(1, 0)).isCloseTo(-1.32, within(0.005));
        assertThat(TrendingNowModel.trendScore(3, 0)).isCloseTo(-0.45, within(0.005));
        assertThat(TrendingNowModel.trendScore(30, 10)).isCloseTo(0.46, within(0.005));
        assertThat(TrendingNowModel.trendScore(300, 100)).isCloseTo(0.90, within(0.005));
        assertThat(TrendingNowModel.trendScore(100, 100)).isCloseTo(-0.23, within(0.005));
        assertThat(TrendingNowModel.trendScore(110_000, 100_000)).isCloseTo(0.09, within(0.005));
    }

    @Test
    void stableItemsDoNotTrendAndFollowRecentPopularity() {
        InteractionLog log = new Events()
                .steady("c", 10, HOUR, 24)
                .steady("a", 30, HOUR, 24)
                .steady("b", 20, HOUR, 24)
                // Popular long ago, quiet now: after everything with recent interactions.
                .add("old", 2_000, 20 * DAY, 10 * DAY)
                .build();

        TrendingNowModel model = RECIPE.train(log, window("1 hour"));
        List<ScoredItem> top = model.recommend("u", 10);

        assertThat(model.trendingCount()).isZero();
        assertThat(ids(top)).containsExactly("a", "b", "c", "old");
        assertThat(top).allSatisfy(item -> assertThat(item.score()).isZero());
    }

    @Test
    void whenNothingRecentTrendsTheListIsTheMostPopular() {
        InteractionLog log = new Events()
                .add("b", 5, 20 * DAY, 10 * DAY)
                .add("a", 10, 20 * DAY, 10 * DAY)
                .add("c", 3, 20 * DAY, 10 * DAY)
                .add("new", 1, 60, 0)
                .build();

        TrendingNowModel model = RECIPE.train(log, window("3 hours"));

        // One new interaction is no trend; it leads only because the others had none recently.
        assertThat(model.trendingCount()).isZero();
        assertThat(ids(model.recommend("u", 10))).containsExactly("new", "a", "b", "c");
    }

    @Test
    void theWindowDecidesWhichItemTrends() {
        InteractionLog log = new Events()
                // A spike in the last hour on a steady background of 2 an hour.
                .steady("spike", 2, HOUR, 48)
                .add("spike", 28, HOUR, 0)
                // A slow riser: 1 an hour the day before, 4 an hour since.
                .steady("riser", 1, HOUR, 48)
                .steady("riser", 3, HOUR, 24)
                .build();

        List<String> hourly = ids(RECIPE.train(log, window("1 hour")).recommend("u", 1));
        List<String> daily = ids(RECIPE.train(log, window("1 day")).recommend("u", 1));
        List<String> inSeconds = ids(RECIPE.train(log, window("86400")).recommend("u", 1));

        assertThat(hourly).containsExactly("spike");
        assertThat(daily).containsExactly("riser");
        assertThat(inSeconds).isEqualTo(daily);
    }

    @Test
    void nowIsTheNewestTimestampSoShiftingTimeChangesNothing() {
        InteractionLog log = new Events()
                .add("x", 3, 2 * HOUR, HOUR)
                .add("x", 30, HOUR, 0)
                .steady("y", 10, HOUR, 5)
                .build();
        long shift = -20L * 365 * DAY;
        InteractionLog.Builder shifted = InteractionLog.builder();
        for (int row = 0; row < log.size(); row++) {
            shifted.add(log.users().idOf(log.user(row)), log.items().idOf(log.item(row)), log.timestamp(row) + shift,
                    log.eventTypes().idOf(log.eventType(row)), log.value(row));
        }

        TrendingNowModel model = RECIPE.train(log, window("3 hours"));
        TrendingNowModel earlier = RECIPE.train(shifted.build(), window("3 hours"));

        assertThat(model.now()).isEqualTo(NOW);
        assertThat(earlier.now()).isEqualTo(NOW + shift);
        assertThat(earlier.recommend("u", 10)).isEqualTo(model.recommend("u", 10));
    }

    @Test
    void everyUserGetsTheSameListCappedByTheCatalog() {
        InteractionLog log = new Events().steady("a", 3, HOUR, 3).add("b", 9, HOUR, 0).build();
        TrendingNowModel model = RECIPE.train(log, TrainingConfig.withSeed(SEED));

        assertThat(model.recipe()).isEqualTo("aws-trending-now");
        assertThat(model.recommend("user-0", 10)).isEqualTo(model.recommend("someone-new", 10));
        assertThat(model.recommend("u", 100)).hasSize(2);
        assertThat(model.recommend("u", 0)).isEmpty();
        assertThatThrownBy(() -> model.recommend("u", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheWindowAsANamedFrequencyOrSeconds() {
        assertThat(TrendingNowRecipe.HyperParameters.parse(Map.of()).windowSeconds()).isEqualTo(3 * HOUR);
        assertThat(parse("30 minutes")).isEqualTo(1_800);
        assertThat(parse(" 1  HOUR ")).isEqualTo(HOUR);
        assertThat(parse("3 hours")).isEqualTo(3 * HOUR);
        assertThat(parse("1 day")).isEqualTo(DAY);
        assertThat(parse("60")).isEqualTo(60);
        assertThat(parse("31536000")).isEqualTo(365 * DAY);

        for (String bad : new String[] {"59", "31536001", "2 days", "1.5", "-3600", "", "999999999999999"}) {
            assertThatThrownBy(() -> parse(bad))
                    .as("value '%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Hyperparameter 'trend_discovery_frequency' of recipe aws-trending-now")
                    .hasMessageContaining("'30 minutes', '1 hour', '3 hours', '1 day'")
                    .hasMessageContaining("from 60 to 31536000")
                    .hasMessageEndingWith("was '" + bad + "'");
        }
        assertThatThrownBy(() -> TrendingNowRecipe.HyperParameters.parse(Map.of("lambda", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown hyperparameter 'lambda' for recipe aws-trending-now; "
                        + "it accepts 'trend_discovery_frequency'");
    }

    private static long parse(String value) {
        return TrendingNowRecipe.HyperParameters.parse(Map.of(TrendingNowRecipe.TREND_DISCOVERY_FREQUENCY, value))
                .windowSeconds();
    }

    @Test
    void trainsOnlyOnTheSelectedInteractionsAndNeedsSome() {
        InteractionLog log = new Events().add("a", 5, HOUR, 0).view("b").build();

        assertThat(ids(RECIPE.train(log, new TrainingConfig("view", null, Map.of(), SEED)).recommend("u", 10)))
                .containsExactly("b");
        assertThat(ids(RECIPE.train(log, new TrainingConfig("click", null, Map.of(), SEED)).recommend("u", 10)))
                .containsExactly("a");
        assertThatThrownBy(() -> RECIPE.train(log, new TrainingConfig("purchase", null, Map.of(), SEED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least one interaction");
    }

    @Test
    void reportsProgressAndStopsWhenTheMonitorSaysSo() {
        InteractionLog log = new Events().add("a", 5, HOUR, 0).build();
        List<Double> fractions = new ArrayList<>();

        RECIPE.train(TrainingData.of(log), window("1 hour"), (step, fraction) -> fractions.add(fraction));

        assertThat(fractions).startsWith(0.0).endsWith(1.0).isSorted();
        assertThatThrownBy(() -> RECIPE.train(TrainingData.of(log), window("1 hour"), (step, fraction) -> {
            throw new TrainingStoppedException("stopped at " + step);
        })).isInstanceOf(TrainingStoppedException.class);
    }

    @Test
    void aWrittenModelReadsBackEqualAndATamperedOrderIsRejected() throws IOException {
        InteractionLog log = new Events()
                .steady("steady", 20, HOUR, 6)
                .add("rising", 2, 2 * HOUR, HOUR)
                .add("rising", 25, HOUR, 0)
                .build();
        TrendingNowModel model = RECIPE.train(log, window("1 hour"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);

        TrendingNowModel copy = (TrendingNowModel) ModelCodec.read(new ByteArrayInputStream(out.toByteArray()));

        assertThat(copy.recommend("u", 10)).isEqualTo(model.recommend("u", 10));
        assertThat(copy.now()).isEqualTo(model.now());
        assertThat(copy.hyperParameters()).isEqualTo(model.hyperParameters());
        assertThat(ModelCodec.readableRecipes()).contains(TrendingNowRecipe.NAME);

        // The steady item written before the rising one: consistent counts, wrong order.
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        ModelCodec.write(tampered, TrendingNowRecipe.NAME, TrendingNowModel.PAYLOAD_VERSION, payload -> {
            payload.writeLong(HOUR);
            payload.writeLong(NOW);
            payload.writeInt(2);
            ModelCodec.writeString(payload, "steady");
            payload.writeLong(20);
            payload.writeLong(20);
            payload.writeLong(120);
            ModelCodec.writeString(payload, "rising");
            payload.writeLong(25);
            payload.writeLong(2);
            payload.writeLong(27);
        });
        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(tampered.toByteArray())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Corrupt aws-trending-now model artifact")
                .hasMessageContaining("not in trend order");
        assertThatThrownBy(() -> new TrendingNowModel(TrendingNowRecipe.HyperParameters.defaults(), NOW,
                new String[] {"a"}, new long[] {3}, new long[] {2}, new long[] {4}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Counts of item 'a' are inconsistent");
    }
}
