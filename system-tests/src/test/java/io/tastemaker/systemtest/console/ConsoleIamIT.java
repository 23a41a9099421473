package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;

/**
 * The console's IAM and Accounts pages in headless Chromium against a real server, checked
 * against IAM's API (the AWS SDK's {@code IamClient}) and Personalize's. The operator creates a
 * user with a console password and the TastemakerReadOnly policy; makes the user an access key,
 * whose secret is shown once and then never again, and which lists but may not create; a
 * malformed policy is refused under the editor, the corrected one created; a group gets the user
 * and the policy; deleting the user meets IAM's DeleteConflict. The read-only user signs in,
 * sees the IAM page and is refused a new user with AWS's AccessDenied message; it sees the
 * dashboard, a dataset group's page and the KMS keys, and is refused a new dataset group, a new
 * filter and a new key, each with the message the API gives, and nothing is created. The operator
 * creates an account on the Accounts page (its credentials shown once); that account's
 * administrator sees no Accounts link and is refused the page; suspended, its key stops working
 * until it is resumed. Last, the operator takes the user's key, password, policy and group away
 * and deletes it, then the group and the policy, each through the console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class ConsoleIamIT {

    private static final Duration UI_TIMEOUT = ConsoleBrowser.UI_TIMEOUT;
    private static final String READ_ONLY = "TastemakerReadOnly";
    private static final String READ_ONLY_ARN = "arn:aws:iam::aws:policy/" + READ_ONLY;
    /** Meets the usual password rules (length, upper, lower, digit, symbol), so any password policy takes it. */
    private static final String READER_PASSWORD = "Console-Reader-2026!";
    private static final String BROKEN_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "personalize:Describe*" "Resource": "*"}
              ]
            }""";
    private static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "personalize:Describe*", "Resource": "*"}
              ]
            }""";

    private TastemakerServer server;
    private IamClient iam;
    private Clients clients;
    private ConsoleBrowser console;
    private WebDriver browser;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);
    private final String reader = "console-reader-" + suffix;
    private final String groupName = "console-readers-" + suffix;
    private final String policyName = "console-describe-" + suffix;
    private final String tenantName = "console-tenant-" + suffix;

    private String accessKeyId;
    private String secretAccessKey;
    private String policyArn;
    private String tenantId;
    private String tenantPassword;
    private String tenantKeyId;
    private String tenantSecret;

    @BeforeAll
    void start() throws IOException {
        server = TastemakerServer.shared();
        iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKeyId(), server.secretAccessKey())))
                .httpClientBuilder(Clients.trusting(server))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        clients = Clients.of(server);
        console = new ConsoleBrowser(server);
        browser = console.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (console != null) {
            console.close();
        }
        if (iam != null) {
            iam.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void theOperatorCreatesAUserWithAPasswordAndAReadyMadePolicy() {
        console.signInAsOperator();
        browser.findElement(By.id("navIam")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/iam.xhtml"));

        console.type(By.id("users:userName"), reader);
        console.type(By.id("users:password"), READER_PASSWORD);
        choose("users:policy", READ_ONLY + " (Ready-made)");
        String info = messageAfter("info", () -> browser.findElement(By.id("users:create")).click());

        assertThat(info).isEqualTo("Created user " + reader + " with a console password and policy " + READ_ONLY + ".");
        assertThat(browser.findElement(By.id("users:password")).getAttribute("value")).as("the password field").isEmpty();
        WebElement row = filteredRow("users:table", reader);
        assertThat(ConsoleBrowser.cell(row, ".tm-password")).isEqualTo("Yes");
        assertThat(browser.getPageSource()).doesNotContain(READER_PASSWORD);
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(reader)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(READ_ONLY_ARN);
    }

    @Test
    @Order(2)
    void anAccessKeyIsShownOnceAndWorksWithinItsPolicy() {
        filteredRow("users:table", reader).findElement(By.linkText(reader)).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/iam-user.xhtml?name="));
        assertThat(console.waitFor(By.id("userName")).getText()).isEqualTo(reader);
        assertThat(console.rowsOf("keys:table")).isEmpty();
        assertThat(console.rowsOf("policies:table")).extracting(r -> ConsoleBrowser.cell(r, ".tm-policy"))
                .containsExactly(READ_ONLY_ARN);

        browser.findElement(By.id("keys:create")).click();
        accessKeyId = console.waitFor(By.cssSelector("code.tm-once-value[data-key='accessKeyId']")).getText().strip();
        secretAccessKey = browser.findElement(By.cssSelector("code.tm-once-value[data-key='secretAccessKey']")).getText().strip();
        assertThat(accessKeyId).startsWith("AKIA");
        assertThat(secretAccessKey).hasSize(40);
        console.screenshot("console-iam-new-key.png");

        browser.findElement(By.id("once:done")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(d -> !d.getPageSource().contains(secretAccessKey));
        browser.navigate().refresh();
        console.waitFor(By.id("keys:table"));
        assertThat(browser.getPageSource()).as("the secret after a reload").doesNotContain(secretAccessKey);
        ConsoleBrowser.untilNotStale(() -> {
            List<WebElement> keys = console.rowsOf("keys:table");
            assertThat(keys).hasSize(1);
            assertThat(ConsoleBrowser.cell(keys.get(0), ".tm-key-id")).isEqualTo(accessKeyId);
            assertThat(ConsoleBrowser.cell(keys.get(0), ".tm-key-status")).isEqualTo("Active");
            assertThat(ConsoleBrowser.cell(keys.get(0), ".tm-last-used")).isEqualTo("Never");
        });

        try (Clients clients = Clients.withCredentials(server, accessKeyId, secretAccessKey)) {
            assertThat(clients.personalize().listDatasetGroups(r -> { }).datasetGroups()).isNotNull();
            assertThatThrownBy(() -> clients.personalize().createDatasetGroup(r -> r.name("console-refused-" + suffix)))
                    .isInstanceOfSatisfying(PersonalizeException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));

            browser.navigate().refresh();
            console.waitFor(By.id("keys:table"));
            assertThat(ConsoleBrowser.cell(console.rowsOf("keys:table").get(0), ".tm-last-used"))
                    .as("last used, after the List").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");

            assertThat(messageAfter("info", () -> keyButton(".tm-deactivate").click()))
                    .isEqualTo("Deactivated access key " + accessKeyId + ".");
            assertThat(ConsoleBrowser.cell(console.rowsOf("keys:table").get(0), ".tm-key-status")).isEqualTo("Inactive");
            assertThatThrownBy(() -> clients.personalize().listDatasetGroups(r -> { }))
                    .isInstanceOfSatisfying(PersonalizeException.class, e -> assertThat(e.statusCode()).isEqualTo(403));

            assertThat(messageAfter("info", () -> keyButton(".tm-activate").click()))
                    .isEqualTo("Activated access key " + accessKeyId + ".");
            assertThat(clients.personalize().listDatasetGroups(r -> { }).datasetGroups()).isNotNull();
        }
    }

    @Test
    @Order(3)
    void aMalformedPolicyIsRefusedUnderTheEditorAndTheCorrectedOneIsCreated() {
        browser.findElement(By.id("navIam")).click();
        console.waitFor(By.id("policies:policyName"));
        console.type(By.id("policies:policyName"), policyName);
        console.type(By.id("policies:document"), BROKEN_POLICY);
        String error = messageAfter("error", () -> browser.findElement(By.id("policies:create")).click());

        assertThat(error).startsWith("Policy document is not valid JSON at line 4, column ");
        assertThat(console.waitFor(By.id("policies:problemMessage")).getText()).isEqualTo(error);
        List<String> pointer = browser.findElement(By.id("policies:problemPointer")).getText().lines().toList();
        assertThat(pointer).hasSize(2);
        assertThat(pointer.get(0).strip()).startsWith("{\"Effect\": \"Allow\"");
        assertThat(pointer.get(1).strip()).isEqualTo("^");
        assertThat(browser.findElement(By.id("policies:document")).getAttribute("value"))
                .as("the document stays for correcting").isEqualTo(BROKEN_POLICY);
        assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn(customerPolicyArn()))).isInstanceOf(NoSuchEntityException.class);
        console.screenshot("console-iam-policy-error.png");

        console.type(By.id("policies:document"), POLICY);
        assertThat(messageAfter("info", () -> browser.findElement(By.id("policies:create")).click()))
                .isEqualTo("Created policy " + policyName + ".");
        assertThat(browser.findElements(By.id("policies:problemMessage"))).isEmpty();
        policyArn = iam.getPolicy(r -> r.policyArn(customerPolicyArn())).policy().arn();
        WebElement row = filteredRow("policies:table", policyName);
        assertThat(ConsoleBrowser.cell(row, ".tm-kind")).isEqualTo("Customer");
        assertThat(ConsoleBrowser.cell(row, ".tm-attachments")).isEqualTo("0");

        row.findElement(By.linkText(policyName)).click();
        WebElement json = console.waitFor(By.id("document:json"));
        assertThat(json.getText()).contains("\"personalize:Describe*\"", "\"2012-10-17\"");
        browser.findElement(By.cssSelector("[id='document:dialog'] .ui-dialog-titlebar-close")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("document:json")));
    }

    @Test
    @Order(4)
    void aGroupGetsTheUserAndThePolicy() {
        console.type(By.id("groups:groupName"), groupName);
        assertThat(messageAfter("info", () -> browser.findElement(By.id("groups:create")).click()))
                .isEqualTo("Created group " + groupName + ".");
        filteredRow("groups:table", groupName).findElement(By.linkText(groupName)).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/iam-group.xhtml?name="));
        assertThat(console.waitFor(By.id("groupName")).getText()).isEqualTo(groupName);

        choose("members:user", reader);
        assertThat(messageAfter("info", () -> browser.findElement(By.id("members:add")).click()))
                .isEqualTo("Added " + reader + " to group " + groupName + ".");
        choose("policies:policy", policyName + " (Customer)");
        assertThat(messageAfter("info", () -> browser.findElement(By.id("policies:attach")).click()))
                .isEqualTo("Attached policy " + policyName + " to group " + groupName + ".");

        ConsoleBrowser.untilNotStale(() -> {
            assertThat(console.rowsOf("members:table")).extracting(r -> ConsoleBrowser.cell(r, ".tm-name")).containsExactly(reader);
            assertThat(console.rowsOf("policies:table")).extracting(r -> ConsoleBrowser.cell(r, ".tm-policy"))
                    .containsExactly(policyArn);
        });
        assertThat(iam.getGroup(r -> r.groupName(groupName)).users()).extracting(User::userName).containsExactly(reader);
        assertThat(iam.listAttachedGroupPolicies(r -> r.groupName(groupName)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(policyArn);

        browser.findElement(By.id("navIam")).click();
        assertThat(ConsoleBrowser.cell(filteredRow("policies:table", policyName), ".tm-attachments")).isEqualTo("1");
    }

    @Test
    @Order(5)
    void deletingAUserThatHasAKeyMeetsTheDeleteConflict() {
        WebElement row = filteredRow("users:table", reader);
        row.findElement(By.cssSelector(".tm-delete")).click();
        WebElement yes = console.waitFor(By.cssSelector(".ui-confirmdialog-yes"));
        assertThat(messageAfter("error", yes::click)).isEqualTo("Cannot delete entity, must delete access keys first.");
        assertThat(iam.getUser(r -> r.userName(reader)).user().userName()).isEqualTo(reader);
        console.screenshot("console-iam.png");
    }

    @Test
    @Order(6)
    void theReadOnlyUserSeesIamButIsRefusedANewUser() {
        signOut();
        console.signIn("operator", reader, READER_PASSWORD);
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(browser.findElement(By.id("header:user")).getText()).isEqualTo(reader);
        browser.findElement(By.id("navIam")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/iam.xhtml"));
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).as("iam:List* is allowed").isEmpty();
        filteredRow("users:table", reader);

        String denied = "console-denied-" + suffix;
        String readerArn = iam.getUser(r -> r.userName(reader)).user().arn();
        String account = readerArn.split(":")[4];
        console.type(By.id("users:userName"), denied);
        String error = messageAfter("error", () -> browser.findElement(By.id("users:create")).click());

        assertThat(error).isEqualTo("User: " + readerArn + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::"
                + account + ":user/" + denied + " because no identity-based policy allows the iam:CreateUser action");
        assertThatThrownBy(() -> iam.getUser(r -> r.userName(denied))).isInstanceOf(NoSuchEntityException.class);
        console.screenshot("console-iam-denied.png");

        theReaderIsRefusedChangesToGroupsFiltersAndKeys(readerArn, account);

        // The reader belongs to the operator's account, so the link shows; its policy refuses the page.
        browser.findElement(By.id("navAccounts")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        assertThat(console.waitFor(By.cssSelector(".ui-messages-error")).getText().strip())
                .isEqualTo("User: " + readerArn + " is not authorized to perform: tastemaker:ListAccounts because no "
                        + "identity-based policy allows the tastemaker:ListAccounts action");
        assertThat(browser.findElements(By.id("accounts:table"))).isEmpty();
    }

    @Test
    @Order(7)
    void theOperatorCreatesAnAccountWhoseAdministratorIsRefusedTheAccountsPage() {
        signOut();
        console.signInAsOperator();
        browser.findElement(By.id("navAccounts")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/accounts.xhtml"));
        WebElement operatorRow = filteredRow("accounts:table", "operator");
        assertThat(ConsoleBrowser.cell(operatorRow, ".tm-account-id")).isEqualTo(operatorAccount());
        assertThat(ConsoleBrowser.cell(operatorRow, ".tm-operator")).isEqualTo("Yes");
        assertThat(operatorRow.findElements(By.cssSelector(".tm-suspend"))).as("the operator's own account").isEmpty();

        console.type(By.id("create:name"), "no spaces allowed");
        assertThat(messageAfter("error", () -> browser.findElement(By.id("create:submit")).click()))
                .startsWith("An account name is 1 to 63 letters, digits, '-' or '_'");
        console.type(By.id("create:name"), tenantName);
        browser.findElement(By.id("create:submit")).click();
        tenantId = console.waitFor(By.cssSelector("code.tm-once-value[data-key='accountId']")).getText().strip();
        tenantPassword = onceValue("adminPassword");
        tenantKeyId = onceValue("accessKeyId");
        tenantSecret = onceValue("secretAccessKey");
        assertThat(tenantId).matches("[1-9][0-9]{11}");
        assertThat(onceValue("adminUserName")).isEqualTo("admin");
        assertThat(tenantSecret).hasSize(40);
        console.screenshot("console-accounts-new.png");
        browser.findElement(By.id("once:done")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(d -> !d.getPageSource().contains(tenantSecret)
                && !d.getPageSource().contains(tenantPassword));

        WebElement row = filteredRow("accounts:table", tenantName);
        assertThat(ConsoleBrowser.cell(row, ".tm-account-id")).isEqualTo(tenantId);
        assertThat(ConsoleBrowser.cell(row, ".tm-account-status")).isEqualTo("Active");
        try (Clients tenant = Clients.withCredentials(server, tenantKeyId, tenantSecret)) {
            assertThat(tenant.personalize().listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
        }

        signOut();
        console.signIn(tenantId, "admin", tenantPassword);
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(browser.findElement(By.id("header:account")).getText()).isEqualTo(tenantName);
        assertThat(browser.findElements(By.id("navIam"))).hasSize(1);
        assertThat(browser.findElements(By.id("navAccounts"))).as("the Accounts link of another account").isEmpty();
        console.open("/accounts.xhtml");
        assertThat(console.waitFor(By.cssSelector(".ui-messages-error")).getText().strip())
                .isEqualTo("Only the operator's account manages accounts.");
        assertThat(browser.findElements(By.id("accounts:table"))).isEmpty();
        assertThat(browser.findElements(By.id("create:submit"))).isEmpty();
        assertThat(browser.getPageSource()).as("the operator's account id").doesNotContain(operatorAccount());
    }

    @Test
    @Order(8)
    void aSuspendedAccountsKeyIsRefusedUntilItIsResumed() {
        signOut();
        console.signInAsOperator();
        console.open("/accounts.xhtml");
        filteredRow("accounts:table", tenantName).findElement(By.cssSelector(".tm-suspend")).click();
        WebElement yes = console.waitFor(By.cssSelector(".ui-confirmdialog-yes"));
        assertThat(messageAfter("info", yes::click)).isEqualTo("Suspended account " + tenantId + ".");
        new WebDriverWait(browser, UI_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d ->
                ConsoleBrowser.cell(rowNamed("accounts:table", tenantName), ".tm-account-status").equals("Suspended"));
        assertThat(rowNamed("accounts:table", tenantName).findElements(By.cssSelector(".tm-resume"))).hasSize(1);

        try (Clients tenant = Clients.withCredentials(server, tenantKeyId, tenantSecret)) {
            assertThatThrownBy(() -> tenant.personalize().listDatasetGroups(r -> { }))
                    .isInstanceOfSatisfying(PersonalizeException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            console.screenshot("console-accounts.png");

            assertThat(messageAfter("info", () -> rowNamed("accounts:table", tenantName)
                    .findElement(By.cssSelector(".tm-resume")).click())).isEqualTo("Resumed account " + tenantId + ".");
            assertThat(tenant.personalize().listDatasetGroups(r -> { }).datasetGroups()).isEmpty();
        }
    }

    @Test
    @Order(9)
    void theUserIsDeletedOnceItsKeyPasswordPolicyAndGroupAreGone() {
        console.open("/iam-user.xhtml?name=" + reader);
        assertThat(console.waitFor(By.id("userName")).getText()).isEqualTo(reader);

        console.rowsOf("keys:table").get(0).findElement(By.cssSelector(".tm-delete")).click();
        assertThat(messageAfter("info", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Deleted access key " + accessKeyId + ".");
        assertThat(console.rowsOf("keys:table")).isEmpty();
        browser.findElement(By.id("password:remove")).click();
        assertThat(messageAfter("info", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Removed the console password of " + reader + ".");
        assertThat(console.waitFor(By.id("password:newPassword")).isDisplayed()).isTrue();
        assertThat(messageAfter("info", () -> console.rowsOf("policies:table").get(0).findElement(By.cssSelector(".tm-detach"))
                .click())).isEqualTo("Detached policy " + READ_ONLY + " from " + reader + ".");
        assertThat(messageAfter("info", () -> console.rowsOf("groups:table").get(0).findElement(By.cssSelector(".tm-remove"))
                .click())).isEqualTo("Removed " + reader + " from group " + groupName + ".");
        assertThat(iam.listAccessKeys(r -> r.userName(reader)).accessKeyMetadata()).isEmpty();
        assertThat(iam.listAttachedUserPolicies(r -> r.userName(reader)).attachedPolicies()).isEmpty();
        assertThat(iam.listGroupsForUser(r -> r.userName(reader)).groups()).isEmpty();

        browser.findElement(By.id("back")).click();
        filteredRow("users:table", reader).findElement(By.cssSelector(".tm-delete")).click();
        assertThat(messageAfter("info", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Deleted user " + reader + ".");
        assertThatThrownBy(() -> iam.getUser(r -> r.userName(reader))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    @Order(10)
    void aPolicyIsDeletedOnceNoGroupHasIt() {
        filteredRow("policies:table", policyName).findElement(By.cssSelector(".tm-delete")).click();
        assertThat(messageAfter("error", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Cannot delete a policy attached to entities.");

        filteredRow("groups:table", groupName).findElement(By.linkText(groupName)).click();
        assertThat(messageAfter("info", () -> console.waitFor(By.cssSelector("[id='policies:table'] .tm-detach")).click()))
                .isEqualTo("Detached policy " + policyName + " from group " + groupName + ".");
        assertThat(console.rowsOf("members:table")).as("the deleted user left the group").isEmpty();
        browser.findElement(By.id("back")).click();

        filteredRow("groups:table", groupName).findElement(By.cssSelector(".tm-delete")).click();
        assertThat(messageAfter("info", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Deleted group " + groupName + ".");
        filteredRow("policies:table", policyName).findElement(By.cssSelector(".tm-delete")).click();
        assertThat(messageAfter("info", console.waitFor(By.cssSelector(".ui-confirmdialog-yes"))::click))
                .isEqualTo("Deleted policy " + policyName + ".");
        assertThatThrownBy(() -> iam.getGroup(r -> r.groupName(groupName))).isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn(policyArn))).isInstanceOf(NoSuchEntityException.class);
    }

    // ---- helpers ----

    private String customerPolicyArn() {
        return "arn:aws:iam::" + operatorAccount() + ":policy/" + policyName;
    }

    private String operatorAccount() {
        return iam.getUser(r -> r.userName("admin")).user().arn().split(":")[4];
    }

    private String onceValue(String key) {
        return browser.findElement(By.cssSelector("code.tm-once-value[data-key='" + key + "']")).getText().strip();
    }

    /**
     * The dashboard, a group's page and the KMS page authorise as the API does: the read-only user
     * reads them all, and every change is refused with the API's message and leaves nothing behind.
     */
    private void theReaderIsRefusedChangesToGroupsFiltersAndKeys(String readerArn, String account) {
        String groupArn = clients.personalize().createDatasetGroup(r -> r.name("console-read-" + suffix)).datasetGroupArn();
        String region = groupArn.split(":")[3];
        int keysBefore = clients.kms().listKeysPaginator(r -> { }).keys().stream().toList().size();

        browser.findElement(By.id("navGroups")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).as("personalize:List* is allowed").isEmpty();
        String deniedGroup = "console-denied-" + suffix;
        console.type(By.id("create:name"), deniedGroup);
        assertThat(messageAfter("error", () -> browser.findElement(By.id("create:submit")).click()))
                .isEqualTo(refusal(readerArn, "personalize:CreateDatasetGroup",
                        "arn:aws:personalize:" + region + ":" + account + ":dataset-group/" + deniedGroup));
        assertThat(clients.personalize().listDatasetGroupsPaginator(r -> { }).datasetGroups().stream()
                .map(g -> g.name())).doesNotContain(deniedGroup);

        console.open("/group.xhtml?arn=" + groupArn);
        console.waitFor(By.id("filters:filterName"));
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).as("Describe and List are allowed").isEmpty();
        String deniedFilter = "console-denied-" + suffix;
        console.type(By.id("filters:filterName"), deniedFilter);
        console.type(By.id("filters:filterExpression"), "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"buy\")");
        assertThat(messageAfter("error", () -> browser.findElement(By.id("filters:create")).click()))
                .isEqualTo(refusal(readerArn, "personalize:CreateFilter",
                        "arn:aws:personalize:" + region + ":" + account + ":filter/" + deniedFilter));
        assertThat(clients.personalize().listFilters(r -> r.datasetGroupArn(groupArn)).filters()).isEmpty();

        browser.findElement(By.id("navKms")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/kms.xhtml"));
        assertThat(browser.findElements(By.cssSelector(".ui-messages-error"))).as("kms:List* is allowed").isEmpty();
        assertThat(messageAfter("error", () -> browser.findElement(By.id("create:submit")).click()))
                .isEqualTo("User: " + readerArn + " is not authorized to perform: kms:CreateKey because no identity-based "
                        + "policy allows the kms:CreateKey action");
        assertThat(clients.kms().listKeysPaginator(r -> { }).keys().stream().toList()).hasSize(keysBefore);
        console.screenshot("console-data-denied.png");
        clients.personalize().deleteDatasetGroup(r -> r.datasetGroupArn(groupArn));
    }

    private static String refusal(String userArn, String action, String resource) {
        return "User: " + userArn + " is not authorized to perform: " + action + " on resource: " + resource
                + " because no identity-based policy allows the " + action + " action";
    }

    private WebElement keyButton(String css) {
        return console.rowsOf("keys:table").get(0).findElement(By.cssSelector(css));
    }

    private void signOut() {
        browser.findElement(By.id("header:signOut")).click();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/login.xhtml"));
    }

    /**
     * The text of the first message of {@code severity} ({@code info}, {@code error}) that
     * {@code action} brings: the messages the page showed before are first waited out (each
     * response renders them again), and a message replaced while being read is read again.
     */
    private String messageAfter(String severity, Runnable action) {
        WebElement before = browser.findElement(By.id("messages"));
        action.run();
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.stalenessOf(before));
        return new WebDriverWait(browser, UI_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(".ui-messages-" + severity));
            return shown.isEmpty() || !shown.get(0).isDisplayed() ? null : shown.get(0).getText().strip();
        });
    }

    /**
     * The row of a table whose name is {@code name}, after filtering the table by that name (the
     * server's tables hold what other tests made too, over several pages). The filter runs on
     * Enter, and its response replaces the table's rows: the rows shown before are waited out.
     */
    private WebElement filteredRow(String tableId, String name) {
        WebElement filter = console.waitFor(By.cssSelector("[id='" + tableId + "'] input.ui-column-filter"));
        WebElement before = browser.findElement(By.cssSelector("[id='" + tableId + "_data'] > tr"));
        filter.clear();
        filter.sendKeys(name, Keys.ENTER);
        new WebDriverWait(browser, UI_TIMEOUT).until(ExpectedConditions.stalenessOf(before));
        return rowNamed(tableId, name);
    }

    /** The row of a filtered table whose name is {@code name}, once the table shows only rows that match. */
    private WebElement rowNamed(String tableId, String name) {
        return new WebDriverWait(browser, UI_TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = console.rowsOf(tableId);
            List<WebElement> named = rows.stream().filter(r -> ConsoleBrowser.cell(r, ".tm-name").equals(name)).toList();
            return named.size() == 1 && rows.stream().allMatch(r -> ConsoleBrowser.cell(r, ".tm-name")
                    .toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) ? named.get(0) : null;
        });
    }

    /** Picks the option {@code label} of a PrimeFaces menu, and waits until the menu shows it. */
    private void choose(String menuId, String label) {
        By shown = By.id(menuId + "_label");
        new WebDriverWait(browser, UI_TIMEOUT).ignoring(WebDriverException.class).until(d -> {
            if (!d.findElement(shown).getText().strip().equals(label)) {
                d.findElement(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger")).click();
                new WebDriverWait(d, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']"))).click();
            }
            return d.findElement(shown).getText().strip().equals(label);
        });
    }
}
