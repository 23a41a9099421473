package io.tastemaker.web.console;

import io.tastemaker.security.iam.AccessKey;
import io.tastemaker.security.iam.IamService;
import java.io.Serializable;

/** An access key as the console lists it: id, status, created and last used. Never its secret. */
public final class AccessKeyRow implements Serializable {

    private static final long serialVersionUID = 1L;
    /** What the Last used column says of a key that has signed no request yet. */
    static final String NEVER = "Never";

    private final String accessKeyId;
    private final String status;
    private final String created;
    private final String lastUsed;

    AccessKeyRow(String accessKeyId, String status, String created, String lastUsed) {
        this.accessKeyId = accessKeyId;
        this.status = status;
        this.created = created;
        this.lastUsed = lastUsed;
    }

    /**
     * @param showLastUsed whether the person may see when the key was last used
     *                     ({@code iam:GetAccessKeyLastUsed}); if not, the column stays empty
     */
    static AccessKeyRow of(AccessKey key, boolean showLastUsed) {
        String lastUsed = !showLastUsed ? "" : key.getLastUsedAt() == null ? NEVER : ConsoleFormat.time(key.getLastUsedAt());
        return new AccessKeyRow(key.getAccessKeyId(), key.getStatus(), ConsoleFormat.time(key.getCreatedAt()), lastUsed);
    }

    public String getAccessKeyId() {
        return accessKeyId;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return IamService.ACTIVE.equals(status);
    }

    /** The badge style of the status: {@code active} or {@code none}. */
    public String getStatusStyle() {
        return isActive() ? "active" : "none";
    }

    public String getCreated() {
        return created;
    }

    public String getLastUsed() {
        return lastUsed;
    }
}
