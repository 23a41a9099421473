package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tastemaker.systemtest.support.ApiSurface;
import io.tastemaker.systemtest.support.ApiSurface.Operation;
import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.RequestMutations;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.WireRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
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
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.personalize.model.UpdateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.CreateCampaignRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.CreateDatasetRequest;
import software.amazon.awssdk.services.personalize.model.CreateEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.CreateFilterRequest;
import software.amazon.awssdk.services.personalize.model.CreateSchemaRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionRequest;
import software.amazon.awssdk.services.personalize.model.CreateSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.DeleteCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DeleteDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DeleteEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DeleteFilterRequest;
import software.amazon.awssdk.services.personalize.model.DeleteSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DeleteSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeCampaignRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetImportJobRequest;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetRequest;
import software.amazon.awssdk.services.personalize.model.DescribeEventTrackerRequest;
import software.amazon.awssdk.services.personalize.model.DescribeFilterRequest;
import software.amazon.awssdk.services.personalize.model.DescribeRecipeRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSchemaRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionRequest;
import software.amazon.awssdk.services.personalize.model.DescribeSolutionVersionRequest;
import software.amazon.awssdk.services.personalize.model.GetSolutionMetricsRequest;
import software.amazon.awssdk.services.personalize.model.ListCampaignsRequest;
import software.amazon.awssdk.services.personalize.model.ListDatasetGroupsRequest;
import software.amazon.awssdk.services.personalize.model.ListDatasetImportJobsRequest;
import software.amazon.awssdk.services.personalize.model.ListDatasetsRequest;
import software.amazon.awssdk.services.personalize.model.ListEventTrackersRequest;
import software.amazon.awssdk.services.personalize.model.ListFiltersRequest;
import software.amazon.awssdk.services.personalize.model.ListRecipesRequest;
import software.amazon.awssdk.services.personalize.model.ListSchemasRequest;
import software.amazon.awssdk.services.personalize.model.ListSolutionVersionsRequest;
import software.amazon.awssdk.services.personalize.model.ListSolutionsRequest;
import software.amazon.awssdk.services.personalize.model.StopSolutionVersionCreationRequest;
import software.amazon.awssdk.services.personalize.model.UpdateCampaignRequest;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.PutEventsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutItemsRequest;
import software.amazon.awssdk.services.personalizeevents.model.PutUsersRequest;
import software.amazon.awssdk.services.personalizeevents.model.User;
import software.amazon.awssdk.services.personalizeruntime.model.GetPersonalizedRankingRequest;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;
import software.amazon.awssdk.services.personalizeruntime.model.Promotion;

/**
 * SQL-, JPQL- and EL-shaped values, wildcards, backslashes, typographic quotes and a NUL character
 * in every string member of every operation the server serves (Personalize's three APIs and IAM),
 * one member at a time, inside an otherwise valid request of an account of its own. Each answer
 * is a refusal by name (exactly InvalidInputException for an ARN, a resource name, an enumeration;
 * InvalidNextTokenException for a page token) or, for free text such as an item id, a success;
 * never a 500, and never anything of another account. Afterwards both accounts' data reads as
 * before. Then oversized fields (names, expressions, ids, lists) and an oversized body, each
 * refused before any work.
 *
 * <p>The members come from the SDK's model of each request ({@link RequestMutations}), so a member
 * added to the API is attacked without a change here; an operation the server serves without a
 * template here fails the first test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class InjectionIT {

    private static final long SEED = 7373L;
    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1",
            "\"; DROP TABLE account; --",
            "%",
            "_",
            "\\",
            "\u2019 OR \u20181\u2019=\u20181",
            "a\u0000b",
            "' UNION SELECT secret_access_key FROM access_key --",
            "#{7*7}${7*7}");
    private static final Set<String> PERSONALIZE_REFUSALS = Set.of("InvalidInputException", "ResourceNotFoundException",
            "ResourceInUseException", "ResourceAlreadyExistsException", "LimitExceededException", "InvalidNextTokenException");
    private static final Set<String> IAM_REFUSALS = Set.of("ValidationError", "InvalidInput", "NoSuchEntity",
            "MalformedPolicyDocument", "EntityAlreadyExists", "DeleteConflict", "LimitExceeded", "PasswordPolicyViolation");
    private static final Set<String> ENUMS = Set.of("datasetType", "importMode", "trainingMode", "domain", "recipeProvider");
    private static final String SUCCESS = "success";

    private TastemakerServer server;
    private Clients a;
    private Clients b;
    private Clients.NewAccount account;
    private String operatorAccountId;
    private String operatorGroup;
    private Tenant me;
    private IamTenant meIam;
    private String parameterFilterArn;
    private String rankingCampaignArn;
    private Path itemsCsv;
    private final AtomicInteger unique = new AtomicInteger();
    private final AtomicInteger cases = new AtomicInteger();
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @BeforeAll
    void createTheAccount() throws IOException {
        server = TastemakerServer.shared();
        a = Clients.of(server);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        operatorGroup = "inj-a-" + suffix;
        operatorAccountId = a.personalize().createDatasetGroup(r -> r.name(operatorGroup)).datasetGroupArn().split(":")[4];
        account = a.createAccount("injector-" + suffix);
        b = account.clients(server);
        String prefix = "inj-" + suffix;
        me = Tenant.create(server, b, account.accountId(), prefix, SEED);
        meIam = IamTenant.create(b, prefix);
        parameterFilterArn = b.personalize().createFilter(r -> r.name(prefix + "-genres").datasetGroupArn(me.groupArn())
                .filterExpression("INCLUDE ItemID WHERE Items.GENRE IN ($GENRES)")).filterArn();
        rankingCampaignArn = b.trainAndDeploy(me.groupArn(), "arn:aws:personalize:::recipe/aws-personalized-ranking",
                prefix + "-rank", Map.of()).campaignArn();
        itemsCsv = Files.createTempFile(Tenant.importDir(server, account.accountId()), "items-", ".csv");
        SyntheticInteractions.writeCsv(itemsCsv, "ITEM_ID,GENRE,TITLE", List.of("i1,drama,One", "i2,comedy,Two"));
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
    void every_served_operation_has_a_template() {
        Set<String> served = new TreeSet<>();
        ApiSurface.served(b).forEach(op -> served.add(op.name()));
        assertThat(templates().keySet()).as("operations with a template").containsExactlyInAnyOrderElementsOf(served);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> every_string_member_of_every_operation_takes_injection_shaped_values() {
        Map<String, Supplier<SdkPojo>> templates = templates();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : ApiSurface.served(b)) {
            Supplier<SdkPojo> template = templates.get(op.name());
            for (String path : RequestMutations.paths(template.get())) {
                tests.add(DynamicTest.dynamicTest(op.name() + " " + path, () -> {
                    for (String payload : payloads(op, path)) {
                        attack(op, template, path, payload);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    @Order(3)
    void the_operators_account_operations_take_them_too() {
        for (String payload : PAYLOADS) {
            for (String operation : List.of("CreateAccount", "SuspendAccount", "ResumeAccount")) {
                String body = Json.createObjectBuilder().add("accountName", payload).add("accountId", payload)
                        .add("adminUserName", "admin").build().toString();
                HttpResponse<String> answer = a.signedJson("tastemaker", "Tastemaker." + operation, body);
                cases.incrementAndGet();
                if (operation.equals("CreateAccount") && answer.statusCode() == 200) {
                    // "_" is a valid account name (letters, digits, '-', '_'): it is stored as it is.
                    assertThat(Json.createReader(new StringReader(answer.body())).readObject().getString("accountName"))
                            .isEqualTo(payload);
                    continue;
                }
                assertThat(answer.statusCode()).as("%s with %s: %s", operation, printable(payload), answer.body()).isEqualTo(400);
                assertThat(answer.body()).as(operation).containsAnyOf("InvalidInput", "NoSuchEntity", "ValidationError");
            }
        }
        assertThat(a.operatorJson("ListAccounts", "{}").getJsonArray("accounts").toString())
                .contains(account.accountId()).doesNotContain("DROP TABLE");
    }

    /** One oversized request: what it calls, the error it must get, and a part of its message (or null). */
    private record Oversized(String label, String expectedError, String message, Runnable call) {

        Oversized(String label, String expectedError, Runnable call) {
            this(label, expectedError, null, call);
        }
    }

    /**
     * Fields beyond the model's limits, each refused with the API's validation error before any
     * work: no resource of the long name exists afterwards, and no event of the refused PutEvents
     * calls reached the data (they are "attack" events on the item B's filter would then drop).
     */
    @TestFactory
    @Order(4)
    Stream<DynamicTest> oversized_fields_are_refused_before_any_work() {
        String long63 = me.prefix() + "-" + "x".repeat(62 - me.prefix().length());
        String name64 = long63 + "y";
        String id257 = "i".repeat(257);
        String watchedUser = Tenant.user(0, 4);
        String watchedItem = b.runtime().getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(watchedUser)
                .numResults(1)).itemList().get(0).itemId();
        Event attack = Event.builder().eventType("attack").itemId(watchedItem).sentAt(Instant.now()).build();
        String invalid = "InvalidInputException";
        List<Oversized> cases = new ArrayList<>();
        cases.add(new Oversized("CreateDatasetGroup name of 64", invalid, () -> b.personalize()
                .createDatasetGroup(r -> r.name(name64))));
        cases.add(new Oversized("CreateSchema name of 64", invalid, () -> b.personalize()
                .createSchema(r -> r.name(name64).schema(Tenant.USERS_SCHEMA))));
        cases.add(new Oversized("CreateSchema schema of 20,001 characters", invalid, "the maximum is 20000", () -> b
                .personalize().createSchema(r -> r.name(long63).schema(Tenant.USERS_SCHEMA + " ".repeat(20_001
                        - Tenant.USERS_SCHEMA.length())))));
        cases.add(new Oversized("CreateFilter name of 64", invalid, () -> b.personalize().createFilter(r -> r.name(name64)
                .datasetGroupArn(me.groupArn()).filterExpression(Tenant.FILTER_EXPRESSION))));
        cases.add(new Oversized("CreateFilter expression of 2,501 characters", invalid, "between 1 and 2500", () -> b.personalize()
                .createFilter(r -> r.name(long63).datasetGroupArn(me.groupArn()).filterExpression(Tenant.FILTER_EXPRESSION
                        + " ".repeat(2_501 - Tenant.FILTER_EXPRESSION.length())))));
        cases.add(new Oversized("CreateSolution name of 64", invalid, () -> b.personalize().createSolution(r -> r
                .name(name64).datasetGroupArn(me.groupArn()).recipeArn(Tenant.RECIPE))));
        cases.add(new Oversized("CreateEventTracker name of 64", invalid, () -> b.personalize()
                .createEventTracker(r -> r.name(name64).datasetGroupArn(me.groupArn()))));
        cases.add(new Oversized("CreateCampaign name of 64", invalid, () -> b.personalize().createCampaign(r -> r
                .name(name64).solutionVersionArn(me.solutionVersionArn()))));
        cases.add(new Oversized("CreateDatasetImportJob jobName of 64", invalid, () -> b.personalize()
                .createDatasetImportJob(r -> r.jobName(name64).datasetArn(me.itemsDatasetArn())
                        .dataSource(s -> s.dataLocation(itemsCsv.toUri().toString())))));
        cases.add(new Oversized("CreateDatasetImportJob dataLocation of 257", invalid, "at most 256 characters", () -> b
                .personalize().createDatasetImportJob(r -> r.jobName(long63).datasetArn(me.itemsDatasetArn())
                        .dataSource(s -> s.dataLocation("file:///" + "d".repeat(249))))));
        cases.add(new Oversized("DescribeCampaign campaignArn of 257", invalid, () -> b.personalize()
                .describeCampaign(r -> r.campaignArn(me.campaignArn() + "c".repeat(257 - me.campaignArn().length())))));
        cases.add(new Oversized("PutEvents eventList of 11", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(Collections.nCopies(11,
                        attack)))));
        cases.add(new Oversized("PutEvents itemId of 257 in the 2nd event", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack, attack.toBuilder()
                        .itemId(id257).build()))));
        cases.add(new Oversized("PutEvents userId of 257", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(id257).sessionId("s").eventList(attack))));
        cases.add(new Oversized("PutEvents sessionId of 257", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId(id257).eventList(attack))));
        cases.add(new Oversized("PutEvents eventType of 257", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack.toBuilder()
                        .eventType(id257).build()))));
        cases.add(new Oversized("PutEvents trackingId of 257", invalid, () -> b.events().putEvents(r -> r
                .trackingId(id257).userId(watchedUser).sessionId("s").eventList(attack))));
        cases.add(new Oversized("PutEvents eventId of 257", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack.toBuilder()
                        .eventId(id257).build()))));
        cases.add(new Oversized("PutEvents recommendationId of 41", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack.toBuilder()
                        .recommendationId("r".repeat(41)).build()))));
        cases.add(new Oversized("PutEvents properties of 1,025 characters", invalid, "at most 1024", () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack.toBuilder()
                        .properties("{\"x\": \"" + "p".repeat(1_016) + "\"}").build()))));
        cases.add(new Oversized("PutEvents impression of 26 items", invalid, () -> b.events().putEvents(r -> r
                .trackingId(me.trackingId()).userId(watchedUser).sessionId("s").eventList(attack.toBuilder()
                        .impression(Collections.nCopies(26, watchedItem)).build()))));
        cases.add(new Oversized("PutItems items of 11", invalid, () -> b.events().putItems(r -> r.datasetArn(me.itemsDatasetArn())
                .items(IntStream.range(0, 11).mapToObj(n -> Item.builder().itemId("over-" + n).build())
                        .toList()))));
        cases.add(new Oversized("PutItems itemId of 257", invalid, () -> b.events().putItems(r -> r
                .datasetArn(me.itemsDatasetArn()).items(Item.builder().itemId(id257).build()))));
        cases.add(new Oversized("PutItems properties of 32,001 characters", invalid, "at most 32000", () -> b.events().putItems(r -> r
                .datasetArn(me.itemsDatasetArn()).items(Item.builder().itemId("over-p").properties("{\"title\": \""
                        + "t".repeat(31_988) + "\"}").build()))));
        cases.add(new Oversized("PutUsers users of 11", invalid, () -> b.events().putUsers(r -> r.datasetArn(me.usersDatasetArn())
                .users(IntStream.range(0, 11).mapToObj(n -> User.builder().userId("over-" + n).build())
                        .toList()))));
        cases.add(new Oversized("PutUsers userId of 257", invalid, () -> b.events().putUsers(r -> r
                .datasetArn(me.usersDatasetArn()).users(User.builder().userId(id257).build()))));
        cases.add(new Oversized("PutUsers properties of 24,001 characters", invalid, "at most 24000", () -> b.events().putUsers(r -> r
                .datasetArn(me.usersDatasetArn()).users(User.builder().userId("over-p").properties("{\"tier\": \""
                        + "t".repeat(23_989) + "\"}").build()))));
        cases.add(new Oversized("GetRecommendations userId of 257", invalid, () -> b.runtime().getRecommendations(r -> r
                .campaignArn(me.campaignArn()).userId(id257))));
        cases.add(new Oversized("GetRecommendations numResults of 501", invalid, () -> b.runtime().getRecommendations(r -> r
                .campaignArn(me.campaignArn()).userId(watchedUser).numResults(501))));
        cases.add(new Oversized("GetRecommendations filterValues of 26 entries", invalid, () -> b.runtime()
                .getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(watchedUser).filterArn(parameterFilterArn)
                        .filterValues(manyValues(26)))));
        cases.add(new Oversized("GetRecommendations a filter value of 1,001 characters", invalid, () -> b.runtime()
                .getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(watchedUser).filterArn(parameterFilterArn)
                        .filterValues(Map.of("GENRES", "\"" + "g".repeat(999) + "\"")))));
        cases.add(new Oversized("GetRecommendations 2 promotions", invalid, () -> b.runtime().getRecommendations(r -> r
                .campaignArn(me.campaignArn()).userId(watchedUser).promotions(
                        Promotion.builder().name("p1").percentPromotedItems(10).filterArn(parameterFilterArn).build(),
                        Promotion.builder().name("p2").percentPromotedItems(10).filterArn(parameterFilterArn).build()))));
        cases.add(new Oversized("GetPersonalizedRanking inputList of 501", invalid, () -> b.runtime()
                .getPersonalizedRanking(r -> r.campaignArn(rankingCampaignArn).userId(watchedUser)
                        .inputList(IntStream.range(0, 501).mapToObj(n -> "i" + n).toList()))));
        cases.add(new Oversized("GetPersonalizedRanking an item id of 257", invalid, () -> b.runtime()
                .getPersonalizedRanking(r -> r.campaignArn(rankingCampaignArn).userId(watchedUser).inputList(id257))));
        // AWS's IAM answers these two ValidationError and LimitExceeded; Tastemaker's IAM names them as below.
        cases.add(new Oversized("IAM CreateUser userName of 65", "InvalidInput", "at most 64", () -> b.iam()
                .createUser(r -> r.userName("u".repeat(65)))));
        cases.add(new Oversized("IAM PutUserPolicy document of 2,049 characters", "MalformedPolicyDocument",
                "the limit is 2048", () -> b.iam()
                .putUserPolicy(r -> r.userName(meIam.user()).policyName("over").policyDocument(IamTenant.DOCUMENT
                        .replace("\"Version\"", "\"Sid0\":\"" + "s".repeat(2_049) + "\",\"Version\"")))));
        return Stream.concat(cases.stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            cases();
            try {
                c.call().run();
                fail("%s was accepted", c.label());
            } catch (AwsServiceException e) {
                assertThat(e.awsErrorDetails().errorCode()).as("%s: %s", c.label(), e.getMessage()).isEqualTo(c.expectedError());
                assertThat(e.statusCode()).as(c.label()).isLessThan(500);
                if (c.message() != null) {
                    assertThat(e.awsErrorDetails().errorMessage()).as(c.label()).contains(c.message());
                }
            }
        })), Stream.of(DynamicTest.dynamicTest("nothing of the refused requests was kept", () -> {
            assertThat(b.personalize().listDatasetGroupsPaginator(r -> { }).datasetGroups())
                    .noneSatisfy(g -> assertThat(g.name()).startsWith(long63));
            assertThat(b.personalize().listSchemasPaginator(r -> { }).schemas()).noneSatisfy(s -> assertThat(s.name())
                    .startsWith(long63));
            assertThat(b.personalize().listFiltersPaginator(r -> r.datasetGroupArn(me.groupArn())).filters())
                    .noneSatisfy(f -> assertThat(f.name()).startsWith(long63));
            assertThat(b.runtime().getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(watchedUser)
                    .numResults(25).filterArn(me.filterArn())).itemList())
                    .as("no refused PutEvents stored an 'attack' event of %s for %s", watchedUser, watchedItem)
                    .anySatisfy(i -> assertThat(i.itemId()).isEqualTo(watchedItem));
        })));
    }

    private void cases() {
        cases.incrementAndGet();
    }

    private static Map<String, String> manyValues(int n) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("GENRES", "\"drama\"");
        for (int i = 1; i < n; i++) {
            out.put("EXTRA" + i, "\"x\"");
        }
        return out;
    }

    /** A body over 10 MiB is refused with 413 before its signature is even checked, and a signed one too. */
    @Test
    @Order(5)
    void an_oversized_body_is_refused_with_413() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        for (boolean signed : new boolean[] {false, true}) {
            WireRequest request = WireRequest
                    .json11(server, "AmazonPersonalize.ListDatasetGroups", "{}").withBody(body);
            if (signed) {
                request = request.signed(WireRequest.Signing.of(account.accessKeyId(),
                        account.secretAccessKey()));
            }
            WireRequest.Answer answer = request.send();
            cases();
            assertThat(answer.status()).as("signed %s: %s", signed, answer).isEqualTo(413);
            assertThat(answer.errorType()).isEqualTo("InvalidInputException");
        }
    }

    @Test
    @Order(6)
    void both_accounts_read_as_before() {
        assertThat(a.personalize().listDatasetGroupsPaginator(r -> { }).datasetGroups())
                .anySatisfy(g -> assertThat(g.name()).isEqualTo(operatorGroup));
        assertThat(b.personalize().describeDatasetGroup(r -> r.datasetGroupArn(me.groupArn())).datasetGroup().status())
                .isEqualTo("ACTIVE");
        for (String dataset : List.of(me.interactionsDatasetArn(), me.itemsDatasetArn(), me.usersDatasetArn())) {
            assertThat(b.personalize().describeDataset(r -> r.datasetArn(dataset)).dataset().status()).isEqualTo("ACTIVE");
        }
        assertThat(b.personalize().describeCampaign(r -> r.campaignArn(me.campaignArn())).campaign().status())
                .isEqualTo("ACTIVE");
        assertThat(b.runtime().getRecommendations(r -> r.campaignArn(me.campaignArn()).userId(Tenant.user(0, 1))
                .numResults(5)).itemList()).hasSize(5);
        assertThat(b.iam().getUser(r -> r.userName(meIam.user())).user().userName()).isEqualTo(meIam.user());
        assertThat(b.iam().listAccessKeys(r -> r.userName("admin")).accessKeyMetadata())
                .anySatisfy(k -> assertThat(k.status().toString()).isEqualTo("Active"));
        assertThat(a.operatorJson("ListAccounts", "{}").getJsonArray("accounts").getValuesAs(JsonObject.class))
                .allSatisfy(acc -> assertThat(acc.getString("status")).isIn("Active", "Suspended"))
                .anySatisfy(acc -> assertThat(acc.getString("accountId")).isEqualTo(account.accountId()));
        System.out.printf(Locale.ROOT, "InjectionIT: %d injection-shaped requests; answers %s%n", cases.get(), outcomes);
    }

    // ---- one attempt ----

    private List<String> payloads(Operation op, String path) {
        List<String> out = new ArrayList<>(PAYLOADS);
        String member = member(path);
        if (member.endsWith("Arn")) {
            String prefix = op.api() == ApiSurface.Api.IAM ? "arn:aws:iam::" + account.accountId() + ":policy/"
                    : "arn:aws:personalize:us-east-1:" + account.accountId() + ":campaign/";
            out.add(prefix + PAYLOADS.get(0));
            out.add(prefix + PAYLOADS.get(2));
        }
        return out;
    }

    private void attack(Operation op, Supplier<SdkPojo> template, String path, String payload) {
        SdkPojo request = RequestMutations.replace(template.get(), path, payload);
        int status;
        String code;
        String text;
        try {
            Object response = op.call(b, request);
            status = 200;
            code = SUCCESS;
            text = String.valueOf(response);
        } catch (AwsServiceException e) {
            status = e.statusCode();
            code = e.awsErrorDetails().errorCode();
            text = e.awsErrorDetails().errorMessage();
        }
        cases.incrementAndGet();
        synchronized (outcomes) {
            outcomes.merge(code, 1, Integer::sum);
        }
        String what = op.name() + " " + path + " = " + printable(payload);
        assertThat(status).as("%s: %s %s", what, code, text).isNotEqualTo(500);
        assertThat(code).as("%s: %s", what, text).isIn(allowed(op, path, payload));
        for (String secret : List.of(operatorAccountId, operatorGroup, server.accessKeyId(), server.secretAccessKey(),
                account.secretAccessKey())) {
            if (text != null && text.contains(secret)) {
                fail("%s told account B %s of another account: %s", what, secret, text);
            }
        }
    }

    /** What may answer a payload in a member: exactly one refusal where the model's constraints exclude every payload. */
    private static Set<String> allowed(Operation op, String path, String payload) {
        String member = member(path);
        if (op.api() == ApiSurface.Api.IAM) {
            Set<String> out = new TreeSet<>(IAM_REFUSALS);
            out.add(SUCCESS);
            return out;
        }
        boolean arnShaped = payload.startsWith("arn:");
        if (member.endsWith("Arn") && !arnShaped) {
            return Set.of("InvalidInputException");
        }
        if (member.endsWith("Arn")) {
            return Set.of("InvalidInputException", "ResourceNotFoundException");
        }
        if (member.equals("name") || member.equals("jobName") || ENUMS.contains(member)) {
            return Set.of("InvalidInputException");
        }
        if (member.equals("nextToken")) {
            return Set.of("InvalidNextTokenException");
        }
        Set<String> out = new TreeSet<>(PERSONALIZE_REFUSALS);
        out.add(SUCCESS);
        return out;
    }

    /** The member a path ends in: {@code eventList[0].itemId} → {@code itemId}. */
    private static String member(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int cut = last.indexOf('[');
        last = cut >= 0 ? last.substring(0, cut) : last;
        cut = last.indexOf('{');
        return cut >= 0 ? last.substring(0, cut) : last;
    }

    private static String printable(String payload) {
        return payload.replace("\u0000", "\\u0000");
    }

    private String fresh() {
        return me.prefix() + "-n" + unique.incrementAndGet();
    }

    // ---- a valid request of each operation, on account B's own resources ----

    /**
     * One valid request per served operation; each call makes a fresh one (new names). Requests
     * that would change or delete something of B's name a resource B does not have, so that the
     * payload is read and checked but the fixture stays as it is.
     */
    private Map<String, Supplier<SdkPojo>> templates() {
        Map<String, Supplier<SdkPojo>> t = new LinkedHashMap<>();
        Tenant m = me;
        String absent = "-absent";
        t.put("CreateDatasetGroup", () -> CreateDatasetGroupRequest.builder().name(fresh()).build());
        t.put("DescribeDatasetGroup", () -> DescribeDatasetGroupRequest.builder().datasetGroupArn(m.groupArn()).build());
        t.put("ListDatasetGroups", () -> ListDatasetGroupsRequest.builder().build());
        t.put("DeleteDatasetGroup", () -> DeleteDatasetGroupRequest.builder().datasetGroupArn(m.groupArn() + absent).build());
        t.put("CreateSchema", () -> CreateSchemaRequest.builder().name(fresh()).schema(Tenant.USERS_SCHEMA).build());
        t.put("DescribeSchema", () -> DescribeSchemaRequest.builder().schemaArn(m.usersSchemaArn()).build());
        t.put("ListSchemas", () -> ListSchemasRequest.builder().build());
        t.put("DeleteSchema", () -> DeleteSchemaRequest.builder().schemaArn(m.usersSchemaArn() + absent).build());
        t.put("CreateDataset", () -> CreateDatasetRequest.builder().name(fresh()).schemaArn(m.usersSchemaArn())
                .datasetGroupArn(m.groupArn()).datasetType("Users").build());
        t.put("DescribeDataset", () -> DescribeDatasetRequest.builder().datasetArn(m.interactionsDatasetArn()).build());
        t.put("ListDatasets", () -> ListDatasetsRequest.builder().datasetGroupArn(m.groupArn()).build());
        t.put("DeleteDataset", () -> DeleteDatasetRequest.builder().datasetArn(m.itemsDatasetArn() + absent).build());
        t.put("CreateDatasetImportJob", () -> CreateDatasetImportJobRequest.builder().jobName(fresh())
                .datasetArn(m.itemsDatasetArn()).dataSource(s -> s.dataLocation(itemsCsv.toUri().toString()))
                .importMode("INCREMENTAL").build());
        t.put("DescribeDatasetImportJob", () -> DescribeDatasetImportJobRequest.builder().datasetImportJobArn(m.importJobArn())
                .build());
        t.put("ListDatasetImportJobs", () -> ListDatasetImportJobsRequest.builder().datasetArn(m.interactionsDatasetArn())
                .build());
        t.put("CreateEventTracker", () -> CreateEventTrackerRequest.builder().name(fresh()).datasetGroupArn(m.groupArn())
                .build());
        t.put("DescribeEventTracker", () -> DescribeEventTrackerRequest.builder().eventTrackerArn(m.eventTrackerArn()).build());
        t.put("ListEventTrackers", () -> ListEventTrackersRequest.builder().datasetGroupArn(m.groupArn()).build());
        t.put("DeleteEventTracker", () -> DeleteEventTrackerRequest.builder().eventTrackerArn(m.eventTrackerArn() + absent)
                .build());
        t.put("CreateFilter", () -> CreateFilterRequest.builder().name(fresh()).datasetGroupArn(m.groupArn())
                .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"x\")").build());
        t.put("DescribeFilter", () -> DescribeFilterRequest.builder().filterArn(m.filterArn()).build());
        t.put("ListFilters", () -> ListFiltersRequest.builder().datasetGroupArn(m.groupArn()).build());
        t.put("DeleteFilter", () -> DeleteFilterRequest.builder().filterArn(m.filterArn() + absent).build());
        t.put("ListRecipes", () -> ListRecipesRequest.builder().build());
        t.put("DescribeRecipe", () -> DescribeRecipeRequest.builder().recipeArn(Tenant.RECIPE).build());
        t.put("CreateSolution", () -> CreateSolutionRequest.builder().name(fresh()).datasetGroupArn(m.groupArn())
                .recipeArn(Tenant.RECIPE).solutionConfig(c -> c.algorithmHyperParameters(Map.of("algorithm", "ease")))
                .build());
        t.put("DescribeSolution", () -> DescribeSolutionRequest.builder().solutionArn(m.solutionArn()).build());
        t.put("ListSolutions", () -> ListSolutionsRequest.builder().datasetGroupArn(m.groupArn()).build());
        t.put("DeleteSolution", () -> DeleteSolutionRequest.builder().solutionArn(m.solutionArn() + absent).build());
        t.put("CreateSolutionVersion", () -> CreateSolutionVersionRequest.builder().solutionArn(m.solutionArn())
                .trainingMode("FULL").build());
        t.put("DescribeSolutionVersion", () -> DescribeSolutionVersionRequest.builder()
                .solutionVersionArn(m.solutionVersionArn()).build());
        t.put("ListSolutionVersions", () -> ListSolutionVersionsRequest.builder().solutionArn(m.solutionArn()).build());
        t.put("GetSolutionMetrics", () -> GetSolutionMetricsRequest.builder().solutionVersionArn(m.solutionVersionArn())
                .build());
        t.put("UpdateSolution", () -> UpdateSolutionRequest.builder().solutionArn(m.solutionArn() + absent)
                .performAutoTraining(true).solutionUpdateConfig(c -> c.autoTrainingConfig(a -> a
                        .schedulingExpression("rate(7 days)"))).build());
        t.put("StopSolutionVersionCreation", () -> StopSolutionVersionCreationRequest.builder()
                .solutionVersionArn(m.solutionVersionArn() + absent).build());
        t.put("CreateCampaign", () -> CreateCampaignRequest.builder().name(fresh())
                .solutionVersionArn(m.solutionVersionArn() + absent).campaignConfig(c -> c.itemExplorationConfig(
                        Map.of("explorationWeight", "0.3"))).build());
        t.put("DescribeCampaign", () -> DescribeCampaignRequest.builder().campaignArn(m.campaignArn()).build());
        t.put("ListCampaigns", () -> ListCampaignsRequest.builder().solutionArn(m.solutionArn()).build());
        t.put("DeleteCampaign", () -> DeleteCampaignRequest.builder().campaignArn(m.campaignArn() + absent).build());
        t.put("UpdateCampaign", () -> UpdateCampaignRequest.builder().campaignArn(m.campaignArn() + absent)
                .solutionVersionArn(m.solutionVersionArn()).campaignConfig(c -> c.itemExplorationConfig(
                        Map.of("explorationWeight", "0.3"))).build());
        t.put("GetRecommendations", () -> GetRecommendationsRequest.builder().campaignArn(m.campaignArn())
                .userId(Tenant.user(0, 1)).numResults(5).filterArn(parameterFilterArn)
                .filterValues(Map.of("GENRES", "\"drama\""))
                .promotions(Promotion.builder().name("promo").percentPromotedItems(40).filterArn(parameterFilterArn)
                        .filterValues(Map.of("GENRES", "\"comedy\"")).build()).build());
        t.put("GetPersonalizedRanking", () -> GetPersonalizedRankingRequest.builder().campaignArn(rankingCampaignArn)
                .userId(Tenant.user(0, 1)).inputList(Tenant.item(0, 1), Tenant.item(1, 1)).filterArn(parameterFilterArn)
                .filterValues(Map.of("GENRES", "\"drama\"")).build());
        t.put("PutEvents", () -> PutEventsRequest.builder().trackingId(m.trackingId()).userId(Tenant.user(0, 2))
                .sessionId("session-1").eventList(Event.builder().eventId("e-" + unique.incrementAndGet()).eventType("click")
                        .itemId(Tenant.item(0, 3)).sentAt(Instant.now()).recommendationId("RID-1").build()).build());
        t.put("PutItems", () -> PutItemsRequest.builder().datasetArn(m.itemsDatasetArn()).items(Item.builder()
                .itemId("item-" + unique.incrementAndGet()).properties("{\"genre\": \"drama\", \"title\": \"A\"}").build())
                .build());
        t.put("PutUsers", () -> PutUsersRequest.builder().datasetArn(m.usersDatasetArn()).users(User.builder()
                .userId("user-" + unique.incrementAndGet()).properties("{\"tier\": \"gold\"}").build()).build());
        // IAM
        IamTenant i = meIam;
        String absentKey = "AKIA" + "Q".repeat(16);
        String absentPolicy = i.policyArn() + absent;
        t.put("CreateUser", () -> CreateUserRequest.builder().userName(fresh()).build());
        t.put("GetUser", () -> GetUserRequest.builder().userName(i.user()).build());
        t.put("ListUsers", () -> ListUsersRequest.builder().build());
        t.put("DeleteUser", () -> DeleteUserRequest.builder().userName(i.user() + absent).build());
        t.put("CreateLoginProfile", () -> CreateLoginProfileRequest.builder().userName(i.user() + absent)
                .password("Inj-Passw0rd-" + unique.incrementAndGet() + "!").build());
        t.put("DeleteLoginProfile", () -> DeleteLoginProfileRequest.builder().userName(i.user() + absent).build());
        t.put("CreateAccessKey", () -> CreateAccessKeyRequest.builder().userName(i.user() + absent).build());
        t.put("ListAccessKeys", () -> ListAccessKeysRequest.builder().userName(i.user()).build());
        t.put("UpdateAccessKey", () -> UpdateAccessKeyRequest.builder().userName(i.user()).accessKeyId(i.accessKeyId())
                .status("Active").build());
        t.put("DeleteAccessKey", () -> DeleteAccessKeyRequest.builder().userName(i.user()).accessKeyId(absentKey).build());
        t.put("GetAccessKeyLastUsed", () -> GetAccessKeyLastUsedRequest.builder().accessKeyId(i.accessKeyId()).build());
        t.put("CreatePolicy", () -> CreatePolicyRequest.builder().policyName(fresh()).policyDocument(IamTenant.DOCUMENT)
                .description("made by InjectionIT").build());
        t.put("GetPolicy", () -> GetPolicyRequest.builder().policyArn(i.policyArn()).build());
        t.put("GetPolicyVersion", () -> GetPolicyVersionRequest.builder().policyArn(i.policyArn()).versionId("v1").build());
        t.put("ListPolicies", () -> ListPoliciesRequest.builder().scope("Local").build());
        t.put("DeletePolicy", () -> DeletePolicyRequest.builder().policyArn(absentPolicy).build());
        t.put("AttachUserPolicy", () -> AttachUserPolicyRequest.builder().userName(i.user()).policyArn(absentPolicy).build());
        t.put("DetachUserPolicy", () -> DetachUserPolicyRequest.builder().userName(i.user()).policyArn(absentPolicy).build());
        t.put("ListAttachedUserPolicies", () -> ListAttachedUserPoliciesRequest.builder().userName(i.user()).build());
        t.put("PutUserPolicy", () -> PutUserPolicyRequest.builder().userName(i.user() + absent).policyName(fresh())
                .policyDocument(IamTenant.DOCUMENT).build());
        t.put("GetUserPolicy", () -> GetUserPolicyRequest.builder().userName(i.user()).policyName(i.inlinePolicy()).build());
        t.put("ListUserPolicies", () -> ListUserPoliciesRequest.builder().userName(i.user()).build());
        t.put("DeleteUserPolicy", () -> DeleteUserPolicyRequest.builder().userName(i.user()).policyName(fresh()).build());
        t.put("CreateGroup", () -> CreateGroupRequest.builder().groupName(fresh()).build());
        t.put("GetGroup", () -> GetGroupRequest.builder().groupName(i.group()).build());
        t.put("ListGroups", () -> ListGroupsRequest.builder().build());
        t.put("ListGroupsForUser", () -> ListGroupsForUserRequest.builder().userName(i.user()).build());
        t.put("DeleteGroup", () -> DeleteGroupRequest.builder().groupName(i.group() + absent).build());
        t.put("AddUserToGroup", () -> AddUserToGroupRequest.builder().groupName(i.group()).userName(i.user() + absent).build());
        t.put("RemoveUserFromGroup", () -> RemoveUserFromGroupRequest.builder().groupName(i.group())
                .userName(i.user() + absent).build());
        t.put("AttachGroupPolicy", () -> AttachGroupPolicyRequest.builder().groupName(i.group()).policyArn(absentPolicy)
                .build());
        t.put("DetachGroupPolicy", () -> DetachGroupPolicyRequest.builder().groupName(i.group()).policyArn(absentPolicy)
                .build());
        t.put("ListAttachedGroupPolicies", () -> ListAttachedGroupPoliciesRequest.builder().groupName(i.group()).build());
        return t;
    }
}
