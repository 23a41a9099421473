package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tastemaker.systemtest.support.ApiSurface;
import io.tastemaker.systemtest.support.ApiSurface.Operation;
import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.User;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;
import software.amazon.awssdk.services.personalizeruntime.model.Promotion;

/**
 * Accounts are walls: account B, with full rights in its own account, calls every operation the
 * server serves, naming account A's resources, and is told nothing and changes nothing.
 *
 * <p>A (the operator) and B each hold one of every resource ({@link Tenant}) and one of every IAM
 * entity ({@link IamTenant}: user, access key, managed and inline policy, group). The table has a row
 * per way an operation can name another account's resource (an operation that takes two ARNs gets
 * a row per ARN it can be tricked with); each row runs with five spellings of A's ARN: as it is,
 * with B's account id, in another region, in another partition, and for a resource A does not
 * have. Each must answer exactly the row's error; the answer for A's real resource must read the
 * same as the answer for A's missing one (no existence oracle); no answer may carry anything of A's
 * that B did not send. Then every List operation of B (and each with a page token taken from A's
 * list) shows nothing of A's; B may create resources with A's names (they are B's); and at the
 * end A describes everything again and finds it as it was, its recommendations included.
 *
 * <p>The table keeps up with the API: the operations come from the AWS SDK's clients (generated
 * from the service models), the server is asked which it serves, and a served operation without
 * a row fails the first test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class CrossAccountIT {

    private static final long SEED = 4242L;
    private static final String NOT_FOUND = "ResourceNotFoundException";
    private static final String ACCESS_DENIED = "AccessDeniedException";
    private static final String NO_SUCH_ENTITY = "NoSuchEntity";
    /** The user whose recommendations show whether B's events reached A's data. */
    private static final String WATCHED_USER = Tenant.user(0, 1);

    private TastemakerServer server;
    private Clients a;
    private Clients b;
    private Tenant victim;
    private Tenant attacker;
    private IamTenant victimIam;
    private IamTenant attackerIam;
    private Map<String, String> before;
    private String watchedItem;
    private List<Operation> served;
    private final AtomicInteger names = new AtomicInteger();
    private final List<String> caseNames = new ArrayList<>();

    /** Which of A's values a row names. */
    enum Target {
        GROUP, INTERACTIONS_SCHEMA, USERS_SCHEMA, INTERACTIONS_DATASET, ITEMS_DATASET, USERS_DATASET, IMPORT_JOB,
        EVENT_TRACKER, TRACKING_ID, FILTER, SOLUTION, SOLUTION_VERSION, CAMPAIGN, ACCOUNT_ID,
        IAM_USER, IAM_GROUP, IAM_POLICY, IAM_ACCESS_KEY, ADMIN_ACCESS_KEY
    }

    /** The spellings of A's value a row is tried with. */
    enum Spelling { AS_IS, ATTACKERS_ACCOUNT, OTHER_REGION, OTHER_PARTITION, MISSING }

    /** One way to name A's resource in an operation: B calls {@code call} with the spelled value. */
    record Row(String operation, String variant, Target target, String expectedError, int expectedStatus,
            BiFunction<Clients, String, Object> call) {
        String label() {
            return operation + (variant.isEmpty() ? "" : " (" + variant + ")");
        }
    }

    @BeforeAll
    void createBothAccounts() {
        server = TastemakerServer.shared();
        a = Clients.of(server);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        long started = System.nanoTime();
        Clients.NewAccount account = a.createAccount("attacker-" + suffix);
        b = account.clients(server);
        victim = Tenant.create(server, a, accountOf(a), "xa-" + suffix, SEED);
        attacker = Tenant.create(server, b, account.accountId(), "xb-" + suffix, SEED + 1);
        victimIam = IamTenant.create(a, "xa-" + suffix);
        attackerIam = IamTenant.create(b, "xb-" + suffix);
        System.out.printf(Locale.ROOT, "CrossAccountIT seed %d: both accounts ready in %.1f s (A %s, B %s)%n", SEED,
                (System.nanoTime() - started) / 1e9, victim.accountId(), attacker.accountId());
        List<PredictedItem> top = a.runtime().getRecommendations(r -> r.campaignArn(victim.campaignArn())
                .userId(WATCHED_USER).numResults(5)).itemList();
        watchedItem = top.get(0).itemId();
        before = snapshot();
    }

    @AfterAll
    void close() {
        if (b != null) {
            b.close();
        }
        a.close();
    }

    @Test
    @Order(1)
    void every_operation_the_server_serves_has_a_row() {
        List<Operation> served = served();
        Set<String> servedNames = new TreeSet<>();
        served.forEach(op -> servedNames.add(op.name()));
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.operation()));
        Set<String> listed = new TreeSet<>();
        served.stream().filter(op -> op.name().startsWith("List")).forEach(op -> listed.add(op.name()));
        Set<String> ownNamespace = Set.of("CreateDatasetGroup", "CreateSchema", "ListRecipes", "CreateUser", "CreatePolicy",
                "CreateGroup");
        Set<String> missing = new TreeSet<>(servedNames);
        missing.removeAll(covered);
        missing.removeAll(listed);
        missing.removeAll(ownNamespace);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeIf(name -> servedNames.contains(name) || name.contains("."));
        System.out.printf(Locale.ROOT, "CrossAccountIT: the SDK knows %d operations, the server serves %d: %s%n",
                ApiSurface.all().size(), served.size(), servedNames);
        assertThat(missing).as("operations the server serves without a row in the cross-account table").isEmpty();
        assertThat(stale).as("rows for operations the server does not serve").isEmpty();
        assertThat(servedNames).contains("GetRecommendations", "PutEvents", "DescribeDatasetGroup");
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> every_operation_refuses_the_other_accounts_resources() {
        return rows().stream().flatMap(row -> spellings(row.target()).stream().map(spelling ->
                DynamicTest.dynamicTest(row.label() + " with A's " + describe(row.target()) + " " + spelling,
                        () -> attempt(row, spelling))));
    }

    @Test
    @Order(3)
    void every_list_of_the_attacker_shows_nothing_of_the_victim() {
        List<Operation> lists = served().stream().filter(op -> op.name().startsWith("List")).toList();
        assertThat(lists).hasSizeGreaterThanOrEqualTo(14);
        Set<String> covered = new TreeSet<>();
        rows().forEach(row -> covered.add(row.operation()));
        for (Operation list : lists) {
            String mine;
            try {
                mine = list.call(b, list.emptyRequest()).toString();
            } catch (AwsServiceException e) {
                // IAM's lists of one user's or group's things need its name: their rows name A's.
                assertThat(covered).as("%s needs members (%s), so it needs a row", list.name(), e.getMessage())
                        .contains(list.name());
                continue;
            }
            caseNames.add(list.name() + " of B");
            assertNothingOfVictim(list.name(), mine, "");
            if (list.api() == ApiSurface.Api.CONTROL_PLANE && !list.name().equals("ListRecipes")) {
                assertThat(mine).as("%s of B lists B's own resources", list.name()).contains(attacker.accountId());
            }
            Object page = list.call(a, withMaxResults(list.emptyRequest(), 1));
            String token = nextToken(page);
            if (token == null) {
                continue;
            }
            caseNames.add(list.name() + " with A's nextToken");
            try {
                String replayed = list.call(b, withNextToken(list.emptyRequest(), token)).toString();
                assertNothingOfVictim(list.name() + " with A's nextToken", replayed, "");
            } catch (AwsServiceException e) {
                assertThat(e.awsErrorDetails().errorCode()).as("%s with A's nextToken", list.name())
                        .isIn("InvalidNextTokenException", "InvalidInput");
                assertNothingOfVictim(list.name() + " with A's nextToken", e.getMessage(), token);
            }
        }
    }

    @Test
    @Order(4)
    void the_attacker_may_use_the_victims_names_in_its_own_account() {
        String group = b.personalize().createDatasetGroup(r -> r.name(victim.prefix() + "-group")).datasetGroupArn();
        String schema = b.personalize().createSchema(r -> r.name(victim.prefix() + "-users").schema(Tenant.USERS_SCHEMA))
                .schemaArn();
        assertThat(group).isEqualTo(spell(victim.groupArn(), Spelling.ATTACKERS_ACCOUNT)).doesNotContain(victim.accountId());
        assertThat(schema).isEqualTo(spell(victim.usersSchemaArn(), Spelling.ATTACKERS_ACCOUNT));
        assertThat(b.personalize().describeDatasetGroup(r -> r.datasetGroupArn(group)).datasetGroup().datasetGroupArn())
                .isEqualTo(group);
        b.personalize().deleteDatasetGroup(r -> r.datasetGroupArn(group));
        b.personalize().deleteSchema(r -> r.schemaArn(schema));
        String user = b.iam().createUser(r -> r.userName(victimIam.user())).user().arn();
        String iamGroup = b.iam().createGroup(r -> r.groupName(victimIam.group())).group().arn();
        String policy = b.iam().createPolicy(r -> r.policyName(victimIam.policyArn().substring(victimIam.policyArn()
                .lastIndexOf('/') + 1)).policyDocument(IamTenant.DOCUMENT)).policy().arn();
        assertThat(policy).isEqualTo(spell(victimIam.policyArn(), Spelling.ATTACKERS_ACCOUNT));
        assertThat(List.of(user, iamGroup)).allSatisfy(arn -> assertThat(arn).contains(":" + attacker.accountId() + ":")
                .doesNotContain(victim.accountId()));
        b.iam().deleteUser(r -> r.userName(victimIam.user()));
        b.iam().deleteGroup(r -> r.groupName(victimIam.group()));
        b.iam().deletePolicy(r -> r.policyArn(policy));
        caseNames.add("CreateDatasetGroup, CreateSchema, CreateUser, CreateGroup and CreatePolicy with A's names");
    }

    /**
     * An import reads the server's disk: B may read only its own import directory, and not A's
     * files, nor the server's, nor URLs of the server itself, however they are spelled; the answer
     * does not tell whether a file B may not read exists.
     */
    @Test
    @Order(5)
    void the_attacker_imports_no_file_of_the_victim_nor_of_the_server() throws IOException {
        Path mine = Tenant.importDir(server, attacker.accountId());
        Path link = mine.resolve("link-" + names.incrementAndGet() + ".csv");
        Files.createSymbolicLink(link, victim.csv());
        String victims = victim.csv().toUri().toString();
        List<String> refused = List.of(victims, victim.csv().resolveSibling("no-such-file.csv").toUri().toString(),
                mine.toUri() + "../" + victim.accountId() + "/" + victim.csv().getFileName(), link.toUri().toString(),
                server.dataDir().resolve("master.key").toUri().toString(), "file:///etc/passwd",
                server.endpoint() + "/ping", "http://169.254.169.254/latest/meta-data/", "http://[::1]:5432/");
        Map<String, String> messages = new LinkedHashMap<>();
        for (String location : refused) {
            caseNames.add("CreateDatasetImportJob of B from " + location);
            try {
                String job = b.personalize().createDatasetImportJob(r -> r.jobName(newName())
                        .datasetArn(attacker.interactionsDatasetArn()).importMode("INCREMENTAL")
                        .dataSource(s -> s.dataLocation(location))).datasetImportJobArn();
                fail("B may import %s: job %s ended %s", location, job, b.awaitDatasetImportJob(job).status());
            } catch (AwsServiceException e) {
                assertThat(e.awsErrorDetails().errorCode()).as(location).isEqualTo("InvalidInputException");
                assertNothingOfVictim("CreateDatasetImportJob from " + location, e.awsErrorDetails().errorMessage(), location);
                messages.put(location, e.awsErrorDetails().errorMessage().replace(location, "<location>"));
            }
        }
        assertThat(messages.get(refused.get(0))).as("the answer for A's file and for a missing one")
                .isEqualTo(messages.get(refused.get(1))).contains("outside this account's import directory");

        Path own = Files.createTempFile(mine, "own-", ".csv");
        SyntheticInteractions.writeCsv(own, SyntheticInteractions.HEADER, List.of("b-user,b-item,1700000000,click"));
        String job = b.personalize().createDatasetImportJob(r -> r.jobName(newName())
                .datasetArn(attacker.interactionsDatasetArn()).importMode("INCREMENTAL")
                .dataSource(s -> s.dataLocation(own.toUri().toString()))).datasetImportJobArn();
        assertThat(b.awaitDatasetImportJob(job).status()).as("B imports from its own import directory").isEqualTo("ACTIVE");
    }

    @Test
    @Order(6)
    void the_victims_resources_are_as_they_were() {
        Map<String, String> after = snapshot();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String key : before.keySet()) {
            assertThat(after.get(key)).as(key).isEqualTo(before.get(key));
        }
        System.out.printf(Locale.ROOT, "CrossAccountIT: %d of A's descriptions unchanged after %d attempts of B%n",
                before.size(), caseNames.size());
    }

    /** The operations the server serves, asked once. */
    private List<Operation> served() {
        if (served == null) {
            served = ApiSurface.served(b);
        }
        return served;
    }

    // ---- the table ----

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Tenant me = attacker;
        // Dataset groups and what names one.
        rows.add(cp("DescribeDatasetGroup", Target.GROUP, (c, x) -> c.personalize().describeDatasetGroup(r -> r.datasetGroupArn(x))));
        rows.add(cp("DeleteDatasetGroup", Target.GROUP, (c, x) -> c.personalize().deleteDatasetGroup(r -> r.datasetGroupArn(x))));
        rows.add(cp("ListDatasets", Target.GROUP, (c, x) -> c.personalize().listDatasets(r -> r.datasetGroupArn(x))));
        rows.add(cp("ListEventTrackers", Target.GROUP, (c, x) -> c.personalize().listEventTrackers(r -> r.datasetGroupArn(x))));
        rows.add(cp("ListFilters", Target.GROUP, (c, x) -> c.personalize().listFilters(r -> r.datasetGroupArn(x))));
        rows.add(cp("ListSolutions", Target.GROUP, (c, x) -> c.personalize().listSolutions(r -> r.datasetGroupArn(x))));
        rows.add(cp("CreateDataset", "B's schema into A's group", Target.GROUP, (c, x) -> c.personalize().createDataset(r -> r
                .name(newName()).schemaArn(me.usersSchemaArn()).datasetGroupArn(x).datasetType("Users"))));
        rows.add(cp("CreateEventTracker", Target.GROUP, (c, x) -> c.personalize().createEventTracker(r -> r.name(newName())
                .datasetGroupArn(x))));
        rows.add(cp("CreateFilter", Target.GROUP, (c, x) -> c.personalize().createFilter(r -> r.name(newName())
                .datasetGroupArn(x).filterExpression(Tenant.FILTER_EXPRESSION))));
        rows.add(cp("CreateSolution", Target.GROUP, (c, x) -> c.personalize().createSolution(r -> r.name(newName())
                .datasetGroupArn(x).recipeArn(Tenant.RECIPE))));
        rows.add(cp("DescribeRecipe", "A's ARN as a recipe", Target.GROUP, (c, x) -> c.personalize().describeRecipe(r -> r.recipeArn(x))));
        // Schemas.
        rows.add(cp("DescribeSchema", Target.INTERACTIONS_SCHEMA, (c, x) -> c.personalize().describeSchema(r -> r.schemaArn(x))));
        rows.add(cp("DeleteSchema", Target.INTERACTIONS_SCHEMA, (c, x) -> c.personalize().deleteSchema(r -> r.schemaArn(x))));
        rows.add(cp("CreateDataset", "A's schema into B's group", Target.USERS_SCHEMA, (c, x) -> c.personalize().createDataset(r -> r
                .name(newName()).schemaArn(x).datasetGroupArn(me.groupArn()).datasetType("Users"))));
        // Datasets, imports, and the events API's datasets.
        for (Target dataset : List.of(Target.INTERACTIONS_DATASET, Target.ITEMS_DATASET, Target.USERS_DATASET)) {
            rows.add(cp("DescribeDataset", describe(dataset), dataset, (c, x) -> c.personalize().describeDataset(r -> r.datasetArn(x))));
            rows.add(cp("DeleteDataset", describe(dataset), dataset, (c, x) -> c.personalize().deleteDataset(r -> r.datasetArn(x))));
            rows.add(cp("ListDatasetImportJobs", describe(dataset), dataset, (c, x) -> c.personalize()
                    .listDatasetImportJobs(r -> r.datasetArn(x))));
            rows.add(cp("CreateDatasetImportJob", describe(dataset), dataset, (c, x) -> c.personalize()
                    .createDatasetImportJob(r -> r.jobName(newName()).datasetArn(x)
                            .dataSource(s -> s.dataLocation(me.csv().toUri().toString())))));
            rows.add(runtime("PutItems", describe(dataset), dataset, (c, x) -> c.events().putItems(r -> r.datasetArn(x)
                    .items(Item.builder().itemId(watchedItem).properties("{\"genre\": \"attack\"}").build()))));
            rows.add(runtime("PutUsers", describe(dataset), dataset, (c, x) -> c.events().putUsers(r -> r.datasetArn(x)
                    .users(User.builder().userId(WATCHED_USER).properties("{\"tier\": \"attack\"}").build()))));
        }
        rows.add(cp("DescribeDatasetImportJob", Target.IMPORT_JOB, (c, x) -> c.personalize()
                .describeDatasetImportJob(r -> r.datasetImportJobArn(x))));
        // Event trackers and the events they take.
        rows.add(cp("DescribeEventTracker", Target.EVENT_TRACKER, (c, x) -> c.personalize()
                .describeEventTracker(r -> r.eventTrackerArn(x))));
        rows.add(cp("DeleteEventTracker", Target.EVENT_TRACKER, (c, x) -> c.personalize()
                .deleteEventTracker(r -> r.eventTrackerArn(x))));
        rows.add(runtime("PutEvents", "A's tracking id", Target.TRACKING_ID, (c, x) -> c.events().putEvents(r -> r.trackingId(x)
                .userId(WATCHED_USER).sessionId("attack-session").eventList(Event.builder().eventType("attack")
                        .itemId(watchedItem).sentAt(Instant.now()).build()))));
        // Filters, also through B's own campaign.
        rows.add(cp("DescribeFilter", Target.FILTER, (c, x) -> c.personalize().describeFilter(r -> r.filterArn(x))));
        rows.add(cp("DeleteFilter", Target.FILTER, (c, x) -> c.personalize().deleteFilter(r -> r.filterArn(x))));
        rows.add(runtime("GetRecommendations", "A's filter on B's campaign", Target.FILTER, (c, x) -> c.runtime()
                .getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(WATCHED_USER).filterArn(x))));
        rows.add(runtime("GetRecommendations", "A's filter as B's promotion", Target.FILTER, (c, x) -> c.runtime()
                .getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(WATCHED_USER).numResults(10)
                        .promotions(Promotion.builder().name("promo").percentPromotedItems(50).filterArn(x).build()))));
        rows.add(runtime("GetPersonalizedRanking", "A's filter on B's campaign", Target.FILTER, (c, x) -> c.runtime()
                .getPersonalizedRanking(r -> r.campaignArn(me.campaignArn()).userId(WATCHED_USER)
                        .inputList(Tenant.item(0, 1), Tenant.item(0, 2)).filterArn(x))));
        // Solutions, versions, campaigns.
        rows.add(cp("DescribeSolution", Target.SOLUTION, (c, x) -> c.personalize().describeSolution(r -> r.solutionArn(x))));
        rows.add(cp("DeleteSolution", Target.SOLUTION, (c, x) -> c.personalize().deleteSolution(r -> r.solutionArn(x))));
        rows.add(cp("UpdateSolution", Target.SOLUTION, (c, x) -> c.personalize().updateSolution(r -> r.solutionArn(x).performAutoTraining(false))));
        rows.add(cp("CreateSolutionVersion", Target.SOLUTION, (c, x) -> c.personalize()
                .createSolutionVersion(r -> r.solutionArn(x))));
        rows.add(cp("ListSolutionVersions", Target.SOLUTION, (c, x) -> c.personalize().listSolutionVersions(r -> r.solutionArn(x))));
        rows.add(cp("ListCampaigns", Target.SOLUTION, (c, x) -> c.personalize().listCampaigns(r -> r.solutionArn(x))));
        rows.add(cp("CreateCampaign", "A's solution/$LATEST", Target.SOLUTION, (c, x) -> c.personalize().createCampaign(r -> r
                .name(newName()).solutionVersionArn(x + "/$LATEST").campaignConfig(k -> k.syncWithLatestSolutionVersion(true)))));
        rows.add(cp("DescribeSolutionVersion", Target.SOLUTION_VERSION, (c, x) -> c.personalize()
                .describeSolutionVersion(r -> r.solutionVersionArn(x))));
        rows.add(cp("GetSolutionMetrics", Target.SOLUTION_VERSION, (c, x) -> c.personalize()
                .getSolutionMetrics(r -> r.solutionVersionArn(x))));
        rows.add(cp("StopSolutionVersionCreation", Target.SOLUTION_VERSION, (c, x) -> c.personalize()
                .stopSolutionVersionCreation(r -> r.solutionVersionArn(x))));
        rows.add(cp("CreateCampaign", "A's solution version", Target.SOLUTION_VERSION, (c, x) -> c.personalize()
                .createCampaign(r -> r.name(newName()).solutionVersionArn(x))));
        rows.add(cp("UpdateCampaign", "B's campaign to A's version", Target.SOLUTION_VERSION, (c, x) -> c.personalize()
                .updateCampaign(r -> r.campaignArn(me.campaignArn()).solutionVersionArn(x))));
        rows.add(cp("DescribeCampaign", Target.CAMPAIGN, (c, x) -> c.personalize().describeCampaign(r -> r.campaignArn(x))));
        rows.add(cp("UpdateCampaign", "A's campaign", Target.CAMPAIGN, (c, x) -> c.personalize().updateCampaign(r -> r
                .campaignArn(x).solutionVersionArn(me.solutionVersionArn()).minProvisionedTPS(2))));
        rows.add(cp("DeleteCampaign", Target.CAMPAIGN, (c, x) -> c.personalize().deleteCampaign(r -> r.campaignArn(x))));
        rows.add(runtime("GetRecommendations", "A's campaign", Target.CAMPAIGN, (c, x) -> c.runtime()
                .getRecommendations(r -> r.campaignArn(x).userId(WATCHED_USER))));
        rows.add(runtime("GetPersonalizedRanking", "A's campaign", Target.CAMPAIGN, (c, x) -> c.runtime()
                .getPersonalizedRanking(r -> r.campaignArn(x).userId(WATCHED_USER).inputList(watchedItem))));
        // IAM: A's users, groups, policies and access keys, from B's account.
        IamTenant them = attackerIam;
        rows.add(iam("GetUser", Target.IAM_USER, (c, x) -> c.iam().getUser(r -> r.userName(x))));
        rows.add(iam("DeleteUser", Target.IAM_USER, (c, x) -> c.iam().deleteUser(r -> r.userName(x))));
        rows.add(iam("CreateLoginProfile", Target.IAM_USER, (c, x) -> c.iam().createLoginProfile(r -> r.userName(x)
                .password("Attack-Passw0rd-" + names.incrementAndGet()))));
        rows.add(iam("DeleteLoginProfile", Target.IAM_USER, (c, x) -> c.iam().deleteLoginProfile(r -> r.userName(x))));
        rows.add(iam("CreateAccessKey", Target.IAM_USER, (c, x) -> c.iam().createAccessKey(r -> r.userName(x))));
        rows.add(iam("ListAccessKeys", Target.IAM_USER, (c, x) -> c.iam().listAccessKeys(r -> r.userName(x))));
        rows.add(iam("UpdateAccessKey", "A's user", Target.IAM_USER, (c, x) -> c.iam().updateAccessKey(r -> r.userName(x)
                .accessKeyId(victimIam.accessKeyId()).status("Inactive"))));
        rows.add(iam("UpdateAccessKey", "A's key under B's admin", Target.ADMIN_ACCESS_KEY, (c, x) -> c.iam()
                .updateAccessKey(r -> r.userName("admin").accessKeyId(x).status("Inactive"))));
        rows.add(iam("UpdateAccessKey", "A's key under B's user", Target.IAM_ACCESS_KEY, (c, x) -> c.iam()
                .updateAccessKey(r -> r.userName(them.user()).accessKeyId(x).status("Inactive"))));
        rows.add(iam("DeleteAccessKey", "A's key under B's admin", Target.ADMIN_ACCESS_KEY, (c, x) -> c.iam()
                .deleteAccessKey(r -> r.userName("admin").accessKeyId(x))));
        rows.add(iam("DeleteAccessKey", "A's user", Target.IAM_USER, (c, x) -> c.iam().deleteAccessKey(r -> r.userName(x)
                .accessKeyId(victimIam.accessKeyId()))));
        rows.add(iam("GetAccessKeyLastUsed", "A's admin key", Target.ADMIN_ACCESS_KEY, (c, x) -> c.iam()
                .getAccessKeyLastUsed(r -> r.accessKeyId(x))));
        rows.add(iam("GetAccessKeyLastUsed", "A's user's key", Target.IAM_ACCESS_KEY, (c, x) -> c.iam()
                .getAccessKeyLastUsed(r -> r.accessKeyId(x))));
        rows.add(iam("GetPolicy", Target.IAM_POLICY, (c, x) -> c.iam().getPolicy(r -> r.policyArn(x))));
        rows.add(iam("GetPolicyVersion", Target.IAM_POLICY, (c, x) -> c.iam().getPolicyVersion(r -> r.policyArn(x)
                .versionId("v1"))));
        rows.add(iam("DeletePolicy", Target.IAM_POLICY, (c, x) -> c.iam().deletePolicy(r -> r.policyArn(x))));
        rows.add(iam("AttachUserPolicy", "A's policy to B's user", Target.IAM_POLICY, (c, x) -> c.iam()
                .attachUserPolicy(r -> r.userName(them.user()).policyArn(x))));
        rows.add(iam("AttachUserPolicy", "B's policy to A's user", Target.IAM_USER, (c, x) -> c.iam()
                .attachUserPolicy(r -> r.userName(x).policyArn(them.policyArn()))));
        rows.add(iam("DetachUserPolicy", "A's policy from B's user", Target.IAM_POLICY, (c, x) -> c.iam()
                .detachUserPolicy(r -> r.userName(them.user()).policyArn(x))));
        rows.add(iam("DetachUserPolicy", "A's policy from A's user", Target.IAM_USER, (c, x) -> c.iam()
                .detachUserPolicy(r -> r.userName(x).policyArn(victimIam.policyArn()))));
        rows.add(iam("AttachGroupPolicy", "A's policy to B's group", Target.IAM_POLICY, (c, x) -> c.iam()
                .attachGroupPolicy(r -> r.groupName(them.group()).policyArn(x))));
        rows.add(iam("AttachGroupPolicy", "B's policy to A's group", Target.IAM_GROUP, (c, x) -> c.iam()
                .attachGroupPolicy(r -> r.groupName(x).policyArn(them.policyArn()))));
        rows.add(iam("DetachGroupPolicy", "A's policy from B's group", Target.IAM_POLICY, (c, x) -> c.iam()
                .detachGroupPolicy(r -> r.groupName(them.group()).policyArn(x))));
        rows.add(iam("DetachGroupPolicy", "A's policy from A's group", Target.IAM_GROUP, (c, x) -> c.iam()
                .detachGroupPolicy(r -> r.groupName(x).policyArn(victimIam.policyArn()))));
        rows.add(iam("ListAttachedUserPolicies", Target.IAM_USER, (c, x) -> c.iam().listAttachedUserPolicies(r -> r.userName(x))));
        rows.add(iam("PutUserPolicy", Target.IAM_USER, (c, x) -> c.iam().putUserPolicy(r -> r.userName(x)
                .policyName(victimIam.inlinePolicy()).policyDocument(IamTenant.DOCUMENT))));
        rows.add(iam("GetUserPolicy", Target.IAM_USER, (c, x) -> c.iam().getUserPolicy(r -> r.userName(x)
                .policyName(victimIam.inlinePolicy()))));
        rows.add(iam("ListUserPolicies", Target.IAM_USER, (c, x) -> c.iam().listUserPolicies(r -> r.userName(x))));
        rows.add(iam("DeleteUserPolicy", Target.IAM_USER, (c, x) -> c.iam().deleteUserPolicy(r -> r.userName(x)
                .policyName(victimIam.inlinePolicy()))));
        rows.add(iam("GetGroup", Target.IAM_GROUP, (c, x) -> c.iam().getGroup(r -> r.groupName(x))));
        rows.add(iam("DeleteGroup", Target.IAM_GROUP, (c, x) -> c.iam().deleteGroup(r -> r.groupName(x))));
        rows.add(iam("ListGroupsForUser", Target.IAM_USER, (c, x) -> c.iam().listGroupsForUser(r -> r.userName(x))));
        rows.add(iam("ListAttachedGroupPolicies", Target.IAM_GROUP, (c, x) -> c.iam()
                .listAttachedGroupPolicies(r -> r.groupName(x))));
        rows.add(iam("AddUserToGroup", "B's user to A's group", Target.IAM_GROUP, (c, x) -> c.iam()
                .addUserToGroup(r -> r.groupName(x).userName(them.user()))));
        rows.add(iam("AddUserToGroup", "A's user to B's group", Target.IAM_USER, (c, x) -> c.iam()
                .addUserToGroup(r -> r.groupName(them.group()).userName(x))));
        rows.add(iam("RemoveUserFromGroup", "A's user from A's group", Target.IAM_GROUP, (c, x) -> c.iam()
                .removeUserFromGroup(r -> r.groupName(x).userName(victimIam.user()))));
        // The operator's own operations, which only the operator's account may call.
        for (String operation : List.of("CreateAccount", "ListAccounts", "SuspendAccount", "ResumeAccount")) {
            rows.add(new Row("Tastemaker." + operation, "", Target.ACCOUNT_ID, ACCESS_DENIED, 400, (c, x) -> operator(c,
                    operation, Json.createObjectBuilder().add("accountId", x).add("accountName", newName()).build().toString())));
        }
        return rows;
    }

    private Row cp(String operation, Target target, BiFunction<Clients, String, Object> call) {
        return new Row(operation, "", target, NOT_FOUND, 400, call);
    }

    private Row cp(String operation, String variant, Target target, BiFunction<Clients, String, Object> call) {
        return new Row(operation, variant, target, NOT_FOUND, 400, call);
    }

    private Row runtime(String operation, String variant, Target target, BiFunction<Clients, String, Object> call) {
        return new Row(operation, variant, target, NOT_FOUND, 404, call);
    }

    private Row iam(String operation, Target target, BiFunction<Clients, String, Object> call) {
        return iam(operation, "", target, call);
    }

    private Row iam(String operation, String variant, Target target, BiFunction<Clients, String, Object> call) {
        return new Row(operation, variant, target, NO_SUCH_ENTITY, 404, call);
    }

    private String newName() {
        return attacker.prefix() + "-try-" + names.incrementAndGet();
    }

    /** A Tastemaker.* call; its answer is thrown as an exception of its own when it is not 200. */
    private static Object operator(Clients c, String operation, String body) {
        HttpResponse<String> response = c.signedJson("tastemaker", "Tastemaker." + operation, body);
        if (response.statusCode() != 200) {
            throw new WireError(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** A non-200 answer of a raw call, with its {@code __type}. */
    static final class WireError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;

        WireError(int status, String body) {
            super(body);
            this.status = status;
            this.type = Json.createReader(new java.io.StringReader(body)).readObject().getString("__type");
        }
    }

    // ---- running one attempt ----

    private record Outcome(int status, String error, String text) {
    }

    private void attempt(Row row, Spelling spelling) {
        String value = spell(value(row.target()), spelling);
        Outcome outcome = call(row, value);
        caseNames.add(row.label() + " " + spelling);
        assertThat(outcome.error()).as("%s with %s: %s", row.label(), value, outcome.text()).isEqualTo(row.expectedError());
        assertThat(outcome.status()).as("%s: HTTP status", row.label()).isEqualTo(row.expectedStatus());
        assertNothingOfVictim(row.label(), outcome.text(), value);
        if (spelling == Spelling.MISSING) {
            String real = value(row.target());
            Outcome forReal = call(row, real);
            assertThat(forReal.text().replace(real, "<value>"))
                    .as("%s answers A's real %s as it answers a missing one", row.label(), describe(row.target()))
                    .isEqualTo(outcome.text().replace(value, "<value>"));
        }
    }

    private Outcome call(Row row, String value) {
        try {
            Object answer = row.call().apply(b, value);
            return new Outcome(200, "none (it succeeded)", String.valueOf(answer));
        } catch (AwsServiceException e) {
            return new Outcome(e.statusCode(), e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        } catch (WireError e) {
            return new Outcome(e.status, e.type, e.getMessage());
        }
    }

    /** Fails if {@code text} holds a value of A's that the request did not carry. */
    private void assertNothingOfVictim(String what, String text, String sent) {
        List<String> secrets = new ArrayList<>(victim.secrets());
        secrets.addAll(List.of(victimIam.accessKeyId(), victimIam.policyArn(), server.accessKeyId()));
        for (String secret : secrets) {
            if (text.contains(secret) && !sent.contains(secret)) {
                fail("%s told B %s of account A: %s", what, secret, text);
            }
        }
        if (!sent.contains(victim.accountId()) && text.contains(victim.accountId())) {
            fail("%s told B A's account id: %s", what, text);
        }
    }

    private List<Spelling> spellings(Target target) {
        return switch (target) {
            case TRACKING_ID, IAM_USER, IAM_GROUP, IAM_ACCESS_KEY, ADMIN_ACCESS_KEY -> List.of(Spelling.AS_IS, Spelling.MISSING);
            case ACCOUNT_ID -> List.of(Spelling.AS_IS);
            default -> List.of(Spelling.values());
        };
    }

    private String value(Target target) {
        return switch (target) {
            case GROUP -> victim.groupArn();
            case INTERACTIONS_SCHEMA -> victim.interactionsSchemaArn();
            case USERS_SCHEMA -> victim.usersSchemaArn();
            case INTERACTIONS_DATASET -> victim.interactionsDatasetArn();
            case ITEMS_DATASET -> victim.itemsDatasetArn();
            case USERS_DATASET -> victim.usersDatasetArn();
            case IMPORT_JOB -> victim.importJobArn();
            case EVENT_TRACKER -> victim.eventTrackerArn();
            case TRACKING_ID -> victim.trackingId();
            case FILTER -> victim.filterArn();
            case SOLUTION -> victim.solutionArn();
            case SOLUTION_VERSION -> victim.solutionVersionArn();
            case CAMPAIGN -> victim.campaignArn();
            case ACCOUNT_ID -> victim.accountId();
            case IAM_USER -> victimIam.user();
            case IAM_GROUP -> victimIam.group();
            case IAM_POLICY -> victimIam.policyArn();
            case IAM_ACCESS_KEY -> victimIam.accessKeyId();
            case ADMIN_ACCESS_KEY -> server.accessKeyId();
        };
    }

    private static String describe(Target target) {
        return target.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * A's value spelled another way. ARNs are {@code arn:partition:service:region:account:resource};
     * a missing resource is A's resource name with {@code -gone} after it, a missing tracking id or
     * access key id a random one.
     */
    private String spell(String value, Spelling spelling) {
        if (!value.startsWith("arn:")) {
            if (spelling != Spelling.MISSING) {
                return value;
            }
            if (value.startsWith("AKIA")) {
                return "AKIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
            }
            return value.equals(victim.trackingId()) ? UUID.randomUUID().toString() : value + "-gone";
        }
        String[] p = value.split(":", 6);
        return switch (spelling) {
            case AS_IS -> value;
            case ATTACKERS_ACCOUNT -> String.join(":", p[0], p[1], p[2], p[3], attacker.accountId(), p[5]);
            case OTHER_REGION -> String.join(":", p[0], p[1], p[2], "eu-west-1", p[4], p[5]);
            case OTHER_PARTITION -> String.join(":", p[0], "aws-cn", p[2], "cn-north-1", p[4], p[5]);
            case MISSING -> value + "-gone";
        };
    }

    // ---- A's view of its own resources ----

    /** Every description and scoped list of A's resources, and A's recommendations, as JSON text. */
    private Map<String, String> snapshot() {
        Map<String, String> out = new LinkedHashMap<>();
        Tenant v = victim;
        describe(out, "DescribeDatasetGroup", "datasetGroupArn", v.groupArn());
        for (String schema : List.of(v.interactionsSchemaArn(), v.itemsSchemaArn(), v.usersSchemaArn())) {
            describe(out, "DescribeSchema", "schemaArn", schema);
        }
        for (String dataset : List.of(v.interactionsDatasetArn(), v.itemsDatasetArn(), v.usersDatasetArn())) {
            describe(out, "DescribeDataset", "datasetArn", dataset);
            describe(out, "ListDatasetImportJobs", "datasetArn", dataset);
        }
        describe(out, "DescribeDatasetImportJob", "datasetImportJobArn", v.importJobArn());
        describe(out, "DescribeEventTracker", "eventTrackerArn", v.eventTrackerArn());
        describe(out, "DescribeFilter", "filterArn", v.filterArn());
        describe(out, "DescribeSolution", "solutionArn", v.solutionArn());
        describe(out, "DescribeSolutionVersion", "solutionVersionArn", v.solutionVersionArn());
        describe(out, "GetSolutionMetrics", "solutionVersionArn", v.solutionVersionArn());
        describe(out, "DescribeCampaign", "campaignArn", v.campaignArn());
        for (String list : List.of("ListDatasets", "ListEventTrackers", "ListFilters", "ListSolutions")) {
            describe(out, list, "datasetGroupArn", v.groupArn());
        }
        describe(out, "ListSolutionVersions", "solutionArn", v.solutionArn());
        describe(out, "ListCampaigns", "solutionArn", v.solutionArn());
        out.put("GetRecommendations " + WATCHED_USER, recommendations(null));
        out.put("GetRecommendations " + WATCHED_USER + " with A's filter", recommendations(v.filterArn()));
        out.putAll(victimIam.describe(a, "admin"));
        return out;
    }

    private void describe(Map<String, String> out, String operation, String member, String arn) {
        String body = Json.createObjectBuilder().add(member, arn).build().toString();
        out.put(operation + " " + arn, a.controlPlaneJson(operation, body).toString());
    }

    private String recommendations(String filterArn) {
        List<PredictedItem> items = a.runtime().getRecommendations(r -> r.campaignArn(victim.campaignArn())
                .userId(WATCHED_USER).numResults(25).filterArn(filterArn)).itemList();
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.itemId() + "=" + i.score()));
        assertThat(items).extracting(PredictedItem::itemId).contains(watchedItem);
        return out.toString();
    }

    // ---- reflection on list requests ----

    /** Personalize pages with maxResults and nextToken, IAM with maxItems and marker. */
    private static boolean iamPaging(Object request) {
        return request.getClass().getName().contains(".iam.");
    }

    private static Object withMaxResults(Object request, int max) {
        return rebuild(request, iamPaging(request) ? "maxItems" : "maxResults", Integer.class, max);
    }

    private static Object withNextToken(Object request, String token) {
        return rebuild(request, iamPaging(request) ? "marker" : "nextToken", String.class, token);
    }

    private static Object rebuild(Object request, String member, Class<?> type, Object value) {
        try {
            Object builder = request.getClass().getMethod("toBuilder").invoke(request);
            Method set = builder.getClass().getMethod(member, type);
            set.setAccessible(true);
            set.invoke(builder, value);
            Method build = builder.getClass().getMethod("build");
            build.setAccessible(true);
            return build.invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot set " + member + " of " + request.getClass().getSimpleName(), e);
        }
    }

    private static String nextToken(Object response) {
        try {
            String getter = response.getClass().getName().contains(".iam.") ? "marker" : "nextToken";
            return (String) response.getClass().getMethod(getter).invoke(response);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operator's account id, from ListAccounts. */
    private static String accountOf(Clients operator) {
        return operator.operatorJson("ListAccounts", "{}").getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(account -> account.getBoolean("operator")).findFirst().orElseThrow().getString("accountId");
    }
}
