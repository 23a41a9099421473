package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetRows.LiveEvent;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionSettings;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.engine.recipe.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A user's newest real-time events, as the model of a campaign should see them: read from the
 * database on every request (so every server node sees an event as soon as PutEvents returns),
 * newest first, at most {@value #MAX_EVENTS}, keeping only the events the solution trains on (its
 * eventType and eventValueThreshold).
 *
 * <p>What a solution version reads from (its dataset group's stream batch, its event selection)
 * does not change, so it is looked up once per version and kept.
 */
@ApplicationScoped
public class LiveHistory {

    /** How many of a user's newest events count, as Personalize's real-time personalization. */
    public static final int MAX_EVENTS = 100;

    @Inject
    DatasetRows rows;
    @Inject
    DatasetService datasets;
    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;

    private final ConcurrentMap<String, Source> sources = new ConcurrentHashMap<>();

    /** Where a version's live events come from, and which of them it counts. */
    private record Source(long streamBatchId, TrainingConfig selection) {
    }

    /** The item ids of the user's newest counted events, newest first; empty if there are none. */
    public List<String> recentItems(String solutionVersionArn, String userId) {
        Source source = sources.computeIfAbsent(solutionVersionArn, this::source);
        if (source.streamBatchId() < 0) {
            return List.of();
        }
        TrainingConfig selection = source.selection();
        List<String> items = new ArrayList<>();
        for (LiveEvent event : rows.recentEvents(source.streamBatchId(), userId, MAX_EVENTS)) {
            if (selection.eventType() != null && !selection.eventType().equals(event.eventType())) {
                continue;
            }
            if (selection.eventValueThreshold() != null
                    && (event.eventValue() == null || event.eventValue() < selection.eventValueThreshold())) {
                continue;
            }
            items.add(event.itemId());
        }
        return items;
    }

    private Source source(String solutionVersionArn) {
        SolutionVersion version = versions.version(solutionVersionArn);
        Solution solution = solutions.find(version.getAccountId(), version.getSolutionArn());
        TrainingConfig selection = SolutionSettings.parse(solution.getSolutionConfig())
                .trainingConfig(solution.getEventType(), 0L);
        long batch = datasets.ofType(solution.getDatasetGroupArn(), DatasetType.INTERACTIONS)
                .map(dataset -> rows.streamBatch(dataset.getArn()))
                .orElse(-1L);
        return new Source(batch, selection);
    }
}
