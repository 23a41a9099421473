package io.tastemaker.security.accesskey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeysTest {

    private static final long SEED = 0xACCE55L;
    private static final String AWS_EXAMPLE_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String AWS_EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @Test
    void new_ids_are_akia_and_sixteen_base32_characters() {
        for (int i = 0; i < 200; i++) {
            String id = AccessKeys.newAccessKeyId();

            assertThat(id).matches("AKIA[A-Z2-7]{16}");
            assertThat(AccessKeys.requireValidId(id)).isEqualTo(id);
        }
    }

    @Test
    void new_secrets_are_forty_characters_like_aws() {
        for (int i = 0; i < 200; i++) {
            String secret = AccessKeys.newSecretAccessKey();

            assertThat(secret).matches("[A-Za-z0-9/+]{40}");
            assertThat(AccessKeys.requireValidSecret(secret)).isEqualTo(secret);
        }
    }

    @Test
    void a_seeded_generator_gives_repeatable_keys_that_use_the_whole_alphabet() {
        Random random = new Random(SEED);
        Set<String> ids = new HashSet<>();
        Set<Character> idChars = new HashSet<>();
        Set<Character> secretChars = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = AccessKeys.newAccessKeyId(random);
            ids.add(id);
            id.substring(4).chars().forEach(c -> idChars.add((char) c));
            AccessKeys.newSecretAccessKey(random).chars().forEach(c -> secretChars.add((char) c));
        }

        assertThat(ids).as("seed %d", SEED).hasSize(1000);
        assertThat(idChars).as("seed %d", SEED).hasSize(32);
        assertThat(secretChars).as("seed %d", SEED).hasSize(64);
        assertThat(AccessKeys.newAccessKeyId(new Random(SEED)))
                .isEqualTo(AccessKeys.newAccessKeyId(new Random(SEED)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {AWS_EXAMPLE_ID, "ABCDEFGHIJKLMNOP", "TASTEMAKER0LOCAL0KEY0000000000001"})
    void accepts_operator_ids_of_the_right_shape(String id) {
        assertThat(AccessKeys.requireValidId(id)).isEqualTo(id);
        assertThat(AccessKeys.isValidId(id)).isTrue();
    }

    @Test
    void accepts_ids_up_to_128_characters() {
        assertThat(AccessKeys.isValidId("A".repeat(128))).isTrue();
        assertThat(AccessKeys.isValidId("A".repeat(129))).isFalse();
    }

    @Test
    void says_how_long_an_id_must_be() {
        assertThatThrownBy(() -> AccessKeys.requireValidId("AKIA123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An access key id must be 16 to 128 characters long; 'AKIA123' has 7.");
        assertThatThrownBy(() -> AccessKeys.requireValidId(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> AccessKeys.requireValidId(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
    }

    @Test
    void says_which_character_of_an_id_is_wrong() {
        assertThatThrownBy(() -> AccessKeys.requireValidId("AKIAiOSFODNN7EXAMPLE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An access key id may contain only upper-case letters A-Z and digits 0-9; "
                        + "'AKIAiOSFODNN7EXAMPLE' has 'i' at position 5.");
        assertThatThrownBy(() -> AccessKeys.requireValidId("AKIA-OSFODNN7EXAMPLE"))
                .hasMessageContaining("'-' at position 5");
        assertThatThrownBy(() -> AccessKeys.requireValidId("AKIA\nOSFODNN7EXAMPLE"))
                .hasMessageContaining("'\\u000A' at position 5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {AWS_EXAMPLE_SECRET, "abcdefghijklmnopqrst", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
    void accepts_operator_secrets_of_printable_ascii(String secret) {
        assertThat(AccessKeys.requireValidSecret(secret)).isEqualTo(secret);
    }

    @Test
    void says_how_long_a_secret_must_be_without_showing_it() {
        String tooShort = "abcdefghijklmnopqrs";

        assertThatThrownBy(() -> AccessKeys.requireValidSecret(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A secret access key must be 20 to 128 characters long (AWS's have 40); "
                        + "this one has 19.");
        assertThatThrownBy(() -> AccessKeys.requireValidSecret("x".repeat(129)))
                .hasMessageContaining("this one has 129");
        assertThatThrownBy(() -> AccessKeys.requireValidSecret(null))
                .hasMessageContaining("required");
    }

    @Test
    void says_where_a_secret_has_a_bad_character_without_showing_it() {
        String withSpace = "wJalrXUtnFEMI K7MDENG/bPxRfiCYEXAMPLEKEY";
        String withUmlaut = "wJalrXUtnFEMI\u00e4K7MDENG/bPxRfiCYEXAMPLEKEY";

        assertThatThrownBy(() -> AccessKeys.requireValidSecret(withSpace))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A secret access key may contain only printable ASCII characters other "
                        + "than space; the character at position 14 is not one (it is a space).")
                .hasMessageNotContaining("wJalr");
        assertThatThrownBy(() -> AccessKeys.requireValidSecret(withUmlaut))
                .hasMessageContaining("position 14 is not one.")
                .hasMessageNotContaining("\u00e4");
    }
}
