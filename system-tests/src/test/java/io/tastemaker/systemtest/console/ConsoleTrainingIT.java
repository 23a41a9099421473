package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.LongTraining;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Training as a person watches it in the console (headless Chromium): while a solution version
 * trains, the group page (which refreshes itself while work is under way) shows its step and
 * percent, and its Stop button ends the run in CREATE STOPPED, as the API then confirms. A version
 * trained with HPO shows its trials, the best marked, and the tuned values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTrainingIT {

    private static final Pattern PROGRESS = Pattern.compile("(Evaluation model|Final model): [^·]+· \\d+(\\.\\d)?%.*");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(3);

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private ConsoleBrowser console;
    private LongTraining training;

    @BeforeAll
    void prepare() throws IOException {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        training = LongTraining.prepare(server, clients, "console-training-" + Long.toString(System.currentTimeMillis(), 36),
                31L);
        console = new ConsoleBrowser(server);
    }

    @AfterAll
    void close() throws IOException {
        if (console != null) {
            console.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void theGroupPageShowsTheHpoTrialsAndTheTunedValues() throws IOException {
        String name = "console-hpo-" + Long.toString(System.currentTimeMillis(), 36);
        String groupArn = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(SyntheticInteractions.SCHEMA)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn).datasetGroupArn(groupArn)
                .datasetType("Interactions")).datasetArn();
        Path csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.generate(41L, 4_000, 300, 200, 0.8));
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        assertThat(clients.awaitDatasetImportJob(job).status()).isEqualTo("ACTIVE");
        String solutionArn = personalize.createSolution(r -> r.name(name).datasetGroupArn(groupArn)
                .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization").performHPO(true)
                .solutionConfig(c -> c.hpoConfig(h -> h.hpoResourceConfig(res -> res.maxNumberOfTrainingJobs("3")))))
                .solutionArn();
        clients.awaitSolution(solutionArn);
        String versionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        var version = clients.awaitSolutionVersion(versionArn);
        assertThat(version.status()).as("failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");
        String lambda = version.tunedHPOParams().algorithmHyperParameters().get("lambda");

        console.signInAsOperator();
        console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
        List<WebElement> trials = console.driver().findElements(By.cssSelector(".tm-trials tbody tr"));
        assertThat(trials).hasSize(3);
        assertThat(trials).filteredOn(row -> row.getText().contains("(best)")).hasSize(1)
                .allSatisfy(row -> assertThat(row.getText()).contains("lambda = " + lambda));
        assertThat(console.driver().findElement(By.cssSelector(".tm-tuned")).getText()).contains(lambda);
        console.screenshot("console-hpo.png");
    }

    @Test
    void theGroupPageShowsProgressAndStopsTheRun() {
        console.signInAsOperator();
        String versionArn = personalize.createSolutionVersion(r -> r.solutionArn(training.solutionArn()))
                .solutionVersionArn();
        console.open("/group.xhtml?arn=" + URLEncoder.encode(training.datasetGroupArn(), StandardCharsets.UTF_8));

        String[] shown = new String[1];
        new WebDriverWait(console.driver(), TRAINING_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<WebElement> progress = driver.findElements(By.cssSelector(".tm-versions .tm-progress"));
                    shown[0] = progress.isEmpty() ? null : progress.get(0).getText().strip();
                    return shown[0] != null && PROGRESS.matcher(shown[0]).matches();
                });
        System.out.println("Progress in the console: " + shown[0]);
        console.screenshot("console-training.png");

        // The page refreshes itself while the run is under way, so the button may be replaced between
        // finding and clicking it: find it again until a click lands.
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    driver.findElement(By.cssSelector(".tm-versions .tm-stop")).click();
                    return true;
                });
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.alertIsPresent()).accept();

        new WebDriverWait(console.driver(), TRAINING_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(driver -> "CREATE STOPPED".equals(
                        ConsoleBrowser.cell(driver.findElement(By.cssSelector(".tm-versions tbody tr")), ".tm-status")));
        assertThat(console.driver().findElements(By.cssSelector(".tm-versions .tm-stop"))).isEmpty();
        assertThat(personalize.describeSolutionVersion(r -> r.solutionVersionArn(versionArn)).solutionVersion().status())
                .isEqualTo("CREATE STOPPED");
    }
}
