package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamService.SignedIn;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Who is signed in to the console in this HTTP session, if anyone. Holds the three names of
 * {@link SignedIn} and nothing secret.
 */
@Named
@SessionScoped
public class ConsoleSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleAudit audit;

    private String accountId;
    private String accountName;
    private String userName;

    void signIn(SignedIn who) {
        this.accountId = who.accountId();
        this.accountName = who.accountName();
        this.userName = who.userName();
    }

    /** Ends the HTTP session (and with it this bean) and goes back to the sign-in page. */
    public String signOut() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (accountId != null) {
            audit.signedOut();
        }
        accountId = null;
        accountName = null;
        userName = null;
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }

    public boolean isSignedIn() {
        return accountId != null;
    }

    /** The account every service call of this session is made for. */
    String accountId() {
        if (accountId == null) {
            throw new IllegalStateException("Nobody is signed in to the console in this session.");
        }
        return accountId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getUserName() {
        return userName;
    }
}
