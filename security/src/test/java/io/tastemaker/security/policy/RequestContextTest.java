package io.tastemaker.security.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestContextTest {

    @Test
    void keys_are_case_insensitive_and_values_are_kept_as_given() {
        RequestContext request = RequestContext.builder("personalize:ListCampaigns")
                .key("aws:UserName", "Alice")
                .key("aws:TagKeys", "a", "b")
                .build();

        assertThat(request.values("AWS:USERNAME")).containsExactly("Alice");
        assertThat(request.values("aws:tagkeys")).containsExactly("a", "b");
        assertThat(request.values("aws:SourceIp")).isEmpty();
        assertThat(request.keys()).containsOnlyKeys("aws:TagKeys", "aws:UserName");
    }

    @Test
    void a_key_given_no_value_is_absent_and_a_later_value_replaces_an_earlier_one() {
        RequestContext request = RequestContext.builder("x:Y")
                .username("alice").username("bob")
                .key("aws:SourceIp", "192.0.2.1").key("aws:sourceip", List.of())
                .build();

        assertThat(request.values("aws:username")).containsExactly("bob");
        assertThat(request.values("aws:SourceIp")).isEmpty();
    }

    @Test
    void the_current_time_sets_iso_and_epoch_keys() {
        RequestContext request = RequestContext.builder("x:Y").currentTime(Instant.parse("2026-11-28T09:30:00.250Z")).build();

        assertThat(request.values(RequestContext.CURRENT_TIME)).containsExactly("2026-11-28T09:30:00.250Z");
        assertThat(request.values(RequestContext.EPOCH_TIME)).containsExactly("1795858200");
    }

    @Test
    void the_well_known_keys_have_builders() {
        RequestContext request = RequestContext.builder("x:Y").sourceIp("192.0.2.1").secureTransport(true).username("alice")
                .userId("AIDAEXAMPLE").principalArn("arn:aws:iam::111122223333:user/alice").principalAccount("111122223333")
                .userAgent("aws-sdk-java/2.40.2").build();

        assertThat(request.values("aws:SourceIp")).containsExactly("192.0.2.1");
        assertThat(request.values("aws:SecureTransport")).containsExactly("true");
        assertThat(request.values("aws:username")).containsExactly("alice");
        assertThat(request.values("aws:userid")).containsExactly("AIDAEXAMPLE");
        assertThat(request.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::111122223333:user/alice");
        assertThat(request.values("aws:PrincipalAccount")).containsExactly("111122223333");
        assertThat(request.values("aws:UserAgent")).containsExactly("aws-sdk-java/2.40.2");
    }

    @Test
    void a_request_without_resources_acts_on_star() {
        assertThat(RequestContext.builder("kms:ListKeys").build().resources()).containsExactly("*");
        assertThat(RequestContext.builder("kms:DescribeKey").resource("a", "b").resources(List.of("c")).build().resources())
                .containsExactly("a", "b", "c");
    }

    @Test
    void a_request_needs_an_action() {
        assertThatThrownBy(() -> RequestContext.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A request needs an action, e.g. personalize:CreateCampaign");
        assertThatThrownBy(() -> RequestContext.builder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RequestContext.builder("x:Y").resource((String) null)).isInstanceOf(NullPointerException.class);
    }
}
