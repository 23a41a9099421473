package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamDirectory;
import io.tastemaker.security.iam.IamDirectory.NewAccessKey;
import io.tastemaker.security.iam.IamGroup;
import io.tastemaker.security.iam.IamService;
import io.tastemaker.security.iam.InlinePolicy;
import io.tastemaker.security.iam.PolicyAttachment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The page of one IAM user ({@code iam-user.xhtml?name=...}): its console password, access keys,
 * groups, attached managed policies and inline policies, and what a person does with them. Each
 * section is read and each change made only if {@link ConsoleAccess} allows the IAM action the
 * API would need, on the user's ARN ({@code iam:ListAccessKeys}, {@code iam:CreateAccessKey},
 * ...) or, to join or leave a group, on the group's ARN. A new access key's secret goes to
 * {@link ShownOnce} and nowhere else.
 */
@Named("iamUserPage")
@ViewScoped
public class IamUserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> ANY = List.of("*");

    @Inject
    ConsoleSession session;
    @Inject
    ConsoleAccess access;
    @Inject
    IamDirectory iam;
    @Inject
    SecretInput password;
    @Inject
    ShownOnce shownOnce;
    @Inject
    DocumentDialog documentDialog;

    private String name;
    private IamUserRow user;
    private List<AccessKeyRow> keys = List.of();
    private List<IamGroupRow> groups = List.of();
    private List<String> attached = List.of();
    private List<String> inline = List.of();
    private List<String> groupChoices = List.of();
    private List<PolicyRow> policyChoices = List.of();
    private String chosenGroup;
    private String chosenPolicyArn;

    /** Reads the user and each section (the page's view action); a refused section stays empty, with the refusal shown. */
    public void load() {
        user = null;
        keys = List.of();
        groups = List.of();
        attached = List.of();
        inline = List.of();
        groupChoices = List.of();
        policyChoices = List.of();
        if (name == null || name.isBlank()) {
            ConsoleMessages.error("No user was given: open one from the IAM page.");
            return;
        }
        String account = session.accountId();
        String arn = iam.userArn(account, name);
        if (!ConsoleMessages.succeeded(() -> {
            access.require("iam:GetUser", arn);
            user = IamUserRow.of(iam.getUser(account, name), arn);
        })) {
            return;
        }
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListAccessKeys", arn);
            boolean lastUsed = access.allows("iam:GetAccessKeyLastUsed", arn);
            keys = iam.listAccessKeys(account, name, null, IamPage.MAX_ROWS).items().stream()
                    .map(k -> AccessKeyRow.of(k, lastUsed)).toList();
        });
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListGroupsForUser", arn);
            groups = iam.groupsForUser(account, name).stream().map(g -> IamGroupRow.of(g, iam.groupArn(g))).toList();
        });
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListAttachedUserPolicies", arn);
            attached = iam.listAttachedPolicies(account, PolicyAttachment.USER, name, null, IamPage.MAX_ROWS).items().stream()
                    .map(PolicyAttachment::getPolicyArn).toList();
        });
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListUserPolicies", arn);
            inline = iam.inlinePolicies(account, PolicyAttachment.USER, name).stream().map(InlinePolicy::getPolicyName).toList();
        });
        loadChoices(account);
    }

    /** The groups to join and the policies to attach, if the person may list them; no message otherwise. */
    private void loadChoices(String account) {
        if (access.allows("iam:ListGroups", "*")) {
            Set<String> joined = groups.stream().map(IamGroupRow::getName).collect(Collectors.toSet());
            groupChoices = iam.listGroups(account, null, null, IamPage.MAX_ROWS).items().stream().map(IamGroup::getGroupName)
                    .filter(g -> !joined.contains(g)).toList();
        }
        if (access.allows("iam:ListPolicies", "*")) {
            policyChoices = iam.listPolicies(account, null, false, null, null, IamPage.MAX_ROWS).items().stream()
                    .filter(p -> !attached.contains(p.arn())).map(PolicyRow::of).toList();
        }
        if (!groupChoices.contains(chosenGroup)) {
            chosenGroup = groupChoices.isEmpty() ? null : groupChoices.get(0);
        }
        if (policyChoices.stream().noneMatch(p -> p.getArn().equals(chosenPolicyArn))) {
            chosenPolicyArn = policyChoices.isEmpty() ? null : policyChoices.get(0).getArn();
        }
    }

    /** CreateLoginProfile with the typed password. */
    public void setConsolePassword() {
        char[] secret = password.take();
        try {
            if (secret == null) {
                ConsoleMessages.error("Type the new console password.");
                return;
            }
            if (!change("iam:CreateLoginProfile", (account, arn) -> iam.createLoginProfile(account, name, secret))) {
                return;
            }
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        done("Set a console password for " + name + ".");
    }

    /** DeleteLoginProfile: the user can no longer sign in to the console. */
    public void removeConsolePassword() {
        if (change("iam:DeleteLoginProfile", (account, arn) -> iam.deleteLoginProfile(account, name))) {
            done("Removed the console password of " + name + ".");
        }
    }

    /** CreateAccessKey: the secret is shown once, in the dialog of this response. */
    public void createAccessKey() {
        NewAccessKey[] created = new NewAccessKey[1];
        if (!change("iam:CreateAccessKey", (account, arn) -> created[0] = iam.createAccessKey(account, name))) {
            return;
        }
        String keyId = created[0].key().getAccessKeyId();
        shownOnce.show("New access key of " + name,
                "This is the only time the secret access key is shown: copy it now. If it is lost, make a new key.",
                List.of(new ShownOnce.Entry("accessKeyId", "Access key id", keyId),
                        new ShownOnce.Entry("secretAccessKey", "Secret access key", created[0].secretAccessKey())));
        done("Created access key " + keyId + ".");
    }

    /** UpdateAccessKey to Active or Inactive. */
    public void setAccessKeyStatus(String accessKeyId, boolean active) {
        String status = active ? IamService.ACTIVE : IamService.INACTIVE;
        if (change("iam:UpdateAccessKey", (account, arn) -> iam.updateAccessKey(account, name, accessKeyId, status))) {
            done((active ? "Activated" : "Deactivated") + " access key " + accessKeyId + ".");
        }
    }

    /** DeleteAccessKey. */
    public void deleteAccessKey(String accessKeyId) {
        if (change("iam:DeleteAccessKey", (account, arn) -> iam.deleteAccessKey(account, name, accessKeyId))) {
            done("Deleted access key " + accessKeyId + ".");
        }
    }

    /** AddUserToGroup with the chosen group; authorised on the group's ARN, as IAM does. */
    public void addToGroup() {
        String account = session.accountId();
        String group = chosenGroup;
        if (group == null) {
            ConsoleMessages.error("Choose a group.");
            return;
        }
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:AddUserToGroup", iam.groupArn(account, group));
            iam.addUserToGroup(account, group, name);
        })) {
            done("Added " + name + " to group " + group + ".");
        }
    }

    /** RemoveUserFromGroup; authorised on the group's ARN. */
    public void removeFromGroup(String group) {
        String account = session.accountId();
        if (ConsoleMessages.succeeded(() -> {
            access.require("iam:RemoveUserFromGroup", iam.groupArn(account, group));
            iam.removeUserFromGroup(account, group, name);
        })) {
            done("Removed " + name + " from group " + group + ".");
        }
    }

    /** AttachUserPolicy with the chosen policy. */
    public void attachPolicy() {
        String policyArn = chosenPolicyArn;
        if (policyArn == null) {
            ConsoleMessages.error("Choose a policy.");
            return;
        }
        if (change("iam:AttachUserPolicy", (account, arn) -> iam.attach(account, PolicyAttachment.USER, name, policyArn))) {
            done("Attached policy " + ConsoleFormat.lastSegment(policyArn) + " to " + name + ".");
        }
    }

    /** DetachUserPolicy. */
    public void detachPolicy(String policyArn) {
        if (change("iam:DetachUserPolicy", (account, arn) -> iam.detach(account, PolicyAttachment.USER, name, policyArn))) {
            done("Detached policy " + ConsoleFormat.lastSegment(policyArn) + " from " + name + ".");
        }
    }

    /** GetUserPolicy: an inline policy's document, in the document dialog. */
    public void showInlinePolicy(String policyName) {
        change("iam:GetUserPolicy", (account, arn) -> documentDialog.show("Inline policy " + policyName + " of " + name,
                iam.inlinePolicy(account, PolicyAttachment.USER, name, policyName).getDocument()));
    }

    /** DeleteUserPolicy. */
    public void deleteInlinePolicy(String policyName) {
        if (change("iam:DeleteUserPolicy", (account, arn) ->
                iam.deleteInlinePolicy(account, PolicyAttachment.USER, name, policyName))) {
            done("Deleted inline policy " + policyName + " of " + name + ".");
        }
    }

    /** Authorises {@code action} on this user's ARN and makes the change; false (with the message shown) if refused. */
    private boolean change(String action, UserChange change) {
        String account = session.accountId();
        String arn = iam.userArn(account, name);
        return ConsoleMessages.succeeded(() -> {
            access.require(action, arn);
            change.apply(account, arn);
        });
    }

    private void done(String message) {
        ConsoleMessages.info(message);
        load();
    }

    /** One change to this user, given the account and the user's ARN. */
    @FunctionalInterface
    private interface UserChange {
        void apply(String account, String arn);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public IamUserRow getUser() {
        return user;
    }

    public List<AccessKeyRow> getKeys() {
        return keys;
    }

    /** Whether the user may get another key (IAM allows two). */
    public boolean isRoomForKey() {
        return keys.size() < IamDirectory.MAX_ACCESS_KEYS_PER_USER;
    }

    public List<IamGroupRow> getGroups() {
        return groups;
    }

    /** The ARNs of the managed policies attached to the user. */
    public List<String> getAttached() {
        return attached;
    }

    /** The names of the user's inline policies. */
    public List<String> getInline() {
        return inline;
    }

    public List<String> getGroupChoices() {
        return groupChoices;
    }

    public List<PolicyRow> getPolicyChoices() {
        return policyChoices;
    }

    public String getChosenGroup() {
        return chosenGroup;
    }

    public void setChosenGroup(String chosenGroup) {
        this.chosenGroup = chosenGroup;
    }

    public String getChosenPolicyArn() {
        return chosenPolicyArn;
    }

    public void setChosenPolicyArn(String chosenPolicyArn) {
        this.chosenPolicyArn = chosenPolicyArn;
    }
}
