package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.security.crypto.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private static final long SEED = 20_261_201L;
    private static final UUID KEY = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");
    private static final byte[] PLAINTEXT = "the quarterly numbers".getBytes(StandardCharsets.UTF_8);
    private static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of("purpose", "test", "tenant", "a"));

    private final SecureRandom random = Seeded.random(SEED);
    private final SecretBox root = new SecretBox(bytes(32, 1), Seeded.random(SEED + 1));

    @Test
    void encrypts_and_decrypts_with_the_same_context() {
        KeyMaterial material = KeyMaterial.generate(KEY, 1, random);
        CiphertextBlob blob = material.encrypt(PLAINTEXT, CONTEXT, random);

        assertThat(blob.keyId()).isEqualTo(KEY);
        assertThat(blob.keyVersion()).isEqualTo(1);
        assertThat(material.decrypt(CiphertextBlob.decode(blob.encode()), CONTEXT)).isEqualTo(PLAINTEXT);
        assertThat(new String(blob.encode(), StandardCharsets.ISO_8859_1)).doesNotContain("quarterly");
    }

    @Test
    void another_context_or_none_fails_authentication() {
        KeyMaterial material = KeyMaterial.generate(KEY, 1, random);
        CiphertextBlob blob = material.encrypt(PLAINTEXT, CONTEXT, random);

        assertThatThrownBy(() -> material.decrypt(blob, EncryptionContext.of(Map.of("purpose", "test", "tenant", "b"))))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> material.decrypt(blob, EncryptionContext.EMPTY))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void an_altered_byte_anywhere_fails_authentication() {
        KeyMaterial material = KeyMaterial.generate(KEY, 2, random);
        byte[] bytes = material.encrypt(PLAINTEXT, CONTEXT, random).encode();
        for (int i = CiphertextBlob.HEADER_BYTES; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> material.decrypt(CiphertextBlob.decode(altered), CONTEXT))
                    .as("byte %d altered", i).isInstanceOf(InvalidCiphertextException.class);
        }
    }

    @Test
    void rotation_keeps_each_version_able_to_decrypt_its_own_ciphertexts_only() {
        KeyMaterial first = KeyMaterial.generate(KEY, 1, random);
        KeyMaterial second = KeyMaterial.generate(KEY, 2, random);
        CiphertextBlob old = first.encrypt(PLAINTEXT, CONTEXT, random);
        CiphertextBlob fresh = second.encrypt(PLAINTEXT, CONTEXT, random);

        assertThat(fresh.keyVersion()).isEqualTo(2);
        assertThat(first.decrypt(old, CONTEXT)).isEqualTo(PLAINTEXT);
        assertThat(second.decrypt(fresh, CONTEXT)).isEqualTo(PLAINTEXT);
        assertThatThrownBy(() -> second.decrypt(old, CONTEXT)).isInstanceOf(IllegalArgumentException.class);
        // A blob relabelled as version 2 is refused by version 2's material: the header is authenticated.
        CiphertextBlob relabelled = new CiphertextBlob(KEY, 2, old.nonce(), old.sealed());
        assertThatThrownBy(() -> second.decrypt(relabelled, CONTEXT)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void sealed_material_opens_only_for_its_own_key_and_version_under_the_same_root() {
        KeyMaterial material = KeyMaterial.generate(KEY, 1, random);
        String sealed = material.seal(root);
        CiphertextBlob blob = material.encrypt(PLAINTEXT, CONTEXT, random);

        KeyMaterial opened = KeyMaterial.unseal(root, KEY, 1, sealed);
        assertThat(opened.decrypt(blob, CONTEXT)).isEqualTo(PLAINTEXT);

        assertThat(Base64.getDecoder().decode(sealed)).hasSize(1 + 12 + KeyMaterial.BYTES + 16);
        assertThatThrownBy(() -> KeyMaterial.unseal(root, KEY, 2, sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("root key");
        assertThatThrownBy(() -> KeyMaterial.unseal(root, UUID.randomUUID(), 1, sealed))
                .isInstanceOf(IllegalStateException.class);
        SecretBox otherRoot = new SecretBox(bytes(32, 2));
        assertThatThrownBy(() -> KeyMaterial.unseal(otherRoot, KEY, 1, sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThat(material.toString()).doesNotContain(sealed).contains(KEY.toString());
    }

    @Test
    void two_encryptions_of_the_same_plaintext_differ() {
        KeyMaterial material = KeyMaterial.generate(KEY, 1, random);
        assertThat(material.encrypt(PLAINTEXT, CONTEXT, random).encode())
                .isNotEqualTo(material.encrypt(PLAINTEXT, CONTEXT, random).encode());
    }

    private static byte[] bytes(int length, long seed) {
        byte[] out = new byte[length];
        new java.util.Random(seed).nextBytes(out);
        return out;
    }
}
