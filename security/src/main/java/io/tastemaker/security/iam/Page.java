package io.tastemaker.security.iam;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of an IAM listing, as IAM pages: {@code MaxItems} (1–1000, default 100) and an opaque
 * {@code Marker} that the previous page returned.
 *
 * @param items      this page's items
 * @param truncated  true if more items follow
 * @param nextMarker the marker of the next page; null on the last page
 */
public record Page<T>(List<T> items, boolean truncated, String nextMarker) {

    public static final int DEFAULT_MAX_ITEMS = 100;

    /** The page that {@code marker} points to, of at most {@code maxItems} (default 100). */
    public static <T> Page<T> of(List<T> all, String marker, Integer maxItems) {
        int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        if (max < 1 || max > 1000) {
            throw new InvalidInputException("MaxItems must be between 1 and 1000, not " + max + ".");
        }
        int from = marker == null ? 0 : offset(marker);
        if (from > all.size()) {
            throw new InvalidInputException("The Marker is not valid for this listing.");
        }
        int to = Math.min(all.size(), from + max);
        boolean truncated = to < all.size();
        return new Page<>(List.copyOf(all.subList(from, to)), truncated, truncated ? marker(to) : null);
    }

    private static String marker(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("iam-page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (!text.startsWith("iam-page:")) {
                throw new IllegalArgumentException(text);
            }
            int offset = Integer.parseInt(text.substring("iam-page:".length()));
            if (offset < 0) {
                throw new IllegalArgumentException(text);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The Marker is not valid: pass the Marker of the previous page unchanged.");
        }
    }
}
