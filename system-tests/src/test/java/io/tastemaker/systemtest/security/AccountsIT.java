package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;

/**
 * The operator's account management ({@code Tastemaker.*} operations): a new account's key works
 * at once and sees nothing of the operator's; only the operator manages accounts; a suspended
 * account's key stops working until it is resumed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsIT {

    private TastemakerServer server;
    private Clients operator;

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
    }

    @AfterAll
    void close() {
        operator.close();
    }

    @Test
    void a_new_account_is_a_separate_wall_with_a_working_key() {
        String name = unique("walled");
        operator.personalize().createDatasetGroup(r -> r.name(unique("operator-group")));
        Clients.NewAccount account = operator.createAccount(name);

        assertThat(account.accountId()).matches("[1-9][0-9]{11}");
        assertThat(account.secretAccessKey()).hasSize(40);
        try (Clients clients = account.clients(server)) {
            assertThat(clients.personalize().listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
            String arn = clients.personalize().createDatasetGroup(r -> r.name("mine")).datasetGroupArn();
            assertThat(arn).contains(":" + account.accountId() + ":");
        }
        JsonObject listed = operator.operatorJson("ListAccounts", "{}");
        assertThat(listed.getJsonArray("accounts").getValuesAs(JsonObject.class))
                .anySatisfy(a -> assertThat(a.getString("accountName")).isEqualTo(name));
    }

    @Test
    void only_the_operator_manages_accounts() {
        Clients.NewAccount account = operator.createAccount(unique("tenant"));
        try (Clients clients = account.clients(server)) {
            HttpResponse<String> refused = clients.signedJson("tastemaker", "Tastemaker.CreateAccount",
                    "{\"accountName\":\"" + unique("sneaky") + "\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("AccessDeniedException");
            assertThat(operator.operatorJson("ListAccounts", "{}").toString()).doesNotContain("sneaky");
        }
    }

    @Test
    void a_suspended_account_cannot_sign_until_resumed() {
        Clients.NewAccount account = operator.createAccount(unique("suspended"));
        try (Clients clients = account.clients(server)) {
            clients.personalize().listDatasetGroups(r -> { });
            operator.operatorJson("SuspendAccount", "{\"accountId\":\"" + account.accountId() + "\"}");
            assertThatThrownBy(() -> clients.personalize().listDatasetGroups(r -> { }))
                    .isInstanceOf(PersonalizeException.class)
                    .satisfies(e -> assertThat(((PersonalizeException) e).statusCode()).isEqualTo(403));
            operator.operatorJson("ResumeAccount", "{\"accountId\":\"" + account.accountId() + "\"}");
            assertThat(clients.personalize().listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
        }
    }

    @Test
    void bad_account_requests_are_refused_with_their_error_names() {
        String name = unique("twice");
        operator.createAccount(name);
        assertThat(operator.signedJson("tastemaker", "Tastemaker.CreateAccount", "{\"accountName\":\"" + name + "\"}").body())
                .contains("EntityAlreadyExists");
        assertThat(operator.signedJson("tastemaker", "Tastemaker.CreateAccount", "{\"accountName\":\"no spaces\"}").body())
                .contains("InvalidInput");
        assertThat(operator.signedJson("tastemaker", "Tastemaker.SuspendAccount", "{\"accountId\":\"999999999999\"}").body())
                .contains("NoSuchEntity");
        HttpResponse<String> wrongScope = operator.signedJson("personalize", "Tastemaker.ListAccounts", "{}");
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(wrongScope.body()).contains("Credential should be scoped to correct service: 'tastemaker'");
    }

    @Test
    void the_launcher_creates_and_lists_accounts_against_the_running_server() throws Exception {
        String name = unique("cli");
        Path launcher = Path.of("..", "tastemaker").toAbsolutePath().normalize();
        ProcessBuilder create = new ProcessBuilder(launcher.toString(), "account", "create", name).redirectErrorStream(true);
        create.environment().put("AWS_ACCESS_KEY_ID", server.accessKeyId());
        create.environment().put("AWS_SECRET_ACCESS_KEY", server.secretAccessKey());
        create.environment().put("TASTEMAKER_ENDPOINT", server.endpoint().toString());
        // The launcher trusts the certificate it generated in this data directory (tls/truststore.p12).
        create.environment().put("TASTEMAKER_DATA_DIR", server.dataDir().toString());
        Process process = create.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Matcher id = Pattern.compile("account id: +([0-9]{12})").matcher(output);
        Matcher key = Pattern.compile("access key id: +(\\S+)").matcher(output);
        Matcher secret = Pattern.compile("secret access key: +(\\S+)").matcher(output);
        assertThat(id.find() && key.find() && secret.find()).as(output).isTrue();
        try (Clients clients = Clients.withCredentials(server, key.group(1), secret.group(1))) {
            assertThat(clients.personalize().createDatasetGroup(r -> r.name("from-cli")).datasetGroupArn())
                    .contains(":" + id.group(1) + ":");
        }
        assertThat(operator.operatorJson("ListAccounts", "{}").toString()).contains(name);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
