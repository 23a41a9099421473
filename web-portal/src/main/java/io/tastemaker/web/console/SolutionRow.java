package io.tastemaker.web.console;

import io.tastemaker.domain.solution.Solution;
import java.io.Serializable;
import java.util.List;

/** A solution with its recipe and its versions, newest first. */
public final class SolutionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String recipe;
    private final String eventType;
    private final String status;
    private final String created;
    private final List<VersionRow> versions;

    SolutionRow(String name, String arn, String recipe, String eventType, String status, String created, List<VersionRow> versions) {
        this.name = name;
        this.arn = arn;
        this.recipe = recipe;
        this.eventType = eventType;
        this.status = status;
        this.created = created;
        this.versions = versions;
    }

    static SolutionRow of(Solution solution, List<VersionRow> versions) {
        return new SolutionRow(solution.getName(), solution.getArn(), ConsoleFormat.lastSegment(solution.getRecipeArn()),
                solution.getEventType(), solution.getStatus(), ConsoleFormat.time(solution.getCreatedAt()), List.copyOf(versions));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getRecipe() {
        return recipe;
    }

    public String getEventType() {
        return eventType;
    }

    public String getStatus() {
        return status;
    }

    public String getCreated() {
        return created;
    }

    public List<VersionRow> getVersions() {
        return versions;
    }
}
