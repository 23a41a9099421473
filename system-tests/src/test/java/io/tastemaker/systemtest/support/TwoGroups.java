package io.tastemaker.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * Interactions with a known structure, imported into a new dataset group: two groups of users
 * ({@code g0-user-007}), each interacting only with its own group's items ({@code g1-item-012}),
 * twelve clicks per user. A model that learns anything recommends a user their own group's items.
 *
 * @param datasetGroupArn the group, with its Interactions dataset imported
 * @param interactionsDatasetArn the Interactions dataset
 */
public record TwoGroups(String datasetGroupArn, String interactionsDatasetArn) {

    public static final int USERS_PER_GROUP = 60;
    public static final int ITEMS_PER_GROUP = 30;
    private static final int CLICKS_PER_USER = 12;

    /** Generates the interactions with {@code seed} and imports them into a dataset group named {@code name}. */
    public static TwoGroups importInto(TastemakerServer server, Clients clients, String name, long seed) {
        PersonalizeClient personalize = clients.personalize();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < USERS_PER_GROUP; u++) {
                for (int k = 0; k < CLICKS_PER_USER; k++) {
                    lines.add(user(group, u) + "," + item(group, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++) + ",click");
                }
            }
        }
        String groupArn = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        String schemaArn = personalize.createSchema(r -> r.name(name).schema(SyntheticInteractions.SCHEMA)).schemaArn();
        String datasetArn = personalize.createDataset(r -> r.name(name).schemaArn(schemaArn)
                .datasetGroupArn(groupArn).datasetType("Interactions")).datasetArn();
        Path csv;
        try {
            csv = Files.createTempFile(server.dataDir().getParent(), name + "-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.HEADER, lines);
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var imported = clients.awaitDatasetImportJob(job);
        if (!"ACTIVE".equals(imported.status())) {
            throw new IllegalStateException("Import of " + name + " ended " + imported.status() + ": "
                    + imported.failureReason());
        }
        return new TwoGroups(groupArn, datasetArn);
    }

    /** The id of user {@code n} of {@code group}. */
    public static String user(int group, int n) {
        return String.format(Locale.ROOT, "g%d-user-%03d", group, n);
    }

    /** The id of item {@code n} of {@code group}. */
    public static String item(int group, int n) {
        return String.format(Locale.ROOT, "g%d-item-%03d", group, n);
    }
}
