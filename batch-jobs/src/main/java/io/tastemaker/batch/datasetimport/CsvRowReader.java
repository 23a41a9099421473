package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.datasetimport.ImportPlan;
import io.tastemaker.domain.datasetimport.ImportSources;
import io.tastemaker.domain.datasetimport.rows.CsvRecord;
import io.tastemaker.domain.datasetimport.rows.CsvRecordReader;
import io.tastemaker.domain.datasetimport.rows.HeaderMapping;
import io.tastemaker.domain.datasetimport.rows.RowValidator;
import io.tastemaker.domain.error.PersonalizeException;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;

/**
 * Reads the import's CSV file record by record. The header is mapped to the schema first; a
 * header that does not fit the schema fails the job. The checkpoint is the number of records
 * read, so a restarted step skips what it already wrote.
 */
@Named
@Dependent
public class CsvRowReader extends AbstractItemReader {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;
    @Inject
    ImportSources sources;

    private CsvRecordReader reader;
    private RowValidator validator;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        String arn = ImportContext.jobArn(jobContext);
        try {
            imports.started(arn, jobContext.getExecutionId());
            ImportPlan plan = imports.plan(arn);
            reader = CsvRecordReader.ofUtf8(sources.check(plan.accountId(), plan.dataLocation()).open());
            CsvRecord header = reader.read();
            if (header == null) {
                throw new IllegalArgumentException("The file " + plan.dataLocation() + " is empty: it needs a header row.");
            }
            validator = new RowValidator(HeaderMapping.of(header, plan.schema(), plan.datasetType()));
            if (checkpoint != null) {
                reader.skipTo((Long) checkpoint);
            }
        } catch (PersonalizeException | IllegalArgumentException e) {
            ImportContext.recordFailure(jobContext, e.getMessage());
            throw e;
        } catch (IOException e) {
            ImportContext.recordFailure(jobContext, "Could not read the data file: " + e.getMessage());
            throw e;
        }
    }

    RowValidator validator() {
        return validator;
    }

    @Override
    public Object readItem() throws Exception {
        CsvRecord record = reader.read();
        return record == null ? null : validator.validate(record);
    }

    @Override
    public Serializable checkpointInfo() {
        return reader == null ? null : reader.position();
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }
}
