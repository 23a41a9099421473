package io.tastemaker.web.api;

import io.tastemaker.domain.error.AccessDeniedException;
import io.tastemaker.security.iam.Account;
import io.tastemaker.security.iam.IamService;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The operator's operations over JSON 1.1 ({@code X-Amz-Target: Tastemaker.<Operation>}, signed
 * for service {@code tastemaker}): CreateAccount, ListAccounts, SuspendAccount, ResumeAccount.
 * Only callers from the operator's account may use them; {@code ./tastemaker account create}
 * calls CreateAccount.
 */
@ApplicationScoped
public class AccountOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    IamService iam;

    @Override
    public ApiService service() {
        return ApiService.TASTEMAKER;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateAccount", r -> {
                    requireOperator();
                    var created = iam.createAccount(r.requiredString("accountName"),
                            r.string("adminUserName") == null ? "admin" : r.string("adminUserName"), null, null, null);
                    return JsonOut.object().put("accountId", created.accountId()).put("accountName", created.accountName())
                            .put("adminUserName", created.userName()).put("adminPassword", created.password())
                            .put("accessKeyId", created.accessKeyId()).put("secretAccessKey", created.secretAccessKey());
                },
                "ListAccounts", r -> {
                    requireOperator();
                    return JsonOut.object().list("accounts", iam.listAccounts(), AccountOperations::account);
                },
                "SuspendAccount", r -> {
                    requireOperator();
                    return JsonOut.object().put("account",
                            account(iam.setAccountStatus(r.requiredString("accountId"), IamService.SUSPENDED)));
                },
                "ResumeAccount", r -> {
                    requireOperator();
                    return JsonOut.object().put("account",
                            account(iam.setAccountStatus(r.requiredString("accountId"), IamService.ACTIVE)));
                });
    }

    private void requireOperator() {
        if (!iam.isOperator(caller.accountId())) {
            throw new AccessDeniedException("Only the operator's account manages accounts.");
        }
    }

    private static JsonOut account(Account a) {
        return JsonOut.object().put("accountId", a.getAccountId()).put("accountName", a.getName())
                .put("status", a.getStatus()).put("operator", a.isOperator()).put("creationDateTime", a.getCreatedAt());
    }
}
