package io.tastemaker.domain.solution;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Solution versions: one training run each. Life cycle CREATE PENDING → CREATE IN_PROGRESS →
 * ACTIVE or CREATE FAILED (with a reason); StopSolutionVersionCreation turns CREATE PENDING into
 * CREATE STOPPED at once, and CREATE IN_PROGRESS into CREATE STOPPING, which the training job
 * notices at its next progress report (within about a second of work) and ends in CREATE STOPPED.
 * The SolutionTrainingJob batch job trains them.
 */
@Stateless
public class SolutionVersionService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    SolutionService solutions;
    @Inject
    ModelStore models;
    @Inject
    RecipeCatalog recipes;
    @Inject
    Event<TrainingRequested> requested;


    private final SecureRandom random = new SecureRandom();

    public SolutionVersion create(String accountId, String solutionArn, String name, String trainingMode) {
        return create(accountId, solutionArn, name, trainingMode, false);
    }

    /**
     * Creates a version for the automatic schedule ({@code io.tastemaker.domain.autotraining}): trainingType
     * AUTOMATIC; an UPDATE records the version it builds on, whose campaigns it replaces.
     */
    public SolutionVersion createAutomatic(String accountId, String solutionArn, String trainingMode) {
        return create(accountId, solutionArn, null, trainingMode, true);
    }

    private SolutionVersion create(String accountId, String solutionArn, String name, String trainingMode, boolean automatic) {
        Solution solution = solutions.find(accountId, solutionArn);
        if (name != null) {
            Names.require("name", name);
        }
        String mode = trainingMode == null ? "FULL" : trainingMode;
        if (!mode.equals("FULL") && !mode.equals("UPDATE") && !mode.equals("AUTOTRAIN")) {
            throw new InvalidInputException("1 validation error detected: Value '" + mode
                    + "' at 'trainingMode' failed to satisfy constraint: Member must satisfy enum value set: [FULL, UPDATE, AUTOTRAIN]");
        }
        if (mode.equals("AUTOTRAIN")) {
            throw new InvalidInputException("trainingMode AUTOTRAIN is for versions that automatic training creates; to "
                    + "train on a schedule, set performAutoTraining and autoTrainingConfig on the solution, and use FULL "
                    + "or UPDATE here.");
        }
        if (mode.equals("UPDATE")) {
            if (!recipes.forSolution(solution.getRecipeArn()).supportsUpdate()) {
                throw new InvalidInputException("trainingMode UPDATE is only for aws-user-personalization and "
                        + "aws-personalized-ranking solutions (and their -v2); recipe " + solution.getRecipeArn()
                        + " trains FULL.");
            }
            if (latestActive(solution.getArn()).isEmpty()) {
                throw new InvalidInputException("trainingMode UPDATE updates the latest ACTIVE solution version of "
                        + solution.getArn() + ", and it has none; create a FULL version first.");
            }
        }
        long running = em.createQuery("select count(v) from SolutionVersion v where v.solutionArn = :s and v.status in :st",
                        Long.class).setParameter("s", solution.getArn())
                .setParameter("st", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS, Status.CREATE_STOPPING))
                .getSingleResult();
        if (running > 0) {
            throw new ResourceInUseException("Solution " + solution.getArn() + " already has a solution version in training.");
        }
        String arn = solution.getArn() + "/" + HexFormat.of().toHexDigits(random.nextInt());
        Instant now = clock.instant();
        SolutionVersion version = new SolutionVersion(arn, accountId, solution.getArn(), name, mode, Status.CREATE_PENDING, now, now);
        if (automatic) {
            version.automatic(mode.equals("UPDATE") ? latestActive(solution.getArn()).map(SolutionVersion::getArn).orElse(null) : null);
        }
        em.persist(version);
        em.flush();
        requested.fire(new TrainingRequested(accountId, arn));
        return version;
    }

    /** Every version of a solution, oldest first. */
    public List<SolutionVersion> allOf(String solutionArn) {
        return em.createQuery("select v from SolutionVersion v where v.solutionArn = :s order by v.createdAt, v.arn",
                SolutionVersion.class).setParameter("s", solutionArn).getResultList();
    }

    /** The newest ACTIVE version of a solution, which an UPDATE builds on. */
    public Optional<SolutionVersion> latestActive(String solutionArn) {
        return em.createQuery("select v from SolutionVersion v where v.solutionArn = :s and v.status = :a"
                        + " order by v.createdAt desc, v.arn desc", SolutionVersion.class)
                .setParameter("s", solutionArn).setParameter("a", Status.ACTIVE).setMaxResults(1).getResultList()
                .stream().findFirst();
    }

    public SolutionVersion find(String accountId, String arn) {
        SolutionVersion version = em.find(SolutionVersion.class, Arns.require("solutionVersionArn", arn));
        if (version == null || !version.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return version;
    }

    public Page<SolutionVersion> list(String accountId, String solutionArn, PageRequest page) {
        if (solutionArn != null) {
            solutions.find(accountId, solutionArn);
        }
        return Page.of(em.createQuery("select v from SolutionVersion v where v.accountId = :a"
                        + " and (:s is null or v.solutionArn = :s) order by v.createdAt desc, v.arn", SolutionVersion.class)
                .setParameter("a", accountId).setParameter("s", solutionArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    /** The offline metrics of an ACTIVE version, by Personalize's metric names. */
    public Map<String, Double> metrics(String accountId, String arn) {
        SolutionVersion version = find(accountId, arn);
        if (!Status.ACTIVE.equals(version.getStatus()) || version.getMetrics() == null) {
            throw new ResourceInUseException("Solution version " + arn + " is " + version.getStatus()
                    + "; metrics are available once it is ACTIVE.");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(version.getMetrics()))) {
            JsonObject json = reader.readObject();
            for (Map.Entry<String, JsonValue> e : json.entrySet()) {
                out.put(e.getKey(), json.getJsonNumber(e.getKey()).doubleValue());
            }
        }
        return out;
    }

    /** The service's clock's current instant, for progress estimates. */
    public Instant now() {
        return clock.instant();
    }

    // ---- used by the training job ----

    /** The version as the training job sees it, read in a transaction of its own (see DatasetImportService). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SolutionVersion version(String arn) {
        SolutionVersion version = em.find(SolutionVersion.class, arn);
        if (version == null) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return version;
    }

    /**
     * StopSolutionVersionCreation: a pending version stops at once, a training one at its next
     * progress report.
     *
     * @throws ResourceInUseException if the version is not CREATE PENDING or CREATE IN_PROGRESS
     */
    public SolutionVersion stop(String accountId, String arn) {
        SolutionVersion version = find(accountId, arn);
        Instant now = clock.instant();
        switch (version.getStatus()) {
            case Status.CREATE_PENDING -> {
                version.setStatus(Status.CREATE_STOPPED);
                version.setTrainingSeconds(0.0);
            }
            case Status.CREATE_IN_PROGRESS -> version.setStatus(Status.CREATE_STOPPING);
            default -> throw new ResourceInUseException("Solution version " + arn + " is " + version.getStatus()
                    + "; only a version in CREATE PENDING or CREATE IN_PROGRESS can be stopped.");
        }
        version.setUpdatedAt(now);
        return version;
    }

    /**
     * Marks the version CREATE IN_PROGRESS for the job that trains it.
     *
     * @return false if the version was stopped before the job started, and must not be trained
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean started(String arn, long executionId) {
        SolutionVersion version = version(arn);
        if (!Status.CREATE_PENDING.equals(version.getStatus())) {
            return false;
        }
        Instant now = clock.instant();
        version.setExecutionId(executionId);
        version.setStatus(Status.CREATE_IN_PROGRESS);
        version.setStartedAt(now);
        version.setProgressStep("Starting");
        version.setProgressPercent(0.0);
        version.setUpdatedAt(now);
        return true;
    }

    /**
     * Records training progress and tells the trainer whether to go on.
     *
     * @param percent 0 to 100
     * @return the version's status: CREATE STOPPING when a stop was requested
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String progress(String arn, String step, double percent) {
        SolutionVersion version = version(arn);
        if (Status.CREATE_IN_PROGRESS.equals(version.getStatus())) {
            version.setProgressStep(step.length() > 200 ? step.substring(0, 197) + "..." : step);
            version.setProgressPercent(Math.max(0, Math.min(100, percent)));
        }
        return version.getStatus();
    }

    /** Records the outcome of hyperparameter optimisation (JSON object and JSON array). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void tuned(String arn, String tunedHyperParameters, String trials) {
        SolutionVersion version = version(arn);
        version.setTunedHpoParams(tunedHyperParameters);
        version.setHpoTrials(trials);
    }

    /** Ends a run that stopped on request: CREATE STOPPED, with the training time done (billed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void stopped(String arn, double seconds) {
        SolutionVersion version = version(arn);
        if (Status.inProgress(version.getStatus())) {
            version.setStatus(Status.CREATE_STOPPED);
            version.setTrainingSeconds(seconds);
            version.setUpdatedAt(clock.instant());
        }
    }

    /**
     * Stores the model and the metrics and makes the version ACTIVE, in one transaction; a version
     * whose stop was requested after the last progress report ends CREATE STOPPED instead, without
     * its model.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void trained(String arn, byte[] model, Map<String, Double> metrics, double seconds) {
        SolutionVersion version = version(arn);
        if (!Status.CREATE_IN_PROGRESS.equals(version.getStatus())) {
            stopped(arn, seconds);
            return;
        }
        version.setProgressStep("Done");
        version.setProgressPercent(100.0);
        models.save(version.getAccountId(), arn, model);
        JsonObjectBuilder json = Json.createObjectBuilder();
        metrics.forEach((k, v) -> json.add(k, Double.isFinite(v) ? v : 0.0));
        version.setMetrics(json.build().toString());
        version.setTrainingSeconds(seconds);
        version.setStatus(Status.ACTIVE);
        version.setUpdatedAt(clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fail(String arn, String reason) {
        SolutionVersion version = version(arn);
        if (Status.CREATE_STOPPING.equals(version.getStatus())) {
            stopped(arn, version.getStartedAt() == null ? 0
                    : Duration.between(version.getStartedAt(), clock.instant()).toMillis() / 1000.0);
            return;
        }
        version.setStatus(Status.CREATE_FAILED);
        version.setFailureReason(reason == null || reason.isBlank() ? "Training failed."
                : reason.length() > 1900 ? reason.substring(0, 1897) + "..." : reason);
        version.setUpdatedAt(clock.instant());
    }

    public List<String> unfinished() {
        return em.createQuery("select v.arn from SolutionVersion v where v.status in :s", String.class)
                .setParameter("s", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS, Status.CREATE_STOPPING))
                .getResultList();
    }
}
