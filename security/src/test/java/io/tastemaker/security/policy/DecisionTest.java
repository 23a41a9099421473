package io.tastemaker.security.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a decision reports: the deciding policy and statement, the resource, and AWS's wording. */
class DecisionTest {

    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String CAMPAIGN = "arn:aws:personalize:us-east-1:111122223333:campaign/shop";
    private static final String GROUP = "arn:aws:personalize:us-east-1:111122223333:dataset-group/shop";

    private static final PolicyDocument ALLOW_ALL = PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
            .named("arn:aws:iam::111122223333:policy/AllowAll");
    private static final PolicyDocument DENY_GROUPS = PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kms:*\",\"Resource\":\"*\"},"
                    + "{\"Sid\":\"NoGroups\",\"Effect\":\"Deny\",\"Action\":\"personalize:*\",\"Resource\":\"" + GROUP + "\"}]}")
            .named("arn:aws:iam::111122223333:policy/NoGroups");

    @Test
    void an_explicit_deny_names_the_policy_the_statement_and_the_denied_resource() {
        Decision decision = PolicyEvaluator.evaluate(request(CAMPAIGN, GROUP), List.of(ALLOW_ALL, DENY_GROUPS));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);
        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.policy()).contains("arn:aws:iam::111122223333:policy/NoGroups");
        assertThat(decision.sid()).contains("NoGroups");
        assertThat(decision.statement()).get().extracting(Statement::number).isEqualTo(2);
        assertThat(decision.resource()).isEqualTo(GROUP);
        assertThat(decision.action()).isEqualTo("personalize:CreateCampaign");
        assertThat(decision.accessDeniedMessage(ALICE)).isEqualTo("User: " + ALICE + " is not authorized to perform: "
                + "personalize:CreateCampaign on resource: " + GROUP + " with an explicit deny in an identity-based policy: "
                + "arn:aws:iam::111122223333:policy/NoGroups (Sid NoGroups)");
        assertThat(decision).hasToString("EXPLICIT_DENY personalize:CreateCampaign on " + GROUP
                + " by arn:aws:iam::111122223333:policy/NoGroups Statement 2 (Sid NoGroups)");
    }

    @Test
    void an_explicit_deny_of_an_unnamed_policy_without_sid() {
        PolicyDocument deny = PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}");

        Decision decision = PolicyEvaluator.evaluate(request(CAMPAIGN), List.of(ALLOW_ALL, deny));

        assertThat(decision.policy()).isEmpty();
        assertThat(decision.sid()).isEmpty();
        assertThat(decision.accessDeniedMessage(ALICE)).isEqualTo("User: " + ALICE + " is not authorized to perform: "
                + "personalize:CreateCampaign on resource: " + CAMPAIGN + " with an explicit deny in an identity-based policy");
    }

    @Test
    void an_implicit_deny_names_the_first_resource_nothing_allows() {
        Decision decision = PolicyEvaluator.evaluate(request(GROUP, CAMPAIGN), List.of(DENY_GROUPS.named("x")));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.EXPLICIT_DENY);

        PolicyDocument campaignsOnly = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"personalize:*\",\"Resource\":\"" + CAMPAIGN + "\"}}").named("CampaignsOnly");
        Decision implicit = PolicyEvaluator.evaluate(request(CAMPAIGN, GROUP), List.of(campaignsOnly));

        assertThat(implicit.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        assertThat(implicit.resource()).isEqualTo(GROUP);
        assertThat(implicit.policy()).isEmpty();
        assertThat(implicit.statement()).isEmpty();
        assertThat(implicit.accessDeniedMessage(ALICE)).isEqualTo("User: " + ALICE + " is not authorized to perform: "
                + "personalize:CreateCampaign on resource: " + GROUP
                + " because no identity-based policy allows the personalize:CreateCampaign action");
    }

    @Test
    void a_request_without_resource_is_denied_without_naming_one() {
        Decision decision = PolicyEvaluator.evaluate(RequestContext.builder("kms:ListKeys").build(), List.of());

        assertThat(decision.resource()).isEqualTo("*");
        assertThat(decision.accessDeniedMessage(ALICE)).isEqualTo("User: " + ALICE + " is not authorized to perform: kms:ListKeys "
                + "because no identity-based policy allows the kms:ListKeys action");
    }

    @Test
    void an_allow_names_the_first_allowing_statement_and_has_no_denial_message() {
        Decision decision = PolicyEvaluator.evaluate(request(CAMPAIGN), List.of(DENY_GROUPS, ALLOW_ALL));

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.policy()).contains("arn:aws:iam::111122223333:policy/AllowAll");
        assertThat(decision.sid()).contains("All");
        assertThat(decision.resource()).isEqualTo(CAMPAIGN);
        assertThatThrownBy(() -> decision.accessDeniedMessage(ALICE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_first_deny_in_policy_order_is_reported() {
        PolicyDocument first = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Deny\","
                + "\"Action\":\"*\",\"Resource\":\"*\"},{\"Sid\":\"B\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}").named("P1");
        PolicyDocument second = first.named("P2");

        Decision decision = PolicyEvaluator.evaluate(request(CAMPAIGN), List.of(second, first));

        assertThat(decision.policy()).contains("P2");
        assertThat(decision.sid()).contains("A");
    }

    @Test
    void evaluating_does_not_depend_on_earlier_requests() {
        PolicyDocument own = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:GetUser\",\"Resource\":\"arn:aws:iam::111122223333:user/${aws:username}\"}}");

        for (int i = 0; i < 3; i++) {
            assertThat(PolicyEvaluator.evaluate(RequestContext.builder("iam:GetUser").resource(ALICE).username("alice").build(),
                    List.of(own)).isAllowed()).isTrue();
            assertThat(PolicyEvaluator.evaluate(RequestContext.builder("iam:GetUser").resource(ALICE).username("bob").build(),
                    List.of(own)).isAllowed()).isFalse();
        }
    }

    private static RequestContext request(String... resources) {
        return RequestContext.builder("personalize:CreateCampaign").resource(resources).currentTime(Instant.EPOCH).build();
    }
}
