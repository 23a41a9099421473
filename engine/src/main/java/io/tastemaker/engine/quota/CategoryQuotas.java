package io.tastemaker.engine.quota;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Category quotas over a ranked list: the greedy pass that picks {@code places} items from a model's
 * ranked candidates so that each {@link AtLeast} rule gets its share of items from its category
 * (when enough candidates belong to it) and no {@link AtMost} or {@link AtMostPer} cap is exceeded.
 * The chosen items keep the model's order.
 *
 * <p>Items are keys (a catalog index; {@code -1} for an item the catalog doesn't know, which belongs
 * to no category). Shares are of {@code places}: an {@code AT LEAST p} rule needs
 * {@code ceil(places·p/100)} items, an {@code AT MOST p} cap allows {@code floor(places·p/100)}, and
 * an {@code AT MOST p PER} cap allows {@code max(1, floor(places·p/100))} items of each value (at
 * least one, so that a short list is not left to items without a value).
 *
 * <p>The pass, in rank order: an item that would exceed a cap is skipped for good; an item that
 * would leave fewer free places than the {@code AT LEAST} rules still miss is set aside; any other
 * item is taken. Then, if places are left (too few category items to meet a floor, or floors and
 * caps that contradict each other), the set-aside items fill them in rank order, caps still holding.
 * So caps are never exceeded (the list is shorter when the candidates run out), a floor is met
 * whenever the candidates hold enough items of its category that no cap excludes, and among the
 * lists that do both, the pass keeps the model's best items. A floor counts the items that belong
 * to its category whether or not they were picked for it, so overlapping floors may set aside more
 * than needed; the fill step gives those places back.
 *
 * <p>One greedy pass can leave the list short although a full one exists under the caps: an item
 * with two values (or in two capped categories) fills two caps at once. When the list comes out
 * short, the pass is repeated with such items moved to the very end (taken only if places are still
 * left once every other item was considered), one more each time, from the lowest ranked up, and the
 * longest list that meets the floors as well as the first is kept; at most {@value #MAX_REPAIRS}
 * passes are tried.
 *
 * <p>Immutable and thread-safe if the rules' functions are; no boxing in the pass.
 */
public final class CategoryQuotas {

    /** How many times {@code places} candidates to ask a model for, at least. */
    public static final int OVERSAMPLING = 4;
    /** Candidates to ask for beyond {@code places}, at least, so that short lists have room too. */
    public static final int MIN_EXTRA_CANDIDATES = 20;
    /** Passes tried at most to lengthen a list that caps left short (see the class description). */
    public static final int MAX_REPAIRS = 32;

    private static final CategoryQuotas NONE = new CategoryQuotas(List.of());

    private final List<Rule> rules;

    private CategoryQuotas(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No quotas: {@link #select} takes the first {@code places} items. */
    public static CategoryQuotas none() {
        return NONE;
    }

    /** Quotas that all hold at once. */
    public static CategoryQuotas of(List<Rule> rules) {
        return rules.isEmpty() ? NONE : new CategoryQuotas(rules);
    }

    /** The rules. */
    public List<Rule> rules() {
        return rules;
    }

    /** Whether there are no rules. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * How many ranked candidates to ask the model for so that the quotas can be met for
     * {@code places}: {@code places} without rules, else {@code max(places·}{@value #OVERSAMPLING}{@code ,
     * places + }{@value #MIN_EXTRA_CANDIDATES}{@code )}.
     */
    public int candidates(int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be >= 0, was " + places);
        }
        if (isEmpty() || places == 0) {
            return places;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max((long) places * OVERSAMPLING, (long) places + MIN_EXTRA_CANDIDATES));
    }

    /** The items of its category an {@code AT LEAST percent} rule needs in a list of {@code places}. */
    public static int floor(int percent, int places) {
        return (int) (((long) places * percent + 99) / 100);
    }

    /** The items of its category an {@code AT MOST percent} rule allows in a list of {@code places}. */
    public static int cap(int percent, int places) {
        return (int) ((long) places * percent / 100);
    }

    /** The items of each value an {@code AT MOST percent PER} rule allows in a list of {@code places}. */
    public static int capPerValue(int percent, int places) {
        return Math.max(1, cap(percent, places));
    }

    /**
     * Picks up to {@code places} of the {@code ranked} items (best first) as the class description
     * says.
     *
     * @param ranked item keys, best first, without repeats
     * @return the positions in {@code ranked} of the picked items, ascending (so in the model's order)
     */
    public int[] select(int[] ranked, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be >= 0, was " + places);
        }
        if (isEmpty()) {
            int[] first = new int[Math.min(places, ranked.length)];
            Arrays.setAll(first, i -> i);
            return first;
        }
        boolean[] lastResort = new boolean[ranked.length];
        Pass first = new Pass(ranked, places, lastResort);
        int[] chosen = first.run();
        int shortfall = first.floorShortfall();
        int[] current = chosen;
        for (int attempt = 0; attempt < MAX_REPAIRS && chosen.length < Math.min(places, ranked.length); attempt++) {
            int moved = -1;
            for (int c = current.length - 1; c >= 0 && moved < 0; c--) {
                if (!lastResort[current[c]] && capUnits(ranked[current[c]]) >= 2) {
                    moved = current[c];
                }
            }
            if (moved < 0) {
                break;
            }
            lastResort[moved] = true;
            Pass other = new Pass(ranked, places, lastResort);
            current = other.run();
            if (current.length > chosen.length && other.floorShortfall() <= shortfall) {
                chosen = current;
                shortfall = other.floorShortfall();
            }
        }
        return chosen;
    }

    /** How many cap counters an item moves: the caps whose category it is in, and its values under each PER cap. */
    private int capUnits(int key) {
        if (key < 0) {
            return 0;
        }
        int units = 0;
        for (Rule rule : rules) {
            if (rule instanceof AtMost m && m.member().test(key)) {
                units++;
            } else if (rule instanceof AtMostPer p) {
                units += p.values().apply(key).length;
            }
        }
        return units;
    }

    @Override
    public String toString() {
        return "CategoryQuotas" + rules;
    }

    /** One quota. */
    public sealed interface Rule permits AtLeast, AtMost, AtMostPer {

        /** 1 to 100. */
        int percent();
    }

    /**
     * At least {@code percent} of the list from the items {@code member} accepts.
     *
     * @param member whether the item with a key belongs to the category; false for {@code -1}
     */
    public record AtLeast(int percent, IntPredicate member) implements Rule {

        public AtLeast {
            checkPercent(percent);
            Objects.requireNonNull(member, "member");
        }
    }

    /** At most {@code percent} of the list from the items {@code member} accepts. */
    public record AtMost(int percent, IntPredicate member) implements Rule {

        public AtMost {
            checkPercent(percent);
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * At most {@code percent} of the list from any one value: an item counts toward each of its
     * values, and is skipped if any of them has reached the cap.
     *
     * @param valueCount how many values there are; value ids are {@code 0 .. valueCount - 1}
     * @param values the value ids of the item with a key, without repeats; empty for none (and for
     *     {@code -1})
     */
    public record AtMostPer(int percent, int valueCount, IntFunction<int[]> values) implements Rule {

        public AtMostPer {
            checkPercent(percent);
            if (valueCount < 0) {
                throw new IllegalArgumentException("valueCount must be >= 0, was " + valueCount);
            }
            Objects.requireNonNull(values, "values");
        }
    }

    private static void checkPercent(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be between 1 and 100, was " + percent);
        }
    }

    /** The state of one {@link #select}. */
    private final class Pass {

        final int[] ranked;
        final int places;
        final List<AtLeast> floors = new ArrayList<>();
        final List<AtMost> caps = new ArrayList<>();
        final List<AtMostPer> perValue = new ArrayList<>();
        /** Per floor: items still needed. */
        final int[] missing;
        /** Per cap: items still allowed. */
        final int[] room;
        /** Per PER cap: items of each value still allowed. */
        final int[][] roomPerValue;

        /** Items considered only after every other one. */
        final boolean[] lastResort;

        Pass(int[] ranked, int places, boolean[] lastResort) {
            this.ranked = ranked;
            this.places = places;
            this.lastResort = lastResort;
            for (Rule rule : rules) {
                if (rule instanceof AtLeast a) {
                    floors.add(a);
                } else if (rule instanceof AtMost m) {
                    caps.add(m);
                } else {
                    perValue.add((AtMostPer) rule);
                }
            }
            missing = new int[floors.size()];
            for (int r = 0; r < missing.length; r++) {
                AtLeast floor = floors.get(r);
                int members = 0;
                for (int key : ranked) {
                    if (key >= 0 && floor.member().test(key)) {
                        members++;
                    }
                }
                missing[r] = Math.min(floor(floor.percent(), places), members);
            }
            room = new int[caps.size()];
            for (int r = 0; r < room.length; r++) {
                room[r] = cap(caps.get(r).percent(), places);
            }
            roomPerValue = new int[perValue.size()][];
            for (int r = 0; r < roomPerValue.length; r++) {
                AtMostPer rule = perValue.get(r);
                roomPerValue[r] = new int[rule.valueCount()];
                Arrays.fill(roomPerValue[r], capPerValue(rule.percent(), places));
            }
        }

        int[] run() {
            boolean[] taken = new boolean[ranked.length];
            int[] setAside = new int[ranked.length];
            int asideCount = 0;
            int count = 0;
            int totalMissing = 0;
            for (int m : missing) {
                totalMissing += m;
            }
            for (int i = 0; i < ranked.length && count < places; i++) {
                int key = ranked[i];
                if (lastResort[i] || exceedsCap(key)) {
                    continue;
                }
                int covered = 0;
                for (int r = 0; r < missing.length; r++) {
                    if (missing[r] > 0 && key >= 0 && floors.get(r).member().test(key)) {
                        covered++;
                    }
                }
                if (totalMissing - covered > places - count - 1) {
                    setAside[asideCount++] = i;
                    continue;
                }
                totalMissing -= take(key);
                taken[i] = true;
                count++;
            }
            for (int a = 0; a < asideCount && count < places; a++) {
                int i = setAside[a];
                if (!exceedsCap(ranked[i])) {
                    take(ranked[i]);
                    taken[i] = true;
                    count++;
                }
            }
            for (int i = 0; i < ranked.length && count < places; i++) {
                if (lastResort[i] && !exceedsCap(ranked[i])) {
                    take(ranked[i]);
                    taken[i] = true;
                    count++;
                }
            }
            int[] chosen = new int[count];
            int c = 0;
            for (int i = 0; i < ranked.length; i++) {
                if (taken[i]) {
                    chosen[c++] = i;
                }
            }
            return chosen;
        }

        /** After {@link #run}: the items the floors still miss, in total. */
        int floorShortfall() {
            int total = 0;
            for (int m : missing) {
                total += m;
            }
            return total;
        }

        boolean exceedsCap(int key) {
            if (key < 0) {
                return false;
            }
            for (int r = 0; r < room.length; r++) {
                if (room[r] == 0 && caps.get(r).member().test(key)) {
                    return true;
                }
            }
            for (int r = 0; r < roomPerValue.length; r++) {
                for (int v : perValue.get(r).values().apply(key)) {
                    if (roomPerValue[r][v] == 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Counts the item toward every rule; returns by how much the floors' missing total fell. */
        int take(int key) {
            if (key < 0) {
                return 0;
            }
            int met = 0;
            for (int r = 0; r < missing.length; r++) {
                if (missing[r] > 0 && floors.get(r).member().test(key)) {
                    missing[r]--;
                    met++;
                }
            }
            for (int r = 0; r < room.length; r++) {
                if (caps.get(r).member().test(key)) {
                    room[r]--;
                }
            }
            for (int r = 0; r < roomPerValue.length; r++) {
                for (int v : perValue.get(r).values().apply(key)) {
                    roomPerValue[r][v]--;
                }
            }
            return met;
        }
    }
}
