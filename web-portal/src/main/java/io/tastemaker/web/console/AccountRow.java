package io.tastemaker.web.console;

import io.tastemaker.security.iam.Account;
import io.tastemaker.security.iam.IamService;
import java.io.Serializable;

/** An account as the operator's Accounts page lists it, with what may be done to it. */
public final class AccountRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountId;
    private final String name;
    private final String status;
    private final boolean operator;
    private final String created;

    AccountRow(String accountId, String name, String status, boolean operator, String created) {
        this.accountId = accountId;
        this.name = name;
        this.status = status;
        this.operator = operator;
        this.created = created;
    }

    static AccountRow of(Account account) {
        return new AccountRow(account.getAccountId(), account.getName(), account.getStatus(), account.isOperator(),
                ConsoleFormat.time(account.getCreatedAt()));
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public boolean isOperator() {
        return operator;
    }

    public String getCreated() {
        return created;
    }

    /** An active account other than the operator's own may be suspended. */
    public boolean isSuspendable() {
        return !operator && IamService.ACTIVE.equals(status);
    }

    /** A suspended account may be resumed. */
    public boolean isResumable() {
        return IamService.SUSPENDED.equals(status);
    }

    /** The badge style of the status: {@code active}, {@code failed} for a suspended account. */
    public String getStatusStyle() {
        return IamService.ACTIVE.equals(status) ? "active" : "failed";
    }
}
