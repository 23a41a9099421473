package io.tastemaker.domain.solution;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.tuning.DefaultRanges;
import io.tastemaker.engine.tuning.HyperParameterRanges;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.SchemaService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Solutions: a recipe and its configuration over a dataset group. */
@Stateless
public class SolutionService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DatasetGroupService groups;
    @Inject
    RecipeCatalog recipes;
    @Inject
    DatasetService datasets;
    @Inject
    SchemaService schemas;

    /**
     * CreateSolution. {@code performAutoTraining} null means Personalize's default, true: the
     * solution then trains within an hour unless a version is created first, and again on its
     * schedule (see {@code io.tastemaker.domain.autotraining}).
     */
    public Solution create(String accountId, String name, String datasetGroupArn, String recipeArn, String eventType,
                           boolean performHpo, boolean performAutoMl, Boolean performAutoTraining, SolutionSettings config) {
        Names.require("name", name);
        DatasetGroup group = groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        if (performAutoMl) {
            throw new InvalidInputException("performAutoML is deprecated by Personalize and not supported; choose a recipeArn.");
        }
        if (recipeArn == null) {
            throw new InvalidInputException("recipeArn is required.");
        }
        RecipeEntry recipe = recipes.forSolution(recipeArn);
        if (performHpo) {
            config.checkHpo(recipe, hpoRanges(recipe));
            if (config.hpoConfig().algorithmHyperParameterRanges().isEmpty() && hpoRanges(recipe).isEmpty()) {
                throw new InvalidInputException("performHPO needs solutionConfig.hpoConfig.algorithmHyperParameterRanges "
                        + "for recipe " + recipe.name() + ", which has no default ranges.");
            }
        }
        if (eventType != null && (eventType.isEmpty() || eventType.length() > 256)) {
            throw new InvalidInputException("eventType must have between 1 and 256 characters.");
        }
        config.check(recipe);
        if (config.hasEventValueThreshold()) {
            requireEventValueField(accountId, group);
        }
        String arn = arns.of(accountId, ResourceType.SOLUTION, name);
        if (em.find(Solution.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A solution with the name " + name + " already exists.");
        }
        Instant now = clock.instant();
        Solution solution = new Solution(arn, accountId, name, group.getArn(), recipe.recipeArn(), eventType, performHpo,
                config.toJson(), Status.ACTIVE, now, now);
        solution.setAutoTraining(performAutoTraining == null || performAutoTraining,
                config.autoTrainingDays() == null ? SolutionSettings.DEFAULT_AUTO_TRAINING_DAYS : config.autoTrainingDays());
        em.persist(solution);
        em.flush();
        return solution;
    }

    /**
     * UpdateSolution: turns automatic training on or off and changes its schedule; values left
     * null stay as they are.
     */
    public Solution update(String accountId, String arn, Boolean performAutoTraining, Integer autoTrainingDays) {
        Solution solution = find(accountId, arn);
        if (!Status.ACTIVE.equals(solution.getStatus())) {
            throw new ResourceInUseException("Solution " + arn + " is " + solution.getStatus() + "; it can be updated when ACTIVE.");
        }
        solution.setAutoTraining(performAutoTraining == null ? solution.isPerformAutoTraining() : performAutoTraining,
                autoTrainingDays == null ? solution.getAutoTrainingDays() : autoTrainingDays);
        solution.setUpdatedAt(clock.instant());
        return solution;
    }

    /** The ACTIVE solutions that train on a schedule. */
    public List<Solution> autoTrained() {
        return em.createQuery("select s from Solution s where s.performAutoTraining = true and s.status = :st order by s.arn",
                Solution.class).setParameter("st", Status.ACTIVE).getResultList();
    }

    /**
     * The ranges HPO searches by default for a recipe: empty if it has none (the solution must give
     * them), null if HPO does not apply to the recipe (RELATED_ITEMS, or no hyperparameters).
     */
    static HyperParameterRanges hpoRanges(RecipeEntry recipe) {
        if ("RELATED_ITEMS".equals(recipe.recipeType()) || recipe.hyperParameters().isEmpty()) {
            return null;
        }
        return DefaultRanges.forRecipe(recipe.engine().get().name()).orElse(HyperParameterRanges.EMPTY);
    }

    /** A threshold on event values needs an EVENT_VALUE field, or every interaction would be dropped. */
    private void requireEventValueField(String accountId, DatasetGroup group) {
        var interactions = datasets.ofType(group.getArn(), DatasetType.INTERACTIONS);
        if (interactions.isPresent()) {
            var schema = schemas.parsed(schemas.find(accountId, interactions.get().getSchemaArn()));
            if (!schema.hasField("EVENT_VALUE")) {
                throw new InvalidInputException("solutionConfig.eventValueThreshold needs an EVENT_VALUE field in the "
                        + "Interactions schema of dataset group " + group.getName() + "; it has none.");
            }
        }
    }

    public Solution find(String accountId, String arn) {
        Solution solution = em.find(Solution.class, Arns.require("solutionArn", arn));
        if (solution == null || !solution.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return solution;
    }

    public Optional<SolutionVersion> latestVersion(String solutionArn) {
        return em.createQuery("select v from SolutionVersion v where v.solutionArn = :s order by v.createdAt desc, v.arn desc",
                        SolutionVersion.class).setParameter("s", solutionArn).setMaxResults(1).getResultList()
                .stream().findFirst();
    }

    public Page<Solution> list(String accountId, String datasetGroupArn, PageRequest page) {
        if (datasetGroupArn != null) {
            groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        }
        return Page.of(em.createQuery("select s from Solution s where s.accountId = :a and (:g is null or s.datasetGroupArn = :g)"
                        + " order by s.createdAt desc, s.arn", Solution.class)
                .setParameter("a", accountId).setParameter("g", datasetGroupArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        Solution solution = find(accountId, arn);
        long campaigns = em.createQuery("select count(c) from Campaign c, SolutionVersion v where c.solutionVersionArn = v.arn"
                + " and v.solutionArn = :s", Long.class).setParameter("s", arn).getSingleResult();
        if (campaigns > 0) {
            throw new ResourceInUseException("Solution " + arn + " has " + campaigns + " campaign(s); delete them first.");
        }
        long running = em.createQuery("select count(v) from SolutionVersion v where v.solutionArn = :s and v.status in :st",
                        Long.class).setParameter("s", arn)
                .setParameter("st", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS, Status.CREATE_STOPPING))
                .getSingleResult();
        if (running > 0) {
            throw new ResourceInUseException("Solution " + arn + " has a solution version in training; wait or stop it first.");
        }
        em.createQuery("delete from SolutionVersion v where v.solutionArn = :s").setParameter("s", arn).executeUpdate();
        em.remove(solution);
    }
}
