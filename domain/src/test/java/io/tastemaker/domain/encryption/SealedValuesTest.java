package io.tastemaker.domain.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.security.kms.Envelope;
import io.tastemaker.security.kms.InvalidCiphertextException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SealedValuesTest {

    private static final long SEED = 12L;
    private static final String PLACE = "item_record:arn:aws:personalize:us-east-1:111122223333:dataset/shop/ITEMS:i1";
    private final Envelope envelope = new Envelope(key(SEED));

    @Test
    void text_is_stored_behind_a_prefix_and_read_back() {
        String json = "{\"TITLE\":\"zqxj marker title\"}";
        String stored = SealedValues.sealText(envelope, json, PLACE);
        assertThat(stored).startsWith(SealedValues.TEXT_PREFIX).doesNotContain("zqxj");
        assertThat(SealedValues.isSealed(stored)).isTrue();
        assertThat(SealedValues.openText(envelope, stored, PLACE)).isEqualTo(json);
    }

    @Test
    void plain_values_of_groups_without_a_key_are_read_as_they_are() {
        assertThat(SealedValues.openText(null, "{\"TITLE\":\"x\"}", PLACE)).isEqualTo("{\"TITLE\":\"x\"}");
        assertThat(SealedValues.openText(envelope, null, PLACE)).isNull();
        assertThat(SealedValues.sealText(envelope, null, PLACE)).isNull();
        byte[] model = "TMMODEL...".getBytes(StandardCharsets.US_ASCII);
        assertThat(SealedValues.openBytes(null, model, "model_artifact:v")).isSameAs(model);
    }

    @Test
    void a_value_moved_to_another_row_or_read_with_another_key_fails() {
        String stored = SealedValues.sealText(envelope, "{\"A\":1}", PLACE);
        assertThatThrownBy(() -> SealedValues.openText(envelope, stored, PLACE.replace(":i1", ":i2")))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> SealedValues.openText(new Envelope(key(SEED + 1)), stored, PLACE))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThatThrownBy(() -> SealedValues.openText(null, stored, PLACE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void model_artifacts_round_trip_behind_magic_bytes() {
        byte[] model = new byte[4096];
        new Random(SEED).nextBytes(model);
        byte[] stored = SealedValues.sealBytes(envelope, model, "model_artifact:v1");
        assertThat(SealedValues.isSealed(stored)).isTrue();
        assertThat(SealedValues.isSealed(model)).isFalse();
        assertThat(SealedValues.openBytes(envelope, stored, "model_artifact:v1")).isEqualTo(model);
        assertThatThrownBy(() -> SealedValues.openBytes(envelope, stored, "model_artifact:v2"))
                .isInstanceOf(InvalidCiphertextException.class);
    }

    private static byte[] key(long seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }
}
