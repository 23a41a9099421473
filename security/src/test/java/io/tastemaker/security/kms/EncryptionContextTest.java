package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextTest {

    @Test
    void the_order_in_which_pairs_were_sent_does_not_matter() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("a", "1");
        other.put("b", "2");
        assertThat(EncryptionContext.of(one).aad()).isEqualTo(EncryptionContext.of(other).aad());
        assertThat(EncryptionContext.of(one)).isEqualTo(EncryptionContext.of(other));
    }

    @Test
    void different_contexts_never_share_an_encoding() {
        // Without lengths, "ab"+"c" and "a"+"bc" would both read "abc".
        assertThat(EncryptionContext.of(Map.of("ab", "c")).aad()).isNotEqualTo(EncryptionContext.of(Map.of("a", "bc")).aad());
        assertThat(EncryptionContext.of(Map.of("a", "")).aad()).isNotEqualTo(EncryptionContext.EMPTY.aad());
        assertThat(EncryptionContext.of(Map.of("k", "v")).aad()).isNotEqualTo(EncryptionContext.of(Map.of("k", "w")).aad());
    }

    @Test
    void no_context_is_the_empty_context() {
        assertThat(EncryptionContext.of(null)).isEqualTo(EncryptionContext.EMPTY);
        assertThat(EncryptionContext.of(Map.of())).isEqualTo(EncryptionContext.EMPTY);
        assertThat(EncryptionContext.EMPTY.aad()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void a_null_value_is_refused() {
        Map<String, String> pairs = new HashMap<>();
        pairs.put("k", null);
        assertThatThrownBy(() -> EncryptionContext.of(pairs)).isInstanceOf(ValidationException.class);
    }
}
