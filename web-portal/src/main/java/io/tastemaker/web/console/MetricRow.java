package io.tastemaker.web.console;

import java.io.Serializable;

/** One offline metric of a solution version. */
public final class MetricRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;

    MetricRow(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
