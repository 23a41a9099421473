package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final long SEED = 7L;

    @Test
    void seals_and_opens_with_the_same_data_key_and_context() {
        Envelope envelope = new Envelope(key(SEED));
        byte[] sealed = envelope.sealText("Marker title", "item_record:shop:i1");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Marker");
        assertThat(envelope.openText(sealed, "item_record:shop:i1")).isEqualTo("Marker title");
        assertThat(new Envelope(key(SEED)).openText(sealed, "item_record:shop:i1")).isEqualTo("Marker title");
    }

    @Test
    void another_data_key_or_context_is_invalid_ciphertext() {
        byte[] sealed = new Envelope(key(SEED)).sealText("x", "row-1");
        assertThatThrownBy(() -> new Envelope(key(SEED + 1)).openText(sealed, "row-1"))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> new Envelope(key(SEED)).openText(sealed, "row-2"))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void only_256_bit_data_keys_are_taken() {
        assertThatThrownBy(() -> new Envelope(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Envelope(key(SEED)).toString()).doesNotContain("[B@");
    }

    private static byte[] key(long seed) {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        return key;
    }
}
