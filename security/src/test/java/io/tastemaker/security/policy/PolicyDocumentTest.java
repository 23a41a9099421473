package io.tastemaker.security.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tastemaker.security.iam.MalformedPolicyDocumentException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing: what a document holds once parsed, and every way it can be malformed, with its message. */
class PolicyDocumentTest {

    private static final String OK = "{`Effect`:`Allow`,`Action`:`personalize:*`,`Resource`:`*`}";

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("malformed")
    void refuses_a_malformed_document_saying_what_and_where(String json, String message) {
        assertThatThrownBy(() -> PolicyDocument.parse(j(json)))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((MalformedPolicyDocumentException) e).errorName())
                        .isEqualTo("MalformedPolicyDocument"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "Policy document is empty"),
                arguments("  \n ", "Policy document is empty"),
                arguments("{", "Policy document is not valid JSON at line 1, column 3: Invalid token=EOF. Expected tokens are: "
                        + "[STRING, CURLYCLOSE]"),
                arguments("{`Version`:`2012-10-17`,\n`Statement`:[" + OK + ",]}",
                        "Policy document is not valid JSON at line 2, column 73: Invalid token=SQUARECLOSE. Expected tokens are: "
                                + "[CURLYOPEN, SQUAREOPEN, STRING, NUMBER, TRUE, FALSE, NULL]"),
                arguments(doc(OK) + "{}", "Policy document is not valid JSON at line 1, column 98: Expected EOF token, but got CURLYOPEN"),
                arguments("{`Version`:`2012-10-17`,`Version`:`2012-10-17`,`Statement`:" + OK + "}",
                        "Policy document is not valid JSON at line 1, column 34: the key 'Version' appears twice in one object"),
                arguments("{`Version`:`2012-10-17`,`Statement`:{`Effect`:`Allow`,`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`}}",
                        "Policy document is not valid JSON at line 1, column 63: the key 'Effect' appears twice in one object"),
                arguments("[" + OK + "]", "Policy document must be a JSON object, not an array"),
                arguments("`text`", "Policy document must be a JSON object, not a string"),
                arguments("{`Version`:`2012-10-17`,`Statement`:" + OK + ",`Comment`:`x`}",
                        "Policy document: unknown element 'Comment'; a policy document has Version, Id and Statement"),
                arguments("{`version`:`2012-10-17`,`Statement`:" + OK + "}",
                        "Policy document: unknown element 'version' (element names are case-sensitive: did you mean 'Version'?); "
                                + "a policy document has Version, Id and Statement"),
                arguments("{`Version`:`2012-10-18`,`Statement`:" + OK + "}",
                        "Policy document: Version must be 2012-10-17 or 2008-10-17, not '2012-10-18'"),
                arguments("{`Version`:2012,`Statement`:" + OK + "}", "Policy document: Version must be a string, not a number"),
                arguments("{`Version`:`2012-10-17`,`Id`:[],`Statement`:" + OK + "}",
                        "Policy document: Id must be a string, not an array"),
                arguments("{`Version`:`2012-10-17`}", "Policy document: Statement is missing"),
                arguments("{`Version`:`2012-10-17`,`Statement`:[]}",
                        "Policy document: Statement is an empty array; a policy needs at least one statement"),
                arguments("{`Version`:`2012-10-17`,`Statement`:`Allow everything`}",
                        "Policy document: Statement must be an object or an array of objects, not a string"),
                arguments("{`Version`:`2012-10-17`,`Statement`:[" + OK + ",7]}", "Statement 2 must be a JSON object, not a number"),
                arguments("{`Version`:`2012-10-17`,`Statement`:[null]}", "Statement 1 must be a JSON object, not null"),
                arguments(doc("{`Sid`:1,`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}"), "Statement 1: Sid must be a string, not a number"),
                arguments(doc("{`Sid`:`Read-Only`,`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}"),
                        "Statement 1: Sid 'Read-Only' must contain only letters and digits (A-Z, a-z, 0-9)"),
                arguments(doc("{`Sid`:`A`,`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}", "{`Sid`:`A`,`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`}"),
                        "Statement 2: Sid 'A' is already used by another statement; Sids must be unique"),
                arguments(doc("{`Action`:`*`,`Resource`:`*`}"), "Statement 1: Effect is missing; it must be Allow or Deny"),
                arguments(doc(OK, "{`Sid`:`ReadOnly`,`Effect`:`allow`,`Action`:`*`,`Resource`:`*`}"),
                        "Statement 2 (Sid ReadOnly): Effect must be Allow or Deny, not 'allow'"),
                arguments(doc("{`Effect`:true,`Action`:`*`,`Resource`:`*`}"), "Statement 1: Effect must be Allow or Deny, not a boolean"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`NotAction`:`iam:*`,`Resource`:`*`}"),
                        "Statement 1: has both Action and NotAction; a statement takes one of them"),
                arguments(doc("{`Sid`:`X`,`Effect`:`Allow`,`Resource`:`*`}"),
                        "Statement 1 (Sid X): has neither Action nor NotAction; a statement needs one of them"),
                arguments(doc("{`Effect`:`Allow`,`Action`:[],`Resource`:`*`}"),
                        "Statement 1: Action is an empty array; it needs at least one entry"),
                arguments(doc("{`Effect`:`Allow`,`Action`:5,`Resource`:`*`}"),
                        "Statement 1: Action must be a string or an array of strings, not a number"),
                arguments(doc("{`Effect`:`Allow`,`NotAction`:[`iam:*`,{}],`Resource`:`*`}"),
                        "Statement 1: NotAction must be a string or an array of strings, but has an object"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`GetUser`,`Resource`:`*`}"),
                        "Statement 1: Action 'GetUser' must be '*' or '<service>:<action>', e.g. 'personalize:CreateCampaign' or "
                                + "'personalize:Describe*'"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`personalize:`,`Resource`:`*`}"),
                        "Statement 1: Action 'personalize:' must be '*' or '<service>:<action>', e.g. 'personalize:CreateCampaign' or "
                                + "'personalize:Describe*'"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`person alize:Get`,`Resource`:`*`}"),
                        "Statement 1: Action 'person alize:Get' must be '*' or '<service>:<action>', e.g. 'personalize:CreateCampaign' or "
                                + "'personalize:Describe*'"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*:Get*`,`Resource`:`*`}"),
                        "Statement 1: Action '*:Get*' must be '*' or '<service>:<action>', e.g. 'personalize:CreateCampaign' or "
                                + "'personalize:Describe*'"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`NotResource`:`*`}"),
                        "Statement 1: has both Resource and NotResource; a statement takes one of them"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`}"),
                        "Statement 1: has neither Resource nor NotResource; a statement needs one of them"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`campaign/shop`}"),
                        "Statement 1: Resource 'campaign/shop' must be '*' or an ARN "
                                + "(arn:<partition>:<service>:<region>:<account>:<resource>, shorter only where a segment ends with *)"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`NotResource`:`arn:aws:personalize:us-east-1`}"),
                        "Statement 1: NotResource 'arn:aws:personalize:us-east-1' must be '*' or an ARN "
                                + "(arn:<partition>:<service>:<region>:<account>:<resource>, shorter only where a segment ends with *)"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`arn:aws:*:us-east-1:111122223333:campaign/x`}"),
                        "Statement 1: Resource 'arn:aws:*:us-east-1:111122223333:campaign/x' must name its service without wildcards "
                                + "(arn:<partition>:<service>:...)"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:[`*`,3]}"),
                        "Statement 1: Resource must be a string or an array of strings, but has a number"),
                arguments(doc("{`Effect`:`Allow`,`Principal`:{`AWS`:`*`},`Action`:`*`,`Resource`:`*`}"),
                        "Statement 1: Principal is not allowed in an identity-based policy; the policy applies to the user, group or "
                                + "role it is attached to"),
                arguments(doc("{`Sid`:`S`,`Effect`:`Deny`,`NotPrincipal`:{`AWS`:`*`},`Action`:`*`,`Resource`:`*`}"),
                        "Statement 1 (Sid S): NotPrincipal is not allowed in an identity-based policy; the policy applies to the "
                                + "user, group or role it is attached to"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resources`:`*`}"),
                        "Statement 1: unknown element 'Resources'; a statement has Sid, Effect, Action or NotAction, Resource or "
                                + "NotResource, and Condition"),
                arguments(doc("{`effect`:`Allow`,`Action`:`*`,`Resource`:`*`}"),
                        "Statement 1: unknown element 'effect' (element names are case-sensitive: did you mean 'Effect'?); a statement "
                                + "has Sid, Effect, Action or NotAction, Resource or NotResource, and Condition"),
                arguments(cond("`yes`"), "Statement 1: Condition must be an object of condition operators, not a string"),
                arguments(cond("{}"), "Statement 1: Condition is empty; leave it out or give it an operator"),
                arguments(cond("{`StringEqualz`:{`aws:username`:`a`}}"), "Statement 1: unknown condition operator 'StringEqualz'"),
                arguments(cond("{`stringequals`:{`aws:username`:`a`}}"),
                        "Statement 1: unknown condition operator 'stringequals' (operators are case-sensitive: did you mean StringEquals?)"),
                arguments(cond("{`ForAnyValue:stringLikeIfExists`:{`aws:username`:`a`}}"),
                        "Statement 1: unknown condition operator 'ForAnyValue:stringLikeIfExists' (operators are case-sensitive: "
                                + "did you mean StringLike?)"),
                arguments(cond("{`ForSomeValues:StringEquals`:{`aws:username`:`a`}}"),
                        "Statement 1: unknown condition operator 'ForSomeValues:StringEquals'"),
                arguments(cond("{`ForAnyValue:Null`:{`aws:username`:`true`}}"),
                        "Statement 1: condition operator 'ForAnyValue:Null' is not valid: Null takes neither ForAnyValue:/ForAllValues: "
                                + "nor IfExists"),
                arguments(cond("{`NullIfExists`:{`aws:username`:`true`}}"),
                        "Statement 1: condition operator 'NullIfExists' is not valid: Null takes neither ForAnyValue:/ForAllValues: "
                                + "nor IfExists"),
                arguments(cond("{`StringEquals`:[`aws:username`]}"),
                        "Statement 1: Condition StringEquals must be an object of condition keys and values, not an array"),
                arguments(cond("{`StringEquals`:{}}"), "Statement 1: Condition StringEquals has no condition key"),
                arguments(cond("{`StringEquals`:{`username`:`a`}}"),
                        "Statement 1: Condition StringEquals: key 'username' must be '<service>:<name>', e.g. aws:SourceIp"),
                arguments(cond("{`StringEquals`:{`aws:user name`:`a`}}"),
                        "Statement 1: Condition StringEquals: key 'aws:user name' must be '<service>:<name>', e.g. aws:SourceIp"),
                arguments(cond("{`StringEquals`:{`aws:username`:[]}}"),
                        "Statement 1: Condition StringEquals on aws:username: the list of values is empty"),
                arguments(cond("{`StringEquals`:{`aws:username`:{`a`:1}}}"),
                        "Statement 1: Condition StringEquals on aws:username: a value must be a string, a number or a boolean, not an object"),
                arguments(cond("{`StringEquals`:{`aws:username`:[`a`,null]}}"),
                        "Statement 1: Condition StringEquals on aws:username: a value must be a string, a number or a boolean, not null"),
                arguments(cond("{`NumericLessThan`:{`aws:MultiFactorAuthAge`:`an hour`}}"),
                        "Statement 1: Condition NumericLessThan on aws:MultiFactorAuthAge: 'an hour' is not a number"),
                arguments(cond("{`DateGreaterThan`:{`aws:CurrentTime`:`yesterday`}}"),
                        "Statement 1: Condition DateGreaterThan on aws:CurrentTime: 'yesterday' is not a date: use ISO 8601 "
                                + "(2026-11-28T09:30:00Z) or epoch seconds"),
                arguments(cond("{`DateGreaterThan`:{`aws:CurrentTime`:`2026-02-30`}}"),
                        "Statement 1: Condition DateGreaterThan on aws:CurrentTime: '2026-02-30' is not a date: use ISO 8601 "
                                + "(2026-11-28T09:30:00Z) or epoch seconds"),
                arguments(cond("{`IpAddress`:{`aws:SourceIp`:`10.0.0.300/8`}}"),
                        "Statement 1: Condition IpAddress on aws:SourceIp: '10.0.0.300/8' is not an IPv4 or IPv6 address or CIDR range"),
                arguments(cond("{`NotIpAddress`:{`aws:SourceIp`:[`10.0.0.0/8`,`10.0.0.0/33`]}}"),
                        "Statement 1: Condition NotIpAddress on aws:SourceIp: '10.0.0.0/33' is not an IPv4 or IPv6 address or CIDR range"),
                arguments(cond("{`IpAddress`:{`aws:SourceIp`:`2001:db8::1::/64`}}"),
                        "Statement 1: Condition IpAddress on aws:SourceIp: '2001:db8::1::/64' is not an IPv4 or IPv6 address or CIDR range"),
                arguments(cond("{`Bool`:{`aws:SecureTransport`:`yes`}}"),
                        "Statement 1: Condition Bool on aws:SecureTransport: 'yes' is not true or false"),
                arguments(cond("{`Null`:{`aws:SourceIp`:`maybe`}}"), "Statement 1: Condition Null on aws:SourceIp: 'maybe' is not true or false"),
                arguments(cond("{`BinaryEquals`:{`tm:blob`:`***`}}"), "Statement 1: Condition BinaryEquals on tm:blob: '***' is not base64"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`arn:aws:iam::111122223333:user/${aws:username`}"),
                        "Statement 1: Resource 'arn:aws:iam::111122223333:user/${aws:username': the policy variable at position 32 "
                                + "is not closed with '}'"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`arn:aws:iam::111122223333:user/${}`}"),
                        "Statement 1: Resource 'arn:aws:iam::111122223333:user/${}': the policy variable at position 32 names no context key"),
                arguments(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`arn:aws:iam::111122223333:user/${aws:username, nobody}`}"),
                        "Statement 1: Resource 'arn:aws:iam::111122223333:user/${aws:username, nobody}': the default value of the policy "
                                + "variable at position 32 must be in single quotes, e.g. ${aws:username, 'default'}"),
                arguments(cond("{`StringLike`:{`tm:path`:`home/${aws:username, 'x`}}"),
                        "Statement 1: Condition StringLike on tm:path: the policy variable at position 6 is not closed with '}'"));
    }

    @Test
    void reads_a_document_with_one_statement_object() {
        PolicyDocument policy = PolicyDocument.parse(j("{`Version`:`2012-10-17`,`Id`:`shop`,`Statement`:{`Sid`:`Read`,"
                + "`Effect`:`Allow`,`Action`:[`personalize:Describe*`,`personalize:List*`],`Resource`:`*`}}"));

        assertThat(policy.version()).isEqualTo("2012-10-17");
        assertThat(policy.id()).contains("shop");
        assertThat(policy.name()).isEmpty();
        assertThat(policy.statements()).hasSize(1);
        Statement statement = policy.statements().get(0);
        assertThat(statement.number()).isEqualTo(1);
        assertThat(statement.sid()).contains("Read");
        assertThat(statement.effect()).isEqualTo(Effect.ALLOW);
        assertThat(statement.actions()).containsExactly("personalize:Describe*", "personalize:List*");
        assertThat(statement.isNotAction()).isFalse();
        assertThat(statement.resources()).containsExactly("*");
        assertThat(statement.isNotResource()).isFalse();
        assertThat(statement.conditionCount()).isZero();
    }

    @Test
    void reads_statements_in_order_with_not_elements_and_conditions() {
        PolicyDocument policy = PolicyDocument.parse(j("{`Version`:`2012-10-17`,`Statement`:[" + OK + ","
                + "{`Effect`:`Deny`,`NotAction`:`personalize:Get*`,`NotResource`:[`arn:aws:personalize:*:*:campaign/a`,"
                + "`arn:aws:personalize:*:*:campaign/b`],`Condition`:{`Bool`:{`aws:SecureTransport`:false},"
                + "`ForAnyValue:StringLikeIfExists`:{`aws:TagKeys`:[`a*`,`b*`],`tm:other`:1}}}]}"));

        assertThat(policy.statements()).extracting(Statement::number).containsExactly(1, 2);
        Statement deny = policy.statements().get(1);
        assertThat(deny.effect()).isEqualTo(Effect.DENY);
        assertThat(deny.sid()).isEmpty();
        assertThat(deny.isNotAction()).isTrue();
        assertThat(deny.actions()).containsExactly("personalize:Get*");
        assertThat(deny.isNotResource()).isTrue();
        assertThat(deny.resources()).hasSize(2);
        assertThat(deny.conditionCount()).isEqualTo(3);
    }

    @Test
    void without_version_a_document_is_2008_10_17() {
        assertThat(PolicyDocument.parse(j("{`Statement`:" + OK + "}")).version()).isEqualTo(PolicyDocument.VERSION_2008_10_17);
        assertThat(PolicyDocument.parse(j("{`Version`:`2008-10-17`,`Statement`:" + OK + "}")).version())
                .isEqualTo(PolicyDocument.VERSION_2008_10_17);
    }

    @Test
    void a_2008_document_may_hold_text_that_would_be_a_malformed_variable() {
        PolicyDocument policy = PolicyDocument.parse(j("{`Version`:`2008-10-17`,`Statement`:{`Effect`:`Allow`,`Action`:`*`,"
                + "`Resource`:`arn:aws:iam::111122223333:user/${aws:username`}}"));

        assertThat(policy.statements().get(0).resources()).containsExactly("arn:aws:iam::111122223333:user/${aws:username");
    }

    @Test
    void a_name_is_carried_by_a_copy_and_the_text_is_kept_as_given() {
        String json = j("{ `Version` : `2012-10-17`,\n  `Statement` : " + OK + " }");
        PolicyDocument policy = PolicyDocument.parse(json);
        PolicyDocument named = policy.named("arn:aws:iam::111122223333:policy/Shop");

        assertThat(named.name()).contains("arn:aws:iam::111122223333:policy/Shop");
        assertThat(policy.name()).isEmpty();
        assertThat(named.text()).isEqualTo(json);
        assertThat(named.statements()).isEqualTo(policy.statements());
    }

    @Test
    void the_limit_counts_characters_without_white_space() {
        String prefix = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Sid\":\"";
        String suffix = "\"}}";
        String exactly = prefix + "A".repeat(PolicyDocument.MANAGED_POLICY_MAX_CHARACTERS - prefix.length() - suffix.length()) + suffix;
        assertThat(exactly).hasSize(6144);

        assertThat(PolicyDocument.parse(exactly).statements()).hasSize(1);
        assertThat(PolicyDocument.parse(exactly.replace(",", ",\n        ")).statements()).hasSize(1);
        String over = prefix + "A".repeat(PolicyDocument.MANAGED_POLICY_MAX_CHARACTERS - prefix.length() - suffix.length() + 1) + suffix;
        assertThatThrownBy(() -> PolicyDocument.parse(over))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage("Policy document has 6145 characters, not counting white space; the limit is 6144");
    }

    @Test
    void an_inline_policy_may_have_another_limit() {
        String json = j(doc(OK));

        assertThat(PolicyDocument.parse(json, json.length()).statements()).hasSize(1);
        assertThatThrownBy(() -> PolicyDocument.parse(json, json.length() - 1))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessage("Policy document has " + json.length() + " characters, not counting white space; the limit is "
                        + (json.length() - 1));
    }

    @Test
    void condition_values_may_be_numbers_and_booleans() {
        PolicyDocument policy = PolicyDocument.parse(j(doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{"
                + "`NumericLessThan`:{`tm:n`:[1,2.5,-3]},`Bool`:{`aws:SecureTransport`:true},`StringEquals`:{`tm:s`:[`x`,7,false]}}}")));

        assertThat(policy.statements().get(0).conditionCount()).isEqualTo(3);
        RequestContext request = RequestContext.builder("tm:Do").key("tm:n", "2").secureTransport(true).key("tm:s", "false").build();
        assertThat(PolicyEvaluator.evaluate(request, java.util.List.of(policy)).isAllowed()).isTrue();
    }

    @Test
    void an_empty_sid_is_allowed_and_not_unique() {
        PolicyDocument policy = PolicyDocument.parse(j(doc("{`Sid`:``,`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}",
                "{`Sid`:``,`Effect`:`Deny`,`Action`:`iam:*`,`Resource`:`*`}")));

        assertThat(policy.statements()).hasSize(2);
    }

    private static String j(String text) {
        return text.replace('`', '"');
    }

    private static String doc(String... statements) {
        return "{`Version`:`2012-10-17`,`Statement`:[" + String.join(",", statements) + "]}";
    }

    private static String cond(String condition) {
        return doc("{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:" + condition + "}");
    }
}
