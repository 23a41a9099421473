package io.tastemaker.engine.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class CategoryQuotasTest {

    /** Items 0..: even keys are "comedy" in the tests below. */
    private static final IntPredicate COMEDY = key -> key % 2 == 0;

    @Test
    void withoutRulesTakesTheFirstPlaces() {
        assertThat(CategoryQuotas.none().select(new int[] {5, 3, 9}, 2)).containsExactly(0, 1);
        assertThat(CategoryQuotas.none().select(new int[] {5}, 2)).containsExactly(0);
        assertThat(CategoryQuotas.none().candidates(10)).isEqualTo(10);
    }

    @Test
    void roundsFloorsUpAndCapsDownOfThePlaces() {
        assertThat(CategoryQuotas.floor(30, 10)).isEqualTo(3);
        assertThat(CategoryQuotas.floor(30, 25)).as("7.5 → 8").isEqualTo(8);
        assertThat(CategoryQuotas.floor(1, 1)).isEqualTo(1);
        assertThat(CategoryQuotas.cap(40, 10)).isEqualTo(4);
        assertThat(CategoryQuotas.cap(40, 2)).isZero();
        assertThat(CategoryQuotas.capPerValue(40, 2)).as("at least one of each value").isEqualTo(1);
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtMost(10, COMEDY)));
        assertThat(quotas.candidates(25)).isEqualTo(100);
        assertThat(quotas.candidates(2)).isEqualTo(22);
        assertThat(quotas.candidates(0)).isZero();
    }

    @Test
    void atLeastReservesPlacesForTheBestItemsOfTheCategoryAndKeepsTheModelsOrder() {
        // ranked: 1 3 5 7 2 9 4 6 11 8 — comedy (even) items at positions 4, 6, 7, 9
        int[] ranked = {1, 3, 5, 7, 2, 9, 4, 6, 11, 8};
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtLeast(30, COMEDY)));

        assertThat(keys(ranked, quotas.select(ranked, 5))).as("30% of 5 is 2 (rounded up): the best 3 others, the best "
                + "2 comedies").containsExactly(1, 3, 5, 2, 4);
        assertThat(keys(ranked, quotas.select(ranked, 7))).as("3 places reserved").containsExactly(1, 3, 5, 7, 2, 4, 6);
        assertThat(keys(ranked, quotas.select(ranked, 10))).hasSize(10);
        int[] fewComedies = {1, 3, 5, 7, 2, 9, 11, 13};
        assertThat(keys(fewComedies, quotas.select(fewComedies, 6)))
                .as("only one comedy among the candidates: it is kept, the others fill the list").containsExactly(1, 3, 5, 7, 2, 9);
    }

    @Test
    void atMostSkipsItemsOfACappedCategoryAndBackfillsFromFurtherDown() {
        int[] ranked = {2, 4, 6, 1, 8, 3, 10, 5};
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtMost(40, COMEDY)));
        assertThat(keys(ranked, quotas.select(ranked, 5))).containsExactly(2, 4, 1, 3, 5);
        assertThat(keys(ranked, quotas.select(ranked, 8))).as("caps hold even if the list comes out short")
                .containsExactly(2, 4, 6, 1, 3, 5);
    }

    @Test
    void atMostPerValueCountsAMultiValuedItemTowardEachOfItsValues() {
        // values: 0 = drama, 1 = comedy, 2 = horror
        int[][] values = {{0, 1}, {0}, {1}, {2}, {0}, {}, {2}, {1, 2}};
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtMostPer(40, 3, key -> values[key])));
        int[] ranked = {0, 1, 2, 3, 4, 5, 6, 7};
        // places 5 → at most 2 of each value: 0 (drama, comedy), 1 (drama: 2), 2 (comedy: 2), 3 (horror), 4 drama capped,
        // 5 (no value), done.
        assertThat(keys(ranked, quotas.select(ranked, 5))).containsExactly(0, 1, 2, 3, 5);
    }

    @Test
    void itemsThatFillTwoCapsAtOnceMoveBackWhenTheyWouldLeaveTheListShort() {
        // keys 0-4 comedy|drama (best), 5-9 comedy, 10-14 drama, 15-19 documentary; 40% of 10 = 4 of each value
        int[][] values = new int[20][];
        for (int key = 0; key < 20; key++) {
            values[key] = key < 5 ? new int[] {0, 1} : key < 10 ? new int[] {0} : key < 15 ? new int[] {1} : new int[] {2};
        }
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtMostPer(40, 3, key -> values[key])));
        int[] ranked = new int[20];
        Arrays.setAll(ranked, i -> i);
        // one pass: 0-3 fill comedy and drama, then 4 documentaries: 8 items. Moving 3 and then 2 back makes room.
        assertThat(keys(ranked, quotas.select(ranked, 10))).containsExactly(0, 1, 5, 6, 10, 11, 15, 16, 17, 18);
    }

    @Test
    void capsWinWhenRulesContradictEachOther() {
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtLeast(60, COMEDY),
                new CategoryQuotas.AtMost(20, COMEDY)));
        int[] ranked = {2, 4, 6, 1, 3, 5, 7, 9};
        assertThat(keys(ranked, quotas.select(ranked, 5))).containsExactly(2, 1, 3, 5, 7);
    }

    @Test
    void itemsTheCatalogDoesntKnowBelongToNoCategory() {
        CategoryQuotas quotas = CategoryQuotas.of(List.of(new CategoryQuotas.AtLeast(50, COMEDY),
                new CategoryQuotas.AtMostPer(50, 1, key -> new int[] {0})));
        int[] ranked = {-1, -1, 2, 4};
        assertThat(quotas.select(ranked, 2)).containsExactly(0, 2);
        assertThatThrownBy(() -> new CategoryQuotas.AtLeast(0, COMEDY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CategoryQuotas.AtMost(101, COMEDY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> quotas.select(ranked, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random catalogs, rankings and rules: caps are never exceeded; a single floor is met whenever the
     * candidates allow and the list is then exactly the best items that meet it; the list is as long as
     * the caps allow.
     */
    @Test
    void randomizedListsHonourEveryQuota() {
        long seed = 20261129L;
        System.out.println("CategoryQuotasTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 1_500; run++) {
            int catalog = 1 + random.nextInt(200);
            int valueCount = 1 + random.nextInt(8);
            int[][] values = new int[catalog][];
            for (int key = 0; key < catalog; key++) {
                values[key] = random.ints(0, valueCount).distinct().limit(Math.min(random.nextInt(3), valueCount)).toArray();
            }
            int target = random.nextInt(valueCount);
            IntPredicate member = key -> key >= 0 && Arrays.stream(values[key]).anyMatch(v -> v == target);
            IntFunction<int[]> valuesOf = key -> values[key];
            int[] ranked = random.ints(0, catalog).distinct().limit(1 + random.nextInt(catalog)).toArray();
            int places = 1 + random.nextInt(40);
            int shape = random.nextInt(4);
            List<CategoryQuotas.Rule> rules = new ArrayList<>();
            int percent = 1 + random.nextInt(100);
            if (shape == 0 || shape == 3) {
                rules.add(new CategoryQuotas.AtLeast(percent, member));
            }
            if (shape == 1 || shape == 3) {
                rules.add(new CategoryQuotas.AtMostPer(1 + random.nextInt(100), valueCount, valuesOf));
            }
            if (shape == 2) {
                rules.add(new CategoryQuotas.AtMost(percent, member));
            }
            CategoryQuotas quotas = CategoryQuotas.of(rules);
            int[] chosen = quotas.select(ranked, places);
            String context = "seed " + seed + " run " + run + " " + rules;

            assertThat(chosen).as(context).isSorted().doesNotHaveDuplicates();
            assertThat(chosen.length).as(context).isLessThanOrEqualTo(places);
            int[] picked = keys(ranked, chosen).stream().mapToInt(Integer::intValue).toArray();
            for (CategoryQuotas.Rule rule : rules) {
                if (rule instanceof CategoryQuotas.AtMost m) {
                    assertThat(count(picked, member)).as(context).isLessThanOrEqualTo(CategoryQuotas.cap(m.percent(), places));
                }
                if (rule instanceof CategoryQuotas.AtMostPer p) {
                    for (int v = 0; v < valueCount; v++) {
                        int value = v;
                        assertThat(count(picked, key -> Arrays.stream(values[key]).anyMatch(x -> x == value))).as(context)
                                .isLessThanOrEqualTo(CategoryQuotas.capPerValue(p.percent(), places));
                    }
                }
            }
            if (shape == 0) {
                int members = count(ranked, member);
                int need = Math.min(CategoryQuotas.floor(percent, places), members);
                assertThat(chosen.length).as(context).isEqualTo(Math.min(places, ranked.length));
                assertThat(count(picked, member)).as(context).isGreaterThanOrEqualTo(need);
                assertThat(picked).as(context).containsExactlyInAnyOrder(bestMeetingOneFloor(ranked, member, need, places));
            } else if (chosen.length < Math.min(places, ranked.length)) {
                assertThat(chosen.length).as(context + ": a short list only when every other candidate is capped")
                        .isEqualTo(shortListLength(ranked, chosen, quotas, places));
            }
        }
    }

    /** The best {@code need} members, then the best {@code places - need} of the rest. */
    private static int[] bestMeetingOneFloor(int[] ranked, IntPredicate member, int need, int places) {
        List<Integer> picked = new ArrayList<>();
        boolean[] used = new boolean[ranked.length];
        for (int i = 0; i < ranked.length && picked.size() < need; i++) {
            if (member.test(ranked[i])) {
                picked.add(ranked[i]);
                used[i] = true;
            }
        }
        for (int i = 0; i < ranked.length && picked.size() < Math.min(places, ranked.length); i++) {
            if (!used[i]) {
                picked.add(ranked[i]);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Adding any unchosen candidate to the list must break a cap: re-selecting with it in front changes nothing. */
    private static int shortListLength(int[] ranked, int[] chosen, CategoryQuotas quotas, int places) {
        int[] only = new int[chosen.length];
        for (int c = 0; c < chosen.length; c++) {
            only[c] = ranked[chosen[c]];
        }
        for (int i = 0; i < ranked.length; i++) {
            if (Arrays.binarySearch(chosen, i) < 0) {
                int[] plus = Arrays.copyOf(only, only.length + 1);
                plus[only.length] = ranked[i];
                assertThat(quotas.select(plus, places)).as("candidate " + ranked[i] + " would fit under every cap")
                        .hasSize(chosen.length);
            }
        }
        return chosen.length;
    }

    private static int count(int[] keys, IntPredicate predicate) {
        return (int) Arrays.stream(keys).filter(key -> key >= 0 && predicate.test(key)).count();
    }

    private static List<Integer> keys(int[] ranked, int[] positions) {
        List<Integer> keys = new ArrayList<>();
        for (int p : positions) {
            keys.add(ranked[p]);
        }
        return keys;
    }
}
