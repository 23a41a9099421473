package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamService;
import io.tastemaker.security.iam.IamService.NewAccount;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's Accounts page: every account with its status, a form that creates one (its
 * administrator's password and access key are shown once, in {@link ShownOnce}), and suspend
 * and resume. As over the API ({@code Tastemaker.CreateAccount}, ...), each action needs a
 * policy that allows {@code tastemaker:<Operation>} on {@code *} and a user of the operator's
 * account; anyone else sees the refusal and no account.
 */
@Named("accountsPage")
@ViewScoped
public class AccountsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The administrator's user name of a new account unless another is given, as CreateAccount's default. */
    static final String DEFAULT_ADMIN = "admin";

    @Inject
    ConsoleAccess access;
    @Inject
    IamService accounts;
    @Inject
    ShownOnce shownOnce;

    private List<AccountRow> rows = List.of();
    private boolean allowed;
    private String accountName;
    private String adminUserName = DEFAULT_ADMIN;

    /** Lists the accounts (the page's view action), or shows the refusal and nothing else. */
    public void load() {
        rows = List.of();
        allowed = ConsoleMessages.succeeded(() -> {
            access.requireOperator("tastemaker:ListAccounts");
            rows = accounts.listAccounts().stream().map(AccountRow::of).toList();
        });
    }

    /** CreateAccount: an account with one administrator, whose password and access key are shown once. */
    public void create() {
        NewAccount[] created = new NewAccount[1];
        String admin = adminUserName == null || adminUserName.isBlank() ? DEFAULT_ADMIN : adminUserName.trim();
        if (!ConsoleMessages.succeeded(() -> {
            access.requireOperator("tastemaker:CreateAccount");
            created[0] = accounts.createAccount(accountName == null ? null : accountName.trim(), admin, null, null, null);
        })) {
            return;
        }
        NewAccount account = created[0];
        List<ShownOnce.Entry> entries = new ArrayList<>();
        entries.add(new ShownOnce.Entry("accountId", "Account id", account.accountId()));
        entries.add(new ShownOnce.Entry("adminUserName", "Administrator", account.userName()));
        entries.add(new ShownOnce.Entry("adminPassword", "Administrator's console password", account.password()));
        entries.add(new ShownOnce.Entry("accessKeyId", "Access key id", account.accessKeyId()));
        entries.add(new ShownOnce.Entry("secretAccessKey", "Secret access key", account.secretAccessKey()));
        shownOnce.show("New account " + account.accountName(),
                "This is the only time the password and the secret access key are shown: give them to the account's "
                        + "administrator now.", entries);
        ConsoleMessages.info("Created account " + account.accountName() + " (" + account.accountId() + ").");
        accountName = null;
        adminUserName = DEFAULT_ADMIN;
        load();
    }

    /** SuspendAccount: its keys and console sign-ins stop working at once. */
    public void suspend(String accountId) {
        setStatus(accountId, IamService.SUSPENDED, "tastemaker:SuspendAccount", "Suspended");
    }

    /** ResumeAccount. */
    public void resume(String accountId) {
        setStatus(accountId, IamService.ACTIVE, "tastemaker:ResumeAccount", "Resumed");
    }

    private void setStatus(String accountId, String status, String action, String done) {
        if (ConsoleMessages.succeeded(() -> {
            access.requireOperator(action);
            accounts.setAccountStatus(accountId, status);
        })) {
            ConsoleMessages.info(done + " account " + accountId + ".");
            load();
        }
    }

    /** Whether the person may list accounts; if not, the page shows only the refusal. */
    public boolean isAllowed() {
        return allowed;
    }

    public List<AccountRow> getRows() {
        return rows;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
    }

    public String getAdminUserName() {
        return adminUserName;
    }

    public void setAdminUserName(String adminUserName) {
        this.adminUserName = adminUserName;
    }
}
