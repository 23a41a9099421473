package io.tastemaker.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;

/**
 * A password typed into a console form. It lives for one request only, so that it is never kept
 * in a page's view state or session; it is never written back into the page ({@link #getValue()}
 * is always null) and a bean reads it once with {@link #take()}.
 */
@Named("secretInput")
@RequestScoped
public class SecretInput {

    private char[] value;

    /** Always null: a password field starts empty. */
    public String getValue() {
        return null;
    }

    public void setValue(String value) {
        clear();
        this.value = value == null || value.isEmpty() ? null : value.toCharArray();
    }

    /** The characters typed, or null if none; the caller wipes them after use. */
    char[] take() {
        char[] taken = value;
        value = null;
        return taken;
    }

    private void clear() {
        if (value != null) {
            Arrays.fill(value, '\0');
        }
    }
}
