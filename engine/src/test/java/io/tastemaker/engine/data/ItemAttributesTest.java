package io.tastemaker.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ItemAttributesTest {

    private static ItemAttributes.Builder builder() {
        return ItemAttributes.builder(List.of("GENRES"), List.of("DESCRIPTION"), List.of("PRICE"));
    }

    @Test
    void splitsCategoricalValuesOnBarsAndKeepsEachOnce() {
        ItemAttributes items = builder()
                .add("i1", new String[] {" Comedy|Drama |Comedy||"}, new String[] {"A film"}, new double[] {9.5}, 100L)
                .add("i2", new String[] {"Drama"}, new String[] {"  "}, new double[] {Double.NaN},
                        ItemAttributes.UNKNOWN_TIME)
                .build();

        IdDictionary genres = items.categoricalDictionary(0);
        assertThat(genres.size()).isEqualTo(2);
        int i1 = items.items().indexOf("i1");
        int i2 = items.items().indexOf("i2");
        assertThat(items.categoricalValues(0, i1)).containsExactly(genres.indexOf("Comedy"), genres.indexOf("Drama"));
        assertThat(items.categoricalValues(0, i2)).containsExactly(genres.indexOf("Drama"));
        assertThat(items.text(0, i1)).isEqualTo("A film");
        assertThat(items.text(0, i2)).as("blank text is no text").isNull();
        assertThat(items.number(0, i1)).isEqualTo(9.5);
        assertThat(items.number(0, i2)).isNaN();
        assertThat(items.creationTime(i1)).isEqualTo(100L);
        assertThat(items.creationTime(i2)).isEqualTo(ItemAttributes.UNKNOWN_TIME);
    }

    @Test
    void addingAnItemAgainReplacesItsAttributes() {
        ItemAttributes items = builder()
                .add("i1", new String[] {"Comedy"}, new String[] {"old"}, new double[] {1}, 1L)
                .add("i2", new String[] {null}, new String[] {null}, new double[] {2}, 2L)
                .add("i1", new String[] {"Horror"}, new String[] {"new"}, new double[] {3}, 3L)
                .build();

        assertThat(items.size()).isEqualTo(2);
        int i1 = items.items().indexOf("i1");
        assertThat(items.categoricalDictionary(0).idOf(items.categoricalValue(0, i1, 0))).isEqualTo("Horror");
        assertThat(items.categoricalValueCount(0, i1)).isEqualTo(1);
        assertThat(items.text(0, i1)).isEqualTo("new");
        assertThat(items.number(0, i1)).isEqualTo(3);
        assertThat(items.creationTime(i1)).isEqualTo(3L);
        assertThat(items.categoricalValueCount(0, items.items().indexOf("i2"))).isZero();
    }

    @Test
    void growsPastItsInitialCapacity() {
        ItemAttributes.Builder builder = builder();
        for (int i = 0; i < 1_000; i++) {
            builder.add("item-" + i, new String[] {"g" + (i % 7)}, new String[] {"text " + i}, new double[] {i}, i);
        }
        ItemAttributes items = builder.build();

        assertThat(items.size()).isEqualTo(1_000);
        assertThat(items.number(0, 999)).isEqualTo(999);
        assertThat(items.creationTime(998)).isEqualTo(998);
        assertThat(items.categoricalDictionary(0).size()).isEqualTo(7);
    }

    @Test
    void rejectsValueArraysThatDoNotMatchTheFields() {
        assertThatThrownBy(() -> builder().add("i", new String[0], new String[] {"t"}, new double[] {1}, 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("categorical").hasMessageContaining("GENRES");
        assertThatThrownBy(() -> ItemAttributes.builder(List.of("A"), List.of("A"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("distinct");
    }

    @Test
    void theEmptyAttributesHaveNoItemsAndNoFields() {
        assertThat(ItemAttributes.empty().size()).isZero();
        assertThat(ItemAttributes.empty().categoricalFields()).isEmpty();
    }
}
