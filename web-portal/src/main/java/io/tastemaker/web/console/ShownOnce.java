package io.tastemaker.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * Secrets that are shown once, in the dialog of {@code WEB-INF/console/shownOnce.xhtml}: a new
 * access key's secret, a new account's password and key. They live for the one request that
 * made them: the response shows them, and nothing keeps them, so no later response (not even a
 * refresh of the same page) can show them again. Never logged.
 */
@Named("shownOnce")
@RequestScoped
public class ShownOnce {

    private String title;
    private String note;
    private final List<Entry> entries = new ArrayList<>();

    /** Shows these entries once, under a title, with a note saying why they are shown only now. */
    void show(String title, String note, List<Entry> shown) {
        this.title = title;
        this.note = note;
        entries.clear();
        entries.addAll(shown);
    }

    /** Whether there is something to show in this response. */
    public boolean isPresent() {
        return !entries.isEmpty();
    }

    public String getTitle() {
        return title;
    }

    public String getNote() {
        return note;
    }

    public List<Entry> getEntries() {
        return entries;
    }

    /**
     * One value shown once.
     *
     * @param key   a stable name for the value ({@code secretAccessKey}), for tests and scripts
     * @param label what the person reads
     * @param value the value
     */
    public record Entry(String key, String label, String value) {

        public String getKey() {
            return key;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }

        @Override
        public String toString() {
            return "Entry[" + key + "]";
        }
    }
}
