package io.tastemaker.systemtest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Awaits;
import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.OrderedSteps;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeevents.model.Item;
import software.amazon.awssdk.services.personalizeevents.model.PersonalizeEventsException;
import software.amazon.awssdk.services.personalizeruntime.model.PersonalizeRuntimeException;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Encryption at rest of a dataset group created with {@code kmsKeyArn} (ADR 12), against a twin
 * group without a key that receives the same data. Markers go into an item's text (PutItems) and
 * an event's properties (PutEvents) of each group; after training and deploying a campaign on
 * each, the server's data directory (with H2's database files) is read byte by byte: the plain
 * group's markers are there, the encrypted group's are not. Both campaigns answer alike;
 * GetRecommendations on the encrypted one costs what it costs on the plain one. Disabling the key
 * stops the encrypted group's campaign, events and training with a message naming the key;
 * enabling it restores them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@ExtendWith(OrderedSteps.class)
class EncryptionAtRestIT {

    private static final long SEED = 424_242L;
    private static final String SEMANTIC = "arn:aws:personalize:::recipe/aws-semantic-similarity";
    private static final String[] GENRES = {"Comedy", "Horror", "Space"};
    private static final String[][] WORDS = {
            {"funny", "laugh", "joke", "comic", "hilarious", "prank", "giggle", "silly"},
            {"ghost", "blood", "fear", "haunted", "scream", "monster", "nightmare", "zombie"},
            {"rocket", "planet", "galaxy", "astronaut", "orbit", "alien", "starship", "comet"}};
    private static final int ITEMS_PER_GENRE = 12;
    private static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRES", "type": "string", "categorical": true},
                        {"name": "DESCRIPTION", "type": "string", "textual": true}],
             "version": "1.0"}""";
    private static final String INTERACTIONS_SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"},
                        {"name": "ITEM_ID", "type": "string"},
                        {"name": "TIMESTAMP", "type": "long"},
                        {"name": "EVENT_TYPE", "type": "string"},
                        {"name": "DEVICE", "type": ["null", "string"], "categorical": true}],
             "version": "1.0"}""";
    private static final int LATENCY_WARM_UP = 50;
    private static final int LATENCY_SAMPLES = 300;
    private static final Duration KEY_EFFECT = Duration.ofSeconds(60);

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private KmsClient kms;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);
    private final Group encrypted = new Group("enc");
    private final Group plain = new Group("plain");
    private String keyArn;

    /** One of the two twin groups and what was made in it. */
    private final class Group {
        final String label;
        final String itemMarker;
        final String eventMarker;
        String arn;
        String itemsArn;
        String trackingId;
        String solutionArn;
        String campaignArn;

        Group(String label) {
            this.label = label;
            this.itemMarker = "qzxv" + label + "item" + suffix;
            this.eventMarker = "qzxv" + label + "event" + suffix;
        }
    }

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        kms = clients.kms();
        System.out.printf(Locale.ROOT, "EncryptionAtRestIT seed %d, markers %s %s %s %s%n", SEED, encrypted.itemMarker,
                encrypted.eventMarker, plain.itemMarker, plain.eventMarker);
    }

    @AfterAll
    void close() {
        clients.close();
    }

    @Test
    @Order(1)
    void aDatasetGroupIsEncryptedOnlyWithAnEnabledKeyOfTheAccountAndARole() {
        keyArn = kms.createKey(r -> r.description("encryption at rest " + suffix)).keyMetadata().arn();
        String account = keyArn.split(":")[4];
        String role = "arn:aws:iam::" + account + ":role/PersonalizeKms";

        assertThatThrownBy(() -> personalize.createDatasetGroup(r -> r.name("no-role-" + suffix).kmsKeyArn(keyArn)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("roleArn is required");
        String missing = keyArn.substring(0, keyArn.lastIndexOf('/') + 1) + "00000000-0000-4000-8000-000000000000";
        assertThatThrownBy(() -> personalize.createDatasetGroup(r -> r.name("missing-key-" + suffix).kmsKeyArn(missing)
                .roleArn(role))).isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        String disabledKey = kms.createKey(r -> r.description("disabled " + suffix)).keyMetadata().arn();
        kms.disableKey(r -> r.keyId(disabledKey));
        assertThatThrownBy(() -> personalize.createDatasetGroup(r -> r.name("disabled-key-" + suffix).kmsKeyArn(disabledKey)
                .roleArn(role))).isInstanceOf(InvalidInputException.class).hasMessageContaining("is disabled");
        assertThatThrownBy(() -> personalize.createDatasetGroup(r -> r.name("bad-arn-" + suffix).kmsKeyArn("alias/mine")
                .roleArn(role))).isInstanceOf(InvalidInputException.class);

        encrypted.arn = personalize.createDatasetGroup(r -> r.name("enc-" + suffix).kmsKeyArn(keyArn).roleArn(role))
                .datasetGroupArn();
        plain.arn = personalize.createDatasetGroup(r -> r.name("plain-" + suffix)).datasetGroupArn();
        var described = personalize.describeDatasetGroup(r -> r.datasetGroupArn(encrypted.arn)).datasetGroup();
        assertThat(described.kmsKeyArn()).isEqualTo(keyArn);
        assertThat(described.roleArn()).isEqualTo(role);
        assertThat(described.status()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void bothGroupsGetTheSameItemsAndEventsWithTheirOwnMarkers() {
        String itemsSchema = personalize.createSchema(r -> r.name("enc-items-" + suffix).schema(ITEMS_SCHEMA)).schemaArn();
        String eventsSchema = personalize.createSchema(r -> r.name("enc-events-" + suffix).schema(INTERACTIONS_SCHEMA))
                .schemaArn();
        for (Group group : List.of(encrypted, plain)) {
            group.itemsArn = personalize.createDataset(r -> r.name(group.label + "-items-" + suffix).schemaArn(itemsSchema)
                    .datasetGroupArn(group.arn).datasetType("Items")).datasetArn();
            personalize.createDataset(r -> r.name(group.label + "-events-" + suffix).schemaArn(eventsSchema)
                    .datasetGroupArn(group.arn).datasetType("Interactions"));
            String tracker = personalize.createEventTracker(r -> r.name(group.label + "-tracker-" + suffix)
                    .datasetGroupArn(group.arn)).eventTrackerArn();
            group.trackingId = clients.awaitEventTracker(tracker).trackingId();

            List<Item> items = items(group);
            for (int start = 0; start < items.size(); start += 10) {
                List<Item> batch = items.subList(start, Math.min(items.size(), start + 10));
                clients.events().putItems(r -> r.datasetArn(group.itemsArn).items(batch));
            }
            clients.events().putEvents(r -> r.trackingId(group.trackingId).userId("reader-1").sessionId("session-1")
                    .eventList(event("t2-item-001", group.eventMarker), event("t2-item-002", "tablet")));
        }
    }

    @Test
    @Order(3)
    void bothGroupsTrainAndServeTheSameRecommendations() {
        for (Group group : List.of(encrypted, plain)) {
            var deployed = clients.trainAndDeploy(group.arn, SEMANTIC, group.label + "-semantic-" + suffix,
                    Map.of("neighbors_per_item", "20"));
            group.solutionArn = deployed.solutionArn();
            group.campaignArn = deployed.campaignArn();
        }
        for (int genre = 0; genre < GENRES.length; genre++) {
            String itemId = item(genre, 4);
            String prefix = "t" + genre + "-";
            List<String> fromEncrypted = related(encrypted, itemId);
            assertThat(fromEncrypted).as("related to %s", itemId).hasSize(5)
                    .allSatisfy(id -> assertThat(id).startsWith(prefix));
            assertThat(fromEncrypted).isEqualTo(related(plain, itemId));
        }
        String filter = personalize.createFilter(r -> r.name("enc-space-" + suffix).datasetGroupArn(encrypted.arn)
                .filterExpression("INCLUDE ItemID WHERE Items.GENRES IN (\"Space\")")).filterArn();
        Awaits.until("filter " + filter, Clients.RESOURCE_TIMEOUT,
                () -> personalize.describeFilter(r -> r.filterArn(filter)).filter().status(), "ACTIVE"::equals, s -> s);
        List<PredictedItem> spaceOnly = clients.runtime().getRecommendations(r -> r.campaignArn(encrypted.campaignArn)
                .itemId(item(0, 1)).numResults(5).filterArn(filter)).itemList();
        assertThat(spaceOnly).isNotEmpty().allSatisfy(i -> assertThat(i.itemId()).startsWith("t2-"));
    }

    @Test
    @Order(4)
    void theDataDirectoryHoldsThePlainGroupsMarkersButNotTheEncryptedGroups() throws IOException {
        Path dataDir = server.dataDir();
        if (!"h2".equals(server.databaseKind())) {
            System.out.println("EncryptionAtRestIT: the database is " + server.databaseKind() + ", whose files are not "
                    + "under the data directory; only the data directory is scanned, without the plain markers' check.");
        } else {
            // H2 writes committed pages within a second or so; wait for the plain group's markers to show.
            Awaits.until("the plain group's markers in the H2 files under " + dataDir, Duration.ofSeconds(90),
                    () -> markerFiles(dataDir, plain.itemMarker) + markerFiles(dataDir, plain.eventMarker),
                    n -> n >= 2, n -> n + " marker(s) found");
            assertThat(filesContaining(dataDir, plain.itemMarker)).as("files with the plain item marker")
                    .anySatisfy(p -> assertThat(p.toString()).contains(".mv.db"));
            assertThat(filesContaining(dataDir, plain.eventMarker)).as("files with the plain event marker").isNotEmpty();
        }
        assertThat(filesContaining(dataDir, encrypted.itemMarker)).as("files with the encrypted item marker").isEmpty();
        assertThat(filesContaining(dataDir, encrypted.eventMarker)).as("files with the encrypted event marker").isEmpty();
    }

    @Test
    @Order(5)
    void recommendationsFromTheEncryptedGroupCostWhatThePlainGroupsCost() {
        double[] plainMillis = new double[LATENCY_SAMPLES];
        double[] encryptedMillis = new double[LATENCY_SAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < LATENCY_WARM_UP; i++) {
            related(plain, item(i % GENRES.length, i % ITEMS_PER_GENRE));
            related(encrypted, item(i % GENRES.length, i % ITEMS_PER_GENRE));
        }
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            String itemId = item(random.nextInt(GENRES.length), random.nextInt(ITEMS_PER_GENRE));
            boolean plainFirst = random.nextBoolean();
            double a = timed(() -> related(plainFirst ? plain : encrypted, itemId));
            double b = timed(() -> related(plainFirst ? encrypted : plain, itemId));
            plainMillis[i] = plainFirst ? a : b;
            encryptedMillis[i] = plainFirst ? b : a;
        }
        double plainP50 = percentile(plainMillis, 50);
        double encryptedP50 = percentile(encryptedMillis, 50);
        double[] extra = new double[LATENCY_SAMPLES];
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            extra[i] = encryptedMillis[i] - plainMillis[i];
        }
        double medianExtra = percentile(extra, 50);
        System.out.printf(Locale.ROOT, "GetRecommendations over HTTP, %d interleaved pairs: plain p50 %.2f ms p90 %.2f ms;"
                        + " encrypted p50 %.2f ms p90 %.2f ms; median extra time of the encrypted request of a pair %+.2f ms"
                        + " (%+.1f%% of the plain p50)%n", LATENCY_SAMPLES, plainP50, percentile(plainMillis, 90), encryptedP50,
                percentile(encryptedMillis, 90), medianExtra, 100 * medianExtra / plainP50);
        // Each pair runs back to back, so the machine's load (other builds share its two cores) weighs on
        // both alike; the median of the pairs' differences is the encrypted group's own cost. Bound:
        // 10% of the plain median, and a quarter of a millisecond for the timer.
        assertThat(medianExtra).isLessThanOrEqualTo(plainP50 * 0.10 + 0.25);
    }

    @Test
    @Order(6)
    void disablingTheKeyStopsTheEncryptedGroupAndEnablingItRestoresIt() {
        kms.disableKey(r -> r.keyId(keyArn));
        long disabledAt = System.nanoTime();
        PersonalizeRuntimeException refused = Awaits.until("GetRecommendations refused after DisableKey", KEY_EFFECT,
                () -> refusal(() -> related(encrypted, item(0, 1))), e -> e != null, e -> e == null ? "served" : "refused");
        double refusedAfter = (System.nanoTime() - disabledAt) / 1e9;
        System.out.printf(Locale.ROOT, "The campaign was refused %.1f s after DisableKey (the check is every %d s)%n",
                refusedAfter, 5);
        assertThat(refusedAfter).as("seconds from DisableKey to the first refusal").isLessThan(5 + 5);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(refused.getMessage()).contains(keyArn).contains("is disabled").contains("EnableKey");
        assertThat(related(plain, item(0, 1))).as("the plain group's campaign").hasSize(5);

        assertThatThrownBy(() -> clients.events().putEvents(r -> r.trackingId(encrypted.trackingId).userId("reader-2")
                .sessionId("session-2").eventList(event("t0-item-001", "phone"))))
                .isInstanceOf(PersonalizeEventsException.class).hasMessageContaining("is disabled");
        assertThatThrownBy(() -> clients.events().putItems(r -> r.datasetArn(encrypted.itemsArn)
                .items(Item.builder().itemId("late").properties("{\"genres\":\"Space\",\"description\":\"late\"}").build())))
                .isInstanceOf(PersonalizeEventsException.class).hasMessageContaining("is disabled");
        String version = personalize.createSolutionVersion(r -> r.solutionArn(encrypted.solutionArn)).solutionVersionArn();
        var failed = clients.awaitSolutionVersion(version);
        assertThat(failed.status()).isEqualTo("CREATE FAILED");
        assertThat(failed.failureReason()).contains(keyArn).contains("is disabled");

        kms.enableKey(r -> r.keyId(keyArn));
        List<String> served = Awaits.until("GetRecommendations served again after EnableKey", KEY_EFFECT,
                () -> refusal(() -> related(encrypted, item(0, 1))) == null ? related(encrypted, item(0, 1)) : null,
                l -> l != null, l -> l == null ? "refused" : "served");
        assertThat(served).hasSize(5);
        clients.events().putEvents(r -> r.trackingId(encrypted.trackingId).userId("reader-2").sessionId("session-2")
                .eventList(event("t0-item-001", "phone")));

        // The request that was served again loaded the group's data key a moment ago: a request
        // right after DisableKey is still served from memory (requests do not call KMS), and the
        // refusal follows within the 5-second check.
        kms.disableKey(r -> r.keyId(keyArn));
        long again = System.nanoTime();
        PersonalizeRuntimeException immediate = refusal(() -> related(encrypted, item(0, 2)));
        double checkedAfter = (System.nanoTime() - again) / 1e9;
        Awaits.until("GetRecommendations refused after the second DisableKey", KEY_EFFECT,
                () -> refusal(() -> related(encrypted, item(0, 1))), e -> e != null, e -> e == null ? "served" : "refused");
        System.out.printf(Locale.ROOT, "After the second DisableKey: a request %.2f s later was %s; refused %.1f s after it%n",
                checkedAfter, immediate == null ? "served from memory" : "refused", (System.nanoTime() - again) / 1e9);
        kms.enableKey(r -> r.keyId(keyArn));
        assertThat(immediate).as("a request %.2f s after DisableKey, within the group's 5-second check", checkedAfter)
                .isNull();
    }

    // ---- helpers ----

    private List<Item> items(Group group) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Item> items = new ArrayList<>();
        for (int genre = 0; genre < GENRES.length; genre++) {
            for (int i = 0; i < ITEMS_PER_GENRE; i++) {
                StringBuilder text = new StringBuilder("A story,");
                for (int w = 0; w < 4; w++) {
                    text.append(' ').append(WORDS[genre][random.nextInt(WORDS[genre].length)]);
                }
                if (genre == 0 && i == 0) {
                    text.append(' ').append(group.itemMarker);
                }
                items.add(Item.builder().itemId(item(genre, i))
                        .properties("{\"genres\":\"" + GENRES[genre] + "\",\"description\":\"" + text + "\"}").build());
            }
        }
        return items;
    }

    private static Event event(String itemId, String device) {
        return Event.builder().eventType("click").itemId(itemId).sentAt(Instant.now())
                .properties("{\"device\":\"" + device + "\"}").build();
    }

    private List<String> related(Group group, String itemId) {
        return clients.runtime().getRecommendations(r -> r.campaignArn(group.campaignArn).itemId(itemId).numResults(5))
                .itemList().stream().map(PredictedItem::itemId).toList();
    }

    private static PersonalizeRuntimeException refusal(Runnable call) {
        try {
            call.run();
            return null;
        } catch (PersonalizeRuntimeException e) {
            return e;
        }
    }

    private static double timed(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int markerFiles(Path dir, String marker) {
        try {
            return filesContaining(dir, marker).size();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The files under a directory whose bytes contain the marker (ASCII), read byte by byte. */
    private static List<Path> filesContaining(Path dir, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    continue;
                }
                if (indexOf(bytes, needle) >= 0) {
                    found.add(file);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String item(int genre, int n) {
        return String.format(Locale.ROOT, "t%d-item-%03d", genre, n);
    }
}
