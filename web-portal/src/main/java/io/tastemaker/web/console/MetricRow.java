package io.tastemaker.web.console;

import java.io.Serializable;
import java.util.Locale;

/** One offline metric of a solution version. */
public final class MetricRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;
    private final double fraction;

    MetricRow(String name, String value, double fraction) {
        this.name = name;
        this.value = value;
        this.fraction = fraction;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /**
     * The bar length of the metrics chart, in percent of its width: the metric's value, clamped to
     * [0, 1], since every offline metric of Personalize lies in that range.
     */
    public String getBarPercent() {
        return String.format(Locale.ROOT, "%.1f", 100 * Math.max(0, Math.min(1, fraction)));
    }
}
