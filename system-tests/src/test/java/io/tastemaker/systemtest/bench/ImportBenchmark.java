package io.tastemaker.systemtest.bench;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;

/**
 * Prints Tastemaker's start-up time and the throughput of one dataset import, measured through
 * the AWS SDK against a real server: {@code bench/import-throughput [h2|postgresql] [rows]}.
 * A benchmark, not a test: it asserts nothing and prints figures.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = 20261128L;
        System.setProperty("tastemaker.it.database", database);

        Path csv = Files.createTempFile("tastemaker-bench-", ".csv");
        var interactions = SyntheticInteractions.generate(seed, rows, Math.max(1000, rows / 50), Math.max(500, rows / 200), 1.1);
        SyntheticInteractions.writeCsv(csv, interactions);
        long bytes = Files.size(csv);
        interactions = null;

        long startNanos = System.nanoTime();
        TastemakerServer server = TastemakerServer.shared();
        double startSeconds = (System.nanoTime() - startNanos) / 1e9;

        try (Clients clients = Clients.of(server)) {
            var p = clients.personalize();
            String schema = p.createSchema(b -> b.name("bench-schema").schema(SyntheticInteractions.SCHEMA)).schemaArn();
            String group = p.createDatasetGroup(b -> b.name("bench-group")).datasetGroupArn();
            String dataset = p.createDataset(b -> b.name("bench-interactions").datasetGroupArn(group).schemaArn(schema)
                    .datasetType("Interactions")).datasetArn();
            long importStart = System.nanoTime();
            String job = p.createDatasetImportJob(b -> b.jobName("bench-import").datasetArn(dataset)
                    .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
            DatasetImportJob done = clients.awaitDatasetImportJob(job);
            double importSeconds = (System.nanoTime() - importStart) / 1e9;
            System.out.printf(Locale.ROOT, "database            %s%n", server.databaseKind());
            System.out.printf(Locale.ROOT, "server start-up     %.1f s (process start to GET /ping answering)%n", startSeconds);
            System.out.printf(Locale.ROOT, "import              %,d rows, %.1f MB CSV, status %s%n", rows, bytes / 1e6, done.status());
            System.out.printf(Locale.ROOT, "import time         %.1f s (CreateDatasetImportJob to ACTIVE)%n", importSeconds);
            System.out.printf(Locale.ROOT, "import throughput   %,.0f rows/s%n", rows / importSeconds);
        } finally {
            Files.deleteIfExists(csv);
        }
        System.exit(0);
    }
}
