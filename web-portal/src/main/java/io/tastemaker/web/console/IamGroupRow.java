package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamGroup;
import java.io.Serializable;

/** An IAM group as the console shows it. */
public final class IamGroupRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String groupId;
    private final String created;

    IamGroupRow(String name, String arn, String groupId, String created) {
        this.name = name;
        this.arn = arn;
        this.groupId = groupId;
        this.created = created;
    }

    static IamGroupRow of(IamGroup group, String arn) {
        return new IamGroupRow(group.getGroupName(), arn, group.getGroupId(), ConsoleFormat.time(group.getCreatedAt()));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getGroupId() {
        return groupId;
    }

    public String getCreated() {
        return created;
    }
}
