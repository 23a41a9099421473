package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * aws-trending-now through the AWS SDK: over two days, twenty items are steadily popular; one item
 * that was rare gets many interactions in the last hour. It must lead the list, for a known user
 * and a new one alike; a steady item must not be scored as trending.
 */
class TrendingNowIT {

    private static final long SEED = 8080L;
    private static final long DAY = 86_400L;

    @Test
    void theItemThatSpikedInTheLastWindowLeadsForEveryone() throws IOException {
        TastemakerServer server = TastemakerServer.shared();
        Clients clients = Clients.of(server);
        PersonalizeClient personalize = clients.personalize();
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        SplittableRandom random = new SplittableRandom(SEED);
        long start = SyntheticInteractions.FIRST_TIMESTAMP;
        long end = start + 2 * DAY;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            lines.add("user-" + random.nextInt(300) + ",steady-" + random.nextInt(20) + ","
                    + (start + random.nextLong(2 * DAY)) + ",click");
        }
        for (int i = 0; i < 5; i++) {
            lines.add("user-" + random.nextInt(300) + ",rising,"
                    + (start + random.nextLong(2 * DAY - 3_600)) + ",click");
        }
        for (int i = 0; i < 120; i++) {
            lines.add("user-" + random.nextInt(300) + ",rising," + (end - random.nextLong(3_600)) + ",click");
        }

        String groupArn = personalize.createDatasetGroup(r -> r.name("trending-" + suffix)).datasetGroupArn();
        String schemaArn = personalize.createSchema(r -> r.name("trending-" + suffix).schema(SyntheticInteractions.SCHEMA))
                .schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name("trending-" + suffix).schemaArn(schemaArn)
                .datasetGroupArn(groupArn).datasetType("Interactions")).datasetArn();
        Path csv = Files.createTempFile(server.dataDir().getParent(), "trending-", ".csv");
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.HEADER, lines);
        String job = personalize.createDatasetImportJob(r -> r.jobName("trending-" + suffix).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        assertThat(clients.awaitDatasetImportJob(job).status()).isEqualTo("ACTIVE");

        var deployed = clients.trainAndDeploy(groupArn, "arn:aws:personalize:::recipe/aws-trending-now",
                "trending-" + suffix, Map.of("trend_discovery_frequency", "1 hour"));
        for (String user : List.of("user-7", "someone-new")) {
            List<PredictedItem> items = clients.runtime().getRecommendations(r -> r.campaignArn(deployed.campaignArn())
                    .userId(user).numResults(10)).itemList();
            System.out.printf(Locale.ROOT, "Trending for %s: %s%n", user, items.stream()
                    .map(i -> i.itemId() + "=" + i.score()).toList());
            assertThat(items).hasSize(10);
            assertThat(items.get(0).itemId()).isEqualTo("rising");
            assertThat(items.get(0).score()).isPositive();
            assertThat(items.subList(1, 10)).allSatisfy(i -> assertThat(i.score()).isZero());
        }
        clients.close();
    }
}
