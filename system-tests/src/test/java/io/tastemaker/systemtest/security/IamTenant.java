package io.tastemaker.systemtest.security;

import io.tastemaker.systemtest.support.Clients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One account's IAM entities, one of each kind, made through the SDK's {@code IamClient}: a user
 * {@code <prefix>-user} with an access key, an inline policy and an attached managed policy
 * {@code <prefix>-policy} of the account's own, and a group {@code <prefix>-group} holding the
 * user, with the same policy attached.
 */
record IamTenant(String user, String accessKeyId, String policyArn, String group, String inlinePolicy) {

    static final String DOCUMENT = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"personalize:Describe*\",\"Resource\":\"*\"}]}";

    static IamTenant create(Clients clients, String prefix) {
        IamClient iam = clients.iam();
        String user = prefix + "-user";
        String group = prefix + "-group";
        String inline = prefix + "-inline";
        iam.createUser(r -> r.userName(user));
        String key = iam.createAccessKey(r -> r.userName(user)).accessKey().accessKeyId();
        String policy = iam.createPolicy(r -> r.policyName(prefix + "-policy").policyDocument(DOCUMENT)).policy().arn();
        iam.attachUserPolicy(r -> r.userName(user).policyArn(policy));
        iam.putUserPolicy(r -> r.userName(user).policyName(inline).policyDocument(DOCUMENT));
        iam.createGroup(r -> r.groupName(group));
        iam.addUserToGroup(r -> r.groupName(group).userName(user));
        iam.attachGroupPolicy(r -> r.groupName(group).policyArn(policy));
        return new IamTenant(user, key, policy, group, inline);
    }

    /** How the account sees its IAM entities, as text, by what was asked. */
    Map<String, String> describe(Clients clients, String adminUser) {
        IamClient iam = clients.iam();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("GetUser " + user, iam.getUser(r -> r.userName(user)).user().toString());
        out.put("ListAccessKeys " + user, iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata().toString());
        out.put("ListAccessKeys " + adminUser, iam.listAccessKeys(r -> r.userName(adminUser)).accessKeyMetadata().toString());
        out.put("GetPolicy " + policyArn, iam.getPolicy(r -> r.policyArn(policyArn)).policy().toString());
        out.put("ListAttachedUserPolicies " + user, iam.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies()
                .toString());
        out.put("ListUserPolicies " + user, iam.listUserPolicies(r -> r.userName(user)).policyNames().toString());
        out.put("GetUserPolicy " + inlinePolicy, iam.getUserPolicy(r -> r.userName(user).policyName(inlinePolicy))
                .policyDocument());
        out.put("GetGroup " + group, iam.getGroup(r -> r.groupName(group)).group() + " "
                + iam.getGroup(r -> r.groupName(group)).users());
        out.put("ListGroupsForUser " + user, iam.listGroupsForUser(r -> r.userName(user)).groups().toString());
        out.put("ListAttachedGroupPolicies " + group, iam.listAttachedGroupPolicies(r -> r.groupName(group))
                .attachedPolicies().toString());
        return out;
    }
}
