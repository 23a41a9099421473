package io.tastemaker.engine.filter;

import java.util.Objects;

/**
 * {@code <qualifier>.<name>} on the left of a comparison, as written (the checker matches the name
 * against the schema ignoring case).
 *
 * @param qualifier the dataset, or {@code CurrentUser} in an {@code IF} clause
 * @param name the field name as written
 * @param offset the 0-based offset of the qualifier
 */
public record FieldRef(Qualifier qualifier, String name, int offset) {

    public FieldRef {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(name, "name");
    }

    /** The 1-based column of the reference. */
    public int column() {
        return offset + 1;
    }

    @Override
    public String toString() {
        return qualifier.keyword() + "." + name;
    }

    /** What may stand before the dot of a field reference. */
    public enum Qualifier {
        ITEMS("Items", Dataset.ITEMS),
        USERS("Users", Dataset.USERS),
        INTERACTIONS("Interactions", Dataset.INTERACTIONS),
        /** The requesting user's attributes (Users dataset); only after {@code IF}. */
        CURRENT_USER("CurrentUser", Dataset.USERS),
        /** The request's item (Items dataset); only as an operand, in related-items filters. */
        CURRENT_ITEM("CurrentItem", Dataset.ITEMS);

        private final String keyword;
        private final Dataset dataset;

        Qualifier(String keyword, Dataset dataset) {
            this.keyword = keyword;
            this.dataset = dataset;
        }

        /** The qualifier as Personalize's documentation spells it. */
        public String keyword() {
            return keyword;
        }

        /** The dataset whose schema declares the fields after this qualifier. */
        public Dataset dataset() {
            return dataset;
        }
    }
}
