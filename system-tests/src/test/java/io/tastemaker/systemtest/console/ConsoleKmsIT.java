package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * The KMS keys page in headless Chromium, checked against the AWS SDK's view of the same keys: the
 * operator opens the page from the navigation, creates a key, disables and enables it, rotates
 * it, schedules its deletion (a waiting period out of range is refused with a message) and
 * cancels it; then the dashboard creates a dataset group encrypted with the key (a missing role is
 * refused with a message). Screenshots: {@code target/console-kms.png}, {@code target/console-kms-dashboard.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class ConsoleKmsIT {

    private TastemakerServer server;
    private Clients clients;
    private KmsClient kms;
    private ConsoleBrowser console;
    private WebDriver browser;
    private final String description = "console key " + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    private String keyId;

    @BeforeAll
    void start() throws IOException {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        kms = clients.kms();
        console = new ConsoleBrowser(server);
        browser = console.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (console != null) {
            console.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    @Order(1)
    void theNavigationLeadsToTheKmsKeysPage() {
        console.signInAsOperator();
        console.waitFor(By.id("navKms")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/kms.xhtml"));
        assertThat(console.waitFor(By.tagName("h1")).getText()).isEqualTo("KMS keys");
    }

    @Test
    @Order(2)
    void createsAKey() {
        console.type(By.id("create:description"), description);
        browser.findElement(By.id("create:submit")).click();
        WebElement row = awaitRow("Enabled");
        keyId = ConsoleBrowser.cell(row, ".tm-key-id");
        awaitInfo("Created key " + keyId);

        KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        assertThat(key.description()).isEqualTo(description);
        assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(ConsoleBrowser.cell(row, ".tm-versions")).isEqualTo("1");
        assertThat(ConsoleBrowser.cell(row, ".tm-rotation")).isEqualTo("Off");
    }

    @Test
    @Order(3)
    void disablesAndEnablesIt() {
        click(".tm-disable");
        awaitRow("Disabled");
        awaitInfo("Disabled key " + keyId);
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))))
                .isInstanceOf(DisabledException.class);

        click(".tm-enable");
        awaitRow("Enabled");
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))).ciphertextBlob()).isNotNull();
    }

    @Test
    @Order(4)
    void turnsRotationOnAndRotatesNow() {
        click(".tm-rotation-on");
        awaitInfo("rotates every 365 days");
        assertThat(ConsoleBrowser.cell(awaitRow("Enabled"), ".tm-rotation")).startsWith("Every 365 days, next ");
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(keyId)).keyRotationEnabled()).isTrue();

        click(".tm-rotate-now");
        awaitInfo("Rotated key " + keyId);
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> "2".equals(ConsoleBrowser.cell(awaitRow("Enabled"), ".tm-versions")));
        assertThat(kms.listKeyRotations(r -> r.keyId(keyId)).rotations()).hasSize(1);
    }

    @Test
    @Order(5)
    void refusesAWaitingPeriodOutOfRange() {
        console.type(By.id("keys:window"), "3");
        click(".tm-schedule-deletion");
        console.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        WebElement error = new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertThat(error.getText()).contains("greater than or equal to 7");
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    @Order(6)
    void schedulesAndCancelsTheDeletion() {
        console.type(By.id("keys:window"), "7");
        click(".tm-schedule-deletion");
        console.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        WebElement row = awaitRow("PendingDeletion");
        assertThat(ConsoleBrowser.cell(row, ".tm-deletion")).startsWith("deleted on ");
        awaitInfo("will be deleted on");
        KeyMetadata pending = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.pendingDeletionWindowInDays()).isEqualTo(7);
        console.screenshot("console-kms.png");

        click(".tm-cancel-deletion");
        awaitRow("Disabled");
        awaitInfo("Cancelled the deletion of key " + keyId);
        KeyMetadata cancelled = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        assertThat(cancelled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(cancelled.deletionDate()).isNull();

        click(".tm-enable");
        awaitRow("Enabled");
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    @Order(7)
    void theDashboardCreatesADatasetGroupEncryptedWithTheKey() {
        KeyMetadata key = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        String group = "kms-console-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        console.waitFor(By.id("navGroups")).click();
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        console.type(By.id("create:name"), group);
        console.waitFor(By.id("create:kmsKeyArn")).click();
        console.waitFor(By.cssSelector("[id='create:kmsKeyArn_items'] li[data-label*='" + keyId + "']")).click();
        browser.findElement(By.id("create:submit")).click();
        WebElement error = new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertThat(error.getText()).contains("roleArn is required");

        console.type(By.id("create:roleArn"), "arn:aws:iam::" + key.awsAccountId() + ":role/PersonalizeKms");
        browser.findElement(By.id("create:submit")).click();
        awaitInfo("encrypted at rest under " + key.arn());
        assertThat(clients.personalize().listDatasetGroupsPaginator(r -> { }).datasetGroups().stream()
                .filter(g -> g.name().equals(group)).map(g -> clients.personalize()
                        .describeDatasetGroup(r -> r.datasetGroupArn(g.datasetGroupArn())).datasetGroup().kmsKeyArn()))
                .containsExactly(key.arn());
        console.screenshot("console-kms-dashboard.png");
    }

    // ---- helpers ----

    /** Clicks a button of this test's key's row. */
    private void click(String buttonCss) {
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    Optional<WebElement> row = row();
                    if (row.isEmpty()) {
                        return false;
                    }
                    List<WebElement> buttons = row.get().findElements(By.cssSelector(buttonCss));
                    if (buttons.isEmpty() || !buttons.get(0).isDisplayed()) {
                        return false;
                    }
                    buttons.get(0).click();
                    return true;
                });
    }

    /** Waits for this test's key's row to show a state, and returns it. */
    private WebElement awaitRow(String state) {
        return new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> row().filter(r -> ConsoleBrowser.cell(r, ".tm-status").equals(state)).orElse(null));
    }

    private Optional<WebElement> row() {
        return console.rowsOf("keys:table").stream()
                .filter(r -> ConsoleBrowser.cell(r, ".tm-description").equals(description)).findFirst();
    }

    private void awaitInfo(String text) {
        new WebDriverWait(browser, ConsoleBrowser.UI_TIMEOUT)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"), text));
    }
}
