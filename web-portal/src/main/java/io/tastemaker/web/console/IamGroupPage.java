package io.tastemaker.web.console;

import io.tastemaker.security.iam.IamDirectory;
import io.tastemaker.security.iam.IamUser;
import io.tastemaker.security.iam.PolicyAttachment;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The page of one IAM group ({@code iam-group.xhtml?name=...}): its members and attached managed
 * policies, with forms that add and remove members and attach and detach policies. Each read and
 * change is authorised by {@link ConsoleAccess} with IAM's action on the group's ARN
 * ({@code iam:GetGroup}, {@code iam:AddUserToGroup}, {@code iam:AttachGroupPolicy}, ...).
 */
@Named("iamGroupPage")
@ViewScoped
public class IamGroupPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;
    @Inject
    ConsoleAccess access;
    @Inject
    IamDirectory iam;

    private String name;
    private IamGroupRow group;
    private List<IamUserRow> members = List.of();
    private List<String> attached = List.of();
    private List<String> userChoices = List.of();
    private List<PolicyRow> policyChoices = List.of();
    private String chosenUser;
    private String chosenPolicyArn;

    /** Reads the group, its members and its policies (the page's view action). */
    public void load() {
        group = null;
        members = List.of();
        attached = List.of();
        userChoices = List.of();
        policyChoices = List.of();
        if (name == null || name.isBlank()) {
            ConsoleMessages.error("No group was given: open one from the IAM page.");
            return;
        }
        String account = session.accountId();
        String arn = iam.groupArn(account, name);
        if (!ConsoleMessages.succeeded(() -> {
            access.require("iam:GetGroup", arn);
            group = IamGroupRow.of(iam.getGroup(account, name), arn);
            members = iam.members(account, name).stream().map(u -> IamUserRow.of(u, iam.userArn(u))).toList();
        })) {
            return;
        }
        ConsoleMessages.succeeded(() -> {
            access.require("iam:ListAttachedGroupPolicies", arn);
            attached = iam.listAttachedPolicies(account, PolicyAttachment.GROUP, name, null, IamPage.MAX_ROWS).items().stream()
                    .map(PolicyAttachment::getPolicyArn).toList();
        });
        if (access.allows("iam:ListUsers", "*")) {
            Set<String> in = members.stream().map(IamUserRow::getName).collect(Collectors.toSet());
            userChoices = iam.listUsers(account, null, null, IamPage.MAX_ROWS).items().stream().map(IamUser::getUserName)
                    .filter(u -> !in.contains(u)).toList();
        }
        if (access.allows("iam:ListPolicies", "*")) {
            policyChoices = iam.listPolicies(account, null, false, null, null, IamPage.MAX_ROWS).items().stream()
                    .filter(p -> !attached.contains(p.arn())).map(PolicyRow::of).toList();
        }
        if (!userChoices.contains(chosenUser)) {
            chosenUser = userChoices.isEmpty() ? null : userChoices.get(0);
        }
        if (policyChoices.stream().noneMatch(p -> p.getArn().equals(chosenPolicyArn))) {
            chosenPolicyArn = policyChoices.isEmpty() ? null : policyChoices.get(0).getArn();
        }
    }

    /** AddUserToGroup with the chosen user. */
    public void addMember() {
        String user = chosenUser;
        if (user == null) {
            ConsoleMessages.error("Choose a user.");
            return;
        }
        if (change("iam:AddUserToGroup", account -> iam.addUserToGroup(account, name, user))) {
            done("Added " + user + " to group " + name + ".");
        }
    }

    /** RemoveUserFromGroup. */
    public void removeMember(String user) {
        if (change("iam:RemoveUserFromGroup", account -> iam.removeUserFromGroup(account, name, user))) {
            done("Removed " + user + " from group " + name + ".");
        }
    }

    /** AttachGroupPolicy with the chosen policy. */
    public void attachPolicy() {
        String policyArn = chosenPolicyArn;
        if (policyArn == null) {
            ConsoleMessages.error("Choose a policy.");
            return;
        }
        if (change("iam:AttachGroupPolicy", account -> iam.attach(account, PolicyAttachment.GROUP, name, policyArn))) {
            done("Attached policy " + ConsoleFormat.lastSegment(policyArn) + " to group " + name + ".");
        }
    }

    /** DetachGroupPolicy. */
    public void detachPolicy(String policyArn) {
        if (change("iam:DetachGroupPolicy", account -> iam.detach(account, PolicyAttachment.GROUP, name, policyArn))) {
            done("Detached policy " + ConsoleFormat.lastSegment(policyArn) + " from group " + name + ".");
        }
    }

    /** Authorises {@code action} on this group's ARN and makes the change; false (with the message shown) if refused. */
    private boolean change(String action, Consumer<String> change) {
        String account = session.accountId();
        return ConsoleMessages.succeeded(() -> {
            access.require(action, iam.groupArn(account, name));
            change.accept(account);
        });
    }

    private void done(String message) {
        ConsoleMessages.info(message);
        load();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public IamGroupRow getGroup() {
        return group;
    }

    public List<IamUserRow> getMembers() {
        return members;
    }

    public List<String> getAttached() {
        return attached;
    }

    public List<String> getUserChoices() {
        return userChoices;
    }

    public List<PolicyRow> getPolicyChoices() {
        return policyChoices;
    }

    public String getChosenUser() {
        return chosenUser;
    }

    public void setChosenUser(String chosenUser) {
        this.chosenUser = chosenUser;
    }

    public String getChosenPolicyArn() {
        return chosenPolicyArn;
    }

    public void setChosenPolicyArn(String chosenPolicyArn) {
        this.chosenPolicyArn = chosenPolicyArn;
    }
}
