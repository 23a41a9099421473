package io.tastemaker.domain.filter;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.ItemAttributesReader;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.filter.AllowedItems;
import io.tastemaker.engine.filter.BoundFilter;
import io.tastemaker.engine.filter.CatalogIndex;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.CompiledFilter;
import io.tastemaker.engine.filter.Expression;
import io.tastemaker.engine.filter.FilterContext;
import io.tastemaker.engine.filter.FilterRequestException;
import io.tastemaker.engine.filter.FilterValidationException;
import io.tastemaker.engine.filter.FilterValues;
import io.tastemaker.engine.filter.InteractionHistory;
import io.tastemaker.engine.quota.QuotaRanking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Filters at request time (GetRecommendations, GetPersonalizedRanking): turns a request's
 * {@code filterArn} and {@code filterValues} into the items the model may return.
 *
 * <p>What is kept in memory, and for how long:
 * <ul>
 *   <li>each filter's checked expression, by ARN and creation time (a filter never changes; a
 *       deleted and re-created one has another creation time). The filter row itself is read on
 *       every request, so a deleted filter stops working at once on every node;</li>
 *   <li>each dataset group's Items attributes (the columns filters can compare) and which
 *       datasets it has, re-read when older than {@link #ITEMS_REFRESH} by the first request that
 *       notices (the others meanwhile use the previous snapshot): Personalize lets bulk imports
 *       and PutItems reach filters "within 20 minutes";</li>
 *   <li>a {@link CatalogIndex} per (model catalog, attributes snapshot), at most
 *       {@value #INDEX_CACHE_SIZE}, and a {@link CompiledFilter} per (bound filter, catalog index),
 *       at most {@value #COMPILED_CACHE_SIZE}, least recently used first out.</li>
 * </ul>
 *
 * <p>What is read per request, never cached, so that it is current on every node: the user's
 * newest {@value InteractionHistory#MAX_PER_EVENT_TYPE} interactions of each event type over the
 * Interactions dataset's imports and stream (one indexed query, only for filters on
 * {@code Interactions.EVENT_TYPE}: a PutEvents purchase is excluded from the very next request),
 * and the user's Users record (only for filters with {@code IF CurrentUser}).
 */
@ApplicationScoped
public class FilterRuntime {

    /** How long a dataset group's Items attributes serve filters before they are read again. */
    public static final Duration ITEMS_REFRESH = Duration.ofSeconds(60);
    static final int INDEX_CACHE_SIZE = 64;
    static final int COMPILED_CACHE_SIZE = 1_000;

    @Inject
    FilterService filters;
    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    ItemAttributesReader itemAttributes;
    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;
    @Inject
    Clock clock;

    private final ConcurrentMap<String, Checked> checked = new ConcurrentHashMap<>();
    /** Solution version → its dataset group; a version never moves. */
    private final ConcurrentMap<String, String> groupOfVersion = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, GroupData> groups = new ConcurrentHashMap<>();
    /** Groups whose data one request thread is re-reading; the others keep using the previous data meanwhile. */
    private final Set<String> reloading = ConcurrentHashMap.newKeySet();
    private final BoundedCache<IndexKey, CatalogIndex> indexes = new BoundedCache<>(INDEX_CACHE_SIZE);
    private final BoundedCache<CompiledKey, CompiledFilter> compiled = new BoundedCache<>(COMPILED_CACHE_SIZE);

    private record Checked(Instant createdAt, CheckedFilter filter) {
    }

    /** A dataset group's datasets and Items attributes as of {@code loadedAt}. */
    private record GroupData(Instant loadedAt, ItemAttributes items, String interactionsArn, String usersArn) {
    }

    private record IndexKey(IdDictionary catalog, ItemAttributes attributes) {
    }

    private record CompiledKey(BoundFilter bound, CatalogIndex index) {
    }

    /** A request's filter with its values applied, for a campaign of {@code datasetGroupArn}. */
    public record RequestFilter(String accountId, String filterArn, String datasetGroupArn, BoundFilter bound) {

        /** Whether some expression that takes part has {@code IF CurrentUser} conditions. */
        boolean readsCurrentUser() {
            return bound.expressions().stream().anyMatch(e -> !e.when().isEmpty());
        }
    }

    /**
     * Looks the filter up and applies the request's values.
     *
     * @param datasetGroupArn the dataset group of the campaign the request is for
     * @throws io.tastemaker.domain.error.ResourceNotFoundException if there is no such filter
     * @throws InvalidInputException if the filter belongs to another dataset group, filters users, or
     *     the values don't fit it (the message names the parameter)
     */
    public RequestFilter prepare(String accountId, String filterArn, Map<String, String> filterValues,
            String datasetGroupArn) {
        Filter filter = filters.find(accountId, filterArn);
        if (!filter.getDatasetGroupArn().equals(datasetGroupArn)) {
            throw new InvalidInputException("Filter " + filterArn + " belongs to dataset group " + filter.getDatasetGroupArn()
                    + ", but the campaign recommends from dataset group " + datasetGroupArn + ".");
        }
        CheckedFilter checkedFilter = checked(accountId, filter);
        if (checkedFilter.target() != Expression.Target.ITEM_ID) {
            throw new InvalidInputException("Filter " + filterArn + " filters " + checkedFilter.target().keyword()
                    + " (user segments); recommendations take ItemID filters.");
        }
        try {
            return new RequestFilter(accountId, filterArn, datasetGroupArn, checkedFilter.bind(FilterValues.parse(filterValues)));
        } catch (FilterRequestException e) {
            throw new InvalidInputException(e.getMessage() + ".", e);
        }
    }

    /**
     * The items of a model's catalog that the filter allows for this request.
     *
     * @param catalog the model's catalog ({@code TrainedModel.catalog()}), so the bitset is in its indices
     * @param userId the requesting user, or null (related items without a user)
     * @param itemId the request's item (related items), or null
     */
    public AllowedItems allowed(RequestFilter filter, IdDictionary catalog, String userId, String itemId) {
        GroupData group = group(filter);
        CatalogIndex index = indexes.get(new IndexKey(catalog, group.items()), k -> CatalogIndex.of(k.catalog(), k.attributes()));
        CompiledFilter compiledFilter = compiled.get(new CompiledKey(filter.bound(), index),
                k -> CompiledFilter.compile(k.bound(), k.index()));
        return evaluate(compiledFilter, filter, group, userId, itemId);
    }

    /**
     * The items of {@code itemIds} (GetPersonalizedRanking's input list) that the filter allows.
     * The list is its own catalog, so nothing is cached for it.
     */
    public List<String> allowedAmong(RequestFilter filter, List<String> itemIds, String userId) {
        GroupData group = group(filter);
        IdDictionary listed = IdDictionary.of(new LinkedHashSet<>(itemIds).toArray(String[]::new));
        AllowedItems allowed = evaluate(CompiledFilter.compile(filter.bound(), CatalogIndex.of(listed, group.items())),
                filter, group, userId, null);
        return itemIds.stream().filter(allowed::contains).toList();
    }

    /**
     * The filter's category quotas ({@code QUOTA} clauses) for this request, over a model's catalog;
     * none without a filter or clauses.
     *
     * @param itemId the request's item (related items), or null
     * @throws InvalidInputException if a clause uses CurrentItem and the request has no item
     */
    public QuotaRanking quotas(RequestFilter filter, IdDictionary catalog, String itemId) {
        if (filter == null || filter.bound().filter().quotas().isEmpty()) {
            return QuotaRanking.none();
        }
        GroupData group = group(filter);
        CatalogIndex index = indexes.get(new IndexKey(catalog, group.items()), k -> CatalogIndex.of(k.catalog(), k.attributes()));
        CompiledFilter compiledFilter = compiled.get(new CompiledKey(filter.bound(), index),
                k -> CompiledFilter.compile(k.bound(), k.index()));
        FilterContext context = FilterContext.forUser(null, InteractionHistory.none());
        try {
            return QuotaRanking.of(compiledFilter.quotas(itemId == null ? context : context.withCurrentItem(itemId)));
        } catch (FilterRequestException e) {
            throw new InvalidInputException("Filter " + filter.filterArn() + ": " + e.getMessage() + ".", e);
        }
    }

    /** The dataset group a solution version was trained in. */
    public String datasetGroupOf(String solutionVersionArn) {
        return groupOfVersion.computeIfAbsent(solutionVersionArn, arn -> {
            SolutionVersion version = versions.version(arn);
            return solutions.find(version.getAccountId(), version.getSolutionArn()).getDatasetGroupArn();
        });
    }

    /** Drops what is kept of a deleted filter. */
    public void forget(String filterArn) {
        checked.remove(filterArn);
    }

    private AllowedItems evaluate(CompiledFilter compiledFilter, RequestFilter filter, GroupData group, String userId,
            String itemId) {
        InteractionHistory history = InteractionHistory.none();
        if (userId != null && group.interactionsArn() != null && filter.bound().filter().usesInteractions()) {
            history = new UserInteractions(userId, rows.recentItemsByEventType(group.interactionsArn(), userId,
                    InteractionHistory.MAX_PER_EVENT_TYPE));
        }
        FilterContext context = FilterContext.forUser(userId, history);
        if (userId != null && group.usersArn() != null && filter.readsCurrentUser()) {
            context = context.withCurrentUser(rows.recordAttributes(group.usersArn(), DatasetType.USERS, userId)
                    .map(ItemAttributesReader::asText).orElse(Map.of()));
        }
        if (itemId != null) {
            context = context.withCurrentItem(itemId);
        }
        try {
            return compiledFilter.allowedItems(context);
        } catch (FilterRequestException e) {
            throw new InvalidInputException("Filter " + filter.filterArn() + ": " + e.getMessage() + ".", e);
        }
    }

    private CheckedFilter checked(String accountId, Filter filter) {
        Checked known = checked.get(filter.getArn());
        if (known != null && known.createdAt().equals(filter.getCreatedAt())) {
            return known.filter();
        }
        CheckedFilter parsed;
        try {
            parsed = CheckedFilter.of(filter.getFilterExpression(), filters.schemaOf(accountId, filter.getDatasetGroupArn()));
        } catch (FilterValidationException e) {
            throw new InvalidInputException("Filter " + filter.getArn() + " no longer fits the schemas of its dataset group: "
                    + e.getMessage(), e);
        }
        checked.put(filter.getArn(), new Checked(filter.getCreatedAt(), parsed));
        return parsed;
    }

    private GroupData group(RequestFilter filter) {
        String groupArn = filter.datasetGroupArn();
        Instant now = clock.instant();
        GroupData known = groups.get(groupArn);
        if (known == null) {
            return groups.computeIfAbsent(groupArn, g -> load(filter.accountId(), g, now));
        }
        if (known.loadedAt().plus(ITEMS_REFRESH).isAfter(now) || !reloading.add(groupArn)) {
            return known;
        }
        try {
            GroupData loaded = load(filter.accountId(), groupArn, now);
            groups.put(groupArn, loaded);
            return loaded;
        } finally {
            reloading.remove(groupArn);
        }
    }

    private GroupData load(String accountId, String groupArn, Instant now) {
        Optional<Dataset> items = datasets.ofType(groupArn, DatasetType.ITEMS);
        return new GroupData(now,
                items.map(d -> itemAttributes.read(accountId, d, ItemAttributesReader.Purpose.FILTERS))
                        .orElse(ItemAttributes.empty()),
                datasets.ofType(groupArn, DatasetType.INTERACTIONS).map(Dataset::getArn).orElse(null),
                datasets.ofType(groupArn, DatasetType.USERS).map(Dataset::getArn).orElse(null));
    }
}
