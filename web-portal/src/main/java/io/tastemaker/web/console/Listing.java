package io.tastemaker.web.console;

import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a List operation of a domain service page by page, as a console table shows all rows at
 * once (and pages them in the browser). Stops after {@link #MAX_ROWS} rows: a table longer than
 * that is not read by a person, and the API is there for more.
 */
final class Listing {

    /** At most this many rows per table (ten pages of the services' largest page). */
    static final int MAX_ROWS = 1000;

    private Listing() {
    }

    /**
     * Every item of a list, up to {@link #MAX_ROWS}.
     *
     * @param listKey the key the service's page tokens are bound to; the same for every page
     * @param query one call of the service's list method for a page
     */
    static <T> List<T> all(String listKey, Function<PageRequest, Page<T>> query) {
        List<T> out = new ArrayList<>();
        String token = null;
        do {
            Page<T> page = query.apply(PageRequest.of(listKey, token, PageRequest.DEFAULT_MAX_RESULTS));
            out.addAll(page.items());
            token = page.nextToken();
        } while (token != null && out.size() < MAX_ROWS);
        return out.size() > MAX_ROWS ? new ArrayList<>(out.subList(0, MAX_ROWS)) : out;
    }
}
