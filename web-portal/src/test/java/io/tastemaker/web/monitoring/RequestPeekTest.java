package io.tastemaker.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.web.auth.ApiService;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the audit trail takes from a request: ARNs, record counts, IAM's Action, and no other value. */
class RequestPeekTest {

    private static RequestPeek json(String body) {
        return RequestPeek.of("application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void top_level_arns_are_taken_and_other_values_are_not() {
        RequestPeek peek = json("{\"campaignArn\":\"arn:aws:personalize:us-east-1:1:campaign/c\",\"userId\":\"u\","
                + "\"filterValues\":{\"x\":\"arn:aws:nested\"},\"secretArn\":\"not-an-arn\",\"roleArn\":\"arn:aws:iam::1:role/r\"}");
        assertThat(peek.arns()).containsExactly("arn:aws:personalize:us-east-1:1:campaign/c", "arn:aws:iam::1:role/r");
        assertThat(peek.records()).isZero();
        assertThat(peek.toString()).doesNotContain("\"u\"").doesNotContain("nested");
    }

    @Test
    void the_events_of_a_put_events_call_are_counted() {
        RequestPeek peek = RequestPeek.of("application/json", ("{\"trackingId\":\"t\",\"sessionId\":\"s\",\"eventList\":"
                + "[{\"eventType\":\"click\",\"properties\":\"{}\"},{\"eventType\":\"view\",\"impression\":[\"a\",\"b\"]}]}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(peek.records()).isEqualTo(2);
    }

    @Test
    void broken_json_gives_nothing() {
        assertThat(json("{\"campaignArn\":\"arn:x\",")).isEqualTo(RequestPeek.NONE);
        assertThat(json("[1,2]")).isEqualTo(RequestPeek.NONE);
        assertThat(json("")).isEqualTo(RequestPeek.NONE);
    }

    @Test
    void the_iam_action_is_read_from_the_form_and_nothing_else() {
        RequestPeek peek = RequestPeek.of("application/x-www-form-urlencoded; charset=utf-8",
                "UserName=bob&Password=hunter2&Action=CreateLoginProfile&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
        assertThat(peek.formAction()).isEqualTo("CreateLoginProfile");
        assertThat(peek.toString()).doesNotContain("hunter2");
        assertThat(RequestPeek.formAction("Action=Create%20User")).isNull();
    }

    @Test
    void actions_are_named_from_the_target_the_form_or_the_path() {
        assertThat(ApiActions.of(ApiService.PERSONALIZE, "POST", "/", "AmazonPersonalize.CreateCampaign", null))
                .isEqualTo("personalize:CreateCampaign");
        assertThat(ApiActions.of(ApiService.KMS, "POST", "/", "TrentService.Encrypt", null)).isEqualTo("kms:Encrypt");
        assertThat(ApiActions.of(ApiService.TASTEMAKER, "POST", "/", "Tastemaker.CreateAccount", null))
                .isEqualTo("tastemaker:CreateAccount");
        assertThat(ApiActions.of(ApiService.IAM, "POST", "/", null, "CreateUser")).isEqualTo("iam:CreateUser");
        assertThat(ApiActions.of(ApiService.IAM, "POST", "/", null, null)).isEqualTo("iam:Unknown");
        assertThat(ApiActions.of(ApiService.PERSONALIZE, "POST", "/recommendations", null, null))
                .isEqualTo("personalize:GetRecommendations");
        assertThat(ApiActions.of(ApiService.PERSONALIZE, "POST", "/events", null, null)).isEqualTo("personalize:PutEvents");
        assertThat(ApiActions.of(ApiService.PERSONALIZE, "GET", "/nowhere", null, null)).isEqualTo("personalize:Unknown");
        assertThat(ApiActions.of(ApiService.PERSONALIZE, "POST", "/", "AmazonPersonalize.<script>", null))
                .isEqualTo("personalize:Unknown");
        assertThat(ApiActions.operationOf("personalize:PutEvents")).isEqualTo("PutEvents");
    }
}
