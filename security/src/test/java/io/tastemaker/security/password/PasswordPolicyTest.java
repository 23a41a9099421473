package io.tastemaker.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.security.iam.PasswordPolicyViolationException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final long SEED = 20261128L;

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-7", "zZ9!zZ9!zZ9!", "Bäckerei-Straße 12", "ПарольНадёжный#1"})
    void a_password_with_every_kind_of_character_passes(String password) {
        assertThat(PasswordPolicy.DEFAULT.problems("alice", password)).isEmpty();
        PasswordPolicy.check("alice", password);
    }

    @Test
    void a_short_password_is_refused_with_its_length() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "Sh0rt-pw"))
                .isInstanceOf(PasswordPolicyViolationException.class)
                .hasMessage("The password does not meet the password policy: it needs at least 12 characters, not 8.");
    }

    @Test
    void the_message_names_everything_that_is_missing_and_never_the_password() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "onlylowercaseletters"))
                .isInstanceOf(PasswordPolicyViolationException.class)
                .hasMessageContaining("needs an uppercase letter")
                .hasMessageContaining("needs a digit")
                .hasMessageContaining("needs a symbol")
                .hasMessageNotContaining("needs a lowercase letter")
                .hasMessageNotContaining("onlylowercaseletters")
                .extracting(e -> ((PasswordPolicyViolationException) e).errorName())
                .isEqualTo("PasswordPolicyViolation");
    }

    @Test
    void each_kind_is_required_on_its_own() {
        assertThat(PasswordPolicy.DEFAULT.problems("u", "lower-case-and-1")).containsExactly("needs an uppercase letter");
        assertThat(PasswordPolicy.DEFAULT.problems("u", "UPPER-CASE-AND-1")).containsExactly("needs a lowercase letter");
        assertThat(PasswordPolicy.DEFAULT.problems("u", "Mixed-Case-No-Digit")).containsExactly("needs a digit");
        assertThat(PasswordPolicy.DEFAULT.problems("u", "MixedCase1NoSymbol"))
                .containsExactly("needs a symbol (a character that is not a letter, a digit or a space)");
    }

    @Test
    void a_space_is_allowed_but_is_not_a_symbol() {
        assertThat(PasswordPolicy.DEFAULT.problems("u", "Four words 4 you"))
                .containsExactly("needs a symbol (a character that is not a letter, a digit or a space)");
        assertThat(PasswordPolicy.DEFAULT.problems("u", "Four words 4 you!")).isEmpty();
    }

    @Test
    void the_user_name_is_refused_inside_the_password_whatever_its_case() {
        assertThat(PasswordPolicy.DEFAULT.problems("admin", "My-ADMIN-pass-2024")).containsExactly("must not contain the user name");
        assertThat(PasswordPolicy.DEFAULT.problems("Alice", "xx-alice-XX-99")).containsExactly("must not contain the user name");
        assertThat(PasswordPolicy.DEFAULT.problems("bob", "Bobcat-Rules-1")).containsExactly("must not contain the user name");
    }

    @Test
    void a_very_short_user_name_is_refused_only_as_the_whole_password() {
        PasswordPolicy policy = new PasswordPolicy(6, false, false, false, false);
        assertThat(policy.problems("al", "always-there")).isEmpty();
        assertThat(policy.problems("ab", "ab")).contains("must not contain the user name");
        assertThat(policy.problems(null, "anything-goes")).isEmpty();
    }

    @Test
    void control_characters_and_overlong_passwords_are_refused() {
        assertThat(PasswordPolicy.DEFAULT.problems("u", "Tab\there-is-1")).containsExactly("contains a control character");
        String longest = "Aa1!" + "x".repeat(PasswordPolicy.MAXIMUM_LENGTH - 4);
        assertThat(PasswordPolicy.DEFAULT.problems("u", longest)).isEmpty();
        assertThat(PasswordPolicy.DEFAULT.problems("u", longest + "x")).containsExactly("has 129 characters, more than the 128 allowed");
    }

    @Test
    void length_counts_characters_not_utf16_units() {
        // Eleven emoji are 22 UTF-16 units but 11 characters.
        String emoji = "\uD83D\uDE00".repeat(8) + "Aa1";
        assertThat(PasswordPolicy.DEFAULT.problems("u", emoji)).containsExactly("needs at least 12 characters, not 11");
    }

    @Test
    void a_policy_can_relax_each_requirement() {
        PasswordPolicy lenient = new PasswordPolicy(8, false, true, false, false);
        assertThat(lenient.problems("u", "lowercase")).isEmpty();
        assertThatThrownBy(() -> new PasswordPolicy(5, true, true, true, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 6 to 128");
        assertThatThrownBy(() -> new PasswordPolicy(129, true, true, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generated_passwords_meet_the_policy_and_differ() {
        Random random = new Random(SEED);
        String first = PasswordPolicy.DEFAULT.generate("admin", random, 20);
        for (int i = 0; i < 2000; i++) {
            String password = PasswordPolicy.DEFAULT.generate("admin", random, 20);
            assertThat(password).hasSize(20);
            assertThat(PasswordPolicy.DEFAULT.problems("admin", password)).as("seed %d, password %d", SEED, i).isEmpty();
            assertThat(password).isNotEqualTo(first);
        }
        assertThatThrownBy(() -> PasswordPolicy.DEFAULT.generate("admin", random, 11))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
