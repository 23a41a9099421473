package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.DeviceTaste;
import io.tastemaker.systemtest.support.DeviceTaste.UserDevice;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Context (Personalize's contextual metadata) through the AWS SDK: an Interactions schema with a
 * categorical {@code DEVICE} field, data where the device decides taste ({@link DeviceTaste}: on
 * mobile users choose from one half of the catalog, on desktop from the other), and PutEvents whose
 * {@code properties} carry a third device. aws-user-personalization learns from both; on held-out
 * (user, device) views, GetRecommendations with {@code context={"DEVICE": device}} has a clearly
 * higher nDCG@10 than without, GetPersonalizedRanking puts the device's items first, a context the
 * model never saw changes nothing, and malformed contexts are refused with InvalidInputException.
 * The console's test panel takes a context too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContextIT {

    private static final long SEED = 2026L;
    private static final int USERS = 200;
    /** New users who view the {@link #TABLET_ITEMS} items on a tablet, through PutEvents. */
    private static final int TABLET_USERS = 20;
    private static final List<String> TABLET_ITEMS = List.of("t-0", "t-1", "t-2", "t-3", "t-4");

    private Clients clients;
    private PersonalizeRuntimeClient runtime;
    private DeviceTaste data;
    private String groupArn;
    private String campaignArn;
    private String campaignName;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);

    @BeforeAll
    void importSendTrainAndDeploy() {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        runtime = clients.runtime();
        PersonalizeClient personalize = clients.personalize();
        System.out.printf(Locale.ROOT, "ContextIT seed %d%n", SEED);
        data = DeviceTaste.generate(SEED, USERS);

        String name = "context-" + suffix;
        groupArn = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(DeviceTaste.SCHEMA)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn).datasetGroupArn(groupArn)
                .datasetType("Interactions")).datasetArn();
        Path csv;
        try {
            csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SyntheticInteractions.writeCsv(csv, DeviceTaste.HEADER, data.train());
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        assertThat(clients.awaitDatasetImportJob(job).status()).isEqualTo("ACTIVE");

        String trackerArn = personalize.createEventTracker(r -> r.name(name).datasetGroupArn(groupArn)).eventTrackerArn();
        String trackingId = clients.awaitEventTracker(trackerArn).trackingId();
        for (int u = 0; u < TABLET_USERS; u++) {
            List<Event> events = new ArrayList<>();
            for (String item : TABLET_ITEMS) {
                events.add(Event.builder().eventType("click").itemId(item).sentAt(Instant.now())
                        .properties("{\"device\": \"tablet\"}").build());
            }
            String user = "tablet-user-" + u;
            clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("s-" + user).eventList(events));
        }

        campaignName = "context-up-" + suffix;
        campaignArn = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                campaignName, Map.of()).campaignArn();
    }

    @AfterAll
    void close() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void contextAwareRecommendationsHaveAClearlyHigherNdcgThanContextBlindOnes() {
        double blind = 0;
        double aware = 0;
        for (Map.Entry<UserDevice, List<String>> entry : data.truth().entrySet()) {
            String user = entry.getKey().userId();
            Set<String> seen = data.history().getOrDefault(user, Set.of());
            blind += DeviceTaste.ndcgAt10(topUnseen(user, seen, Map.of()), entry.getValue());
            aware += DeviceTaste.ndcgAt10(topUnseen(user, seen, Map.of("DEVICE", entry.getKey().device())),
                    entry.getValue());
        }
        int pairs = data.truth().size();
        blind /= pairs;
        aware /= pairs;
        System.out.printf(Locale.ROOT, "ContextIT nDCG@10 over %d held-out (user, device) pairs: context-blind %.4f, "
                + "with context DEVICE %.4f (%.2fx)%n", pairs, blind, aware, aware / blind);

        assertThat(aware).as("nDCG@10 with the device as context").isGreaterThan(1.3 * blind).isGreaterThan(0.3);
    }

    @Test
    void aRankingInAContextPutsThatDevicesItemsFirst() {
        int pairs = 0;
        int awareFirst = 0;
        int blindFirst = 0;
        for (int u = 0; u < 40; u++) {
            String user = DeviceTaste.userId(u);
            for (String device : DeviceTaste.DEVICES) {
                String other = DeviceTaste.DEVICES.get(1 - DeviceTaste.DEVICES.indexOf(device));
                List<String> own = data.truth().get(new UserDevice(user, device));
                List<String> input = new ArrayList<>(data.truth().get(new UserDevice(user, other)));
                input.addAll(own);
                List<PredictedItem> aware = runtime.getPersonalizedRanking(r -> r.campaignArn(campaignArn).userId(user)
                        .inputList(input).context(Map.of("DEVICE", device))).personalizedRanking();
                List<PredictedItem> blind = runtime.getPersonalizedRanking(r -> r.campaignArn(campaignArn).userId(user)
                        .inputList(input)).personalizedRanking();
                assertThat(aware).hasSize(input.size());
                assertThat(aware.stream().mapToDouble(PredictedItem::score).sum()).isCloseTo(1.0,
                        within(1e-6));
                pairs++;
                awareFirst += ids(aware).subList(0, own.size()).containsAll(own) ? 1 : 0;
                blindFirst += ids(blind).subList(0, own.size()).containsAll(own) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "ContextIT rankings with the device's held-out items first: %d of %d with "
                + "context, %d without%n", awareFirst, pairs, blindFirst);

        assertThat(awareFirst).isGreaterThanOrEqualTo(pairs * 9 / 10).isGreaterThan(blindFirst);
    }

    @Test
    void aContextTheModelNeverSawChangesNothing() {
        String user = DeviceTaste.userId(7);
        List<PredictedItem> none = recommend(user, 20, null);

        assertThat(recommend(user, 20, Map.of())).isEqualTo(none);
        assertThat(recommend(user, 20, Map.of("LOCATION", "home"))).isEqualTo(none);
        assertThat(recommend(user, 20, Map.of("DEVICE", "smart-watch"))).isEqualTo(none);
        assertThat(ids(recommend(user, 10, Map.of("device", "mobile")))).as("keys match fields ignoring case")
                .allSatisfy(id -> assertThat(id).startsWith("m-"));
    }

    @Test
    void contextSentWithPutEventsIsLearnedToo() {
        List<String> newUserOnTablet = ids(recommend("somebody-new", 5, Map.of("DEVICE", "tablet")));
        List<String> newUser = ids(recommend("somebody-new", 5, null));
        System.out.println("ContextIT a new user on a tablet: " + newUserOnTablet + "; without context: " + newUser);

        assertThat(newUserOnTablet).containsExactlyInAnyOrderElementsOf(TABLET_ITEMS);
        assertThat(newUser).doesNotContainAnyElementsOf(TABLET_ITEMS);
    }

    @Test
    void malformedContextsAreRefusedWithActionableMessages() {
        String user = DeviceTaste.userId(1);
        assertRefused(Map.of("DEVICE TYPE", "mobile"), "letters, digits or underscores");
        assertRefused(Map.of("K".repeat(151), "mobile"), "1 to 150");
        assertRefused(Map.of("DEVICE", "x".repeat(1001)), "at most 1000");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 151; i++) {
            many.put("FIELD_" + i, "v");
        }
        assertRefused(many, "at most 150 entries");
        assertThatThrownBy(() -> runtime.getPersonalizedRanking(r -> r.campaignArn(campaignArn).userId(user)
                .inputList("m-0-00").context(Map.of("DE-VICE", "mobile"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("letters, digits or underscores");

        String sims = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-sims", "context-sims-" + suffix,
                Map.of()).campaignArn();
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn(sims).itemId("m-0-00")
                .context(Map.of("DEVICE", "mobile"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RELATED_ITEMS")
                .hasMessageContaining("without context");
        assertThat(runtime.getRecommendations(r -> r.campaignArn(sims).itemId("m-0-00").numResults(3)).itemList())
                .hasSize(3);
    }

    @Test
    void theConsoleTestPanelTakesAContext() throws IOException {
        try (ConsoleBrowser console = new ConsoleBrowser(TastemakerServer.shared())) {
            console.signInAsOperator();
            console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
            chooseCampaign(console, campaignName);
            console.type(By.id("test:userId"), DeviceTaste.userId(3));
            console.type(By.id("test:numResults"), "10");
            console.type(By.id("test:context"), "DEVICE=desktop");
            console.driver().findElement(By.id("test:run")).click();

            List<String> shown = awaitResults(console);
            System.out.println("ContextIT console results on desktop: " + shown);
            assertThat(shown).hasSize(10).allSatisfy(id -> assertThat(id).startsWith("d-"));
            assertThat(console.waitFor(By.id("test:contextFields")).getText())
                    .isEqualTo("Contextual fields this model learned from: DEVICE");
            console.screenshot("console-context.png");

            console.type(By.id("test:context"), "DEVICE TYPE=desktop");
            console.driver().findElement(By.id("test:run")).click();
            new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector(".ui-messages-error")).getText()
                            .contains("letters, digits or underscores"));
        }
    }

    private void assertRefused(Map<String, String> context, String message) {
        assertThatThrownBy(() -> runtime.getRecommendations(r -> r.campaignArn(campaignArn).userId(DeviceTaste.userId(1))
                .context(context)))
                .as("context %s", context.keySet()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    /** The user's top 10 among the items they did not view in training, in the context given. */
    private List<String> topUnseen(String user, Set<String> seen, Map<String, String> context) {
        return ids(recommend(user, 10 + seen.size(), context)).stream().filter(id -> !seen.contains(id)).limit(10)
                .toList();
    }

    private List<PredictedItem> recommend(String user, int n, Map<String, String> context) {
        return runtime.getRecommendations(r -> {
            r.campaignArn(campaignArn).userId(user).numResults(n);
            if (context != null) {
                r.context(context);
            }
        }).itemList();
    }

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).toList();
    }

    /** Picks a campaign in the test panel's menu, and waits until the menu shows it. */
    private static void chooseCampaign(ConsoleBrowser console, String name) {
        By label = By.id("test:campaign_label");
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(WebDriverException.class)
                .until(d -> {
                    if (!d.findElement(label).getText().strip().equals(name)) {
                        d.findElement(By.cssSelector("[id='test:campaign'] .ui-selectonemenu-trigger")).click();
                        new WebDriverWait(d, Duration.ofSeconds(5)).until(ExpectedConditions.elementToBeClickable(
                                By.cssSelector("[id='test:campaign_items'] li[data-label='" + name + "']"))).click();
                    }
                    return d.findElement(label).getText().strip().equals(name);
                });
    }

    private static List<String> awaitResults(ConsoleBrowser console) {
        List<String>[] ids = new List[1];
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    ids[0] = d.findElements(By.cssSelector("[id='test:results'] td.tm-item")).stream()
                            .map(cell -> cell.getText().strip()).toList();
                    return ids[0].size() == 10;
                });
        return ids[0];
    }
}
