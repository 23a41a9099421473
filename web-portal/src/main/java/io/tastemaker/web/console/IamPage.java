package io.tastemaker.web.console;

import io.tastemaker.security.error.ServiceException;
import io.tastemaker.security.iam.IamDirectory;
import io.tastemaker.security.iam.IamDirectory.PolicyView;
import io.tastemaker.security.iam.MalformedPolicyDocumentException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM page of the signed-in account: its users, groups and managed policies, with forms that
 * create each, buttons that delete them, and a policy's document on request. Every read and every
 * change is authorised first by {@link ConsoleAccess} with the action IAM's API would need
 * ({@code iam:ListUsers} on {@code *}, {@code iam:CreateUser} on the new user's ARN, ...); a
 * refusal or an IAM error (a {@code DeleteConflict}, a malformed policy) is shown as its message
 * and changes nothing. A user's password, keys, groups and policies are on {@link IamUserPage};
 * a group's members and policies on {@link IamGroupPage}.
 */
@Named("iamPage")
@ViewScoped
public class IamPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Every listing of the page asks for at most this many entries (IAM's largest MaxItems). */
    static final int MAX_ROWS = Listing.MAX_ROWS;
    private static final List<String> ANY = List.of("*");
    private static final Pattern JSON_PLACE = Pattern.compile("at line (\\d+), column (\\d+)");

    @Inject
    ConsoleSession session;
    @Inject
    ConsoleAccess access;
    @Inject
    IamDirectory iam;
    @Inject
    SecretInput password;
    @Inject
    DocumentDialog documentDialog;

    private List<IamUserRow> users = List.of();
    private List<IamGroupRow> groups = List.of();
    private List<PolicyRow> policies = List.of();

    private String newUserName;
    private String newUserPolicyArn;
    private String newGroupName;
    private String policyName;
    private String policyDescription;
    private String policyDocument;
    private ExpressionProblem policyProblem;

    /**
     * Reads the three lists (the page's view action); a list the person may not read stays empty,
     * with the refusal shown.
     */
    public void load() {
        String account = session.accountId();
        users = List.of();
        groups = List.of();
        policies = List.of();
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListUsers", ANY);
            users = iam.listUsers(account, null, null, MAX_ROWS).items().stream()
                    .map(u -> IamUserRow.of(u, iam.userArn(u))).toList();
        });
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListGroups", ANY);
            groups = iam.listGroups(account, null, null, MAX_ROWS).items().stream()
                    .map(g -> IamGroupRow.of(g, iam.groupArn(g))).toList();
        });
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListPolicies", ANY);
            policies = iam.listPolicies(account, null, false, null, null, MAX_ROWS).items().stream().map(PolicyRow::of).toList();
        });
    }

    /**
     * CreateUser, and with it, if given, CreateLoginProfile with the typed password and
     * AttachUserPolicy with the chosen policy: each authorised before anything is made, all made
     * in one transaction.
     */
    public void createUser() {
        char[] secret = password.take();
        try {
            String account = session.accountId();
            String name = orEmpty(newUserName);
            String policyArn = trimmed(newUserPolicyArn);
            String arn = iam.arn(account, "user", null, name);
            boolean created = ConsoleMessages.succeeded(() -> {
                access.require("iam:CreateUser", arn);
                if (secret != null) {
                    access.require("iam:CreateLoginProfile", arn);
                }
                if (policyArn != null) {
                    access.require("iam:AttachUserPolicy", arn);
                }
                iam.createUser(account, name, null, secret, policyArn == null ? List.of() : List.of(policyArn));
            });
            if (!created) {
                return;
            }
            ConsoleMessages.info("Created user " + name + (secret == null ? "" : " with a console password")
                    + (policyArn == null ? "" : " and policy " + ConsoleFormat.lastSegment(policyArn)) + ".");
            newUserName = null;
            newUserPolicyArn = null;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        load();
    }

    /** DeleteUser: IAM's DeleteConflict says what must go first (keys, password, policies, groups). */
    public void deleteUser(String userName) {
        String account = session.accountId();
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:DeleteUser", iam.userArn(account, userName));
            iam.deleteUser(account, userName);
        })) {
            ConsoleMessages.info("Deleted user " + userName + ".");
            load();
        }
    }

    /** CreateGroup. */
    public void createGroup() {
        String account = session.accountId();
        String name = orEmpty(newGroupName);
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:CreateGroup", iam.arn(account, "group", null, name));
            iam.createGroup(account, name, null);
        })) {
            ConsoleMessages.info("Created group " + name + ".");
            newGroupName = null;
            load();
        }
    }

    /** DeleteGroup: refused while it has members or policies. */
    public void deleteGroup(String groupName) {
        String account = session.accountId();
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:DeleteGroup", iam.groupArn(account, groupName));
            iam.deleteGroup(account, groupName);
        })) {
            ConsoleMessages.info("Deleted group " + groupName + ".");
            load();
        }
    }

    /**
     * CreatePolicy from the editor's JSON. A document the parser refuses is shown with its
     * message under the editor, with a caret under the place when the message names one; the
     * text stays for correcting.
     */
    public void createPolicy() {
        policyProblem = null;
        String account = session.accountId();
        String name = orEmpty(policyName);
        try {
            access.require("iam:CreatePolicy", iam.arn(account, "policy", null, name));
            iam.createPolicy(account, name, null, policyDocument, trimmed(policyDescription));
        } catch (MalformedPolicyDocumentException e) {
            policyProblem = problemOf(e.getMessage(), policyDocument);
            ConsoleMessages.error(e.getMessage());
            return;
        } catch (ServiceException e) {
            ConsoleMessages.error(e.getMessage());
            return;
        }
        ConsoleMessages.info("Created policy " + name + ".");
        policyName = null;
        policyDescription = null;
        policyDocument = null;
        load();
    }

    /** DeletePolicy: only the account's own, and only when attached to nothing. */
    public void deletePolicy(String policyArn) {
        String account = session.accountId();
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:DeletePolicy", policyArn);
            iam.deletePolicy(account, policyArn);
        })) {
            ConsoleMessages.info("Deleted policy " + ConsoleFormat.lastSegment(policyArn) + ".");
            load();
        }
    }

    /** Shows a policy's document (GetPolicyVersion) in the document dialog. */
    public void showPolicy(String policyArn) {
        String account = session.accountId();
        ConsoleMessages.succeeded(() -> {
            access.require("iam:GetPolicyVersion", policyArn);
            PolicyView policy = iam.getPolicy(account, policyArn);
            documentDialog.show("Policy " + policy.policyName(), policy.document());
        });
    }

    /**
     * Where a refused policy document went wrong: the parser's message, and, if it names a line
     * and a column ({@code ... at line 4, column 47: ...}), that line with a caret under the column.
     */
    static ExpressionProblem problemOf(String message, String document) {
        Matcher place = JSON_PLACE.matcher(message);
        if (document == null || !place.find()) {
            return ExpressionProblem.of(message, null, -1);
        }
        List<String> lines = document.lines().toList();
        int line = Integer.parseInt(place.group(1));
        if (line < 1 || line > lines.size()) {
            return ExpressionProblem.of(message, null, -1);
        }
        return ExpressionProblem.of(message, lines.get(line - 1), Integer.parseInt(place.group(2)));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    /** Customer policies first, then the ready-made ones, for the create-user form's menu. */
    public List<PolicyRow> getAttachablePolicies() {
        return policies.stream().sorted((a, b) -> Boolean.compare(a.isReadyMade(), b.isReadyMade())).toList();
    }

    public List<IamUserRow> getUsers() {
        return users;
    }

    public List<IamGroupRow> getGroups() {
        return groups;
    }

    public List<PolicyRow> getPolicies() {
        return policies;
    }

    public String getNewUserName() {
        return newUserName;
    }

    public void setNewUserName(String newUserName) {
        this.newUserName = newUserName;
    }

    public String getNewUserPolicyArn() {
        return newUserPolicyArn;
    }

    public void setNewUserPolicyArn(String newUserPolicyArn) {
        this.newUserPolicyArn = newUserPolicyArn;
    }

    public String getNewGroupName() {
        return newGroupName;
    }

    public void setNewGroupName(String newGroupName) {
        this.newGroupName = newGroupName;
    }

    public String getPolicyName() {
        return policyName;
    }

    public void setPolicyName(String policyName) {
        this.policyName = policyName;
    }

    public String getPolicyDescription() {
        return policyDescription;
    }

    public void setPolicyDescription(String policyDescription) {
        this.policyDescription = policyDescription;
    }

    public String getPolicyDocument() {
        return policyDocument;
    }

    public void setPolicyDocument(String policyDocument) {
        this.policyDocument = policyDocument;
    }

    public ExpressionProblem getPolicyProblem() {
        return policyProblem;
    }
}
