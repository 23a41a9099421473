package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.InteractionRow;
import io.tastemaker.domain.dataset.RecordRow;
import io.tastemaker.domain.datasetimport.DatasetImportJob;
import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.datasetimport.rows.RowRejection;
import io.tastemaker.domain.datasetimport.rows.ValidatedRow;
import io.tastemaker.domain.schema.DatasetType;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a chunk: valid rows as pending rows of the dataset, rejections to the job's report,
 * and the chunk's counts to the job, all in the chunk's transaction.
 */
@Named
@Dependent
public class DatasetRowWriter extends AbstractItemWriter {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;
    @Inject
    DatasetRows rows;

    private String jobArn;
    private String datasetArn;
    private DatasetType type;
    private Long batchId;

    @Override
    public void open(Serializable checkpoint) {
        jobArn = ImportContext.jobArn(jobContext);
        DatasetImportJob job = imports.job(jobArn);
        Dataset dataset = imports.datasetOf(job);
        datasetArn = dataset.getArn();
        type = DatasetType.valueOf(dataset.getDatasetType());
    }

    @Override
    public void writeItems(List<Object> items) {
        if (batchId == null) {
            batchId = imports.job(jobArn).getBatchId();
        }
        List<InteractionRow> interactions = new ArrayList<>();
        List<RecordRow> records = new ArrayList<>();
        List<DatasetRows.Rejection> rejected = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof RowRejection r) {
                rejected.add(new DatasetRows.Rejection(r.lineNumber(), r.reason()));
            } else {
                ValidatedRow row = (ValidatedRow) item;
                switch (type) {
                    case INTERACTIONS -> interactions.add(new InteractionRow(row.userId(), row.itemId(), row.timestamp(),
                            row.eventType(), row.eventValue(), null, json(row.attributes())));
                    case ITEMS -> records.add(new RecordRow(row.itemId(), json(row.attributes())));
                    case USERS -> records.add(new RecordRow(row.userId(), json(row.attributes())));
                }
            }
        }
        if (!interactions.isEmpty()) {
            rows.insertInteractions(batchId, interactions);
        }
        if (!records.isEmpty()) {
            rows.insertRecords(datasetArn, type, batchId, false, records);
        }
        imports.progress(jobArn, items.size(), items.size() - rejected.size(), rejected);
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
