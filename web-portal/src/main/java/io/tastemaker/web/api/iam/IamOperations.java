package io.tastemaker.web.api.iam;

import io.tastemaker.security.iam.AccessKey;
import io.tastemaker.security.iam.IamDirectory;
import io.tastemaker.security.iam.IamGroup;
import io.tastemaker.security.iam.IamUser;
import io.tastemaker.security.iam.InlinePolicy;
import io.tastemaker.security.iam.NoSuchEntityException;
import io.tastemaker.security.iam.Page;
import io.tastemaker.security.iam.PolicyAttachment;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * IAM's Query protocol operations that Tastemaker serves, each acting inside the caller's
 * account: users, login profiles, access keys, managed and inline policies, attachments and
 * groups. Member names and result shapes follow IAM's service model, so that the AWS SDK's
 * {@code IamClient} and {@code aws iam} work unchanged.
 */
@ApplicationScoped
public class IamOperations {

    @Inject
    Caller caller;
    @Inject
    IamDirectory iam;

    private final Map<String, IamAction> actions = new HashMap<>();

    public IamOperations() {
        // Users and login profiles
        add("CreateUser", f -> List.of(userArn(f.required("UserName"), f.get("Path"))), (f, out) ->
                user(out.start("User"), iam.createUser(account(), f.required("UserName"), f.get("Path"))));
        add("GetUser", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) ->
                user(out.start("User"), iam.getUser(account(), userOrCaller(f))));
        add("ListUsers", f -> List.of("*"), (f, out) -> page(out, "Users",
                iam.listUsers(account(), f.get("PathPrefix"), f.get("Marker"), f.integer("MaxItems")), this::user));
        add("DeleteUser", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                iam.deleteUser(account(), f.required("UserName")));
        add("CreateLoginProfile", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) -> {
            String userName = userOrCaller(f);
            String password = f.required("Password");
            IamUser user = iam.createLoginProfile(account(), userName, password.toCharArray());
            out.start("LoginProfile").element("UserName", user.getUserName()).element("CreateDate", user.getCreatedAt())
                    .element("PasswordResetRequired", false).end();
        });
        add("DeleteLoginProfile", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) ->
                iam.deleteLoginProfile(account(), userOrCaller(f)));
        // Access keys
        add("CreateAccessKey", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) -> {
            IamDirectory.NewAccessKey created = iam.createAccessKey(account(), userOrCaller(f));
            out.start("AccessKey").element("UserName", created.key().getUserName())
                    .element("AccessKeyId", created.key().getAccessKeyId()).element("Status", created.key().getStatus())
                    .element("SecretAccessKey", created.secretAccessKey()).element("CreateDate", created.key().getCreatedAt()).end();
        });
        add("ListAccessKeys", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) -> page(out, "AccessKeyMetadata",
                iam.listAccessKeys(account(), userOrCaller(f), f.get("Marker"), f.integer("MaxItems")), IamOperations::keyMetadata));
        add("UpdateAccessKey", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) ->
                iam.updateAccessKey(account(), userOrCaller(f), f.required("AccessKeyId"), f.required("Status")));
        add("DeleteAccessKey", f -> List.of(existingUserArn(userOrCaller(f))), (f, out) ->
                iam.deleteAccessKey(account(), userOrCaller(f), f.required("AccessKeyId")));
        add("GetAccessKeyLastUsed", f -> List.of(existingUserArn(iam.accessKey(account(), f.required("AccessKeyId")).getUserName())),
                (f, out) -> {
                    AccessKey key = iam.accessKey(account(), f.required("AccessKeyId"));
                    out.element("UserName", key.getUserName()).start("AccessKeyLastUsed")
                            .element("LastUsedDate", key.getLastUsedAt())
                            .element("ServiceName", key.getLastUsedAt() == null ? "N/A" : "personalize")
                            .element("Region", key.getLastUsedAt() == null ? "N/A" : "us-east-1").end();
                });
        // Managed policies
        add("CreatePolicy", f -> List.of(policyArn(f.required("PolicyName"), f.get("Path"))), (f, out) ->
                policy(out.start("Policy"), iam.getPolicy(account(), iam.createPolicy(account(), f.required("PolicyName"),
                        f.get("Path"), f.required("PolicyDocument"), f.get("Description")).getArn())));
        add("GetPolicy", f -> List.of(f.required("PolicyArn")), (f, out) ->
                policy(out.start("Policy"), iam.getPolicy(account(), f.required("PolicyArn"))));
        add("GetPolicyVersion", f -> List.of(f.required("PolicyArn")), (f, out) -> {
            IamDirectory.PolicyView policy = iam.getPolicy(account(), f.required("PolicyArn"));
            if (!"v1".equals(f.required("VersionId"))) {
                throw new NoSuchEntityException("Policy " + policy.arn() + " version "
                        + f.get("VersionId") + " does not exist.");
            }
            out.start("PolicyVersion").element("Document", urlEncoded(policy.document())).element("VersionId", "v1")
                    .element("IsDefaultVersion", true).element("CreateDate", policy.createdAt()).end();
        });
        add("ListPolicies", f -> List.of("*"), (f, out) -> page(out, "Policies", iam.listPolicies(account(), f.get("Scope"),
                f.bool("OnlyAttached"), f.get("PathPrefix"), f.get("Marker"), f.integer("MaxItems")), IamOperations::policy));
        add("DeletePolicy", f -> List.of(f.required("PolicyArn")), (f, out) -> iam.deletePolicy(account(), f.required("PolicyArn")));
        // Attachments and inline policies
        add("AttachUserPolicy", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                iam.attach(account(), PolicyAttachment.USER, f.required("UserName"), f.required("PolicyArn")));
        add("DetachUserPolicy", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                iam.detach(account(), PolicyAttachment.USER, f.required("UserName"), f.required("PolicyArn")));
        add("ListAttachedUserPolicies", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                page(out, "AttachedPolicies", iam.listAttachedPolicies(account(), PolicyAttachment.USER, f.required("UserName"),
                        f.get("Marker"), f.integer("MaxItems")), this::attached));
        add("PutUserPolicy", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                iam.putInlinePolicy(account(), PolicyAttachment.USER, f.required("UserName"), f.required("PolicyName"),
                        f.required("PolicyDocument")));
        add("GetUserPolicy", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) -> {
            InlinePolicy p = iam.inlinePolicy(account(), PolicyAttachment.USER, f.required("UserName"), f.required("PolicyName"));
            out.element("UserName", p.getPrincipalName()).element("PolicyName", p.getPolicyName())
                    .element("PolicyDocument", urlEncoded(p.getDocument()));
        });
        add("ListUserPolicies", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) -> {
            iam.getUser(account(), f.required("UserName"));
            pageOf(out, "PolicyNames", Page.of(iam.inlinePolicies(account(), PolicyAttachment.USER, f.required("UserName")).stream()
                    .map(InlinePolicy::getPolicyName).toList(), f.get("Marker"), f.integer("MaxItems")),
                    (xml, name) -> xml.element("member", name));
        });
        add("DeleteUserPolicy", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) ->
                iam.deleteInlinePolicy(account(), PolicyAttachment.USER, f.required("UserName"), f.required("PolicyName")));
        // Groups
        add("CreateGroup", f -> List.of(groupArn(f.required("GroupName"), f.get("Path"))), (f, out) ->
                group(out.start("Group"), iam.createGroup(account(), f.required("GroupName"), f.get("Path"))));
        add("GetGroup", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) -> {
            group(out.start("Group"), iam.getGroup(account(), f.required("GroupName")));
            page(out, "Users", Page.of(iam.members(account(), f.required("GroupName")), f.get("Marker"), f.integer("MaxItems")),
                    this::user);
        });
        add("ListGroups", f -> List.of("*"), (f, out) -> page(out, "Groups",
                iam.listGroups(account(), f.get("PathPrefix"), f.get("Marker"), f.integer("MaxItems")), this::group));
        add("ListGroupsForUser", f -> List.of(existingUserArn(f.required("UserName"))), (f, out) -> {
            iam.getUser(account(), f.required("UserName"));
            page(out, "Groups", Page.of(iam.groupsForUser(account(), f.required("UserName")), f.get("Marker"),
                    f.integer("MaxItems")), this::group);
        });
        add("DeleteGroup", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                iam.deleteGroup(account(), f.required("GroupName")));
        add("AddUserToGroup", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                iam.addUserToGroup(account(), f.required("GroupName"), f.required("UserName")));
        add("RemoveUserFromGroup", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                iam.removeUserFromGroup(account(), f.required("GroupName"), f.required("UserName")));
        add("AttachGroupPolicy", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                iam.attach(account(), PolicyAttachment.GROUP, f.required("GroupName"), f.required("PolicyArn")));
        add("DetachGroupPolicy", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                iam.detach(account(), PolicyAttachment.GROUP, f.required("GroupName"), f.required("PolicyArn")));
        add("ListAttachedGroupPolicies", f -> List.of(existingGroupArn(f.required("GroupName"))), (f, out) ->
                page(out, "AttachedPolicies", iam.listAttachedPolicies(account(), PolicyAttachment.GROUP, f.required("GroupName"),
                        f.get("Marker"), f.integer("MaxItems")), this::attached));
    }

    /** The operation of that name, if served. */
    public IamAction action(String name) {
        return actions.get(name);
    }

    private void add(String name, Function<QueryForm, List<String>> resources, IamAction.Handler handler) {
        actions.put(name, new IamAction(resources, handler));
    }

    private String account() {
        return caller.accountId();
    }

    /** IAM's rule: without UserName, an access key or login profile operation acts on the caller. */
    private String userOrCaller(QueryForm f) {
        String name = f.get("UserName");
        return name == null || name.isEmpty() ? caller.principal() : name;
    }

    private String userArn(String name, String path) {
        return iam.arn(account(), "user", path, name);
    }

    private String existingUserArn(String name) {
        return iam.userArn(account(), name);
    }

    private String groupArn(String name, String path) {
        return iam.arn(account(), "group", path, name);
    }

    private String existingGroupArn(String name) {
        return iam.groupArn(account(), name);
    }

    private String policyArn(String name, String path) {
        return iam.arn(account(), "policy", path, name);
    }

    private void user(QueryXml out, IamUser u) {
        out.element("Path", u.getPath()).element("UserName", u.getUserName()).element("UserId", u.getUserId())
                .element("Arn", iam.userArn(u)).element("CreateDate", u.getCreatedAt()).end();
    }

    private void group(QueryXml out, IamGroup g) {
        out.element("Path", g.getPath()).element("GroupName", g.getGroupName()).element("GroupId", g.getGroupId())
                .element("Arn", iam.groupArn(g)).element("CreateDate", g.getCreatedAt()).end();
    }

    private static void policy(QueryXml out, IamDirectory.PolicyView p) {
        out.element("PolicyName", p.policyName()).element("PolicyId", p.policyId()).element("Arn", p.arn())
                .element("Path", p.path()).element("DefaultVersionId", "v1").element("AttachmentCount", p.attachmentCount())
                .element("PermissionsBoundaryUsageCount", 0).element("IsAttachable", true)
                .element("Description", p.description()).element("CreateDate", p.createdAt())
                .element("UpdateDate", p.updatedAt()).end();
    }

    private void attached(QueryXml out, PolicyAttachment a) {
        out.element("PolicyName", a.getPolicyArn().substring(a.getPolicyArn().lastIndexOf('/') + 1))
                .element("PolicyArn", a.getPolicyArn()).end();
    }

    private static void keyMetadata(QueryXml out, AccessKey k) {
        out.element("UserName", k.getUserName()).element("AccessKeyId", k.getAccessKeyId()).element("Status", k.getStatus())
                .element("CreateDate", k.getCreatedAt()).end();
    }

    /** Writes a page of structures, each a {@code <member>} that {@code member} fills and closes. */
    private static <T> void page(QueryXml out, String list, Page<T> page, BiConsumer<QueryXml, T> member) {
        pageOf(out, list, page, (xml, item) -> member.accept(xml.start("member"), item));
    }

    private static <T> void pageOf(QueryXml out, String list, Page<T> page, BiConsumer<QueryXml, T> write) {
        out.start(list);
        page.items().forEach(item -> write.accept(out, item));
        out.end().element("IsTruncated", page.truncated()).element("Marker", page.nextMarker());
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); the SDKs and the CLI decode them. */
    static String urlEncoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
