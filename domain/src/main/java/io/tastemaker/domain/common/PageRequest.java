package io.tastemaker.domain.common;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.InvalidNextTokenException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One page of a List operation: {@code maxResults} (1–100, default 100) and an opaque
 * {@code nextToken}. The token encodes the offset and the list it belongs to, so that a token
 * from another list (or a made-up one) is refused with InvalidNextTokenException.
 */
public record PageRequest(int offset, int maxResults, String listKey) {

    public static final int DEFAULT_MAX_RESULTS = 100;

    public static PageRequest of(String listKey, String nextToken, Integer maxResults) {
        int max = DEFAULT_MAX_RESULTS;
        if (maxResults != null) {
            if (maxResults < 1 || maxResults > 100) {
                throw new InvalidInputException("1 validation error detected: Value '" + maxResults
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100");
            }
            max = maxResults;
        }
        int offset = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            offset = decode(listKey, nextToken);
        }
        return new PageRequest(offset, max, listKey);
    }

    private static int decode(String listKey, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int sep = text.lastIndexOf('|');
            if (sep < 0 || !text.substring(0, sep).equals(listKey)) {
                throw new InvalidNextTokenException("The nextToken is not valid for this request.");
            }
            int offset = Integer.parseInt(text.substring(sep + 1));
            if (offset < 0) {
                throw new InvalidNextTokenException("The nextToken is not valid for this request.");
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidNextTokenException("The nextToken is not valid for this request.", e);
        }
    }

    /** The token of the page after this one. */
    public String nextToken() {
        String text = listKey + "|" + (offset + maxResults);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
