package io.tastemaker.security.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The ready-made policies parse with our own parser and grant exactly what their names promise. */
class ReadyMadePoliciesTest {

    private static final String ACCOUNT = "111122223333";
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";

    @Test
    void there_are_five_with_the_documented_arns() {
        assertThat(ReadyMadePolicies.all()).extracting(ReadyMadePolicy::arn).containsExactly(
                "arn:aws:iam::aws:policy/TastemakerAccountAdmin",
                "arn:aws:iam::aws:policy/TastemakerDataEngineer",
                "arn:aws:iam::aws:policy/TastemakerRuntimeClient",
                "arn:aws:iam::aws:policy/TastemakerBillingViewer",
                "arn:aws:iam::aws:policy/TastemakerReadOnly");
        assertThat(ReadyMadePolicies.all()).allSatisfy(policy -> {
            assertThat(policy.arn()).isEqualTo(ReadyMadePolicies.ARN_PREFIX + policy.name());
            assertThat(policy.description()).isNotBlank().endsWith(".");
            assertThat(policy.document().name()).contains(policy.arn());
            assertThat(ReadyMadePolicies.byArn(policy.arn())).containsSame(policy);
        });
        assertThat(ReadyMadePolicies.byArn("arn:aws:iam::aws:policy/tastemakerreadonly")).isEmpty();
    }

    @Test
    void each_document_parses_again_from_its_json_within_the_managed_policy_limit() {
        for (ReadyMadePolicy policy : ReadyMadePolicies.all()) {
            PolicyDocument again = PolicyDocument.parse(policy.json());

            assertThat(again.version()).isEqualTo(PolicyDocument.VERSION_2012_10_17);
            assertThat(again.statements()).hasSameSizeAs(policy.document().statements());
            assertThat(again.text()).isEqualTo(policy.json());
        }
    }

    @ParameterizedTest(name = "[{index}] {0} {1} on {2} as {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "TastemakerAccountAdmin|iam:CreateUser|arn:aws:iam::111122223333:user/bob|alice|true",
        "TastemakerAccountAdmin|personalize:DeleteDatasetGroup|arn:aws:personalize:us-east-1:111122223333:dataset-group/g|alice|true",
        "TastemakerAccountAdmin|kms:ScheduleKeyDeletion|arn:aws:kms:us-east-1:111122223333:key/k|alice|true",
        "TastemakerAccountAdmin|aws-portal:ModifyBilling|-|alice|true",
        "TastemakerDataEngineer|personalize:CreateDatasetImportJob|arn:aws:personalize:us-east-1:111122223333:dataset-import-job/j|alice|true",
        "TastemakerDataEngineer|personalize:CreateSolutionVersion|arn:aws:personalize:us-east-1:111122223333:solution/s|alice|true",
        "TastemakerDataEngineer|personalize:DeleteCampaign|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|true",
        "TastemakerDataEngineer|personalize:CreateFilter|arn:aws:personalize:us-east-1:111122223333:filter/f|alice|true",
        "TastemakerDataEngineer|personalize:PutItems|arn:aws:personalize:us-east-1:111122223333:dataset/g/ITEMS|alice|true",
        "TastemakerDataEngineer|kms:DescribeKey|arn:aws:kms:us-east-1:111122223333:key/k|alice|true",
        "TastemakerDataEngineer|kms:ListKeys|-|alice|true",
        "TastemakerDataEngineer|kms:Decrypt|arn:aws:kms:us-east-1:111122223333:key/k|alice|false",
        "TastemakerDataEngineer|kms:CreateKey|-|alice|false",
        "TastemakerDataEngineer|iam:GetUser|arn:aws:iam::111122223333:user/alice|alice|true",
        "TastemakerDataEngineer|iam:CreateAccessKey|arn:aws:iam::111122223333:user/alice|alice|true",
        "TastemakerDataEngineer|iam:UpdateAccessKey|arn:aws:iam::111122223333:user/alice|alice|true",
        "TastemakerDataEngineer|iam:DeleteAccessKey|arn:aws:iam::111122223333:user/alice|alice|true",
        "TastemakerDataEngineer|iam:ListAccessKeys|arn:aws:iam::111122223333:user/alice|alice|true",
        "TastemakerDataEngineer|iam:CreateAccessKey|arn:aws:iam::111122223333:user/bob|alice|false",
        "TastemakerDataEngineer|iam:GetUser|arn:aws:iam::111122223333:user/bob|alice|false",
        "TastemakerDataEngineer|iam:CreateAccessKey|arn:aws:iam::444455556666:user/alice|alice|false",
        "TastemakerDataEngineer|iam:CreateAccessKey|arn:aws:iam::111122223333:user/alice|-|false",
        "TastemakerDataEngineer|iam:CreateUser|arn:aws:iam::111122223333:user/carol|alice|false",
        "TastemakerDataEngineer|iam:AttachUserPolicy|arn:aws:iam::111122223333:user/alice|alice|false",
        "TastemakerDataEngineer|iam:ChangePassword|arn:aws:iam::111122223333:user/alice|alice|false",
        "TastemakerDataEngineer|aws-portal:ViewBilling|-|alice|false",
        "TastemakerDataEngineer|cloudtrail:LookupEvents|-|alice|false",
        "TastemakerRuntimeClient|personalize:GetRecommendations|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|true",
        "TastemakerRuntimeClient|personalize:GetPersonalizedRanking|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|true",
        "TastemakerRuntimeClient|personalize:PutEvents|arn:aws:personalize:us-east-1:111122223333:event-tracker/t|alice|true",
        "TastemakerRuntimeClient|personalize:PutItems|arn:aws:personalize:us-east-1:111122223333:dataset/g/ITEMS|alice|false",
        "TastemakerRuntimeClient|personalize:PutUsers|arn:aws:personalize:us-east-1:111122223333:dataset/g/USERS|alice|false",
        "TastemakerRuntimeClient|personalize:DescribeCampaign|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|false",
        "TastemakerRuntimeClient|personalize:CreateCampaign|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|false",
        "TastemakerRuntimeClient|iam:GetUser|arn:aws:iam::111122223333:user/alice|alice|false",
        "TastemakerBillingViewer|aws-portal:ViewBilling|-|alice|true",
        "TastemakerBillingViewer|aws-portal:ViewUsage|-|alice|true",
        "TastemakerBillingViewer|ce:GetCostAndUsage|-|alice|true",
        "TastemakerBillingViewer|aws-portal:ModifyBilling|-|alice|false",
        "TastemakerBillingViewer|ce:CreateCostCategoryDefinition|-|alice|false",
        "TastemakerBillingViewer|personalize:ListCampaigns|-|alice|false",
        "TastemakerReadOnly|personalize:DescribeCampaign|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|true",
        "TastemakerReadOnly|personalize:ListDatasetGroups|-|alice|true",
        "TastemakerReadOnly|personalize:GetSolutionMetrics|arn:aws:personalize:us-east-1:111122223333:solution/s/1|alice|true",
        "TastemakerReadOnly|personalize:GetRecommendations|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|false",
        "TastemakerReadOnly|personalize:CreateCampaign|arn:aws:personalize:us-east-1:111122223333:campaign/c|alice|false",
        "TastemakerReadOnly|personalize:PutEvents|arn:aws:personalize:us-east-1:111122223333:event-tracker/t|alice|false",
        "TastemakerReadOnly|iam:GetUser|arn:aws:iam::111122223333:user/bob|alice|true",
        "TastemakerReadOnly|iam:ListUsers|-|alice|true",
        "TastemakerReadOnly|iam:CreateUser|arn:aws:iam::111122223333:user/bob|alice|false",
        "TastemakerReadOnly|iam:CreateAccessKey|arn:aws:iam::111122223333:user/alice|alice|false",
        "TastemakerReadOnly|kms:DescribeKey|arn:aws:kms:us-east-1:111122223333:key/k|alice|true",
        "TastemakerReadOnly|kms:ListAliases|-|alice|true",
        "TastemakerReadOnly|kms:GetKeyRotationStatus|arn:aws:kms:us-east-1:111122223333:key/k|alice|true",
        "TastemakerReadOnly|kms:GetKeyPolicy|arn:aws:kms:us-east-1:111122223333:key/k|alice|false",
        "TastemakerReadOnly|kms:Decrypt|arn:aws:kms:us-east-1:111122223333:key/k|alice|false",
        "TastemakerReadOnly|cloudtrail:LookupEvents|-|alice|true",
        "TastemakerReadOnly|aws-portal:ViewBilling|-|alice|false",
    })
    void grants_what_the_name_promises(String name, String action, String resource, String username, boolean allowed) {
        ReadyMadePolicy policy = ReadyMadePolicies.byArn(ReadyMadePolicies.ARN_PREFIX + name).orElseThrow();
        RequestContext.Builder request = RequestContext.builder(action).principalAccount(ACCOUNT).principalArn(ALICE);
        if (resource != null) {
            request.resource(resource);
        }
        if (username != null) {
            request.username(username);
        }

        Decision decision = PolicyEvaluator.evaluate(request.build(), List.of(policy.document()));

        assertThat(decision.isAllowed()).as(decision.toString()).isEqualTo(allowed);
        if (allowed) {
            assertThat(decision.policy()).contains(policy.arn());
        } else {
            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.IMPLICIT_DENY);
        }
    }
}
