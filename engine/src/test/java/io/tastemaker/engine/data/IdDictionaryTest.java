package io.tastemaker.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdDictionaryTest {

    @Test
    void assignsIndicesInOrderOfFirstAppearance() {
        IdDictionary.Builder builder = new IdDictionary.Builder();

        assertThat(builder.intern("b")).isZero();
        assertThat(builder.intern("a")).isEqualTo(1);
        assertThat(builder.intern("b")).isZero();
        IdDictionary dictionary = builder.build();

        assertThat(dictionary.size()).isEqualTo(2);
        assertThat(dictionary.idOf(0)).isEqualTo("b");
        assertThat(dictionary.idOf(1)).isEqualTo("a");
        assertThat(dictionary.indexOf("a")).isEqualTo(1);
        assertThat(dictionary.indexOf("c")).isEqualTo(-1);
    }

    @Test
    void keepsEveryIdAcrossGrowth() {
        IdDictionary.Builder builder = new IdDictionary.Builder(2);
        for (int i = 0; i < 50_000; i++) {
            assertThat(builder.intern("id-" + i)).isEqualTo(i);
        }
        IdDictionary dictionary = builder.build();

        assertThat(dictionary.size()).isEqualTo(50_000);
        for (int i = 0; i < 50_000; i++) {
            assertThat(dictionary.indexOf("id-" + i)).isEqualTo(i);
            assertThat(dictionary.idOf(i)).isEqualTo("id-" + i);
        }
    }

    @Test
    void aBuiltDictionaryDoesNotSeeLaterIds() {
        IdDictionary.Builder builder = new IdDictionary.Builder();
        builder.intern("x");
        IdDictionary snapshot = builder.build();
        builder.intern("y");

        assertThat(snapshot.size()).isEqualTo(1);
        assertThat(snapshot.indexOf("y")).isEqualTo(-1);
        assertThat(builder.build().indexOf("y")).isEqualTo(1);
    }

    @Test
    void rejectsBadIds() {
        assertThatThrownBy(() -> IdDictionary.of("a", "b", "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> new IdDictionary.Builder().intern(""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdDictionary.of("a").idOf(1))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(IdDictionary.empty().size()).isZero();
        assertThat(IdDictionary.empty().indexOf("a")).isEqualTo(-1);
    }
}
