package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamService;
import io.tastemaker.security.iam.IamService.SignedIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/**
 * The sign-in form: an account (id or name), a user name and a password. A refusal says the same
 * thing whatever was wrong, so the form does not reveal which accounts or users exist.
 */
@Named("signIn")
@RequestScoped
public class SignInPage {

    static final String FAILED = "Sign-in failed: check the account, user name and password.";

    @Inject
    IamService iam;
    @Inject
    ConsoleSession session;
    @Inject
    ConsoleAudit audit;

    private String account;
    private String userName;
    private String password;

    public String signIn() {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        password = null;
        Optional<SignedIn> who = Optional.empty();
        try {
            if (!isBlank(account) && !isBlank(userName) && secret.length > 0) {
                who = iam.signIn(account.trim(), userName.trim(), secret);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
        if (who.isEmpty()) {
            audit.signInFailed(account, userName);
            ConsoleMessages.error(FAILED);
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        session.signIn(who.get());
        audit.signedIn(who.get().accountId(), who.get().userName());
        return "/index.xhtml?faces-redirect=true";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return null;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
