package io.tastemaker.security.policy;

/**
 * Matches ARNs against ARN patterns segment by segment, as AWS documents for the
 * {@code Resource} element and the {@code Arn*} condition operators: the colon-separated
 * segments are compared one by one, {@code *} and {@code ?} match within a segment, and a
 * {@code *} that ends a segment may stretch across the following colons. So
 * {@code arn:aws:personalize:*:111122223333:campaign/*} matches every campaign of that account
 * in every region, while {@code arn:aws:personalize:us-east-1:111122223333:campaign/a*b} never
 * matches across a colon.
 *
 * <p>Both sides come with their colon positions computed once ({@link #separators}), so a match
 * allocates nothing.
 */
final class ArnMatcher {

    private ArnMatcher() {
    }

    /** The positions of the literal colons of a program. */
    static int[] separators(int[] program) {
        int count = 0;
        for (int code : program) {
            if (code == ':') {
                count++;
            }
        }
        int[] colons = new int[count];
        int k = 0;
        for (int i = 0; i < program.length; i++) {
            if (program[i] == ':') {
                colons[k++] = i;
            }
        }
        return colons;
    }

    /** The positions of the colons of a text. */
    static int[] separators(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                count++;
            }
        }
        int[] colons = new int[count];
        int k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                colons[k++] = i;
            }
        }
        return colons;
    }

    /** Whether the pattern {@code program} (colons at {@code programColons}) matches {@code arn}. */
    static boolean matches(int[] program, int[] programColons, String arn, int[] arnColons) {
        return segment(program, programColons, 0, arn, arnColons, 0);
    }

    private static boolean segment(int[] program, int[] pc, int i, String arn, int[] tc, int j) {
        int patternSegments = pc.length + 1;
        int textSegments = tc.length + 1;
        if (j >= textSegments) {
            return false;
        }
        int ps = i == 0 ? 0 : pc[i - 1] + 1;
        int pe = i == patternSegments - 1 ? program.length : pc[i];
        int ts = j == 0 ? 0 : tc[j - 1] + 1;
        int te = j == textSegments - 1 ? arn.length() : tc[j];
        if (!Glob.matches(program, ps, pe, arn, ts, te)) {
            return false;
        }
        boolean endsWithStar = pe > ps && program[pe - 1] == Glob.STAR;
        if (i == patternSegments - 1) {
            return endsWithStar || j == textSegments - 1;
        }
        if (!endsWithStar) {
            return segment(program, pc, i + 1, arn, tc, j + 1);
        }
        for (int next = j + 1; next < textSegments; next++) {
            if (segment(program, pc, i + 1, arn, tc, next)) {
                return true;
            }
        }
        return false;
    }
}
