package io.tastemaker.security.password;

import io.tastemaker.security.iam.PasswordPolicyViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * What a console password must be, in the terms of IAM's account password policy
 * ({@code MinimumPasswordLength}, {@code RequireUppercaseCharacters},
 * {@code RequireLowercaseCharacters}, {@code RequireNumbers}, {@code RequireSymbols}), and a
 * generator of passwords that meet it.
 *
 * <p>{@link #DEFAULT}, which every password set today must meet ({@link #check}):
 * <ul>
 *   <li>at least {@value #DEFAULT_MINIMUM_LENGTH} characters (AWS's default is 8; 12 is NIST
 *       SP 800-63B's advice for passwords that are not the only factor and OWASP's minimum for
 *       administrative accounts, which every console user here is) and at most
 *       {@value #MAXIMUM_LENGTH} (IAM's maximum);</li>
 *   <li>an uppercase letter, a lowercase letter, a digit and a symbol (any character that is not
 *       a letter, a digit or white space), as IAM's policy with all four requirements on;</li>
 *   <li>no control characters;</li>
 *   <li>not the user's name: a password that contains the user name, ignoring case, is refused
 *       (for user names of at least {@value #USER_NAME_MIN_LENGTH} characters; shorter ones only
 *       when the password is the name itself).</li>
 * </ul>
 * Letters, digits and case are Unicode's ({@link Character#isUpperCase(int)} and so on), so a
 * password in any script can meet the policy.
 *
 * <p>Left out: password age, reuse and expiry, and lists of breached passwords.
 *
 * @param minimumLength    the fewest characters (code points), from {@value #SMALLEST_MINIMUM}
 *                         to {@value #MAXIMUM_LENGTH}
 * @param requireUppercase whether an uppercase letter is needed
 * @param requireLowercase whether a lowercase letter is needed
 * @param requireNumbers   whether a digit is needed
 * @param requireSymbols   whether a symbol is needed
 */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                             boolean requireNumbers, boolean requireSymbols) {

    /** The default minimum length. */
    public static final int DEFAULT_MINIMUM_LENGTH = 12;
    /** The smallest minimum length a policy may have, as IAM's {@code MinimumPasswordLength}. */
    public static final int SMALLEST_MINIMUM = 6;
    /** The longest password accepted, as IAM's. */
    public static final int MAXIMUM_LENGTH = 128;
    /** User names shorter than this are refused only as the whole password, not as a part of it. */
    public static final int USER_NAME_MIN_LENGTH = 3;

    /** The policy every password meets today: 12 to 128 characters, all four kinds, not the user name. */
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(DEFAULT_MINIMUM_LENGTH, true, true, true, true);

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+-=?@^_~";
    private static final String ALPHABET = UPPER + LOWER + DIGITS + SYMBOLS;

    /**
     * @throws IllegalArgumentException when the minimum length is out of range
     */
    public PasswordPolicy {
        if (minimumLength < SMALLEST_MINIMUM || minimumLength > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("A password policy's minimum length is from " + SMALLEST_MINIMUM + " to "
                    + MAXIMUM_LENGTH + ", not " + minimumLength + ".");
        }
    }

    /**
     * Checks a password against {@link #DEFAULT}: the call to make wherever a password is set
     * (a new account's administrator, CreateLoginProfile, ChangePassword, UpdateLoginProfile).
     *
     * @param userName the user whose password it is (may be null when there is none yet)
     * @param password the new password; never logged, never part of the message
     * @throws PasswordPolicyViolationException saying everything the password lacks
     */
    public static void check(String userName, CharSequence password) {
        DEFAULT.enforce(userName, password);
    }

    /**
     * Checks a password against this policy.
     *
     * @throws PasswordPolicyViolationException saying everything the password lacks
     */
    public void enforce(String userName, CharSequence password) {
        List<String> problems = problems(userName, password);
        if (!problems.isEmpty()) {
            throw new PasswordPolicyViolationException("The password does not meet the password policy: it "
                    + String.join("; it ", problems) + ".");
        }
    }

    /**
     * What a password lacks under this policy, one phrase each (e.g. "needs a symbol"); empty
     * when it meets the policy. The phrases never quote the password.
     */
    public List<String> problems(String userName, CharSequence password) {
        Objects.requireNonNull(password, "password");
        List<String> problems = new ArrayList<>();
        int length = Character.codePointCount(password, 0, password.length());
        if (length < minimumLength) {
            problems.add("needs at least " + minimumLength + " characters, not " + length);
        } else if (length > MAXIMUM_LENGTH) {
            problems.add("has " + length + " characters, more than the " + MAXIMUM_LENGTH + " allowed");
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        boolean control = false;
        for (int i = 0; i < password.length(); ) {
            int c = Character.codePointAt(password, i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) {
                control = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else if (!Character.isLetter(c) && !Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        if (requireUppercase && !upper) {
            problems.add("needs an uppercase letter");
        }
        if (requireLowercase && !lower) {
            problems.add("needs a lowercase letter");
        }
        if (requireNumbers && !digit) {
            problems.add("needs a digit");
        }
        if (requireSymbols && !symbol) {
            problems.add("needs a symbol (a character that is not a letter, a digit or a space)");
        }
        if (control) {
            problems.add("contains a control character");
        }
        if (containsUserName(userName, password)) {
            problems.add("must not contain the user name");
        }
        return problems;
    }

    private static boolean containsUserName(String userName, CharSequence password) {
        if (userName == null || userName.isEmpty()) {
            return false;
        }
        String name = userName.toLowerCase(Locale.ROOT);
        String lowered = password.toString().toLowerCase(Locale.ROOT);
        return userName.length() >= USER_NAME_MIN_LENGTH ? lowered.contains(name) : lowered.equals(name);
    }

    /**
     * A random password of {@code length} characters that meets this policy: letters and digits
     * without the look-alikes (I, O, l, 1, 0) and symbols that need no quoting in a shell or a
     * URL form, with at least one of each kind, and not containing the user name.
     *
     * @param userName the user the password is for (may be null)
     * @param random   a {@link java.security.SecureRandom} in production
     * @param length   from this policy's minimum length to {@value #MAXIMUM_LENGTH}
     */
    public String generate(String userName, Random random, int length) {
        if (length < Math.max(minimumLength, 4) || length > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("A generated password has " + Math.max(minimumLength, 4) + " to "
                    + MAXIMUM_LENGTH + " characters, not " + length + ".");
        }
        while (true) {
            String password = randomPassword(random, length);
            if (problems(userName, password).isEmpty()) {
                return password;
            }
        }
    }

    private static String randomPassword(Random random, int length) {
        char[] out = new char[length];
        out[0] = pick(UPPER, random);
        out[1] = pick(LOWER, random);
        out[2] = pick(DIGITS, random);
        out[3] = pick(SYMBOLS, random);
        for (int i = 4; i < length; i++) {
            out[i] = pick(ALPHABET, random);
        }
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }

    private static char pick(String alphabet, Random random) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
