package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The test panel's test event, in headless Chromium: on the two-group data ({@link TwoGroups})
 * with an EASE campaign and an event tracker, a user of group 0 is recommended group-0 items;
 * after more events for distinct group-1 items than the user has group-0 items, sent from the panel, the panel's recommendations (asked
 * again with each event) lean to group 1, and the page shows the live event rate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleEventsIT {

    /** More distinct group-1 items than the user's distinct group-0 items (at most 12), so group 1 outweighs. */
    private static final int EVENTS = 16;

    private Clients clients;
    private ConsoleBrowser console;
    private String groupArn;

    @BeforeAll
    void prepare() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        clients = Clients.of(server);
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        TwoGroups data = TwoGroups.importInto(server, clients, "console-events-" + suffix, 515L);
        groupArn = data.datasetGroupArn();
        clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-user-personalization",
                "console-events-" + suffix, Map.of());
        String tracker = clients.personalize().createEventTracker(r -> r.name("console-events-" + suffix)
                .datasetGroupArn(groupArn)).eventTrackerArn();
        clients.awaitEventTracker(tracker);
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
    void aTestEventSentFromThePanelChangesTheRecommendations() {
        console.signInAsOperator();
        console.open("/group.xhtml?arn=" + URLEncoder.encode(groupArn, StandardCharsets.UTF_8));
        String user = TwoGroups.user(0, 7);
        console.type(By.id("test:userId"), user);
        console.type(By.id("test:numResults"), "10");
        console.driver().findElement(By.id("test:run")).click();
        assertThat(awaitResults()).as("before any event").allSatisfy(id -> assertThat(id).startsWith("g0-"));

        for (int i = 0; i < EVENTS; i++) {
            console.type(By.id("test:eventItemId"), TwoGroups.item(1, i));
            console.driver().findElement(By.id("test:sendEvent")).click();
            String sent = "Sent a click event of " + user + " for item " + TwoGroups.item(1, i) + ".";
            new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector(".ui-messages-info")).getText().contains(sent));
        }
        List<String> after = awaitResults();
        System.out.println("Console recommendations after " + EVENTS + " group-1 events: " + after);
        assertThat(after.stream().filter(id -> id.startsWith("g1-")).count()).as("group-1 items after the events")
                .isGreaterThanOrEqualTo(5);
        assertThat(console.driver().findElement(By.id("test:liveRate")).getText())
                .matches("Live events: \\d+\\.\\d per second \\(last minute\\)");
        console.screenshot("console-events.png");
    }

    private List<String> awaitResults() {
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
