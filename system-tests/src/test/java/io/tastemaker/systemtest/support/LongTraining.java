package io.tastemaker.systemtest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A dataset group whose solution trains long enough to be watched and stopped: EASE over 6,000
 * modelled items of an 8,000-item catalog takes several seconds per model on two cores (and each
 * version trains two models: evaluation, then final).
 *
 * @param datasetGroupArn the group, with its Interactions imported
 * @param solutionArn an ACTIVE aws-user-personalization solution with {@code algorithm} ease (the
 *     automatic choice would take iALS for this flat catalog, which trains in seconds) and
 *     {@code max_items} 6000
 */
public record LongTraining(String datasetGroupArn, String solutionArn) {

    private static final int INTERACTIONS = 120_000;
    private static final int USERS = 3_000;
    private static final int ITEMS = 8_000;

    /** Creates the group, imports the generated interactions and creates the solution. */
    public static LongTraining prepare(TastemakerServer server, Clients clients, String name, long seed) {
        PersonalizeClient personalize = clients.personalize();
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
        SyntheticInteractions.writeCsv(csv, SyntheticInteractions.generate(seed, INTERACTIONS, USERS, ITEMS, 0.3));
        String job = personalize.createDatasetImportJob(r -> r.jobName(name).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        var imported = clients.awaitDatasetImportJob(job);
        if (!"ACTIVE".equals(imported.status())) {
            throw new IllegalStateException("Import of " + name + " ended " + imported.status() + ": "
                    + imported.failureReason());
        }
        String solutionArn = personalize.createSolution(r -> r.name(name).datasetGroupArn(groupArn)
                .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")
                .solutionConfig(c -> c.algorithmHyperParameters(Map.of("algorithm", "ease", "max_items", "6000"))))
                .solutionArn();
        clients.awaitSolution(solutionArn);
        return new LongTraining(groupArn, solutionArn);
    }
}
