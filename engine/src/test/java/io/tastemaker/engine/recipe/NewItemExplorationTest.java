package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.engine.data.ItemAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewItemExplorationTest {

    private static final long NOW = 1_800_000_000L;
    private static final long DAY = 86_400L;
    /** The items the "model" knows well: 20 users each. */
    private static final Set<String> TRAINED = Set.of("jazz1", "jazz2", "jazz3", "rock1", "rock2", "rock3",
            "pop1", "pop2", "pop3", "pop4");

    private static ItemAttributes catalog() {
        ItemAttributes.Builder b = ItemAttributes.builder(List.of("GENRE"), List.of("DESCRIPTION"), List.of());
        add(b, "jazz1", "jazz", "smooth saxophone improvisation", NOW - 400 * DAY);
        add(b, "jazz2", "jazz", "bebop trumpet and saxophone quartet", NOW - 400 * DAY);
        add(b, "jazz3", "jazz|blues", "late night piano trio", NOW - 400 * DAY);
        add(b, "rock1", "rock", "loud electric guitars", NOW - 400 * DAY);
        add(b, "rock2", "rock", "stadium anthems with drums", NOW - 400 * DAY);
        add(b, "rock3", "rock", "garage band guitars", NOW - 400 * DAY);
        for (int i = 1; i <= 4; i++) {
            add(b, "pop" + i, "pop", "catchy chorus number " + i, NOW - 400 * DAY);
        }
        add(b, "new-jazz", "jazz", "a saxophone quartet improvising", NOW - 2 * DAY);
        add(b, "new-rock", "rock", "guitars and drums", NOW - 1 * DAY);
        add(b, "new-text-only", null, "saxophone improvisation all night", NOW - 3 * DAY);
        add(b, "old-cold", "jazz", "saxophone improvisation", NOW - 90 * DAY);
        add(b, "no-time", "country", "fiddle and banjo", ItemAttributes.UNKNOWN_TIME);
        return b.build();
    }

    private static void add(ItemAttributes.Builder b, String id, String genre, String text, long created) {
        b.add(id, new String[] {genre}, new String[] {text}, new double[0], created);
    }

    private static NewItemExploration exploration() {
        return NewItemExploration.of(catalog(), id -> TRAINED.contains(id) ? 20 : 0);
    }

    private static List<ScoredItem> modelList() {
        List<ScoredItem> list = new ArrayList<>();
        String[] order = {"pop1", "pop2", "jazz1", "rock1", "pop3", "jazz2", "rock2", "pop4", "jazz3", "rock3"};
        for (int i = 0; i < order.length; i++) {
            list.add(new ScoredItem(order[i], 0.2 - 0.01 * i));
        }
        return list;
    }

    private static List<String> ids(List<ScoredItem> items) {
        return items.stream().map(ScoredItem::itemId).toList();
    }

    @Test
    void thePoolIsTheLittleExposedItemsNewestFirst() {
        assertThat(exploration().poolOrder()).containsExactly("no-time", "new-rock", "new-jazz", "new-text-only",
                "old-cold");
        NewItemExploration wellExposedStay = NewItemExploration.of(catalog(),
                id -> TRAINED.contains(id) ? 20 : id.equals("new-rock") ? NewItemExploration.LOW_EXPOSURE_USERS : 1);
        assertThat(wellExposedStay.poolOrder()).doesNotContain("new-rock").contains("new-jazz");
    }

    @Test
    void weightZeroExploresNothing() {
        NewItemExploration.Explored result = exploration().explore(modelList(), 10, List.of("jazz1", "jazz2"),
                new ExplorationConfig(0, 30), NOW, id -> true, id -> 1);

        assertThat(result.exploredItemIds()).isEmpty();
        assertThat(result.items()).isEqualTo(modelList());
    }

    @Test
    void aJazzListenerIsShownTheNewJazzFirstMarkedAndSpreadOverTheList() {
        NewItemExploration.Explored result = exploration().explore(modelList(), 10, List.of("jazz1", "jazz2", "jazz3"),
                new ExplorationConfig(0.3, 30), NOW, id -> true, id -> 1);

        // weight 0.3 of 10 places: 2 explored, the best matches: same genre and words, then shared words.
        assertThat(result.exploredItemIds()).containsExactlyInAnyOrder("new-jazz", "new-text-only");
        assertThat(result.items()).hasSize(10);
        List<String> ids = ids(result.items());
        assertThat(ids.indexOf("new-jazz")).isEqualTo(3);
        assertThat(ids.indexOf("new-text-only")).isEqualTo(6);
        assertThat(ids).doesNotContain("old-cold").containsSubsequence("pop1", "pop2", "jazz1", "rock1", "pop3",
                "jazz2", "rock2", "pop4");
        for (int i = 1; i < result.items().size(); i++) {
            assertThat(result.items().get(i).score()).isLessThanOrEqualTo(result.items().get(i - 1).score());
        }
    }

    @Test
    void aRockListenerGetsTheNewRockInstead() {
        NewItemExploration.Explored result = exploration().explore(modelList(), 10, List.of("rock1", "rock3"),
                new ExplorationConfig(0.1, 30), NOW, id -> true, id -> 1);

        assertThat(result.exploredItemIds()).containsExactly("new-rock");
    }

    @Test
    void moreWeightExploresMoreAndTheCutOffKeepsOldItemsOut() {
        NewItemExploration x = exploration();
        List<String> taste = List.of("jazz1");
        int light = x.explore(modelList(), 10, taste, new ExplorationConfig(0.2, 30), NOW, id -> true, id -> 1)
                .exploredItemIds().size();
        NewItemExploration.Explored heavy = x.explore(modelList(), 10, taste, new ExplorationConfig(1, 30), NOW,
                id -> true, id -> 1);
        assertThat(light).isEqualTo(1);
        assertThat(heavy.exploredItemIds()).hasSize(4).doesNotContain("old-cold");
        assertThat(x.explore(modelList(), 10, taste, new ExplorationConfig(1, 100), NOW, id -> true, id -> 1)
                .exploredItemIds()).contains("old-cold");
    }

    @Test
    void theFilterTheHistoryAndImpressionsDecideAmongCandidates() {
        NewItemExploration x = exploration();
        List<String> taste = List.of("jazz1", "jazz2", "new-jazz");
        NewItemExploration.Explored noRepeat = x.explore(modelList(), 10, taste, new ExplorationConfig(0.1, 30), NOW,
                id -> true, id -> 1);
        assertThat(noRepeat.exploredItemIds()).containsExactly("new-text-only");

        NewItemExploration.Explored filtered = x.explore(modelList(), 10, List.of("jazz1"), new ExplorationConfig(0.1, 30),
                NOW, id -> !id.equals("new-jazz"), id -> 1);
        assertThat(filtered.exploredItemIds()).containsExactly("new-text-only");

        NewItemExploration.Explored ignored = x.explore(modelList(), 10, List.of("jazz1"), new ExplorationConfig(0.1, 30),
                NOW, id -> true, id -> Map.of("new-jazz", 0.01, "new-text-only", 0.01).getOrDefault(id, 1.0));
        assertThat(ignored.exploredItemIds()).doesNotContain("new-jazz", "new-text-only");
    }

    @Test
    void aUserWithoutHistoryIsShownTheNewestAndShortListsAreFilled() {
        NewItemExploration.Explored result = exploration().explore(modelList().subList(0, 2), 4, List.of(),
                new ExplorationConfig(1, 30), NOW, id -> true, id -> 1);

        assertThat(result.exploredItemIds()).containsExactlyInAnyOrder("no-time", "new-rock");
        assertThat(result.items()).hasSize(4);
    }
}
