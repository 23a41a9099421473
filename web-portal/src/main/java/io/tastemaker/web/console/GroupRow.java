package io.tastemaker.web.console;

import io.tastemaker.domain.datasetgroup.DatasetGroup;
import java.io.Serializable;

/** A dataset group as the console shows it. */
public final class GroupRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String status;
    private final String created;
    private final String failureReason;

    GroupRow(String name, String arn, String status, String created, String failureReason) {
        this.name = name;
        this.arn = arn;
        this.status = status;
        this.created = created;
        this.failureReason = failureReason;
    }

    static GroupRow of(DatasetGroup group) {
        return new GroupRow(group.getName(), group.getArn(), group.getStatus(), ConsoleFormat.time(group.getCreatedAt()),
                group.getFailureReason());
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getStatus() {
        return status;
    }

    public String getCreated() {
        return created;
    }

    public String getFailureReason() {
        return failureReason;
    }
}
