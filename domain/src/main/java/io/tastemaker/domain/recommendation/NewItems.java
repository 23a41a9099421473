package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignSettings;
import io.tastemaker.domain.dataset.DataChanges;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.ItemAttributesReader;
import io.tastemaker.domain.filter.FilterRuntime;
import io.tastemaker.domain.filter.FilterRuntime.RequestFilter;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.recipe.ExplorationConfig;
import io.tastemaker.engine.recipe.NewItemExploration;
import io.tastemaker.engine.recipe.NewItemExploration.Explored;
import io.tastemaker.engine.recipe.ScoredItem;
import io.tastemaker.engine.recipe.UserModel;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * New-item exploration of User-Personalization campaigns (the engine's {@link NewItemExploration}),
 * fed with the campaign's dataset group as it is now: its Items dataset (read as training reads
 * it) and the user's tastes (their newest interactions of every live batch, imports and PutEvents).
 *
 * <p>Freshness: the candidates of a solution version are rebuilt when its Items dataset changed
 * through this server (PutItems, an import; {@link DataChanges#generation}), so an item put here is a
 * candidate on the very next request, and at the latest {@link #REFRESH} after a change made
 * through another node. Item ages are measured against this server's clock.
 */
@ApplicationScoped
public class NewItems {

    /** The longest time candidates are kept without reading the Items dataset again. */
    public static final Duration REFRESH = Duration.ofSeconds(60);
    /** The newest interactions of each event type that make up a user's tastes. */
    public static final int TASTE_ITEMS_PER_TYPE = 100;
    private static final int MAX_VERSIONS = 64;

    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    ItemAttributesReader itemAttributes;
    @Inject
    DataChanges changes;
    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;
    @Inject
    FilterRuntime filters;
    @Inject
    Clock clock;

    private final ConcurrentMap<String, Snapshot> byVersion = new ConcurrentHashMap<>();

    /** A version's candidates, built from its Items dataset at {@code generation}. */
    private record Snapshot(NewItemExploration exploration, String itemsArn, String interactionsArn, long generation,
            Instant loadedAt) {
    }

    /** Recipes whose campaigns explore: Personalize's User-Personalization recipes. */
    private static final Set<String> EXPLORING_RECIPES = Set.of("aws-user-personalization",
            "aws-user-personalization-v2");

    /**
     * Places explored items into {@code items} (the model's list for the user, best first) for a
     * campaign of aws-user-personalization (or -v2); the list itself for other recipes, for a group
     * without an Items dataset, and at explorationWeight 0.
     */
    public Explored explore(Campaign campaign, UserModel model, String userId, LiveHistory.Recent live,
            List<ScoredItem> items, int numResults, RequestFilter filter) {
        ExplorationConfig config = CampaignSettings.parse(campaign.getCampaignConfig()).explorationOrOff();
        List<ScoredItem> top = items.size() > numResults ? items.subList(0, numResults) : items;
        if (!(model instanceof UserPersonalizationModel) || config.slots(numResults) == 0) {
            return new Explored(List.copyOf(top), Set.of());
        }
        Snapshot snapshot = snapshot(campaign.getSolutionVersionArn(), model);
        if (snapshot.exploration() == null || snapshot.exploration().candidates().size() == 0) {
            return new Explored(List.copyOf(top), Set.of());
        }
        Predicate<String> allowed = id -> true;
        if (filter != null) {
            AllowedItems allowedItems = filters.allowed(filter, snapshot.exploration().candidates(), userId, null);
            allowed = allowedItems::contains;
        }
        List<String> tastes = new ArrayList<>(live.items());
        if (snapshot.interactionsArn() != null) {
            rows.recentItemsByEventType(snapshot.interactionsArn(), userId, TASTE_ITEMS_PER_TYPE).values()
                    .forEach(tastes::addAll);
        }
        return snapshot.exploration().explore(items, numResults, tastes, config, clock.instant().getEpochSecond(),
                allowed, live.penalty()::factorOf);
    }

    private Snapshot snapshot(String versionArn, UserModel model) {
        Snapshot known = byVersion.get(versionArn);
        Instant now = clock.instant();
        if (known != null && (known.itemsArn() == null || changes.generation(known.itemsArn()) == known.generation())
                && known.loadedAt().plus(REFRESH).isAfter(now)) {
            return known;
        }
        if (byVersion.size() >= MAX_VERSIONS) {
            byVersion.clear();
        }
        return byVersion.compute(versionArn, (arn, current) -> current != null && current != known ? current
                : load(arn, model, now));
    }

    private Snapshot load(String versionArn, UserModel model, Instant now) {
        SolutionVersion version = versions.version(versionArn);
        Solution solution = solutions.find(version.getAccountId(), version.getSolutionArn());
        Optional<Dataset> items = datasets.ofType(solution.getDatasetGroupArn(), DatasetType.ITEMS);
        String interactions = datasets.ofType(solution.getDatasetGroupArn(), DatasetType.INTERACTIONS)
                .map(Dataset::getArn).orElse(null);
        String recipe = solution.getRecipeArn().substring(solution.getRecipeArn().lastIndexOf('/') + 1);
        if (items.isEmpty() || !EXPLORING_RECIPES.contains(recipe)) {
            return new Snapshot(null, null, interactions, 0, now);
        }
        long generation = changes.generation(items.get().getArn());
        NewItemExploration exploration = NewItemExploration.of(itemAttributes.read(version.getAccountId(), items.get(),
                ItemAttributesReader.Purpose.TRAINING), model::itemUsers);
        return new Snapshot(exploration, items.get().getArn(), interactions, generation, now);
    }
}
