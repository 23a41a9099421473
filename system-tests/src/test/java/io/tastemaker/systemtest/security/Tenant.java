package io.tastemaker.systemtest.security;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * One account's complete set of Personalize resources, one of every kind the server has, made
 * through the SDK: a dataset group with Interactions, Items and Users datasets (each with its own
 * schema), an ACTIVE import of 1,440 interactions (two groups of 60 users, each clicking its own
 * group's 30 items), a few items and users put in real time, an event tracker, a filter, and an
 * aws-user-personalization solution with an ACTIVE version deployed in an ACTIVE campaign.
 *
 * <p>The interactions file lies in the account's import directory ({@link #importDir}). Names are
 * {@code <prefix>-<kind>}, unique per run through the prefix, so that another
 * account never holds a resource of the same name by chance.
 */
record Tenant(String accountId, String prefix, String groupArn, String interactionsSchemaArn, String itemsSchemaArn,
        String usersSchemaArn, String interactionsDatasetArn, String itemsDatasetArn, String usersDatasetArn,
        String importJobArn, String eventTrackerArn, String trackingId, String filterArn, String solutionArn,
        String solutionVersionArn, String campaignArn, Path csv) {

    static final String RECIPE = "arn:aws:personalize:::recipe/aws-user-personalization";
    static final String ITEMS_SCHEMA = """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "ITEM_ID", "type": "string"},
                        {"name": "GENRE", "type": "string", "categorical": true},
                        {"name": "TITLE", "type": ["null", "string"]}],
             "version": "1.0"}""";
    static final String USERS_SCHEMA = """
            {"type": "record", "name": "Users", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"},
                        {"name": "TIER", "type": "string", "categorical": true}],
             "version": "1.0"}""";
    /** A filter whose effect shows at once: it drops the items the user sent an "attack" event for. */
    static final String FILTER_EXPRESSION = "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"attack\")";
    static final int USERS_PER_GROUP = 60;
    static final int ITEMS_PER_GROUP = 30;
    private static final int CLICKS_PER_USER = 12;

    /** Makes everything in the account {@code clients} sign for, with seeded data. */
    static Tenant create(TastemakerServer server, Clients clients, String accountId, String prefix, long seed) {
        PersonalizeClient p = clients.personalize();
        String group = p.createDatasetGroup(r -> r.name(prefix + "-group")).datasetGroupArn();
        String interactionsSchema = p.createSchema(r -> r.name(prefix + "-interactions")
                .schema(SyntheticInteractions.SCHEMA)).schemaArn();
        String itemsSchema = p.createSchema(r -> r.name(prefix + "-items").schema(ITEMS_SCHEMA)).schemaArn();
        String usersSchema = p.createSchema(r -> r.name(prefix + "-users").schema(USERS_SCHEMA)).schemaArn();
        String interactions = p.createDataset(r -> r.name(prefix + "-interactions").schemaArn(interactionsSchema)
                .datasetGroupArn(group).datasetType("Interactions")).datasetArn();
        String items = p.createDataset(r -> r.name(prefix + "-items").schemaArn(itemsSchema)
                .datasetGroupArn(group).datasetType("Items")).datasetArn();
        String users = p.createDataset(r -> r.name(prefix + "-users").schemaArn(usersSchema)
                .datasetGroupArn(group).datasetType("Users")).datasetArn();

        Path csv = writeInteractions(importDir(server, accountId), prefix, seed);
        String job = p.createDatasetImportJob(r -> r.jobName(prefix + "-import").datasetArn(interactions)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var imported = clients.awaitDatasetImportJob(job);
        if (!"ACTIVE".equals(imported.status())) {
            throw new IllegalStateException("Import of " + prefix + " ended " + imported.status() + ": "
                    + imported.failureReason());
        }
        clients.events().putItems(r -> r.datasetArn(items).items(
                i -> i.itemId(item(0, 0)).properties("{\"genre\": \"drama\", \"title\": \"First\"}"),
                i -> i.itemId(item(1, 0)).properties("{\"genre\": \"comedy\", \"title\": \"Second\"}")));
        clients.events().putUsers(r -> r.datasetArn(users).users(
                u -> u.userId(user(0, 0)).properties("{\"tier\": \"gold\"}")));

        String tracker = p.createEventTracker(r -> r.name(prefix + "-tracker").datasetGroupArn(group)).eventTrackerArn();
        String trackingId = clients.awaitEventTracker(tracker).trackingId();
        String filter = p.createFilter(r -> r.name(prefix + "-filter").datasetGroupArn(group)
                .filterExpression(FILTER_EXPRESSION)).filterArn();
        Clients.Deployment deployed = clients.trainAndDeploy(group, RECIPE, prefix + "-model", Map.of());
        return new Tenant(accountId, prefix, group, interactionsSchema, itemsSchema, usersSchema, interactions, items, users,
                job, tracker, trackingId, filter, deployed.solutionArn(), deployed.solutionVersionArn(),
                deployed.campaignArn(), csv);
    }

    /**
     * The account's import directory on the server, made if need be: the only place from which an
     * account other than the operator's may import.
     */
    static Path importDir(TastemakerServer server, String accountId) {
        try {
            return Files.createDirectories(server.dataDir().resolve("imports").resolve(accountId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeInteractions(Path dir, String prefix, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        long time = SyntheticInteractions.FIRST_TIMESTAMP;
        for (int g = 0; g < 2; g++) {
            for (int u = 0; u < USERS_PER_GROUP; u++) {
                for (int k = 0; k < CLICKS_PER_USER; k++) {
                    lines.add(user(g, u) + "," + item(g, random.nextInt(ITEMS_PER_GROUP)) + "," + (time++) + ",click");
                }
            }
        }
        try {
            Path csv = Files.createTempFile(dir, prefix + "-", ".csv");
            SyntheticInteractions.writeCsv(csv, SyntheticInteractions.HEADER, lines);
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String user(int group, int n) {
        return String.format(Locale.ROOT, "g%d-user-%03d", group, n);
    }

    static String item(int group, int n) {
        return String.format(Locale.ROOT, "g%d-item-%03d", group, n);
    }

    /** Every ARN of the account's resources, by a short label. */
    Map<String, String> arns() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("dataset group", groupArn);
        out.put("interactions schema", interactionsSchemaArn);
        out.put("items schema", itemsSchemaArn);
        out.put("users schema", usersSchemaArn);
        out.put("interactions dataset", interactionsDatasetArn);
        out.put("items dataset", itemsDatasetArn);
        out.put("users dataset", usersDatasetArn);
        out.put("import job", importJobArn);
        out.put("event tracker", eventTrackerArn);
        out.put("filter", filterArn);
        out.put("solution", solutionArn);
        out.put("solution version", solutionVersionArn);
        out.put("campaign", campaignArn);
        return out;
    }

    /**
     * What another account must never be told: every ARN and the tracking id, and the names
     * (the prefix is part of every name).
     */
    List<String> secrets() {
        List<String> out = new ArrayList<>(arns().values());
        out.add(trackingId);
        out.add(prefix);
        return out;
    }
}
