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
import io.tastemaker.engine.recipe.ImpressionPenalty;
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
 * eventType, eventValueThreshold and eventsConfig; {@link TrainingConfig#counts}).
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
        return recent(solutionVersionArn, userId).items();
    }

    /**
     * The user's newest events as a recommendation reads them, from one read of the database.
     *
     * @param items the item ids of the counted events (the solution's eventType and
     *     eventValueThreshold), newest first
     * @param penalty the user's impressions over all of the newest events ({@link ImpressionPenalty})
     */
    public record Recent(List<String> items, ImpressionPenalty penalty) {
    }

    /** See {@link Recent}. */
    public Recent recent(String solutionVersionArn, String userId) {
        Source source = sources.computeIfAbsent(solutionVersionArn, this::source);
        if (source.streamBatchId() < 0) {
            return new Recent(List.of(), ImpressionPenalty.NONE);
        }
        TrainingConfig selection = source.selection();
        List<String> items = new ArrayList<>();
        List<LiveEvent> events = rows.recentEvents(source.streamBatchId(), userId, MAX_EVENTS);
        List<ImpressionPenalty.Shown> shown = new ArrayList<>(events.size());
        for (LiveEvent event : events) {
            shown.add(new ImpressionPenalty.Shown(event.itemId(), event.recommendationId(), event.impression()));
        }
        for (LiveEvent event : events) {
            if (!selection.counts(event.eventType(), event.eventValue())) {
                continue;
            }
            items.add(event.itemId());
        }
        return new Recent(items, ImpressionPenalty.of(shown));
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
