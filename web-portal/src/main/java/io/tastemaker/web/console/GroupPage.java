package io.tastemaker.web.console;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.datasetimport.DatasetImportJob;
import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.filter.Filter;
import io.tastemaker.domain.filter.FilterService;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.event.EventInput;
import io.tastemaker.domain.event.EventService;
import io.tastemaker.domain.eventtracker.EventTracker;
import io.tastemaker.domain.eventtracker.EventTrackerService;
import io.tastemaker.domain.error.PersonalizeException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.recommendation.MetadataColumns;
import io.tastemaker.domain.recommendation.RecommendationService;
import io.tastemaker.domain.recommendation.RecommendationService.Recommendations;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.engine.filter.FieldKind;
import io.tastemaker.engine.filter.FilterValidationException;
import io.tastemaker.engine.filter.SchemaField;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of one dataset group ({@code group.xhtml?arn=...}): what it holds, from data to
 * campaigns and filters, and what a person does here: start an import, create and delete filters
 * (a refused expression is shown with a caret under the column at fault; example category
 * quota clauses can be inserted), and ask a campaign for
 * recommendations, with a filter and its values and a context (contextual field = value) if wanted. Reading the page asks each List service in turn; each action calls one
 * service and then reads the page again.
 *
 * <p>Everything is authorised as over the API, by {@link ConsoleAccess}: reading the page needs
 * {@code personalize:DescribeDatasetGroup} on the group and the List actions of what it shows;
 * each action needs its operation's action on the resource the operation would name (a new
 * import job's or filter's ARN, the version, the filter, the campaign, the event tracker).
 */
@Named("groupPage")
@ViewScoped
public class GroupPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** What the page lists, each needing its action. */
    private static final List<String> PAGE_LISTS = List.of("personalize:ListDatasets",
            "personalize:ListDatasetImportJobs", "personalize:ListSolutions", "personalize:ListSolutionVersions",
            "personalize:ListCampaigns", "personalize:ListFilters");
    /** Number of results the test panel asks for unless told otherwise (GetRecommendations' default). */
    static final int DEFAULT_TEST_RESULTS = RecommendationService.DEFAULT_RESULTS;

    @Inject
    ConsoleSession session;
    @Inject
    DatasetGroupService groups;
    @Inject
    DatasetService datasets;
    @Inject
    SchemaService schemas;
    @Inject
    DatasetRows datasetRows;
    @Inject
    DatasetImportService imports;
    @Inject
    SolutionService solutions;
    @Inject
    SolutionVersionService versions;
    @Inject
    CampaignService campaigns;
    @Inject
    RecommendationService recommendations;
    @Inject
    FilterService filters;
    @Inject
    EventTrackerService trackers;
    @Inject
    EventService events;
    @Inject
    ConsoleAudit audit;
    @Inject
    ConsoleAccess access;

    private String arn;
    private GroupRow group;
    private List<DatasetRow> datasetList = List.of();
    private List<ImportJobRow> jobs = List.of();
    private List<SolutionRow> solutionList = List.of();
    private List<CampaignRow> campaignList = List.of();
    private List<FilterRow> filterList = List.of();

    private String filterName;
    private String filterExpression;
    private ExpressionProblem expressionProblem;

    private String importDatasetArn;
    private String importJobName;
    private String importLocation;
    private String importMode = "FULL";

    private String testCampaignArn;
    private String testUserId;
    private Integer testNumResults = DEFAULT_TEST_RESULTS;
    private String testFilterArn;
    private String testFilterValues;
    private String testContext;
    private String testContextFields;
    private String testEventItemId;
    private String testEventType = "click";
    private String testPromotionName;
    private Integer testPromotionPercent;
    private String testPromotionFilterArn;
    private String testPromotionFilterValues;
    private String testMetadataColumns;
    private List<RankedItemRow> results = List.of();
    private String recommendationId;

    private String schemaTitle;
    private String schemaJson;

    /** Reads the group and everything in it; on a domain error shows its message and an empty page. */
    public void load() {
        group = null;
        datasetList = List.of();
        jobs = List.of();
        solutionList = List.of();
        campaignList = List.of();
        filterList = List.of();
        if (arn == null || arn.isBlank()) {
            ConsoleMessages.error("No dataset group was given: open one from the dashboard.");
            return;
        }
        String account = session.accountId();
        try {
            access.require("personalize:DescribeDatasetGroup", arn);
            for (String list : PAGE_LISTS) {
                access.require(list, "*");
            }
            GroupRow found = GroupRow.of(groups.find(account, arn));
            loadData(account);
            loadModels(account);
            loadFilters(account);
            group = found;
        } catch (PersonalizeException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    private void loadData(String account) {
        List<DatasetRow> datasetOut = new ArrayList<>();
        List<DatasetImportJob> allJobs = new ArrayList<>();
        Map<String, String> typeOfDataset = new HashMap<>();
        for (Dataset dataset : Listing.all("ConsoleDatasets" + arn, page -> datasets.list(account, arn, page))) {
            DatasetType type = DatasetType.valueOf(dataset.getDatasetType());
            typeOfDataset.put(dataset.getArn(), type.wireName());
            datasetOut.add(DatasetRow.of(dataset, schemas.find(account, dataset.getSchemaArn()),
                    datasetRows.count(dataset.getArn(), type)));
            allJobs.addAll(Listing.all("ConsoleImports" + dataset.getArn(), page -> imports.list(account, dataset.getArn(), page)));
        }
        allJobs.sort(Comparator.comparing(DatasetImportJob::getCreatedAt).reversed());
        List<ImportJobRow> jobOut = new ArrayList<>();
        for (DatasetImportJob job : allJobs) {
            List<RejectionRow> rejected = job.getRowsRejected() == 0 ? List.of()
                    : imports.rejections(account, job.getArn()).stream().map(RejectionRow::of).toList();
            jobOut.add(ImportJobRow.of(typeOfDataset.get(job.getDatasetArn()), job, rejected));
        }
        datasetList = List.copyOf(datasetOut);
        jobs = List.copyOf(jobOut);
        if (importDatasetArn == null && !datasetList.isEmpty()) {
            importDatasetArn = datasetList.stream().filter(d -> d.getType().equals(DatasetType.INTERACTIONS.wireName()))
                    .findFirst().orElse(datasetList.get(0)).getArn();
        }
    }

    private void loadModels(String account) {
        List<SolutionRow> solutionOut = new ArrayList<>();
        List<CampaignRow> campaignOut = new ArrayList<>();
        for (Solution solution : Listing.all("ConsoleSolutions" + arn, page -> solutions.list(account, arn, page))) {
            List<VersionRow> versionOut = new ArrayList<>();
            for (SolutionVersion version : Listing.all("ConsoleVersions" + solution.getArn(),
                    page -> versions.list(account, solution.getArn(), page))) {
                versionOut.add(VersionRow.of(version, metricsOf(account, version), versions.now()));
            }
            solutionOut.add(SolutionRow.of(solution, versionOut));
            for (Campaign campaign : Listing.all("ConsoleCampaigns" + solution.getArn(),
                    page -> campaigns.list(account, solution.getArn(), page))) {
                campaignOut.add(CampaignRow.of(campaign, solution.getName()));
            }
        }
        solutionList = List.copyOf(solutionOut);
        campaignList = List.copyOf(campaignOut);
        List<CampaignRow> active = getActiveCampaigns();
        if (active.stream().noneMatch(c -> c.getArn().equals(testCampaignArn))) {
            testCampaignArn = active.isEmpty() ? null : active.get(0).getArn();
        }
    }

    private void loadFilters(String account) {
        filterList = Listing.all("ConsoleFilters" + arn, page -> filters.list(account, arn, page)).stream()
                .map(FilterRow::of).toList();
        if (filterList.stream().noneMatch(f -> f.getArn().equals(testFilterArn))) {
            testFilterArn = null;
        }
        if (filterList.stream().noneMatch(f -> f.getArn().equals(testPromotionFilterArn))) {
            testPromotionFilterArn = null;
        }
    }

    /** The offline metrics of an ACTIVE version; none for other versions (the service refuses them). */
    private Map<String, Double> metricsOf(String account, SolutionVersion version) {
        if (!Status.ACTIVE.equals(version.getStatus())) {
            return Map.of();
        }
        try {
            return versions.metrics(account, version.getArn());
        } catch (ResourceInUseException e) {
            return Map.of();
        }
    }

    /** Starts an import into the chosen dataset. */
    public void startImport() {
        try {
            access.require("personalize:CreateDatasetImportJob", access.newArn(ResourceType.DATASET_IMPORT_JOB, importJobName));
            DatasetImportJob job = imports.create(session.accountId(), trimmed(importJobName), importDatasetArn,
                    trimmed(importLocation), importMode, null);
            audit.record("personalize:CreateDatasetImportJob", job.getArn());
            ConsoleMessages.info("Started import job " + job.getJobName() + ": " + job.getStatus() + ".");
            importJobName = null;
            importLocation = null;
        } catch (PersonalizeException e) {
            audit.record("personalize:CreateDatasetImportJob", importDatasetArn, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        load();
    }

    /** StopSolutionVersionCreation for one version. */
    public void stopVersion(String versionArn) {
        try {
            access.require("personalize:StopSolutionVersionCreation", versionArn);
            versions.stop(session.accountId(), versionArn);
            audit.record("personalize:StopSolutionVersionCreation", versionArn);
            ConsoleMessages.info("Stopping solution version " + ConsoleFormat.lastSegment(versionArn) + ".");
        } catch (PersonalizeException e) {
            audit.record("personalize:StopSolutionVersionCreation", versionArn, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        load();
    }

    /**
     * CreateFilter with the editor's name and expression. A refused expression is shown under the
     * editor, with a caret under the column the message names; the text stays for correcting.
     */
    public void createFilter() {
        expressionProblem = null;
        try {
            access.require("personalize:CreateFilter", access.newArn(ResourceType.FILTER, filterName));
            Filter filter = filters.create(session.accountId(), trimmed(filterName), arn, filterExpression);
            audit.record("personalize:CreateFilter", filter.getArn());
            ConsoleMessages.info("Created filter " + filter.getName() + ": " + filter.getStatus() + ".");
            filterName = null;
            filterExpression = null;
        } catch (InvalidInputException e) {
            audit.record("personalize:CreateFilter", arn, e);
            int column = e.getCause() instanceof FilterValidationException v ? v.column() : -1;
            expressionProblem = ExpressionProblem.of(e.getMessage(), filterExpression, column);
            ConsoleMessages.error(e.getMessage());
            return;
        } catch (PersonalizeException e) {
            audit.record("personalize:CreateFilter", arn, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        load();
    }

    /**
     * Appends an example {@code QUOTA} clause to the editor's expression (after {@code |} when it
     * has one), on the first categorical field of the group's Items schema (or {@code GENRES} when
     * there is none yet): {@code AT_LEAST} keeps 30% for the values of a parameter,
     * {@code AT_MOST_PER} caps every value at 40%.
     */
    public void insertQuota(String kind) {
        String field = quotaExampleField();
        String clause = switch (kind) {
            case "AT_LEAST" -> "QUOTA AT LEAST 30 PERCENT FROM Items." + field + " IN ($" + field + ")";
            case "AT_MOST_PER" -> "QUOTA AT MOST 40 PERCENT PER Items." + field;
            default -> throw new IllegalArgumentException("No quota example " + kind);
        };
        filterExpression = filterExpression == null || filterExpression.isBlank() ? clause
                : filterExpression.strip() + " | " + clause;
    }

    private String quotaExampleField() {
        try {
            return filters.schemaOf(session.accountId(), arn).fields(io.tastemaker.engine.filter.Dataset.ITEMS).stream()
                    .filter(f -> f.kind() == FieldKind.CATEGORICAL).map(SchemaField::name).findFirst().orElse("GENRES");
        } catch (PersonalizeException e) {
            return "GENRES";
        }
    }

    /** DeleteFilter. */
    public void deleteFilter(String filterArn) {
        try {
            access.require("personalize:DeleteFilter", filterArn);
            filters.delete(session.accountId(), filterArn);
            audit.record("personalize:DeleteFilter", filterArn);
            ConsoleMessages.info("Deleted filter " + ConsoleFormat.lastSegment(filterArn) + ".");
        } catch (PersonalizeException e) {
            audit.record("personalize:DeleteFilter", filterArn, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        load();
    }

    /**
     * The test panel's filter values: one {@code NAME=value} per line, the value in Personalize's
     * encoding ({@code "a","b"}, or a number).
     */
    static Map<String, String> parseFilterValues(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("Filter values go one per line as NAME=\"value\",\"value\"; this line has no "
                        + "name: " + line.strip());
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return values;
    }

    /**
     * The test panel's context: one {@code KEY=value} per line, the key a contextual field of the
     * Interactions schema (e.g. {@code DEVICE=mobile}); blank lines are skipped, spaces around key and
     * value dropped.
     */
    static Map<String, String> parseContext(String text) {
        Map<String, String> context = new LinkedHashMap<>();
        if (text == null) {
            return context;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1 || line.substring(0, eq).isBlank()) {
                throw new InvalidInputException("Context goes one per line as KEY=value, e.g. DEVICE=mobile; a line has "
                        + "no key before its '='.");
            }
            context.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return context;
    }

    /**
     * The test panel's promotion (Personalize's {@code promotions}, at most one), or null when none of
     * its fields is filled in; checked as GetRecommendations checks it.
     */
    private RecommendationService.Promotion testPromotion() {
        String name = trimmed(testPromotionName);
        String filterArn = trimmed(testPromotionFilterArn);
        Map<String, String> values = parseFilterValues(testPromotionFilterValues);
        if (name == null && filterArn == null && testPromotionPercent == null && values.isEmpty()) {
            return null;
        }
        return new RecommendationService.Promotion(name, testPromotionPercent == null ? 0 : testPromotionPercent, filterArn,
                values.isEmpty() ? null : values);
    }

    /**
     * The test panel's metadata columns: Items column names separated by commas or spaces (e.g.
     * {@code GENRES, TITLE}), checked as GetRecommendations checks {@code metadataColumns.ITEMS}.
     */
    static MetadataColumns parseMetadataColumns(String text) {
        if (text == null || text.isBlank()) {
            return MetadataColumns.NONE;
        }
        List<String> columns = List.of(text.strip().split("[,\\s]+"));
        return MetadataColumns.of(Map.of(MetadataColumns.ITEMS, columns));
    }

    /** Asks the chosen campaign for recommendations, as GetRecommendations does (with the chosen filter and context). */
    public void runTest() {
        results = List.of();
        recommendationId = null;
        testContextFields = null;
        try {
            String filterArn = trimmed(testFilterArn);
            Map<String, String> values = parseFilterValues(testFilterValues);
            Map<String, String> context = parseContext(testContext);
            access.require("personalize:GetRecommendations", testCampaignArn == null ? "*" : testCampaignArn);
            Recommendations answer = recommendations.recommend(session.accountId(), testCampaignArn, trimmed(testUserId), null,
                    testNumResults, filterArn, filterArn == null && values.isEmpty() ? null : values, testPromotion(),
                    context, parseMetadataColumns(testMetadataColumns));
            List<String> fields = recommendations.contextFields(session.accountId(), testCampaignArn);
            testContextFields = fields.isEmpty() ? "none" : String.join(", ", fields);
            List<RankedItemRow> ranked = new ArrayList<>();
            for (int i = 0; i < answer.items().size(); i++) {
                ranked.add(RankedItemRow.of(i + 1, answer.items().get(i), answer));
            }
            results = List.copyOf(ranked);
            recommendationId = answer.recommendationId();
        } catch (PersonalizeException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    /**
     * Sends one event for the test user through the group's event tracker, as PutEvents does, and
     * asks for recommendations again, so the effect of the event shows at once.
     */
    public void sendTestEvent() {
        String account = session.accountId();
        String userId = trimmed(testUserId);
        String itemId = trimmed(testEventItemId);
        String eventType = trimmed(testEventType);
        if (userId == null || itemId == null || eventType == null) {
            ConsoleMessages.error("A test event needs a user id, an item id and an event type.");
            return;
        }
        try {
            List<EventTracker> found = trackers.list(account, arn, PageRequest.of("ConsoleTrackers" + arn, null, 1)).items();
            if (found.isEmpty()) {
                ConsoleMessages.error("This dataset group has no event tracker; create one with CreateEventTracker to "
                        + "send events.");
                return;
            }
            access.require("personalize:PutEvents", found.get(0).getArn());
            events.putEvents(account, found.get(0).getTrackingId(), userId, "console-" + userId,
                    List.of(new EventInput(null, eventType, null, itemId, Instant.now(), null, null, null)));
            audit.record("personalize:PutEvents", found.get(0).getArn());
            ConsoleMessages.info("Sent a " + eventType + " event of " + userId + " for item " + itemId + ".");
        } catch (PersonalizeException e) {
            audit.record("personalize:PutEvents", arn, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        runTest();
    }

    /**
     * Real-time events per second over the last minute, by the events' sentAt, from the group's
     * Interactions stream; null without an Interactions dataset.
     */
    public String getLiveEventsPerSecond() {
        if (arn == null) {
            return null;
        }
        return datasets.ofType(arn, DatasetType.INTERACTIONS).map(dataset -> {
            long perMinute = datasetRows.eventsSince(datasetRows.streamBatch(dataset.getArn()),
                    Instant.now().getEpochSecond() - 60);
            return String.format(Locale.ROOT, "%.1f", perMinute / 60.0);
        }).orElse(null);
    }

    public String getTestEventItemId() {
        return testEventItemId;
    }

    public void setTestEventItemId(String testEventItemId) {
        this.testEventItemId = testEventItemId;
    }

    public String getTestEventType() {
        return testEventType;
    }

    public void setTestEventType(String testEventType) {
        this.testEventType = testEventType;
    }

    /** Puts a dataset's schema into the schema dialog. */
    public void showSchema(DatasetRow dataset) {
        schemaTitle = "Schema " + dataset.getSchemaName() + " (" + dataset.getType() + ")";
        schemaJson = dataset.getSchemaJson();
    }

    /** Whether an import, a training or a campaign deployment is still under way (the page then refreshes itself). */
    public boolean isBusy() {
        return jobs.stream().anyMatch(j -> Status.inProgress(j.getStatus()))
                || solutionList.stream().flatMap(s -> s.getVersions().stream()).anyMatch(v -> Status.inProgress(v.getStatus()))
                || campaignList.stream().anyMatch(c -> Status.inProgress(c.getStatus())
                        || (c.getUpdateStatus() != null && Status.inProgress(c.getUpdateStatus())));
    }

    public List<CampaignRow> getActiveCampaigns() {
        return campaignList.stream().filter(CampaignRow::isActive).toList();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getArn() {
        return arn;
    }

    public void setArn(String arn) {
        this.arn = arn;
    }

    public GroupRow getGroup() {
        return group;
    }

    public List<DatasetRow> getDatasets() {
        return datasetList;
    }

    public List<ImportJobRow> getJobs() {
        return jobs;
    }

    public List<ImportJobRow> getJobsWithRejections() {
        return jobs.stream().filter(j -> !j.getRejections().isEmpty()).toList();
    }

    public List<SolutionRow> getSolutions() {
        return solutionList;
    }

    public List<CampaignRow> getCampaigns() {
        return campaignList;
    }

    public List<FilterRow> getFilters() {
        return filterList;
    }

    public String getFilterName() {
        return filterName;
    }

    public void setFilterName(String filterName) {
        this.filterName = filterName;
    }

    public String getFilterExpression() {
        return filterExpression;
    }

    public void setFilterExpression(String filterExpression) {
        this.filterExpression = filterExpression;
    }

    public ExpressionProblem getExpressionProblem() {
        return expressionProblem;
    }

    public String getTestPromotionName() {
        return testPromotionName;
    }

    public void setTestPromotionName(String testPromotionName) {
        this.testPromotionName = testPromotionName;
    }

    public Integer getTestPromotionPercent() {
        return testPromotionPercent;
    }

    public void setTestPromotionPercent(Integer testPromotionPercent) {
        this.testPromotionPercent = testPromotionPercent;
    }

    public String getTestPromotionFilterArn() {
        return testPromotionFilterArn;
    }

    public void setTestPromotionFilterArn(String testPromotionFilterArn) {
        this.testPromotionFilterArn = testPromotionFilterArn;
    }

    public String getTestPromotionFilterValues() {
        return testPromotionFilterValues;
    }

    public void setTestPromotionFilterValues(String testPromotionFilterValues) {
        this.testPromotionFilterValues = testPromotionFilterValues;
    }

    public String getTestMetadataColumns() {
        return testMetadataColumns;
    }

    public void setTestMetadataColumns(String testMetadataColumns) {
        this.testMetadataColumns = testMetadataColumns;
    }

    public String getTestFilterArn() {
        return testFilterArn;
    }

    public void setTestFilterArn(String testFilterArn) {
        this.testFilterArn = testFilterArn;
    }

    public String getTestFilterValues() {
        return testFilterValues;
    }

    public String getTestContext() {
        return testContext;
    }

    public void setTestContext(String testContext) {
        this.testContext = testContext;
    }

    /**
     * The contextual fields the tested campaign's model learned from, comma-separated ("none" when it
     * learned from none), once a test has run; null before.
     */
    public String getTestContextFields() {
        return testContextFields;
    }

    public void setTestFilterValues(String testFilterValues) {
        this.testFilterValues = testFilterValues;
    }

    public String getImportDatasetArn() {
        return importDatasetArn;
    }

    public void setImportDatasetArn(String importDatasetArn) {
        this.importDatasetArn = importDatasetArn;
    }

    public String getImportJobName() {
        return importJobName;
    }

    public void setImportJobName(String importJobName) {
        this.importJobName = importJobName;
    }

    public String getImportLocation() {
        return importLocation;
    }

    public void setImportLocation(String importLocation) {
        this.importLocation = importLocation;
    }

    public String getImportMode() {
        return importMode;
    }

    public void setImportMode(String importMode) {
        this.importMode = importMode;
    }

    public String getTestCampaignArn() {
        return testCampaignArn;
    }

    public void setTestCampaignArn(String testCampaignArn) {
        this.testCampaignArn = testCampaignArn;
    }

    public String getTestUserId() {
        return testUserId;
    }

    public void setTestUserId(String testUserId) {
        this.testUserId = testUserId;
    }

    public Integer getTestNumResults() {
        return testNumResults;
    }

    public void setTestNumResults(Integer testNumResults) {
        this.testNumResults = testNumResults;
    }

    public List<RankedItemRow> getResults() {
        return results;
    }

    public String getRecommendationId() {
        return recommendationId;
    }

    public String getSchemaTitle() {
        return schemaTitle;
    }

    public String getSchemaJson() {
        return schemaJson;
    }
}
