package io.tastemaker.security.policy;

/**
 * Wildcard matching without regular expressions. A pattern is compiled once into a "program":
 * an {@code int[]} whose elements are UTF-16 code units to match literally, or {@link #STAR}
 * (any run of characters, also none) or {@link #QMARK} (exactly one character). A literal
 * {@code *} that came from a policy variable or from {@code ${*}} is stored as the character
 * itself, so it matches only itself.
 *
 * <p>The matcher is the classic greedy one with a single back-tracking point: linear in
 * practice, {@code O(pattern × text)} at worst, and it allocates nothing.
 */
final class Glob {

    /** Any run of characters, the empty one included. */
    static final int STAR = -1;
    /** Exactly one character. */
    static final int QMARK = -2;

    private Glob() {
    }

    /** The program of {@code pattern} in which {@code *} and {@code ?} are wildcards. */
    static int[] compile(String pattern) {
        int[] program = new int[pattern.length()];
        for (int i = 0; i < program.length; i++) {
            char c = pattern.charAt(i);
            program[i] = c == '*' ? STAR : c == '?' ? QMARK : c;
        }
        return program;
    }

    /** The program of {@code text} in which every character, {@code *} and {@code ?} too, is literal. */
    static int[] literal(String text) {
        int[] program = new int[text.length()];
        for (int i = 0; i < program.length; i++) {
            program[i] = text.charAt(i);
        }
        return program;
    }

    /** Whether the program has a wildcard at all. */
    static boolean hasWildcard(int[] program) {
        for (int code : program) {
            if (code < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the whole {@code program} matches the whole {@code text}. */
    static boolean matches(int[] program, String text) {
        return matches(program, 0, program.length, text, 0, text.length());
    }

    /**
     * Whether {@code program[ps, pe)} matches {@code text[ts, te)}, both ranges entirely.
     */
    static boolean matches(int[] program, int ps, int pe, String text, int ts, int te) {
        int p = ps;
        int t = ts;
        int starAt = -1;
        int starText = -1;
        while (t < te) {
            if (p < pe && (program[p] == QMARK || program[p] == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pe && program[p] == STAR) {
                starAt = p++;
                starText = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++starText;
            } else {
                return false;
            }
        }
        while (p < pe && program[p] == STAR) {
            p++;
        }
        return p == pe;
    }

    /** The text of a program, wildcards written as {@code *} and {@code ?}. */
    static String toString(int[] program) {
        StringBuilder text = new StringBuilder(program.length);
        for (int code : program) {
            text.append(code == STAR ? '*' : code == QMARK ? '?' : (char) code);
        }
        return text.toString();
    }
}
