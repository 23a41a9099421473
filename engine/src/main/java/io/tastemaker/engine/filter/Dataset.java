package io.tastemaker.engine.filter;

/** The datasets a filter can read, named as in expressions. */
public enum Dataset {
    ITEMS("Items"),
    USERS("Users"),
    INTERACTIONS("Interactions");

    private final String keyword;

    Dataset(String keyword) {
        this.keyword = keyword;
    }

    /** The dataset's name in expressions, e.g. {@code Items}. */
    public String keyword() {
        return keyword;
    }
}
