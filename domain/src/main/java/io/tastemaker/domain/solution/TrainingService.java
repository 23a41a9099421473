package io.tastemaker.domain.solution;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.SolutionEvaluator;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Trains a solution version: reads the dataset group's published interactions, measures the
 * recipe with Personalize's offline protocol (hold out 10% of users; their newest 10% of
 * interactions are the truth), trains the final model on all the data and stores it.
 *
 * <p>The seed is derived from the solution version's ARN, so a version is reproducible from its
 * data snapshot and configuration.
 */
@Stateless
public class TrainingService {

    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;
    @Inject
    DatasetService datasets;
    @Inject
    DatasetRows rows;
    @Inject
    RecipeCatalog recipes;

    /** Trains and stores; throws with a message a person can act on when the data does not allow it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void train(String solutionVersionArn) {
        long start = System.nanoTime();
        SolutionVersion version = versions.version(solutionVersionArn);
        Solution solution = solutions.find(version.getAccountId(), version.getSolutionArn());
        Dataset interactions = datasets.ofType(solution.getDatasetGroupArn(), DatasetType.INTERACTIONS)
                .orElseThrow(() -> new IllegalStateException("The dataset group has no Interactions dataset; "
                        + "create one and import interactions before training."));
        InteractionLog.Builder builder = InteractionLog.builder();
        rows.forEachInteraction(interactions.getArn(), r -> {
            if (!r.userId().isEmpty()) {
                builder.add(r.userId(), r.itemId(), r.timestamp(), r.eventType(),
                        r.eventValue() == null ? Float.NaN : r.eventValue());
            }
        });
        InteractionLog log = builder.build();
        RecipeEntry entry = recipes.forSolution(solution.getRecipeArn());
        TrainingConfig config = SolutionSettings.parse(solution.getSolutionConfig())
                .trainingConfig(solution.getEventType(), solutionVersionArn.hashCode());
        if (config.select(log).size() == 0) {
            throw new IllegalStateException("No interactions to train on: the Interactions dataset has " + log.size()
                    + " interactions with a user id, and none of them match the solution's eventType"
                    + (solution.getEventType() == null ? "" : " '" + solution.getEventType() + "'")
                    + " and eventValueThreshold. Import interactions or change the solution.");
        }
        Recipe recipe = entry.engine().get();
        Map<String, Double> metrics = SolutionEvaluator.evaluate(recipe, log, config);
        TrainedModel model = recipe.train(log, config);
        ByteArrayOutputStream artifact = new ByteArrayOutputStream();
        try {
            model.writeTo(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the model: " + e.getMessage(), e);
        }
        versions.trained(solutionVersionArn, artifact.toByteArray(), metrics, (System.nanoTime() - start) / 1e9);
    }
}
