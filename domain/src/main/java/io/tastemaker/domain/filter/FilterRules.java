package io.tastemaker.domain.filter;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.LimitExceededException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.Dataset;
import io.tastemaker.engine.filter.FieldKind;
import io.tastemaker.engine.filter.FilterExpression;
import io.tastemaker.engine.filter.FilterSchema;
import io.tastemaker.engine.filter.FilterValidationException;
import io.tastemaker.engine.filter.SchemaField;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What CreateFilter checks, as pure functions: the expression against the dataset group's schemas
 * (the engine's checker, its message and column passed on as an InvalidInputException), and
 * Personalize's quotas of {@value #MAX_FILTERS_PER_GROUP} filters and {@value #MAX_FIELDS_PER_GROUP}
 * distinct fields over all the filters of a dataset group.
 */
public final class FilterRules {

    /** Filters per dataset group (Personalize's default quota). */
    public static final int MAX_FILTERS_PER_GROUP = 30;
    /** Distinct dataset fields over all the filters of a dataset group. */
    public static final int MAX_FIELDS_PER_GROUP = 20;

    private FilterRules() {
    }

    /** The filter schema of a dataset group whose datasets have the given schemas. */
    public static FilterSchema schemaOf(Map<DatasetType, ParsedSchema> datasets) {
        FilterSchema.Builder builder = FilterSchema.builder();
        datasets.forEach((type, schema) -> {
            Dataset dataset = datasetOf(type);
            builder.dataset(dataset);
            for (FieldSpec field : schema.fields()) {
                builder.field(dataset, field.name(), FieldKind.ofAvro(field.type().avroName(), field.categorical(),
                        field.textual()));
            }
        });
        return builder.build();
    }

    /**
     * The expression parsed and checked against {@code schema}.
     *
     * @throws InvalidInputException if it is missing, too long, malformed or does not fit the schema,
     *     with the engine's message (which names the column)
     */
    public static CheckedFilter check(String expression, FilterSchema schema) {
        if (expression == null) {
            throw new InvalidInputException("1 validation error detected: Value null at 'filterExpression' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (expression.isEmpty() || expression.length() > FilterExpression.MAX_LENGTH) {
            throw new InvalidInputException("1 validation error detected: Value at 'filterExpression' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + FilterExpression.MAX_LENGTH);
        }
        try {
            return CheckedFilter.of(expression, schema);
        } catch (FilterValidationException e) {
            throw new InvalidInputException("Invalid filter expression: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that a dataset group with {@code filterCount} filters, of which {@code existing} still
     * check against its schemas, can take {@code added}.
     *
     * @throws LimitExceededException if the group already has {@value #MAX_FILTERS_PER_GROUP} filters,
     *     or the filters together would use more than {@value #MAX_FIELDS_PER_GROUP} distinct fields
     */
    public static void checkQuotas(String groupName, int filterCount, Collection<CheckedFilter> existing,
            CheckedFilter added) {
        if (filterCount >= MAX_FILTERS_PER_GROUP) {
            throw new LimitExceededException("Dataset group " + groupName + " already has " + filterCount
                    + " filters; a dataset group has at most " + MAX_FILTERS_PER_GROUP + ". Delete one first.");
        }
        Set<String> fields = new TreeSet<>();
        existing.forEach(f -> f.fields().forEach(field -> fields.add(key(field))));
        Set<String> before = Set.copyOf(fields);
        added.fields().forEach(field -> fields.add(key(field)));
        if (fields.size() > MAX_FIELDS_PER_GROUP) {
            Set<String> fresh = new TreeSet<>(fields);
            fresh.removeAll(before);
            throw new LimitExceededException("The filters of dataset group " + groupName + " would use " + fields.size()
                    + " distinct fields; at most " + MAX_FIELDS_PER_GROUP + " are allowed over all the filters of a dataset "
                    + "group. The existing filters use " + before.size() + "; this one adds " + String.join(", ", fresh)
                    + ".");
        }
    }

    private static String key(SchemaField field) {
        return field.dataset().keyword() + "." + field.name().toUpperCase(Locale.ROOT);
    }

    private static Dataset datasetOf(DatasetType type) {
        return switch (type) {
            case INTERACTIONS -> Dataset.INTERACTIONS;
            case ITEMS -> Dataset.ITEMS;
            case USERS -> Dataset.USERS;
        };
    }
}
