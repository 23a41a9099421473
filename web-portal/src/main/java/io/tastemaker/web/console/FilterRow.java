package io.tastemaker.web.console;

import io.tastemaker.domain.filter.Filter;
import java.io.Serializable;

/** A filter of the dataset group, as the Filters panel lists it. */
public final class FilterRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String status;
    private final String expression;
    private final String created;

    private FilterRow(String name, String arn, String status, String expression, String created) {
        this.name = name;
        this.arn = arn;
        this.status = status;
        this.expression = expression;
        this.created = created;
    }

    static FilterRow of(Filter filter) {
        return new FilterRow(filter.getName(), filter.getArn(), filter.getStatus(), filter.getFilterExpression(),
                ConsoleFormat.time(filter.getCreatedAt()));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getStatus() {
        return status;
    }

    public String getExpression() {
        return expression;
    }

    public String getCreated() {
        return created;
    }
}
