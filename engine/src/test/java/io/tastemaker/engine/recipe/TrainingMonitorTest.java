package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingMonitorTest {

    private record Report(String step, double fraction) {
    }

    @Test
    void aPartMapsItsFractionsIntoItsSpanAndPrefixesItsSteps() {
        List<Report> reports = new ArrayList<>();
        TrainingMonitor whole = (step, fraction) -> reports.add(new Report(step, fraction));

        TrainingMonitor part = whole.part(0.5, 0.9, "Final model");
        part.progress("Iteration 1", 0);
        part.progress("Iteration 2", 0.5);
        part.progress("Done", 1);
        part.progress("Past the end", 3);

        assertThat(reports).containsExactly(new Report("Final model: Iteration 1", 0.5),
                new Report("Final model: Iteration 2", 0.7), new Report("Final model: Done", 0.9),
                new Report("Final model: Past the end", 0.9));
    }

    @Test
    void partsNest() {
        List<Report> reports = new ArrayList<>();
        TrainingMonitor whole = (step, fraction) -> reports.add(new Report(step, fraction));

        whole.part(0.5, 1).part(0.5, 1, "Trial 2").progress("x", 0.5);

        assertThat(reports).containsExactly(new Report("Trial 2: x", 0.875));
    }

    @Test
    void aStopThrownByTheMonitorReachesTheCaller() {
        TrainingMonitor stopping = (step, fraction) -> {
            throw new TrainingStoppedException("stop");
        };

        assertThatThrownBy(() -> stopping.part(0, 1, "p").progress("s", 0.1))
                .isInstanceOf(TrainingStoppedException.class);
    }

    @Test
    void rejectsSpansOutsideZeroToOne() {
        assertThatThrownBy(() -> TrainingMonitor.NONE.part(0.6, 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0.6, 0.5]");
        assertThatThrownBy(() -> TrainingMonitor.NONE.part(-0.1, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrainingMonitor.NONE.part(0, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
