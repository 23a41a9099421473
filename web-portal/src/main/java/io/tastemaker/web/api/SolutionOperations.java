package io.tastemaker.web.api;

import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeCatalog;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionSettings;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.domain.solution.TrainingProgress;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** Recipes, solutions, solution versions and their metrics over JSON 1.1. */
@ApplicationScoped
public class SolutionOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    RecipeCatalog recipes;
    @Inject
    SolutionService solutions;
    @Inject
    SolutionVersionService versions;

    @Override
    public Map<String, Operation> operations() {
        return Map.ofEntries(
                Map.entry("ListRecipes", r -> {
                    PageRequest page = PageRequest.of("ListRecipes", r.string("nextToken"), r.integer("maxResults"));
                    r.enumValue("recipeProvider", "SERVICE");
                    if (r.enumValue("domain", "ECOMMERCE", "VIDEO_ON_DEMAND") != null) {
                        return JsonOut.object().list("recipes", List.<RecipeEntry>of(), e -> JsonOut.object());
                    }
                    List<RecipeEntry> all = recipes.all();
                    List<RecipeEntry> slice = all.subList(Math.min(page.offset(), all.size()),
                            Math.min(page.offset() + page.maxResults(), all.size()));
                    return JsonOut.object().list("recipes", slice, e -> JsonOut.object().put("name", e.name())
                                    .put("recipeArn", e.recipeArn()).put("status", "ACTIVE")
                                    .put("creationDateTime", e.creationDateTime()).put("lastUpdatedDateTime", e.creationDateTime()))
                            .put("nextToken", page.offset() + page.maxResults() < all.size() ? page.nextToken() : null);
                }),
                Map.entry("DescribeRecipe", r -> {
                    RecipeEntry e = recipes.describe(r.requiredString("recipeArn"));
                    return JsonOut.object().put("recipe", JsonOut.object().put("name", e.name()).put("recipeArn", e.recipeArn())
                            .put("algorithmArn", e.algorithmArn()).put("status", "ACTIVE").put("description", e.description())
                            .put("creationDateTime", e.creationDateTime()).put("recipeType", e.recipeType())
                            .put("lastUpdatedDateTime", e.creationDateTime()));
                }),
                Map.entry("CreateSolution", r -> {
                    JsonIn config = r.object("solutionConfig");
                    return JsonOut.object().put("solutionArn", solutions.create(caller.accountId(), r.requiredString("name"),
                            r.requiredString("datasetGroupArn"), r.string("recipeArn"), r.string("eventType"),
                            r.bool("performHPO"), r.bool("performAutoML"), optionalBool(r, "performAutoTraining"),
                            SolutionSettings.parse(config == null ? null : config.raw().toString())).getArn());
                }),
                Map.entry("UpdateSolution", r -> {
                    JsonIn update = r.object("solutionUpdateConfig");
                    Integer days = null;
                    if (update != null) {
                        for (String member : update.raw().keySet()) {
                            if (!"autoTrainingConfig".equals(member) && !update.raw().isNull(member)) {
                                throw new InvalidInputException("solutionUpdateConfig." + member + " is not supported by this "
                                        + "server yet; supported: autoTrainingConfig.");
                            }
                        }
                        days = SolutionSettings.autoTrainingDays(update.raw().get("autoTrainingConfig"));
                    }
                    if (r.raw().containsKey("performIncrementalUpdate") && !r.raw().isNull("performIncrementalUpdate")) {
                        throw new InvalidInputException("performIncrementalUpdate is not supported by this server yet.");
                    }
                    return JsonOut.object().put("solutionArn", solutions.update(caller.accountId(), r.requiredString("solutionArn"),
                            optionalBool(r, "performAutoTraining"), days).getArn());
                }),
                Map.entry("DescribeSolution", r -> JsonOut.object().put("solution",
                        solution(solutions.find(caller.accountId(), r.requiredString("solutionArn"))))),
                Map.entry("ListSolutions", r -> {
                    var page = solutions.list(caller.accountId(), r.string("datasetGroupArn"),
                            PageRequest.of("ListSolutions" + r.string("datasetGroupArn"), r.string("nextToken"),
                                    r.integer("maxResults")));
                    return JsonOut.object().list("solutions", page.items(), s -> JsonOut.object()
                            .put("name", s.getName()).put("solutionArn", s.getArn()).put("status", s.getStatus())
                            .put("creationDateTime", s.getCreatedAt()).put("lastUpdatedDateTime", s.getUpdatedAt())
                            .put("recipeArn", s.getRecipeArn()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("DeleteSolution", r -> {
                    solutions.delete(caller.accountId(), r.requiredString("solutionArn"));
                    return JsonOut.object();
                }),
                Map.entry("CreateSolutionVersion", r -> JsonOut.object().put("solutionVersionArn",
                        versions.create(caller.accountId(), r.requiredString("solutionArn"), r.string("name"),
                                r.string("trainingMode")).getArn())),
                Map.entry("DescribeSolutionVersion", r -> {
                    SolutionVersion v = versions.find(caller.accountId(), r.requiredString("solutionVersionArn"));
                    Solution s = solutions.find(caller.accountId(), v.getSolutionArn());
                    return JsonOut.object().put("solutionVersion", JsonOut.object().put("name", v.getName())
                            .put("solutionVersionArn", v.getArn()).put("solutionArn", s.getArn())
                            .put("performHPO", s.isPerformHpo()).put("recipeArn", s.getRecipeArn())
                            .put("eventType", s.getEventType()).put("datasetGroupArn", s.getDatasetGroupArn())
                            .putJson("solutionConfig", s.getSolutionConfig())
                            .put("trainingHours", v.getTrainingSeconds() == null ? null : v.getTrainingSeconds() / 3600.0)
                            .put("trainingMode", v.getTrainingMode()).put("status", v.getStatus())
                            .put("failureReason", v.getFailureReason()).put("trainingType", v.getTrainingType())
                            .put("creationDateTime", v.getCreatedAt()).put("lastUpdatedDateTime", v.getUpdatedAt())
                            .put("tunedHPOParams", v.getTunedHpoParams() == null ? null : JsonOut.object()
                                    .putJson("algorithmHyperParameters", v.getTunedHpoParams()))
                            .put("trainingProgress", progress(v)));
                }),
                Map.entry("ListSolutionVersions", r -> {
                    var page = versions.list(caller.accountId(), r.string("solutionArn"),
                            PageRequest.of("ListSolutionVersions" + r.string("solutionArn"), r.string("nextToken"),
                                    r.integer("maxResults")));
                    return JsonOut.object().list("solutionVersions", page.items(), SolutionOperations::versionSummary)
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("GetSolutionMetrics", r -> {
                    String arn = r.requiredString("solutionVersionArn");
                    JsonObjectBuilder metrics = Json.createObjectBuilder();
                    versions.metrics(caller.accountId(), arn).forEach(metrics::add);
                    return JsonOut.object().put("solutionVersionArn", arn).putJson("metrics", metrics.build().toString());
                }),
                Map.entry("StopSolutionVersionCreation", r -> {
                    versions.stop(caller.accountId(), r.requiredString("solutionVersionArn"));
                    return JsonOut.object();
                }));
    }

    private JsonOut solution(Solution s) {
        JsonOut out = JsonOut.object().put("name", s.getName()).put("solutionArn", s.getArn())
                .put("performHPO", s.isPerformHpo()).put("performAutoML", false)
                .put("performAutoTraining", s.isPerformAutoTraining())
                .put("recipeArn", s.getRecipeArn()).put("datasetGroupArn", s.getDatasetGroupArn())
                .put("eventType", s.getEventType()).putJson("solutionConfig", solutionConfig(s))
                .put("status", s.getStatus()).put("creationDateTime", s.getCreatedAt())
                .put("lastUpdatedDateTime", s.getUpdatedAt());
        solutions.latestVersion(s.getArn()).ifPresent(v -> out.put("latestSolutionVersion", versionSummary(v)));
        return out;
    }

    /** The stored solutionConfig with the current schedule of automatic training (UpdateSolution may change it). */
    private static String solutionConfig(Solution s) {
        JsonObjectBuilder config = Json.createObjectBuilder();
        if (s.getSolutionConfig() != null && !s.getSolutionConfig().isBlank()) {
            try (var reader = Json.createReader(new java.io.StringReader(s.getSolutionConfig()))) {
                reader.readObject().forEach(config::add);
            }
        }
        config.add("autoTrainingConfig", Json.createObjectBuilder()
                .add("schedulingExpression", "rate(" + s.getAutoTrainingDays() + " days)"));
        return config.build().toString();
    }

    /** A boolean member that may be absent (null), unlike {@link JsonIn#bool}. */
    private static Boolean optionalBool(JsonIn r, String member) {
        return r.raw().containsKey(member) && !r.raw().isNull(member) ? r.bool(member) : null;
    }

    /**
     * Tastemaker's extension of DescribeSolutionVersion (SDKs ignore members they do not know):
     * the current step, percent done and an estimate of the seconds left, while training runs.
     */
    private JsonOut progress(SolutionVersion v) {
        TrainingProgress p = TrainingProgress.of(v, versions.now());
        if (p == null) {
            return null;
        }
        return JsonOut.object().put("step", p.step()).put("percentComplete", p.percentComplete())
                .put("estimatedSecondsRemaining", p.estimatedSecondsRemaining());
    }

    private static JsonOut versionSummary(SolutionVersion v) {
        return JsonOut.object().put("solutionVersionArn", v.getArn()).put("status", v.getStatus())
                .put("trainingMode", v.getTrainingMode()).put("trainingType", v.getTrainingType())
                .put("creationDateTime", v.getCreatedAt()).put("lastUpdatedDateTime", v.getUpdatedAt())
                .put("failureReason", v.getFailureReason());
    }
}
