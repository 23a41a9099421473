package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CiphertextBlobTest {

    private static final UUID KEY = UUID.fromString("1234abcd-12ab-34cd-56ef-1234567890ab");
    private static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void the_layout_is_format_key_id_version_nonce_then_ciphertext_and_tag() {
        byte[] sealed = new byte[20];
        Arrays.fill(sealed, (byte) 0x5A);
        byte[] bytes = new CiphertextBlob(KEY, 7, NONCE, sealed).encode();

        assertThat(bytes).hasSize(CiphertextBlob.HEADER_BYTES + CiphertextBlob.NONCE_BYTES + 20);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        assertThat(in.get()).isEqualTo(CiphertextBlob.FORMAT);
        assertThat(new UUID(in.getLong(), in.getLong())).isEqualTo(KEY);
        assertThat(in.getInt()).isEqualTo(7);
        assertThat(Arrays.copyOfRange(bytes, 21, 33)).isEqualTo(NONCE);
        assertThat(Arrays.copyOfRange(bytes, 33, bytes.length)).isEqualTo(sealed);
    }

    @Test
    void decoding_gives_back_the_parts() {
        CiphertextBlob blob = new CiphertextBlob(KEY, 3, NONCE, new byte[17]);
        CiphertextBlob read = CiphertextBlob.decode(blob.encode());
        assertThat(read).isEqualTo(blob);
        assertThat(read.keyId()).isEqualTo(KEY);
        assertThat(read.keyVersion()).isEqualTo(3);
        assertThat(read.nonce()).isEqualTo(NONCE);
    }

    @Test
    void short_or_foreign_blobs_are_invalid_ciphertext() {
        assertThatThrownBy(() -> CiphertextBlob.decode(new byte[CiphertextBlob.MIN_BYTES - 1]))
                .isInstanceOf(InvalidCiphertextException.class).hasMessageContaining("shorter");
        byte[] foreign = new CiphertextBlob(KEY, 1, NONCE, new byte[16]).encode();
        foreign[0] = 2;
        assertThatThrownBy(() -> CiphertextBlob.decode(foreign))
                .isInstanceOf(InvalidCiphertextException.class).hasMessageContaining("format byte is 2");
        byte[] versionZero = new CiphertextBlob(KEY, 1, NONCE, new byte[16]).encode();
        versionZero[20] = 0;
        assertThatThrownBy(() -> CiphertextBlob.decode(versionZero))
                .isInstanceOf(InvalidCiphertextException.class).hasMessageContaining("version 0");
        assertThatThrownBy(() -> CiphertextBlob.decode(null)).isInstanceOf(InvalidCiphertextException.class);
    }

    @Test
    void the_associated_data_is_the_header_then_the_context() {
        CiphertextBlob blob = new CiphertextBlob(KEY, 2, NONCE, new byte[16]);
        EncryptionContext context = EncryptionContext.of(java.util.Map.of("tenant", "a"));
        byte[] aad = blob.associatedData(context);
        assertThat(Arrays.copyOfRange(aad, 0, CiphertextBlob.HEADER_BYTES))
                .isEqualTo(Arrays.copyOfRange(blob.encode(), 0, CiphertextBlob.HEADER_BYTES));
        assertThat(Arrays.copyOfRange(aad, CiphertextBlob.HEADER_BYTES, aad.length)).isEqualTo(context.aad());
    }
}
