package io.tastemaker.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** The smallest count allowed keeps the tests fast; production uses the default. */
    private static final int FAST = PasswordHasher.MIN_ITERATIONS;

    private final PasswordHasher hasher = new PasswordHasher(FAST);

    @Test
    void the_right_password_verifies_and_a_wrong_one_does_not() {
        String encoded = hasher.hash("s3cret-Passw0rd".toCharArray());

        assertThat(hasher.verify("s3cret-Passw0rd".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("s3cret-Passw0rD".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void two_hashes_of_one_password_differ_by_their_salt() {
        String first = hasher.hash("same".toCharArray());
        String second = hasher.hash("same".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[2]).isNotEqualTo(second.split("\\$")[2]);
        assertThat(hasher.verify("same".toCharArray(), first)).isTrue();
        assertThat(hasher.verify("same".toCharArray(), second)).isTrue();
    }

    @Test
    void the_encoding_names_scheme_iterations_salt_and_hash() {
        String encoded = hasher.hash("pw".toCharArray());

        // 16 bytes of salt are 24 base64 characters, 32 bytes of hash are 44.
        assertThat(encoded).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
    }

    @Test
    void verifies_hashes_made_by_another_pbkdf2_implementation() {
        // Made with Python's hashlib.pbkdf2_hmac('sha256', password.encode('utf-8'),
        // bytes(range(16)), 1000, 32), encoded in this class's format.
        String ascii = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$"
                + "ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=";
        String nonAscii = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$"
                + "L1aYbGjzdoPwxPhGrTdCzJAIXgv98gXX9F7Efjyq3Og=";

        assertThat(hasher.verify("correct horse battery staple".toCharArray(), ascii)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler".toCharArray(), ascii)).isFalse();
        assertThat(hasher.verify("p\u00e4ssw\u00f6rd".toCharArray(), nonAscii)).isTrue();
    }

    @Test
    void verifies_with_the_iteration_count_stored_in_the_hash() {
        String stronger = new PasswordHasher(FAST * 2).hash("pw".toCharArray());

        assertThat(hasher.verify("pw".toCharArray(), stronger)).isTrue();
    }

    @Test
    void reports_hashes_weaker_than_its_setting() {
        String weak = hasher.hash("pw".toCharArray());

        assertThat(new PasswordHasher(FAST * 2).needsRehash(weak)).isTrue();
        assertThat(hasher.needsRehash(weak)).isFalse();
    }

    @Test
    void leaves_the_callers_password_array_alone() {
        char[] password = "pw".toCharArray();

        hasher.hash(password);

        assertThat(password).containsExactly('p', 'w');
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {
            "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==",
            "pbkdf2-sha1$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$many$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$0$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$2000000000$AAECAwQFBgcICQoLDA0ODw==$"
                    + "ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$1000$not*base64$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$1000$AAECAw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=",
            "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsX",
            "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw==$ppsXnjrdPB4KryJ6DrOqKqhkWrhv7PbKAMF1Eml8cZ4=$",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
    })
    void refuses_malformed_encodings(String encoded) {
        assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>");
    }

    @Test
    void checks_its_iteration_count() {
        assertThat(new PasswordHasher().iterations()).isEqualTo(210_000);
        assertThatThrownBy(() -> new PasswordHasher(PasswordHasher.MIN_ITERATIONS - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> new PasswordHasher(PasswordHasher.MAX_ITERATIONS + 1,
                new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
