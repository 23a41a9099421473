package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.engine.data.GeneratedLogs;
import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.filter.AllowedItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * aws-user-personalization with a contextual field: what the model learns from it (the lifts), how
 * a request's context changes the answer (and when it must not), that it is worth it on data where
 * the device decides taste, and the artifact. Seeds are fixed and printed.
 */
class ContextualModelTest {

    private static final long SEED = 1515L;
    private static final Map<String, String> MOBILE = Map.of(DeviceTaste.DEVICE, "mobile");

    private static TrainingConfig config(String... keyValues) {
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hyperParameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new TrainingConfig(null, null, hyperParameters, SEED);
    }

    private static DeviceTaste deviceDecides() {
        System.out.println("ContextualModelTest seed " + SEED);
        return DeviceTaste.generate(SEED, 300, 4, 30, 12, 2, 1.0);
    }

    private static UserPersonalizationModel train(InteractionLog log, String... hyperParameters) {
        return new UserPersonalizationRecipe(2).train(TrainingData.of(log), config(hyperParameters),
                TrainingMonitor.NONE);
    }

    private static byte[] bytesOf(TrainedModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.writeTo(out);
        return out.toByteArray();
    }

    private static TrainedModel read(byte[] bytes) throws IOException {
        return ModelCodec.read(new ByteArrayInputStream(bytes));
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    /**
     * Three users: u0 and u1 view "a" and "b" on mobile, u2 views "c" on desktop; u0 also views "a"
     * again on mobile (counted once) and "c" on desktop.
     */
    private static InteractionLog small() {
        InteractionLog.Builder builder = InteractionLog.builder(8, List.of("DEVICE"));
        long t = GeneratedLogs.START;
        builder.add("u0", "a", t++, "click", Float.NaN, new String[] {"mobile"});
        builder.add("u0", "a", t++, "click", Float.NaN, new String[] {"mobile"});
        builder.add("u0", "b", t++, "click", Float.NaN, new String[] {"mobile"});
        builder.add("u0", "c", t++, "click", Float.NaN, new String[] {"desktop"});
        builder.add("u1", "a", t++, "click", Float.NaN, new String[] {"mobile"});
        builder.add("u1", "b", t++, "click", Float.NaN, new String[] {"mobile"});
        builder.add("u2", "c", t++, "click", Float.NaN, new String[] {"desktop"});
        builder.add("u2", "d", t, "click", Float.NaN, null);
        return builder.build();
    }

    @Test
    void theLiftIsTheSmoothedRatioOfObservedToExpectedDistinctTriples() {
        InteractionLog log = small();
        IdDictionary catalog = IdDictionary.of("a", "b", "c", "d");
        ContextEffects effects = ContextEffects.learn(log, catalog);

        assertThat(effects.fields()).containsExactly("DEVICE");
        int mobile = effects.values(0).indexOf("mobile");
        int desktop = effects.values(0).indexOf("desktop");
        // Distinct (user, item, value): mobile a×2, b×2; desktop c×2. N = 6, N(mobile) = 4.
        // a on mobile: n = 2, e = 2 · 4 / 6.
        assertThat(effects.lift(0, mobile, 0)).isCloseTo(Math.log((2 + 1.0) / (2 * 4 / 6.0 + 1)), within(1e-12));
        // c never on mobile: n = 0, e = 2 · 4 / 6.
        assertThat(effects.lift(0, mobile, 2)).isCloseTo(Math.log(1 / (2 * 4 / 6.0 + 1)), within(1e-12));
        assertThat(effects.lift(0, desktop, 2)).isCloseTo(Math.log(3 / (2 * 2 / 6.0 + 1)), within(1e-12));
        // d has no device at all: neutral everywhere.
        assertThat(effects.lift(0, mobile, 3)).isZero();
        assertThat(effects.lift(0, desktop, 3)).isZero();

        double[] scores = new double[4];
        effects.addTo(scores, effects.resolve(Map.of("device", "mobile")), 0.5);
        for (int item = 0; item < 4; item++) {
            assertThat(scores[item]).as("item %d", item).isCloseTo(0.5 * effects.lift(0, mobile, item), within(1e-6));
        }
    }

    @Test
    void contextKeysMatchIgnoringCaseAndUnknownKeysAndValuesAreIgnored() {
        ContextEffects effects = ContextEffects.learn(small(), IdDictionary.of("a", "b", "c", "d"));

        assertThat(effects.resolve(null)).isNull();
        assertThat(effects.resolve(Map.of())).isNull();
        assertThat(effects.resolve(Map.of("LOCATION", "home"))).isNull();
        assertThat(effects.resolve(Map.of("DEVICE", "tablet"))).isNull();
        assertThat(effects.resolve(Map.of("DEVICE", ""))).isNull();
        assertThat(effects.resolve(Map.of("Device", "mobile", "LOCATION", "home")))
                .containsExactly(0, effects.values(0).indexOf("mobile"));
        // Values are exact.
        assertThat(effects.resolve(Map.of("DEVICE", "Mobile"))).isNull();
    }

    @Test
    void onDataWhereTheDeviceDecidesTasteTheContextClearlyRaisesNdcg() {
        DeviceTaste data = deviceDecides();
        for (String algorithm : List.of("ease", "ials")) {
            UserPersonalizationModel model = train(data.train(), UserPersonalizationRecipe.ALGORITHM, algorithm);
            double blind = data.ndcgAt10(model, false);
            double aware = data.ndcgAt10(model, true);
            System.out.printf(Locale.ROOT, "%s: nDCG@10 without context %.4f, with DEVICE %.4f (%.2fx)%n", algorithm,
                    blind, aware, aware / blind);

            assertThat(model).isInstanceOf(ContextualModel.class);
            assertThat(model.contextFields()).containsExactly("DEVICE");
            assertThat(aware).as(algorithm).isGreaterThan(1.3 * blind).isGreaterThan(0.3);
        }
    }

    @Test
    void whereTheDeviceSaysNothingTheContextCostsAlmostNothing() {
        DeviceTaste data = DeviceTaste.generate(SEED, 300, 4, 30, 12, 2, 0.5);
        UserPersonalizationModel model = train(data.train());
        double blind = data.ndcgAt10(model, false);
        double aware = data.ndcgAt10(model, true);
        System.out.printf(Locale.ROOT, "No device effect: nDCG@10 without context %.4f, with DEVICE %.4f%n", blind, aware);

        assertThat(aware).isGreaterThan(0.95 * blind);
    }

    @Test
    void aNeutralContextAnswersExactlyAsTheBaseModel() {
        DeviceTaste data = deviceDecides();
        for (String algorithm : List.of("ease", "ials")) {
            ContextualModel model = (ContextualModel) train(data.train(), UserPersonalizationRecipe.ALGORITHM, algorithm);
            UserPersonalizationModel base = model.base();
            List<String> recent = List.of("m-1-3", "d-2-0");
            List<String> listed = List.of("m-0-1", "d-0-1", "m-3-4", "nowhere");
            for (Map<String, String> neutral : List.of(Map.<String, String>of(), Map.of("LOCATION", "home"),
                    Map.of("DEVICE", "tablet"))) {
                for (String user : List.of("user-7", "user-8", "stranger")) {
                    assertThat(model.recommend(user, recent, 20, neutral)).isEqualTo(base.recommend(user, recent, 20));
                    assertThat(model.recommend(user, List.of(), 20, neutral)).isEqualTo(base.recommend(user, 20));
                    assertThat(model.rank(user, recent, listed, neutral)).isEqualTo(base.rank(user, recent, listed));
                }
            }
            assertThat(model.recommend("user-7", List.of(), 20, (Map<String, String>) null))
                    .isEqualTo(base.recommend("user-7", 20));
        }
        UserPersonalizationModel off = train(data.train(), UserPersonalizationRecipe.CONTEXT_WEIGHT, "0");
        assertThat(off.recommend("user-7", List.of(), 20, MOBILE)).isEqualTo(off.recommend("user-7", 20));
    }

    @Test
    void aContextPutsTheItemsOfItsHalfFirstForKnownAndNewUsersAlikeWithScoresSummingToOne() {
        DeviceTaste data = deviceDecides();
        UserPersonalizationModel model = train(data.train());

        for (String user : List.of("user-3", "somebody-new")) {
            List<ScoredItem> mobile = model.recommend(user, List.of(), 10, MOBILE);
            List<ScoredItem> desktop = model.recommend(user, List.of(), 10, Map.of("DEVICE", "desktop"));
            assertThat(ids(mobile)).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("m-"));
            assertThat(ids(desktop)).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("d-"));
            assertThat(mobile.stream().map(ScoredItem::score).toList())
                    .isSortedAccordingTo((a, b) -> Double.compare(b, a));
            double total = model.recommend(user, List.of(), model.catalog().size(), MOBILE).stream()
                    .mapToDouble(ScoredItem::score).sum();
            assertThat(total).isCloseTo(1.0, within(1e-9));
        }
        // A new user in a context gets what is popular there: the first item is the most viewed on mobile.
        Map<String, Integer> mobileViews = new HashMap<>();
        InteractionLog log = data.train();
        for (int row = 0; row < log.size(); row++) {
            if (log.contextValues(0).idOf(log.context(0, row)).equals("mobile")) {
                mobileViews.merge(log.items().idOf(log.item(row)), 1, Integer::sum);
            }
        }
        int most = mobileViews.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertThat(mobileViews.get(model.recommend("somebody-new", List.of(), 1, MOBILE).get(0).itemId()))
                .isEqualTo(most);
    }

    @Test
    void aRankingInAContextPutsThatContextsItemsFirstAndUnknownItemsLast() {
        DeviceTaste data = deviceDecides();
        UserPersonalizationModel model = train(data.train());
        // The user's best items without a context, from both halves, listed in reverse.
        List<String> best = new ArrayList<>(ids(model.recommend("user-5", 8)));
        assertThat(best).anySatisfy(id -> assertThat(id).startsWith("m-")).anySatisfy(id -> assertThat(id).startsWith("d-"));
        Collections.reverse(best);
        List<String> listed = new ArrayList<>(best);
        listed.add(2, "unknown-item");
        listed.add(best.get(0));

        List<ScoredItem> ranking = model.rank("user-5", List.of(), listed, MOBILE);

        List<String> order = ids(ranking);
        assertThat(order).hasSize(9).containsExactlyInAnyOrderElementsOf(new HashSet<>(listed));
        long mobile = best.stream().filter(id -> id.startsWith("m-")).count();
        assertThat(order.subList(0, (int) mobile)).allSatisfy(id -> assertThat(id).startsWith("m-"));
        assertThat(ranking.get(8)).isEqualTo(new ScoredItem("unknown-item", 0.0));
        assertThat(ranking.stream().mapToDouble(ScoredItem::score).sum()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aFilteredRequestInAContextSelectsAmongTheAllowedItemsWithTheirUnfilteredScores() {
        DeviceTaste data = deviceDecides();
        UserPersonalizationModel model = train(data.train());
        IdDictionary catalog = model.catalog();
        AllowedItems oddOnes = FilteredRecommendationsTest.allowedBuckets(catalog, i -> i % 2 == 1 ? "keep" : "drop",
                "keep");

        List<ScoredItem> filtered = model.recommend("user-9", List.of(), 10, oddOnes, MOBILE);
        List<ScoredItem> expected = model.recommend("user-9", List.of(), catalog.size(), MOBILE).stream()
                .filter(item -> oddOnes.contains(item.itemId())).limit(10).collect(Collectors.toList());

        assertThat(filtered).hasSize(10).isEqualTo(expected);
        assertThat(model.recommend("user-9", List.of(), 10, oddOnes, Map.of()))
                .isEqualTo(model.recommend("user-9", List.of(), 10, oddOnes));
    }

    @Test
    void theArtifactRoundTripsAndAModelWithoutContextIsWrittenAsBefore() throws IOException {
        DeviceTaste data = deviceDecides();
        for (String algorithm : List.of("ease", "ials")) {
            UserPersonalizationModel model = train(data.train(), UserPersonalizationRecipe.ALGORITHM, algorithm,
                    UserPersonalizationRecipe.CONTEXT_WEIGHT, "1.5");
            byte[] bytes = bytesOf(model);

            ContextualModel copy = (ContextualModel) read(bytes);

            assertThat(copy.contextWeight()).isEqualTo(1.5);
            assertThat(copy.algorithm().value()).isEqualTo(algorithm);
            assertThat(copy.recipe()).isEqualTo(UserPersonalizationRecipe.NAME);
            assertThat(copy.contextFields()).containsExactly("DEVICE");
            for (String user : List.of("user-1", "user-2", "new-user")) {
                assertThat(copy.recommend(user, List.of(), 25, MOBILE)).isEqualTo(model.recommend(user, List.of(), 25,
                        MOBILE));
                assertThat(copy.recommend(user, 25)).isEqualTo(model.recommend(user, 25));
            }
            assertThat(bytesOf(copy)).isEqualTo(bytes);
            // The base model inside is the plain artifact, readable on its own by a build without contexts.
            byte[] base = bytesOf(((ContextualModel) model).base());
            assertThat(read(base)).isInstanceOfAny(EaseModel.class, IalsModel.class);
        }

        InteractionLog plain = data.splitByDevice();
        UserPersonalizationModel withoutContext = train(plain);
        assertThat(withoutContext).isInstanceOf(EaseModel.class);
        assertThat(bytesOf(withoutContext)).isEqualTo(bytesOf(new EaseRecipe(2).train(plain, config())));
        assertThat(((UserModel) read(bytesOf(withoutContext))).recommend("user-1|mobile", List.of(), 5, MOBILE))
                .isEqualTo(withoutContext.recommend("user-1|mobile", 5));
    }

    @Test
    void aCorruptOrTruncatedContextArtifactIsRefusedWithAReason() throws IOException {
        byte[] bytes = bytesOf(train(deviceDecides().train()));

        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(IOException.class).hasMessageContaining("Truncated");
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 3] ^= 0x10;
        assertThatThrownBy(() -> read(flipped)).isInstanceOf(IOException.class);
        // The weight (first payload field, after the 4 + 4 + (4 + key) + 4 header bytes) out of range.
        byte[] heavy = bytes.clone();
        int weightAt = 4 + 4 + 4 + ContextualModel.ARTIFACT_KEY.length() + 4;
        long bits = Double.doubleToLongBits(99.0);
        for (int b = 0; b < 8; b++) {
            heavy[weightAt + b] = (byte) (bits >>> (56 - 8 * b));
        }
        fixChecksum(heavy);
        assertThatThrownBy(() -> read(heavy)).isInstanceOf(IOException.class).hasMessageContaining("weight");
    }

    @Test
    void anUpdateKeepsTheWeightAndLearnsTheContextAgainFromAllTheData() {
        DeviceTaste data = deviceDecides();
        UserPersonalizationRecipe recipe = new UserPersonalizationRecipe(2);
        TrainingConfig config = config(UserPersonalizationRecipe.CONTEXT_WEIGHT, "2");
        ContextualModel first = (ContextualModel) recipe.train(TrainingData.of(data.train()), config,
                TrainingMonitor.NONE);
        InteractionLog.Builder more = InteractionLog.builder(data.train().size() + 30, List.of("DEVICE"));
        InteractionLog log = data.train();
        for (int row = 0; row < log.size(); row++) {
            more.add(log.users().idOf(log.user(row)), log.items().idOf(log.item(row)), log.timestamp(row), "click",
                    Float.NaN, new String[] {log.contextValues(0).idOf(log.context(0, row))});
        }
        // A new device on which thirty users view a new item.
        for (int u = 0; u < 30; u++) {
            more.add("user-" + u, "brand-new-item", GeneratedLogs.START + 10_000_000 + u, "click", Float.NaN,
                    new String[] {"tablet"});
        }

        UserPersonalizationModel updated = recipe.update(first, TrainingData.of(more.build()), config,
                TrainingMonitor.NONE);

        assertThat(updated).isInstanceOf(ContextualModel.class);
        ContextualModel contextual = (ContextualModel) updated;
        assertThat(contextual.contextWeight()).isEqualTo(2.0);
        assertThat(contextual.effects().values(0).indexOf("tablet")).isNotNegative();
        assertThat(updated.recommend("new-user", List.of(), 1, Map.of("DEVICE", "tablet")).get(0).itemId())
                .isEqualTo("brand-new-item");
    }

    @Test
    void theContextWeightIsCheckedAgainstItsRange() {
        assertThatThrownBy(() -> UserPersonalizationRecipe.HyperParameters.parse(
                Map.of(UserPersonalizationRecipe.CONTEXT_WEIGHT, "11")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context_weight")
                .hasMessageContaining("from 0 to 10");
        assertThatThrownBy(() -> UserPersonalizationRecipe.HyperParameters.parse(
                Map.of(UserPersonalizationRecipe.CONTEXT_WEIGHT, "much")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("context_weight");
        assertThat(UserPersonalizationRecipe.HyperParameters.parse(Map.of()).contextWeight())
                .isEqualTo(UserPersonalizationRecipe.DEFAULT_CONTEXT_WEIGHT);
        assertThat(UserPersonalizationRecipe.HYPERPARAMETER_NAMES).contains("context_weight");
    }

    @Test
    void learningIsIndependentOfTheOrderOfTheRows() throws IOException {
        InteractionLog log = deviceDecides().train();
        InteractionLog.Builder reversed = InteractionLog.builder(log.size(), List.of("DEVICE"));
        for (int row = log.size() - 1; row >= 0; row--) {
            reversed.add(log.users().idOf(log.user(row)), log.items().idOf(log.item(row)), log.timestamp(row), "click",
                    Float.NaN, new String[] {log.contextValues(0).idOf(log.context(0, row))});
        }
        IdDictionary catalog = train(log).catalog();
        ContextEffects forward = ContextEffects.learn(log, catalog);
        ContextEffects backward = ContextEffects.learn(reversed.build(), catalog);
        for (String value : Set.of("mobile", "desktop")) {
            for (int item = 0; item < catalog.size(); item += 7) {
                assertThat(backward.lift(0, backward.values(0).indexOf(value), item))
                        .isEqualTo(forward.lift(0, forward.values(0).indexOf(value), item));
            }
        }
    }

    /** Recomputes the trailing CRC-32 over everything before it. */
    private static void fixChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int value = (int) crc.getValue();
        for (int b = 0; b < 4; b++) {
            bytes[bytes.length - 4 + b] = (byte) (value >>> (24 - 8 * b));
        }
    }
}
