package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalizeruntime.model.ResourceNotFoundException;

/**
 * IAM through the AWS SDK's {@code IamClient} (IAM's Query protocol): users, access keys,
 * managed and inline policies, groups, and the policies deciding what each key may do with
 * Personalize, as AWS evaluates them (explicit deny over allow over default deny).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamIT {

    private TastemakerServer server;
    private Clients operator;
    private IamClient iam;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        iam = iamClient(server.accessKeyId(), server.secretAccessKey());
    }

    @AfterAll
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        iam.close();
        operator.close();
    }

    @Test
    void a_user_without_policies_may_do_nothing_and_a_ready_made_role_grants_exactly_its_actions() {
        String user = unique("runtime");
        var created = iam.createUser(r -> r.userName(user)).user();
        assertThat(created.arn()).endsWith(":user/" + user);
        assertThat(created.userId()).startsWith("AIDA");
        AccessKey key = iam.createAccessKey(r -> r.userName(user)).accessKey();
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata())
                .singleElement().satisfies(m -> assertThat(m.accessKeyId()).isEqualTo(key.accessKeyId()));
        Clients clients = clients(key);

        assertThatThrownBy(() -> clients.personalize().listDatasetGroups(r -> { }))
                .isInstanceOfSatisfying(PersonalizeException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).contains("is not authorized to perform: personalize:ListDatasetGroups");
                });

        iam.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws:iam::aws:policy/TastemakerRuntimeClient"));
        assertThatThrownBy(() -> clients.personalize().listDatasetGroups(r -> { }))
                .isInstanceOfSatisfying(PersonalizeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
        String missingCampaign = "arn:aws:personalize:us-east-1:000000000000:campaign/none";
        assertThatThrownBy(() -> clients.runtime().getRecommendations(r -> r.campaignArn(missingCampaign.replace(
                "000000000000", operatorAccount())).userId("u1")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies())
                .singleElement().satisfies(p -> assertThat(p.policyName()).isEqualTo("TastemakerRuntimeClient"));
    }

    @Test
    void an_explicit_deny_beats_an_allow_and_conditions_are_evaluated() {
        String user = unique("analyst");
        iam.createUser(r -> r.userName(user));
        Clients clients = clients(iam.createAccessKey(r -> r.userName(user)).accessKey());
        String allowList = """
                {"Version":"2012-10-17","Statement":[{"Sid":"Lists","Effect":"Allow","Action":"personalize:List*","Resource":"*"}]}""";
        String policyArn = iam.createPolicy(r -> r.policyName(unique("lists")).policyDocument(allowList)).policy().arn();
        iam.attachUserPolicy(r -> r.userName(user).policyArn(policyArn));
        assertThat(clients.personalize().listSchemas(r -> { }).schemas()).isNotNull();
        assertThat(clients.personalize().listDatasetGroups(r -> { }).datasetGroups()).isNotNull();

        iam.putUserPolicy(r -> r.userName(user).policyName("no-groups").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Sid":"NoGroups","Effect":"Deny","Action":"personalize:ListDatasetGroups","Resource":"*"}]}"""));
        assertThatThrownBy(() -> clients.personalize().listDatasetGroups(r -> { }))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("explicit deny").hasMessageContaining("NoGroups");
        assertThat(clients.personalize().listSchemas(r -> { }).schemas()).isNotNull();
        assertThat(URLDecoder.decode(iam.getUserPolicy(r -> r.userName(user).policyName("no-groups")).policyDocument(),
                StandardCharsets.UTF_8)).contains("\"Sid\":\"NoGroups\"");

        // The server sees the tests' calls from 127.0.0.1: a policy for another network refuses them.
        iam.putUserPolicy(r -> r.userName(user).policyName("office-only").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24"]}}}]}"""));
        assertThatThrownBy(() -> clients.personalize().listSchemas(r -> { }))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("explicit deny");
        iam.deleteUserPolicy(r -> r.userName(user).policyName("office-only"));
        // A policy that expired yesterday allows nothing any more.
        iam.detachUserPolicy(r -> r.userName(user).policyArn(policyArn));
        iam.putUserPolicy(r -> r.userName(user).policyName("expired").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"personalize:List*","Resource":"*",
                 "Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}}]}"""));
        assertThatThrownBy(() -> clients.personalize().listSchemas(r -> { }))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("no identity-based policy allows");
    }

    @Test
    void group_policies_apply_to_members_only() {
        String user = unique("member");
        String group = unique("readers");
        iam.createUser(r -> r.userName(user));
        Clients clients = clients(iam.createAccessKey(r -> r.userName(user)).accessKey());
        iam.createGroup(r -> r.groupName(group));
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/TastemakerReadOnly"));
        assertThatThrownBy(() -> clients.personalize().listRecipes(r -> { })).isInstanceOf(PersonalizeException.class);

        iam.addUserToGroup(r -> r.groupName(group).userName(user));
        assertThat(clients.personalize().listRecipes(r -> { }).recipes()).isNotEmpty();
        assertThatThrownBy(() -> clients.personalize().createDatasetGroup(r -> r.name(unique("nope"))))
                .isInstanceOf(PersonalizeException.class).hasMessageContaining("personalize:CreateDatasetGroup");
        assertThat(iam.getGroup(r -> r.groupName(group)).users()).extracting(u -> u.userName()).containsExactly(user);
        assertThat(iam.listGroupsForUser(r -> r.userName(user)).groups()).extracting(g -> g.groupName()).containsExactly(group);

        assertThatThrownBy(() -> iam.deleteGroup(r -> r.groupName(group))).isInstanceOf(DeleteConflictException.class);
        iam.removeUserFromGroup(r -> r.groupName(group).userName(user));
        assertThatThrownBy(() -> clients.personalize().listRecipes(r -> { })).isInstanceOf(PersonalizeException.class);
    }

    @Test
    void a_deactivated_key_is_refused_until_activated_and_last_use_is_recorded() {
        String user = unique("keys");
        iam.createUser(r -> r.userName(user));
        iam.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws:iam::aws:policy/TastemakerReadOnly"));
        AccessKey key = iam.createAccessKey(r -> r.userName(user)).accessKey();
        Clients clients = clients(key);
        clients.personalize().listRecipes(r -> { });
        assertThat(iam.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId())).accessKeyLastUsed().lastUsedDate()).isNotNull();

        iam.updateAccessKey(r -> r.userName(user).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThatThrownBy(() -> clients.personalize().listRecipes(r -> { }))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        iam.updateAccessKey(r -> r.userName(user).accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        assertThat(clients.personalize().listRecipes(r -> { }).recipes()).isNotEmpty();

        iam.createAccessKey(r -> r.userName(user));
        assertThatThrownBy(() -> iam.createAccessKey(r -> r.userName(user))).isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> iam.deleteUser(r -> r.userName(user))).isInstanceOf(DeleteConflictException.class);
    }

    @Test
    void bad_requests_get_iam_errors_and_other_accounts_see_nothing() {
        String user = unique("dup");
        iam.createUser(r -> r.userName(user));
        assertThatThrownBy(() -> iam.createUser(r -> r.userName(user))).isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.getUser(r -> r.userName(unique("ghost")))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.createPolicy(r -> r.policyName(unique("bad")).policyDocument("{\"Statement\":[{\"Effect\":\"allow\"}]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> iam.createUser(r -> r.userName("no spaces allowed")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));

        Clients.NewAccount other = operator.createAccount(unique("iam-other"));
        try (IamClient otherIam = iamClient(other.accessKeyId(), other.secretAccessKey())) {
            assertThat(otherIam.listUsers().users()).extracting(u -> u.userName()).containsExactly("admin");
            assertThatThrownBy(() -> otherIam.getUser(r -> r.userName(user))).isInstanceOf(NoSuchEntityException.class);
            assertThat(otherIam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
            assertThat(otherIam.getUser().user().arn()).contains(":" + other.accountId() + ":user/admin");
        }
        assertThat(iam.getUser(r -> r.userName(user)).user().userName()).isEqualTo(user);
    }

    @Test
    void the_aws_cli_manages_users_against_the_server() throws Exception {
        Path aws = onPath("aws");
        assumeTrue(aws != null, "the AWS CLI (aws) is not on the PATH");
        String user = unique("cli");
        ProcessBuilder builder = new ProcessBuilder(aws.toString(), "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1", "--output", "json", "iam", "create-user", "--user-name", user).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", server.accessKeyId());
        builder.environment().put("AWS_SECRET_ACCESS_KEY", server.secretAccessKey());
        builder.environment().put("AWS_CONFIG_FILE", "/dev/null");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        // Trust the server's generated certificate, as docs/operations.md tells CLI users to.
        builder.environment().put("AWS_CA_BUNDLE", server.certificate().file().toString());
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("\"UserName\": \"" + user + "\"");
        assertThat(iam.getUser(r -> r.userName(user)).user().userName()).isEqualTo(user);
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private String operatorAccount() {
        return iam.getUser().user().arn().split(":")[4];
    }

    private Clients clients(AccessKey key) {
        Clients clients = Clients.withCredentials(server, key.accessKeyId(), key.secretAccessKey());
        toClose.add(clients);
        return clients;
    }

    private IamClient iamClient(String accessKeyId, String secret) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(Clients.trusting(server))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
