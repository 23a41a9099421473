package io.tastemaker.domain.datasetimport;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.dataset.DataChanges;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.dataset.InteractionRow;
import io.tastemaker.domain.dataset.RecordRow;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.SchemaService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Dataset import jobs: their creation (checked, then run asynchronously by the
 * DatasetImportJob batch job), their life cycle, and their publication.
 *
 * <p>Life cycle: CREATE PENDING → CREATE IN_PROGRESS → ACTIVE or CREATE FAILED. Rows are written
 * into the import's own batch and published by {@link #complete} in one transaction; {@link #fail} drops them, so a
 * failed import leaves the dataset's previous data as it was.
 */
@Stateless
public class DatasetImportService {

    @PersistenceContext
    EntityManager em;
    @Inject
    DataChanges changes;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    SchemaService schemas;
    @Inject
    Event<ImportRequested> requested;
    @Inject
    ImportSources sources;

    public DatasetImportJob create(String accountId, String jobName, String datasetArn, String dataLocation,
                                   String importMode, String roleArn) {
        Names.require("jobName", jobName);
        Arns.requireRoleOrNull("roleArn", roleArn);
        Dataset dataset = datasets.find(accountId, Arns.require("datasetArn", datasetArn));
        String mode = importMode == null ? "FULL" : importMode;
        if (!mode.equals("FULL") && !mode.equals("INCREMENTAL")) {
            throw new InvalidInputException("1 validation error detected: Value '" + mode
                    + "' at 'importMode' failed to satisfy constraint: Member must satisfy enum value set: [FULL, INCREMENTAL]");
        }
        sources.check(accountId, dataLocation);
        String arn = arns.of(accountId, ResourceType.DATASET_IMPORT_JOB, jobName);
        if (em.find(DatasetImportJob.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A dataset import job with the name " + jobName + " already exists.");
        }
        long running = em.createQuery("select count(j) from DatasetImportJob j where j.datasetArn = :d and j.status in :s", Long.class)
                .setParameter("d", dataset.getArn())
                .setParameter("s", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS)).getSingleResult();
        if (running > 0) {
            throw new ResourceInUseException("Dataset " + dataset.getArn() + " already has an import job in progress; "
                    + "wait until it ends.");
        }
        Instant now = clock.instant();
        DatasetImportJob job = new DatasetImportJob(arn, accountId, jobName, dataset.getArn(), dataLocation, mode, roleArn,
                Status.CREATE_PENDING, now, now);
        em.persist(job);
        em.flush();
        requested.fire(new ImportRequested(accountId, arn));
        return job;
    }

    public DatasetImportJob find(String accountId, String arn) {
        DatasetImportJob job = em.find(DatasetImportJob.class, Arns.require("datasetImportJobArn", arn));
        if (job == null || !job.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return job;
    }

    public Page<DatasetImportJob> list(String accountId, String datasetArn, PageRequest page) {
        if (datasetArn != null) {
            datasets.find(accountId, datasetArn);
        }
        return Page.of(em.createQuery("select j from DatasetImportJob j where j.accountId = :a"
                        + " and (:d is null or j.datasetArn = :d) order by j.createdAt desc, j.arn", DatasetImportJob.class)
                .setParameter("a", accountId).setParameter("d", datasetArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    public List<DatasetRows.Rejection> rejections(String accountId, String arn) {
        return rows.rejections(find(accountId, arn).getArn());
    }

    // ---- used by the batch job ----
    // Each runs in a transaction of its own (REQUIRES_NEW): a JSR-352 chunk runs in a JTA
    // transaction that also holds the batch runtime's own repository connection, and a second
    // non-XA database cannot join it (PostgreSQL). Rows and counts of a chunk still commit together.

    /** What the job needs to read and write, in one look-up. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ImportPlan plan(String arn) {
        DatasetImportJob job = job(arn);
        Dataset dataset = datasetOf(job);
        ParsedSchema schema = schemas.parsed(schemas.find(job.getAccountId(), dataset.getSchemaArn()));
        return new ImportPlan(arn, job.getAccountId(), dataset.getArn(), DatasetType.valueOf(dataset.getDatasetType()),
                schema, job.getDataLocation(), job.getBatchId());
    }

    /** Writes one chunk: valid rows into the import's batch, rejections to its report, and the counts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void writeChunk(ImportPlan plan, List<InteractionRow> interactions, List<RecordRow> records, long read,
                           List<DatasetRows.Rejection> rejected) {
        long batch = plan.batchId();
        if (!interactions.isEmpty()) {
            rows.insertInteractions(plan.datasetArn(), batch, interactions);
        }
        if (!records.isEmpty()) {
            rows.insertRecords(plan.datasetArn(), plan.datasetType(), batch, false, records);
        }
        progress(plan.jobArn(), read, read - rejected.size(), rejected);
    }

    /** Whether the import completed (its status is ACTIVE). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean completed(String arn) {
        return Status.ACTIVE.equals(job(arn).getStatus());
    }

    /** The job as the batch job sees it (no account check: the job was checked when created). */
    public DatasetImportJob job(String arn) {
        DatasetImportJob job = em.find(DatasetImportJob.class, arn);
        if (job == null) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return job;
    }

    public Dataset datasetOf(DatasetImportJob job) {
        return datasets.find(job.getAccountId(), job.getDatasetArn());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void started(String arn, long executionId) {
        DatasetImportJob job = job(arn);
        if (job.getBatchId() == null) {
            job.setBatchId(rows.openBatch(job.getDatasetArn(), arn));
        }
        job.setExecutionId(executionId);
        job.setStatus(Status.CREATE_IN_PROGRESS);
        job.setUpdatedAt(clock.instant());
    }

    /** Adds a chunk's counts, in the transaction of {@link #writeChunk}. */
    private void progress(String arn, long read, long imported, List<DatasetRows.Rejection> rejected) {
        DatasetImportJob job = job(arn);
        rows.addRejections(arn, job.getRowsRejected(), rejected);
        job.setRowsRead(job.getRowsRead() + read);
        job.setRowsImported(job.getRowsImported() + imported);
        job.setRowsRejected(job.getRowsRejected() + rejected.size());
        job.setUpdatedAt(clock.instant());
    }

    /** Publishes the import's rows and marks it ACTIVE, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void complete(String arn) {
        DatasetImportJob job = job(arn);
        Dataset dataset = datasetOf(job);
        rows.publish(dataset.getArn(), DatasetType.valueOf(dataset.getDatasetType()), job.getBatchId(),
                "FULL".equals(job.getImportMode()));
        job.setStatus(Status.ACTIVE);
        job.setUpdatedAt(clock.instant());
        dataset.setUpdatedAt(clock.instant());
        changes.stamp(dataset.getArn(), clock.instant());
    }

    /** Drops the import's rows and marks it CREATE FAILED with a reason a person can act on. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String arn, String reason) {
        DatasetImportJob job = job(arn);
        if (job.getBatchId() != null) {
            rows.discard(job.getBatchId());
        }
        job.setStatus(Status.CREATE_FAILED);
        job.setFailureReason(reason == null || reason.isBlank() ? "The import failed." : truncate(reason));
        job.setUpdatedAt(clock.instant());
    }

    /** Imports that were running when the server stopped; they are failed cleanly at start-up. */
    public List<String> unfinished() {
        return em.createQuery("select j.arn from DatasetImportJob j where j.status in :s", String.class)
                .setParameter("s", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS)).getResultList();
    }

    private static String truncate(String reason) {
        return reason.length() > 1900 ? reason.substring(0, 1897) + "..." : reason;
    }
}
