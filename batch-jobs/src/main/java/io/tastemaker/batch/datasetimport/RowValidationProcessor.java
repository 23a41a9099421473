package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.datasetimport.rows.RowResult;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Passes each validated row or rejection on unchanged: validation happens in the reader, which
 * holds the header mapping, and the writer needs rejections too in order to count them with the
 * chunk they belong to.
 */
@Named
@Dependent
public class RowValidationProcessor implements ItemProcessor {

    @Override
    public Object processItem(Object item) {
        return (RowResult) item;
    }
}
