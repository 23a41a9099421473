package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamUser;
import java.io.Serializable;

/** An IAM user as the console shows it: never its password, only whether it has one. */
public final class IamUserRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String userId;
    private final String created;
    private final boolean password;

    IamUserRow(String name, String arn, String userId, String created, boolean password) {
        this.name = name;
        this.arn = arn;
        this.userId = userId;
        this.created = created;
        this.password = password;
    }

    static IamUserRow of(IamUser user, String arn) {
        return new IamUserRow(user.getUserName(), arn, user.getUserId(), ConsoleFormat.time(user.getCreatedAt()),
                user.getPasswordHash() != null);
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getUserId() {
        return userId;
    }

    public String getCreated() {
        return created;
    }

    /** Whether the user has a console password (IAM's login profile). */
    public boolean isPassword() {
        return password;
    }
}
