package io.tastemaker.domain.common;

/** The kinds of Personalize resources Tastemaker serves, with the ARN resource segment of each. */
public enum ResourceType {
    DATASET_GROUP("dataset-group"),
    SCHEMA("schema"),
    DATASET("dataset"),
    DATASET_IMPORT_JOB("dataset-import-job"),
    EVENT_TRACKER("event-tracker"),
    SOLUTION("solution"),
    CAMPAIGN("campaign"),
    FILTER("filter"),
    RECIPE("recipe");

    private final String arnSegment;

    ResourceType(String arnSegment) {
        this.arnSegment = arnSegment;
    }

    public String arnSegment() {
        return arnSegment;
    }
}
