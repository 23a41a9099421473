package io.tastemaker.domain.autotraining;

import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.error.PersonalizeException;
import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs automatic training and automatic updates: every {@code tastemaker.auto.training.check.interval}
 * (default {@code PT1M}) it asks {@link AutoTrainingSchedule} about each solution that trains on a
 * schedule or serves a campaign, and creates the versions it calls for (trainingType AUTOMATIC),
 * which train as JSR-352 jobs like any other version. Campaigns move to them as
 * {@link CampaignService#followNewVersion} decides.
 *
 * <p>Configuration (ISO-8601 durations): {@code tastemaker.auto.training.first.delay} (default
 * {@code PT1H}, Personalize's), {@code tastemaker.auto.update.interval} (default {@code PT2H},
 * Personalize's), {@code tastemaker.auto.training.check.interval} (default {@code PT1M}). Each
 * check runs without a transaction of its own, so that one solution's failure does not undo
 * another's version.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AutoTraining {

    private static final Logger LOG = Logger.getLogger(AutoTraining.class.getName());

    @Resource
    TimerService timers;
    @Inject
    Clock clock;
    @Inject
    SolutionService solutions;
    @Inject
    SolutionVersionService versions;
    @Inject
    CampaignService campaigns;
    @Inject
    DatasetService datasets;
    @Inject
    RecipeCatalog recipes;
    @Inject
    @ConfigProperty(name = "tastemaker.auto.training.check.interval", defaultValue = "PT1M")
    String checkInterval;
    @Inject
    @ConfigProperty(name = "tastemaker.auto.training.first.delay", defaultValue = "PT1H")
    String firstDelay;
    @Inject
    @ConfigProperty(name = "tastemaker.auto.update.interval", defaultValue = "PT2H")
    String updateInterval;

    private AutoTrainingSchedule.Timing timing;

    @PostConstruct
    void start() {
        Duration check = duration("tastemaker.auto.training.check.interval", checkInterval);
        timing = new AutoTrainingSchedule.Timing(duration("tastemaker.auto.training.first.delay", firstDelay),
                duration("tastemaker.auto.update.interval", updateInterval));
        timers.createIntervalTimer(check.toMillis(), check.toMillis(), new TimerConfig("auto-training", false));
        LOG.info(() -> "Automatic training checks every " + check + "; first training " + timing.firstDelay()
                + " after a solution is created, automatic updates every " + timing.updateInterval() + ".");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void onTimer() {
        check();
    }

    /** One check of every candidate solution; returns the versions created, by solution ARN. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Map<String, String> check() {
        Instant now = clock.instant();
        Set<String> deployed = campaigns.deployedVersions();
        Map<String, Solution> candidates = new LinkedHashMap<>();
        solutions.autoTrained().forEach(s -> candidates.put(s.getArn(), s));
        for (String versionArn : deployed) {
            SolutionVersion version = versions.version(versionArn);
            if (version != null && !candidates.containsKey(version.getSolutionArn())) {
                candidates.put(version.getSolutionArn(), solutions.find(version.getAccountId(), version.getSolutionArn()));
            }
        }
        Map<String, String> created = new LinkedHashMap<>();
        for (Solution solution : candidates.values()) {
            try {
                AutoTrainingSchedule.Action action = AutoTrainingSchedule.decide(facts(solution, deployed), now, timing);
                if (action != AutoTrainingSchedule.Action.NONE) {
                    SolutionVersion version = versions.createAutomatic(solution.getAccountId(), solution.getArn(), action.name());
                    created.put(solution.getArn(), version.getArn());
                    LOG.info(() -> "Automatic " + action + " training of " + solution.getArn() + ": " + version.getArn());
                }
            } catch (PersonalizeException e) {
                LOG.info(() -> "Automatic training of " + solution.getArn() + " skipped: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Automatic training of " + solution.getArn() + " failed", e);
            }
        }
        return created;
    }

    private AutoTrainingSchedule.Facts facts(Solution solution, Set<String> deployed) {
        List<SolutionVersion> all = versions.allOf(solution.getArn());
        List<AutoTrainingSchedule.Version> list = new ArrayList<>();
        all.forEach(v -> list.add(new AutoTrainingSchedule.Version(v.getCreatedAt(), v.getStatus(), v.getTrainingMode(),
                v.getTrainingType())));
        Optional<SolutionVersion> latestActive = all.stream().filter(v -> "ACTIVE".equals(v.getStatus()))
                .max(Comparator.comparing(SolutionVersion::getCreatedAt));
        boolean latestDeployed = latestActive.map(v -> deployed.contains(v.getArn())).orElse(false);
        Instant interactions = changedAt(solution, DatasetType.INTERACTIONS);
        Instant any = List.of(DatasetType.values()).stream().map(t -> changedAt(solution, t)).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new AutoTrainingSchedule.Facts(solution.getCreatedAt(), solution.isPerformAutoTraining(),
                solution.getAutoTrainingDays(), recipes.forSolution(solution.getRecipeArn()).supportsUpdate(), latestDeployed,
                list, interactions, any);
    }

    private Instant changedAt(Solution solution, DatasetType type) {
        return datasets.ofType(solution.getDatasetGroupArn(), type).map(Dataset::getDataChangedAt).orElse(null);
    }

    private static Duration duration(String key, String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("not positive");
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT1H, not '" + text + "'.", e);
        }
    }
}
