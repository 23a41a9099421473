package io.tastemaker.web.api;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.ResourceType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The resource a Personalize operation acts on, for IAM policies, as Personalize's
 * authorisation reference defines it: a Create operation acts on the ARN the new resource will
 * have (CreateSolutionVersion on its solution), List operations on {@code *}, and every other
 * operation on the resource its request names, e.g. DescribeCampaign on {@code campaignArn}.
 */
@ApplicationScoped
public class PersonalizeResources {

    /** Create operations: the type of the new resource and the request member holding its name. */
    private static final Map<String, Created> CREATED = Map.of(
            "CreateDatasetGroup", new Created(ResourceType.DATASET_GROUP, "name"),
            "CreateSchema", new Created(ResourceType.SCHEMA, "name"),
            "CreateDataset", new Created(ResourceType.DATASET, "name"),
            "CreateDatasetImportJob", new Created(ResourceType.DATASET_IMPORT_JOB, "jobName"),
            "CreateEventTracker", new Created(ResourceType.EVENT_TRACKER, "name"),
            "CreateSolution", new Created(ResourceType.SOLUTION, "name"),
            "CreateCampaign", new Created(ResourceType.CAMPAIGN, "name"),
            "CreateFilter", new Created(ResourceType.FILTER, "name"));

    /** When the operation's noun names no member, the first of these that the request holds. */
    private static final List<String> PRIMARY_MEMBERS = List.of("solutionVersionArn", "campaignArn", "solutionArn",
            "filterArn", "eventTrackerArn", "datasetImportJobArn", "datasetArn", "schemaArn", "datasetGroupArn",
            "recipeArn", "resourceArn");
    private static final List<String> VERBS = List.of("Describe", "Delete", "Update", "Stop", "Get", "Start", "Tag", "Untag");

    @Inject
    Arns arns;

    /** The resources of operation {@code name} (e.g. {@code CreateCampaign}) made by {@code accountId}. */
    public List<String> of(String accountId, String name, JsonIn request) {
        if (name.startsWith("List")) {
            return List.of("*");
        }
        Created created = CREATED.get(name);
        if (created != null) {
            String resourceName = request.string(created.nameMember());
            return List.of(arns.of(accountId, created.type(), resourceName == null ? "*" : resourceName));
        }
        String named = request.string(nounMember(name));
        if (named != null) {
            return List.of(named);
        }
        for (String member : PRIMARY_MEMBERS) {
            String arn = request.string(member);
            if (arn != null) {
                return List.of(arn);
            }
        }
        return List.of("*");
    }

    /** DescribeDatasetGroup → datasetGroupArn. */
    private static String nounMember(String name) {
        for (String verb : VERBS) {
            if (name.startsWith(verb) && name.length() > verb.length()) {
                String noun = name.substring(verb.length());
                return noun.substring(0, 1).toLowerCase(Locale.ROOT) + noun.substring(1) + "Arn";
            }
        }
        return "-";
    }

    private record Created(ResourceType type, String nameMember) {
    }
}
