package io.tastemaker.domain.solution;

import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.evaluation.PersonalizeHoldout;
import io.tastemaker.engine.evaluation.SolutionEvaluator;
import io.tastemaker.engine.recipe.Recipe;
import io.tastemaker.engine.recipe.TrainedModel;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.recipe.TrainingData;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.TrainingStoppedException;
import io.tastemaker.engine.recipe.ModelCodec;
import io.tastemaker.engine.recipe.UserPersonalizationModel;
import io.tastemaker.engine.recipe.UserPersonalizationRecipe;
import io.tastemaker.engine.tuning.DefaultRanges;
import io.tastemaker.engine.tuning.HpoConfig;
import io.tastemaker.engine.tuning.HpoResult;
import io.tastemaker.engine.tuning.HyperparameterSearch;
import io.tastemaker.engine.tuning.Trial;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Trains a solution version: reads the dataset group's published data, measures the recipe with
 * Personalize's offline protocol (hold out 10% of users; their newest 10% of interactions are the
 * truth), trains the final model on all the data and stores it.
 *
 * <p>Progress, as the solution version shows it: reading the data 0–5%, the evaluation model
 * 5–50%, the final model 50–100% (the two models train on nearly the same data, so they cost
 * about the same); with {@code performHPO}, the search 5–60%, then the evaluation and the final
 * model 20% each. StopSolutionVersionCreation takes effect at the recipe's next progress report.
 *
 * <p>The seed is derived from the solution's ARN ({@link #seedOf}), so every version of a solution
 * trained on the same data is the same model, with the same metrics; a version is reproducible from its
 * data snapshot and configuration.
 */
@Stateless
public class TrainingService {

    @Inject
    SolutionVersionService versions;
    @Inject
    SolutionService solutions;
    @Inject
    TrainingDataReader reader;
    @Inject
    RecipeCatalog recipes;
    @Inject
    ModelStore models;

    /**
     * Trains and stores; throws with a message a person can act on when the data does not allow it.
     * A run stopped by StopSolutionVersionCreation ends CREATE STOPPED and stores nothing.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void train(String solutionVersionArn) {
        long start = System.nanoTime();
        TrainingMonitor monitor = new ProgressReporter(versions, solutionVersionArn);
        try {
            monitor.progress("Reading the dataset group's data", 0);
            SolutionVersion version = versions.version(solutionVersionArn);
            Solution solution = solutions.find(version.getAccountId(), version.getSolutionArn());
            TrainingData data = reader.read(version.getAccountId(), solution.getDatasetGroupArn());
            InteractionLog log = data.interactions();
            RecipeEntry entry = recipes.forSolution(solution.getRecipeArn());
            SolutionSettings settings = SolutionSettings.parse(solution.getSolutionConfig());
            TrainingConfig config = settings.trainingConfig(solution.getEventType(), seedOf(solution.getArn()));
            boolean evaluable = config.select(log).size() > 0;
            if (!evaluable && entry.needsInteractions()) {
                throw new IllegalStateException("No interactions to train on: the Interactions dataset has " + log.size()
                        + " interactions with a user id, and none of them match the solution's eventType"
                        + (solution.getEventType() == null ? "" : " '" + solution.getEventType() + "'")
                        + " and eventValueThreshold. Import interactions or change the solution.");
            }
            Recipe recipe = entry.engine().get();
            if ("UPDATE".equals(version.getTrainingMode())) {
                update(solutionVersionArn, solution, (UserPersonalizationRecipe) recipe, data, config, monitor, start);
                return;
            }
            double evaluationStart = 0.05;
            if (solution.isPerformHpo() && evaluable) {
                config = tune(solutionVersionArn, recipe, data, config, settings.hpoConfig(), monitor.part(0.05, 0.6, "HPO"));
                evaluationStart = 0.6;
            }
            double finalStart = evaluationStart + (1 - evaluationStart) / 2;
            // A recipe that learns from the Items dataset alone trains without interactions, and then has
            // no held-out users to be measured on.
            Map<String, Double> metrics = Map.of();
            if (evaluable) {
                try {
                    metrics = SolutionEvaluator.evaluate(recipe, data, config,
                            monitor.part(evaluationStart, finalStart, "Evaluation model"));
                } catch (IllegalArgumentException e) {
                    if (entry.needsInteractions()) {
                        throw e;
                    }
                }
            }
            TrainedModel model = recipe.train(data, config, monitor.part(finalStart, 1, "Final model"));
            ByteArrayOutputStream artifact = new ByteArrayOutputStream();
            try {
                model.writeTo(artifact);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the model: " + e.getMessage(), e);
            }
            versions.trained(solutionVersionArn, artifact.toByteArray(), metrics, (System.nanoTime() - start) / 1e9);
        } catch (TrainingStoppedException e) {
            versions.stopped(solutionVersionArn, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * trainingMode UPDATE: folds the current data into the solution's latest ACTIVE model (new
     * users, new items, changed histories) without the expensive part of training (see the
     * engine's {@code UserPersonalizationRecipe.update}). No new evaluation runs: the version
     * reports the metrics of the version it updates.
     */
    private void update(String solutionVersionArn, Solution solution, UserPersonalizationRecipe recipe, TrainingData data,
            TrainingConfig config, TrainingMonitor monitor, long start) {
        SolutionVersion previous = versions.latestActive(solution.getArn()).orElseThrow(() -> new IllegalStateException(
                "Solution " + solution.getArn() + " has no ACTIVE version to update; create a FULL version."));
        monitor.progress("Reading the model of " + previous.getArn(), 0.05);
        TrainedModel previousModel;
        try {
            previousModel = ModelCodec.read(new ByteArrayInputStream(models.load(previous.getArn()).orElseThrow(() ->
                    new IllegalStateException("The model of " + previous.getArn() + " is missing from the database."))));
        } catch (IOException e) {
            throw new UncheckedIOException("The model of " + previous.getArn() + " cannot be read: " + e.getMessage(), e);
        }
        if (!(previousModel instanceof UserPersonalizationModel model)) {
            throw new IllegalStateException("The model of " + previous.getArn() + " cannot be updated.");
        }
        TrainedModel updated = recipe.update(model, data, config, monitor.part(0.1, 1, "Update"));
        ByteArrayOutputStream artifact = new ByteArrayOutputStream();
        try {
            updated.writeTo(artifact);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the model: " + e.getMessage(), e);
        }
        Map<String, Double> metrics = previous.getMetrics() == null ? Map.of()
                : versions.metrics(previous.getAccountId(), previous.getArn());
        versions.trained(solutionVersionArn, artifact.toByteArray(), metrics, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The seed of every training run of a solution: the first 8 bytes of the SHA-256 of its ARN,
     * stable across JVMs and releases (unlike {@link String#hashCode()}, whose 32 bits would also
     * make collisions likely).
     */
    static long seedOf(String solutionArn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(solutionArn.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Hyperparameter optimisation: searches on the training part of the evaluation split (the
     * search carves its validation users from it), so neither the evaluation's held-out truth nor
     * anything derived from it chooses the hyperparameters. Records the tuned values and the trials
     * on the version, and returns the configuration with the tuned values.
     */
    private TrainingConfig tune(String solutionVersionArn, Recipe recipe, TrainingData data, TrainingConfig config,
            HpoConfig hpoConfig, TrainingMonitor monitor) {
        PersonalizeHoldout.Split split = PersonalizeHoldout.split(config.select(data.interactions()), config.seed());
        TrainingData tuningData = data.withInteractions(split.train());
        if (recipe instanceof UserPersonalizationRecipe && hpoConfig.algorithmHyperParameterRanges().isEmpty()) {
            // aws-user-personalization's default ranges are those of the algorithm it chooses for this
            // data; the choice is fixed for the trials, so that every trial tunes the same algorithm.
            UserPersonalizationRecipe.Choice choice = UserPersonalizationRecipe.choose(tuningData.interactions(), config);
            Map<String, String> fixed = new HashMap<>(config.hyperParameters());
            fixed.put(UserPersonalizationRecipe.ALGORITHM, choice.algorithm().value());
            config = new TrainingConfig(config.eventType(), config.eventValueThreshold(), fixed, config.seed());
            hpoConfig = new HpoConfig(hpoConfig.hpoObjective(), hpoConfig.hpoResourceConfig(),
                    choice.algorithm() == UserPersonalizationRecipe.Algorithm.IALS ? DefaultRanges.ials()
                            : DefaultRanges.ease());
        }
        HpoResult result = HyperparameterSearch.run(recipe, tuningData, config, hpoConfig, monitor);
        JsonObjectBuilder tuned = Json.createObjectBuilder();
        result.tunedHyperParameters().forEach(tuned::add);
        JsonArrayBuilder trials = Json.createArrayBuilder();
        for (Trial trial : result.trials()) {
            JsonObjectBuilder parameters = Json.createObjectBuilder();
            trial.parameters().forEach(parameters::add);
            JsonObjectBuilder out = Json.createObjectBuilder().add("number", trial.number()).add("parameters", parameters)
                    .add("best", trial.number() == result.bestTrialNumber());
            if (trial.succeeded()) {
                out.add("objective", trial.objectiveValue());
            } else {
                out.add("failureReason", trial.failureReason());
            }
            trials.add(out);
        }
        versions.tuned(solutionVersionArn, tuned.build().toString(), Json.createObjectBuilder()
                .add("metricName", result.objective().metricName())
                .add("type", result.objective().type().wireName())
                .add("trials", trials).build().toString());
        return new TrainingConfig(config.eventType(), config.eventValueThreshold(), result.tunedHyperParameters(),
                config.seed());
    }
}
