package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.InteractionRow;
import io.tastemaker.domain.dataset.RecordRow;
import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.datasetimport.ImportPlan;
import io.tastemaker.domain.datasetimport.rows.RowRejection;
import io.tastemaker.domain.datasetimport.rows.ValidatedRow;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a chunk: valid rows into the import's batch, rejections to the job's report, and the
 * chunk's counts to the job, together in one transaction of the domain.
 */
@Named
@Dependent
public class DatasetRowWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;

    private ImportPlan plan;

    @Override
    public void writeItems(List<Object> items) {
        if (plan == null || plan.batchId() == null) {
            plan = imports.plan(ImportContext.jobArn(jobContext));
        }
        List<InteractionRow> interactions = new ArrayList<>();
        List<RecordRow> records = new ArrayList<>();
        List<DatasetRows.Rejection> rejected = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof RowRejection r) {
                rejected.add(new DatasetRows.Rejection(r.lineNumber(), r.reason()));
            } else {
                ValidatedRow row = (ValidatedRow) item;
                switch (plan.datasetType()) {
                    case INTERACTIONS -> interactions.add(new InteractionRow(row.userId(), row.itemId(), row.timestamp(),
                            row.eventType(), row.eventValue(), null, json(row.attributes()), row.impression(),
                            row.recommendationId()));
                    case ITEMS -> records.add(new RecordRow(row.itemId(), json(row.attributes())));
                    case USERS -> records.add(new RecordRow(row.userId(), json(row.attributes())));
                }
            }
        }
        imports.writeChunk(plan, interactions, records, items.size(), rejected);
    }

    private static String json(Map<String, Object> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        JsonObjectBuilder out = Json.createObjectBuilder();
        attributes.forEach((k, v) -> {
            if (v instanceof Number n && (v instanceof Integer || v instanceof Long)) {
                out.add(k, n.longValue());
            } else if (v instanceof Number n) {
                out.add(k, n.doubleValue());
            } else if (v instanceof Boolean b) {
                out.add(k, b);
            } else {
                out.add(k, String.valueOf(v));
            }
        });
        return out.build().toString();
    }
}
