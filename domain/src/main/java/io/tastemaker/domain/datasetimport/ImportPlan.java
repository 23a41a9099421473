package io.tastemaker.domain.datasetimport;

import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;

/**
 * What a running import needs: where to read (for {@code accountId}, see {@link ImportSources}), the
 * schema to check against, where to write.
 */
public record ImportPlan(String jobArn, String accountId, String datasetArn, DatasetType datasetType, ParsedSchema schema,
                         String dataLocation, Long batchId) {
}
