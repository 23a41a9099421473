package io.tastemaker.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final long SEED = 20250301L;
    private static final byte[] KEY = key(SEED);
    private static final byte[] AAD = "access-key:AKIAIOSFODNN7EXAMPLE"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET =
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".getBytes(StandardCharsets.UTF_8);

    private final SecretBox box = new SecretBox(KEY);

    private static byte[] key(long seed) {
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new Random(seed).nextBytes(key);
        return key;
    }

    @Test
    void opens_what_it_sealed() {
        assertThat(box.open(box.seal(SECRET, AAD), AAD)).isEqualTo(SECRET);
        assertThat(box.open(box.seal(new byte[0], null), null)).isEmpty();
        assertThat(box.open(box.seal(SECRET, null), new byte[0])).isEqualTo(SECRET);
    }

    @Test
    void lays_out_version_nonce_ciphertext_and_tag_as_standard_aes_gcm() throws Exception {
        byte[] sealed = box.seal(SECRET, AAD);

        assertThat(sealed).hasSize(1 + SecretBox.NONCE_BYTES + SECRET.length + SecretBox.TAG_BYTES);
        assertThat(sealed[0]).isEqualTo(SecretBox.VERSION);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KEY, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 13)));
        cipher.updateAAD(AAD);
        assertThat(cipher.doFinal(sealed, 13, sealed.length - 13)).isEqualTo(SECRET);
    }

    @Test
    void draws_a_new_nonce_for_every_seal() {
        byte[] first = box.seal(SECRET, AAD);
        byte[] second = box.seal(SECRET, AAD);

        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refuses_a_value_with_any_byte_changed() {
        byte[] sealed = box.seal(SECRET, AAD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            int position = i;

            assertThatThrownBy(() -> box.open(tampered, AAD))
                    .as("byte %d changed", position)
                    .isInstanceOf(SecretBoxException.class)
                    .hasMessageContaining(position == 0 ? "format version" : "failed authentication");
        }
    }

    @Test
    void refuses_other_associated_data_and_another_key() {
        byte[] sealed = box.seal(SECRET, AAD);

        assertThatThrownBy(() -> box.open(sealed, "access-key:OTHER".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("other associated data");
        assertThatThrownBy(() -> new SecretBox(key(SEED + 1)).open(sealed, AAD))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("another key");
    }

    @Test
    void refuses_a_truncated_value() {
        byte[] sealed = box.seal(SECRET, AAD);

        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, 28), AAD))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("shorter than");
        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, sealed.length - 1), AAD))
                .isInstanceOf(SecretBoxException.class);
    }

    @Test
    void seals_text_to_base64_and_back() {
        String sealed = box.sealToBase64("gr\u00fc\u00dfe \u1234", "row-7");

        assertThat(sealed).matches("[A-Za-z0-9+/]+={0,2}");
        assertThat(box.openBase64(sealed, "row-7")).isEqualTo("gr\u00fc\u00dfe \u1234");
        assertThatThrownBy(() -> box.openBase64(sealed, "row-8"))
                .isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.openBase64("not base64!", "row-7"))
                .isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void needs_a_32_byte_key_and_keeps_its_own_copy() {
        assertThatThrownBy(() -> new SecretBox(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        byte[] key = key(SEED);
        SecretBox own = new SecretBox(key);
        byte[] sealed = own.seal(SECRET, AAD);
        Arrays.fill(key, (byte) 0);

        assertThat(own.open(sealed, AAD)).isEqualTo(SECRET);
    }
}
