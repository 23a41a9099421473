package io.tastemaker.domain.common;

import java.util.List;

/** A page of results and the token of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextToken) {

    /** Builds a page from a query that fetched up to {@code maxResults + 1} rows. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        if (fetched.size() > request.maxResults()) {
            return new Page<>(List.copyOf(fetched.subList(0, request.maxResults())), request.nextToken());
        }
        return new Page<>(List.copyOf(fetched), null);
    }
}
