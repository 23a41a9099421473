package io.tastemaker.engine.recipe;

import java.util.Objects;

/**
 * Where a training run reports progress, and how it learns that it should stop. Recipes call
 * {@link #progress} between units of work (an iteration, a block of rows), often enough that a stop
 * takes effect within seconds and seldom enough that it costs nothing measurable.
 */
@FunctionalInterface
public interface TrainingMonitor {

    /** A monitor that ignores progress and never stops a run. */
    TrainingMonitor NONE = (step, fraction) -> { };

    /**
     * Reports that the run is in {@code step} and has done {@code fraction} of its total work.
     *
     * @param step a short human-readable name of the current step, for example
     *     {@code "Factorising (iteration 3 of 10)"}
     * @param fraction in {@code [0, 1]}, never decreasing within one run
     * @throws TrainingStoppedException if the run should stop
     */
    void progress(String step, double fraction);

    /**
     * A monitor for a part of this run that spans {@code [from, to]} of its work: the part's
     * fraction {@code f} is reported here as {@code from + f·(to − from)}, and its steps keep their
     * names.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= 1}
     */
    default TrainingMonitor part(double from, double to) {
        if (!(from >= 0 && from <= to && to <= 1)) {
            throw new IllegalArgumentException("A part must satisfy 0 <= from <= to <= 1, was [" + from + ", " + to + "]");
        }
        TrainingMonitor whole = this;
        return (step, fraction) -> whole.progress(step, from + Math.min(1, Math.max(0, fraction)) * (to - from));
    }

    /** A monitor for a part of this run, whose steps are named {@code prefix + ": " + step}. */
    default TrainingMonitor part(double from, double to, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        TrainingMonitor scaled = part(from, to);
        return (step, fraction) -> scaled.progress(prefix + ": " + step, fraction);
    }
}
