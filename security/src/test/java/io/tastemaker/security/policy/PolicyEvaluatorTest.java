package io.tastemaker.security.policy;

import static io.tastemaker.security.policy.Decision.Outcome.ALLOW;
import static io.tastemaker.security.policy.Decision.Outcome.EXPLICIT_DENY;
import static io.tastemaker.security.policy.Decision.Outcome.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.tastemaker.security.policy.Decision.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy matrix: each row is one or more identity-based policies, one request and the
 * answer AWS's documented evaluation logic gives (explicit deny beats allow beats the default
 * deny; condition operators as in "IAM JSON policy elements: Condition operators", including
 * "if the key is not present the condition is false, and true for a negated operator").
 *
 * <p>Policies are written with backticks for quotes ({@link #j}) to keep rows on one line.
 */
class PolicyEvaluatorTest {

    private static final String ACCOUNT = "111122223333";
    private static final String CAMPAIGN = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/shop";
    private static final String CAMPAIGN_WEST = "arn:aws:personalize:us-west-2:" + ACCOUNT + ":campaign/shop";
    private static final String OTHER_CAMPAIGN = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/news";
    private static final String SECRET_CAMPAIGN = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/secret1";
    private static final String GROUP = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":dataset-group/shop";
    private static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    private static final String BOB = "arn:aws:iam::" + ACCOUNT + ":user/bob";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/admin";
    private static final String CREATE = "personalize:CreateCampaign";
    private static final String GET = "personalize:GetRecommendations";
    private static final Instant NOW = Instant.parse("2026-11-28T09:30:00Z");

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("matrix")
    void decides_as_aws_documents(String name, Outcome expected, List<String> policies, RequestContext.Builder request) {
        List<PolicyDocument> documents = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            documents.add(PolicyDocument.parse(policies.get(i)).named("policy" + (i + 1)));
        }

        Decision decision = PolicyEvaluator.evaluate(request.build(), documents);

        assertThat(decision.outcome()).as(name + " → " + decision).isEqualTo(expected);
        assertThat(decision.isAllowed()).isEqualTo(expected == ALLOW);
        assertThat(decision.statement().isPresent()).as("a deciding statement").isEqualTo(expected != IMPLICIT_DENY);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        basics(rows);
        actions(rows);
        resources(rows);
        notActionAndNotResource(rows);
        strings(rows);
        ifExistsAndNull(rows);
        booleansAndNumbers(rows);
        dates(rows);
        ipAddresses(rows);
        arnsAndBinary(rows);
        setOperators(rows);
        variables(rows);
        return rows.stream();
    }

    private static void basics(List<Arguments> rows) {
        rows.add(row("no policy at all", IMPLICIT_DENY, List.of(), req(CREATE, CAMPAIGN)));
        rows.add(row("an allow of the action on the resource", ALLOW, allow(CREATE, CAMPAIGN), req(CREATE, CAMPAIGN)));
        rows.add(row("an allow of another action", IMPLICIT_DENY, allow("personalize:DeleteCampaign", CAMPAIGN), req(CREATE, CAMPAIGN)));
        rows.add(row("an allow of another resource", IMPLICIT_DENY, allow(CREATE, OTHER_CAMPAIGN), req(CREATE, CAMPAIGN)));
        rows.add(row("a deny alone", EXPLICIT_DENY, deny(CREATE, "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("allow and deny in one policy", EXPLICIT_DENY, doc(s("Allow", "*", "*"), s("Deny", CREATE, CAMPAIGN)),
                req(CREATE, CAMPAIGN)));
        rows.add(row("deny before allow in one policy", EXPLICIT_DENY, doc(s("Deny", CREATE, CAMPAIGN), s("Allow", "*", "*")),
                req(CREATE, CAMPAIGN)));
        rows.add(row("allow in one policy, deny in another", EXPLICIT_DENY,
                List.of(doc(s("Allow", "*", "*")), doc(s("Deny", "personalize:*", "*"))), req(CREATE, CAMPAIGN)));
        rows.add(row("a deny of another action does not touch an allow", ALLOW,
                doc(s("Allow", "*", "*"), s("Deny", "personalize:DeleteCampaign", "*")), req(CREATE, CAMPAIGN)));
        rows.add(row("a deny of another resource does not touch an allow", ALLOW,
                doc(s("Allow", "*", "*"), s("Deny", "*", OTHER_CAMPAIGN)), req(CREATE, CAMPAIGN)));
        rows.add(row("allows in two policies", ALLOW,
                List.of(doc(s("Allow", "kms:*", "*")), doc(s("Allow", "personalize:*", "*"))), req(CREATE, CAMPAIGN)));
        rows.add(row("a deny whose condition fails does not touch an allow", ALLOW,
                doc(s("Allow", "*", "*"), sc("Deny", "*", "*", "{`StringEquals`:{`aws:username`:`mallory`}}")),
                req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("an allow whose condition fails allows nothing", IMPLICIT_DENY,
                doc(sc("Allow", "*", "*", "{`StringEquals`:{`aws:username`:`mallory`}}")), req(CREATE, CAMPAIGN).username("alice")));
    }

    private static void actions(List<Arguments> rows) {
        rows.add(row("service wildcard", ALLOW, allow("personalize:*", "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("prefix wildcard matches", ALLOW, allow("personalize:Get*", "*"), req(GET, CAMPAIGN)));
        rows.add(row("prefix wildcard does not match another verb", IMPLICIT_DENY, allow("personalize:Get*", "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("action *", ALLOW, allow("*", "*"), req("iam:CreateUser", ALICE)));
        rows.add(row("actions are case-insensitive (policy)", ALLOW, allow("Personalize:createcampaign", "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("actions are case-insensitive (request)", ALLOW, allow("personalize:List*", "*"),
                req("PERSONALIZE:listcampaigns", CAMPAIGN)));
        rows.add(row("? is exactly one character", ALLOW, allow("personalize:Describe?ataset", "*"),
                req("personalize:DescribeDataset", GROUP)));
        rows.add(row("? does not match a longer name", IMPLICIT_DENY, allow("personalize:Describe?ataset", "*"),
                req("personalize:DescribeDatasetGroup", GROUP)));
        rows.add(row("suffix wildcard matches", ALLOW, allow("personalize:*Campaign", "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("suffix wildcard must match the end", IMPLICIT_DENY, allow("personalize:*Campaign", "*"),
                req("personalize:ListCampaigns", CAMPAIGN)));
        rows.add(row("inner wildcard", ALLOW, allow("iam:*AccessKey*", "*"), req("iam:ListAccessKeys", ALICE)));
        rows.add(row("another service's wildcard", IMPLICIT_DENY, allow("kms:*", "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("a list of actions, one matches", ALLOW,
                doc(j("{`Effect`:`Allow`,`Action`:[`iam:GetUser`,`personalize:CreateCampaign`],`Resource`:`*`}")),
                req(CREATE, CAMPAIGN)));
        rows.add(row("a list of actions, none matches", IMPLICIT_DENY,
                doc(j("{`Effect`:`Allow`,`Action`:[`iam:GetUser`,`personalize:DeleteCampaign`],`Resource`:`*`}")),
                req(CREATE, CAMPAIGN)));
        rows.add(row("an action is matched whole, not as a prefix", IMPLICIT_DENY, allow("personalize:Create", "*"),
                req(CREATE, CAMPAIGN)));
    }

    private static void resources(List<Arguments> rows) {
        rows.add(row("resource *", ALLOW, allow(CREATE, "*"), req(CREATE, CAMPAIGN)));
        rows.add(row("an exact ARN", ALLOW, allow(CREATE, CAMPAIGN), req(CREATE, CAMPAIGN)));
        rows.add(row("a wildcard at the end of the resource", ALLOW,
                allow(CREATE, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/*"), req(CREATE, CAMPAIGN)));
        rows.add(row("a resource-type wildcard does not cover another type", IMPLICIT_DENY,
                allow("*", "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/*"), req("personalize:DeleteDatasetGroup", GROUP)));
        rows.add(row("a region wildcard", ALLOW, allow(CREATE, "arn:aws:personalize:*:" + ACCOUNT + ":campaign/shop"),
                req(CREATE, CAMPAIGN_WEST)));
        rows.add(row("another region", IMPLICIT_DENY, allow(CREATE, CAMPAIGN), req(CREATE, CAMPAIGN_WEST)));
        rows.add(row("another account", IMPLICIT_DENY, allow(CREATE, "arn:aws:personalize:us-east-1:444455556666:campaign/*"),
                req(CREATE, CAMPAIGN)));
        rows.add(row("resources are case-sensitive", IMPLICIT_DENY,
                allow(CREATE, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/Shop"), req(CREATE, CAMPAIGN)));
        rows.add(row("? in a resource matches one character", ALLOW,
                allow(CREATE, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/sho?"), req(CREATE, CAMPAIGN)));
        rows.add(row("? in a resource does not match two", IMPLICIT_DENY,
                allow(CREATE, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/sh?"), req(CREATE, CAMPAIGN)));
        rows.add(row("a * that ends a segment stretches across colons", ALLOW,
                allow(CREATE, "arn:aws:personalize:us-*:campaign/shop"), req(CREATE, CAMPAIGN)));
        rows.add(row("a * inside a segment does not cross a colon", IMPLICIT_DENY,
                allow("logs:*", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:a*b"),
                req("logs:GetLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:a:b")));
        rows.add(row("a * inside a segment matches within it", ALLOW,
                allow("logs:*", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:a*b"),
                req("logs:GetLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:a/x/b")));
        rows.add(row("a trailing * covers colons in the resource part", ALLOW,
                allow("logs:*", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:*"),
                req("logs:GetLogEvents", "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:app:log-stream:x")));
        rows.add(row("a pattern longer than the ARN", IMPLICIT_DENY, allow(CREATE, CAMPAIGN + ":extra"), req(CREATE, CAMPAIGN)));
        rows.add(row("an ARN longer than the pattern", IMPLICIT_DENY, allow(CREATE, CAMPAIGN), req(CREATE, CAMPAIGN + ":extra")));
        rows.add(row("every segment a wildcard", ALLOW, allow(CREATE, "arn:*:personalize:*:*:*"), req(CREATE, CAMPAIGN)));
        rows.add(row("a request without resource, Resource *", ALLOW, allow("kms:ListKeys", "*"), req("kms:ListKeys")));
        rows.add(row("a request without resource, Resource an ARN pattern", IMPLICIT_DENY,
                allow("kms:ListKeys", "arn:aws:kms:*:*:key/*"), req("kms:ListKeys")));
        rows.add(row("several resources, all allowed", ALLOW,
                allow(CREATE, "arn:aws:personalize:us-east-1:" + ACCOUNT + ":*"), req(CREATE, CAMPAIGN, GROUP)));
        rows.add(row("several resources, one not allowed", IMPLICIT_DENY, allow(CREATE, CAMPAIGN), req(CREATE, CAMPAIGN, GROUP)));
        rows.add(row("several resources, each allowed by another statement", ALLOW,
                doc(s("Allow", CREATE, CAMPAIGN), s("Allow", CREATE, GROUP)), req(CREATE, CAMPAIGN, GROUP)));
        rows.add(row("several resources, one denied", EXPLICIT_DENY, doc(s("Allow", "*", "*"), s("Deny", "*", GROUP)),
                req(CREATE, CAMPAIGN, GROUP)));
        rows.add(row("a list of resources, one matches", ALLOW,
                doc(j("{`Effect`:`Allow`,`Action`:`*`,`Resource`:[`" + OTHER_CAMPAIGN + "`,`" + CAMPAIGN + "`]}")),
                req(CREATE, CAMPAIGN)));
    }

    private static void notActionAndNotResource(List<Arguments> rows) {
        String allowAllButIam = j("{`Effect`:`Allow`,`NotAction`:`iam:*`,`Resource`:`*`}");
        rows.add(row("NotAction allows what it does not list", ALLOW, doc(allowAllButIam), req(CREATE, CAMPAIGN)));
        rows.add(row("NotAction does not allow what it lists", IMPLICIT_DENY, doc(allowAllButIam), req("iam:CreateUser", ALICE)));
        rows.add(row("NotAction is case-insensitive", IMPLICIT_DENY,
                doc(j("{`Effect`:`Allow`,`NotAction`:`IAM:*`,`Resource`:`*`}")), req("iam:CreateUser", ALICE)));
        String denyAllButGets = j("{`Effect`:`Deny`,`NotAction`:[`personalize:Get*`,`personalize:Describe*`],`Resource`:`*`}");
        rows.add(row("a Deny with NotAction spares what it lists", ALLOW, doc(s("Allow", "*", "*"), denyAllButGets), req(GET, CAMPAIGN)));
        rows.add(row("a Deny with NotAction denies the rest", EXPLICIT_DENY, doc(s("Allow", "*", "*"), denyAllButGets),
                req(CREATE, CAMPAIGN)));
        String allowButSecrets = j("{`Effect`:`Allow`,`Action`:`personalize:*`,`NotResource`:`arn:aws:personalize:*:*:campaign/secret*`}");
        rows.add(row("NotResource allows the resources it does not list", ALLOW, doc(allowButSecrets), req(CREATE, CAMPAIGN)));
        rows.add(row("NotResource does not allow the resources it lists", IMPLICIT_DENY, doc(allowButSecrets),
                req(CREATE, SECRET_CAMPAIGN)));
        String denyOutsideEast = j("{`Effect`:`Deny`,`Action`:`*`,`NotResource`:`arn:aws:personalize:us-east-1:*`}");
        rows.add(row("a Deny with NotResource spares what it lists", ALLOW, doc(s("Allow", "*", "*"), denyOutsideEast),
                req(CREATE, CAMPAIGN)));
        rows.add(row("a Deny with NotResource denies the rest", EXPLICIT_DENY, doc(s("Allow", "*", "*"), denyOutsideEast),
                req(CREATE, CAMPAIGN_WEST)));
        String both = j("{`Effect`:`Allow`,`NotAction`:`personalize:Delete*`,`NotResource`:`" + SECRET_CAMPAIGN + "`}");
        rows.add(row("NotAction and NotResource, neither listed", ALLOW, doc(both), req(CREATE, CAMPAIGN)));
        rows.add(row("NotAction and NotResource, action listed", IMPLICIT_DENY, doc(both), req("personalize:DeleteCampaign", CAMPAIGN)));
        rows.add(row("NotAction and NotResource, resource listed", IMPLICIT_DENY, doc(both), req(CREATE, SECRET_CAMPAIGN)));
        rows.add(row("NotResource covers a request without resource", ALLOW,
                doc(j("{`Effect`:`Allow`,`Action`:`kms:ListKeys`,`NotResource`:`arn:aws:kms:*:*:key/secret`}")), req("kms:ListKeys")));
    }

    private static void strings(List<Arguments> rows) {
        String equalsAlice = "{`StringEquals`:{`aws:username`:`alice`}}";
        rows.add(row("StringEquals, equal", ALLOW, allowIf(equalsAlice), req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringEquals is case-sensitive", IMPLICIT_DENY, allowIf(equalsAlice), req(CREATE, CAMPAIGN).username("Alice")));
        rows.add(row("StringEquals, key missing", IMPLICIT_DENY, allowIf(equalsAlice), req(CREATE, CAMPAIGN)));
        rows.add(row("StringEquals, values ORed", ALLOW, allowIf("{`StringEquals`:{`aws:username`:[`bob`,`alice`]}}"),
                req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringEquals takes * literally", IMPLICIT_DENY, allowIf("{`StringEquals`:{`aws:username`:`a*`}}"),
                req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringEquals, a literal *", ALLOW, allowIf("{`StringEquals`:{`aws:username`:`a*`}}"),
                req(CREATE, CAMPAIGN).username("a*")));
        String notAlice = "{`StringNotEquals`:{`aws:username`:`alice`}}";
        rows.add(row("StringNotEquals, different", ALLOW, allowIf(notAlice), req(CREATE, CAMPAIGN).username("bob")));
        rows.add(row("StringNotEquals, equal", IMPLICIT_DENY, allowIf(notAlice), req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringNotEquals, key missing is true", ALLOW, allowIf(notAlice), req(CREATE, CAMPAIGN)));
        String neitherAliceNorBob = "{`StringNotEquals`:{`aws:username`:[`alice`,`bob`]}}";
        rows.add(row("StringNotEquals, values NORed: neither", ALLOW, allowIf(neitherAliceNorBob), req(CREATE, CAMPAIGN).username("carol")));
        rows.add(row("StringNotEquals, values NORed: one equal", IMPLICIT_DENY, allowIf(neitherAliceNorBob),
                req(CREATE, CAMPAIGN).username("bob")));
        rows.add(row("StringEqualsIgnoreCase, other case", ALLOW, allowIf("{`StringEqualsIgnoreCase`:{`aws:username`:`ALICE`}}"),
                req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringEqualsIgnoreCase, different", IMPLICIT_DENY, allowIf("{`StringEqualsIgnoreCase`:{`aws:username`:`ALICE`}}"),
                req(CREATE, CAMPAIGN).username("bob")));
        rows.add(row("StringNotEqualsIgnoreCase, other case", IMPLICIT_DENY,
                allowIf("{`StringNotEqualsIgnoreCase`:{`aws:username`:`ALICE`}}"), req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("StringNotEqualsIgnoreCase, different", ALLOW,
                allowIf("{`StringNotEqualsIgnoreCase`:{`aws:username`:`ALICE`}}"), req(CREATE, CAMPAIGN).username("bob")));
        String mozilla = "{`StringLike`:{`aws:UserAgent`:`Mozilla/*`}}";
        rows.add(row("StringLike, * matches", ALLOW, allowIf(mozilla), req(CREATE, CAMPAIGN).userAgent("Mozilla/5.0 (X11)")));
        rows.add(row("StringLike, no match", IMPLICIT_DENY, allowIf(mozilla), req(CREATE, CAMPAIGN).userAgent("curl/8.5")));
        rows.add(row("StringLike is case-sensitive", IMPLICIT_DENY, allowIf("{`StringLike`:{`aws:UserAgent`:`mozilla/*`}}"),
                req(CREATE, CAMPAIGN).userAgent("Mozilla/5.0")));
        rows.add(row("StringLike, ? matches one", ALLOW, allowIf("{`StringLike`:{`aws:username`:`a?c`}}"),
                req(CREATE, CAMPAIGN).username("abc")));
        rows.add(row("StringLike, ? matches only one", IMPLICIT_DENY, allowIf("{`StringLike`:{`aws:username`:`a?c`}}"),
                req(CREATE, CAMPAIGN).username("abbc")));
        rows.add(row("StringLike without wildcard is equality", IMPLICIT_DENY, allowIf("{`StringLike`:{`aws:username`:`ali`}}"),
                req(CREATE, CAMPAIGN).username("alice")));
        String notTest = "{`StringNotLike`:{`aws:username`:`*-test`}}";
        rows.add(row("StringNotLike, no match", ALLOW, allowIf(notTest), req(CREATE, CAMPAIGN).username("shop")));
        rows.add(row("StringNotLike, match", IMPLICIT_DENY, allowIf(notTest), req(CREATE, CAMPAIGN).username("shop-test")));
        rows.add(row("StringNotLike, key missing is true", ALLOW, allowIf(notTest), req(CREATE, CAMPAIGN)));
        rows.add(row("condition keys are case-insensitive", ALLOW, allowIf("{`StringEquals`:{`AWS:USERNAME`:`alice`}}"),
                req(CREATE, CAMPAIGN).key("aws:UserName", "alice")));
        String twoKeys = "{`StringEquals`:{`aws:username`:`alice`,`aws:PrincipalAccount`:`" + ACCOUNT + "`}}";
        rows.add(row("two keys ANDed, both hold", ALLOW, allowIf(twoKeys),
                req(CREATE, CAMPAIGN).username("alice").principalAccount(ACCOUNT)));
        rows.add(row("two keys ANDed, one fails", IMPLICIT_DENY, allowIf(twoKeys),
                req(CREATE, CAMPAIGN).username("alice").principalAccount("444455556666")));
        String twoOperators = "{`StringEquals`:{`aws:username`:`alice`},`Bool`:{`aws:SecureTransport`:`true`}}";
        rows.add(row("two operators ANDed, both hold", ALLOW, allowIf(twoOperators),
                req(CREATE, CAMPAIGN).username("alice").secureTransport(true)));
        rows.add(row("two operators ANDed, one fails", IMPLICIT_DENY, allowIf(twoOperators),
                req(CREATE, CAMPAIGN).username("alice").secureTransport(false)));
        rows.add(row("a service key like any other", ALLOW, allowIf("{`StringEquals`:{`personalize:RecipeArn`:`arn:aws:personalize:::recipe/x`}}"),
                req(CREATE, CAMPAIGN).key("personalize:RecipeArn", "arn:aws:personalize:::recipe/x")));
    }

    private static void ifExistsAndNull(List<Arguments> rows) {
        String ifAlice = "{`StringEqualsIfExists`:{`aws:username`:`alice`}}";
        rows.add(row("IfExists, key missing", ALLOW, allowIf(ifAlice), req(CREATE, CAMPAIGN)));
        rows.add(row("IfExists, key matches", ALLOW, allowIf(ifAlice), req(CREATE, CAMPAIGN).username("alice")));
        rows.add(row("IfExists, key does not match", IMPLICIT_DENY, allowIf(ifAlice), req(CREATE, CAMPAIGN).username("bob")));
        rows.add(row("StringNotEqualsIfExists, key missing", ALLOW, allowIf("{`StringNotEqualsIfExists`:{`aws:username`:`alice`}}"),
                req(CREATE, CAMPAIGN)));
        rows.add(row("StringNotEqualsIfExists, key equal", IMPLICIT_DENY,
                allowIf("{`StringNotEqualsIfExists`:{`aws:username`:`alice`}}"), req(CREATE, CAMPAIGN).username("alice")));
        String denyInsecure = sc("Deny", "*", "*", "{`BoolIfExists`:{`aws:SecureTransport`:`false`}}");
        rows.add(row("a Deny with BoolIfExists applies when the key is missing", EXPLICIT_DENY, doc(s("Allow", "*", "*"), denyInsecure),
                req(CREATE, CAMPAIGN)));
        rows.add(row("a Deny with BoolIfExists spares a secure request", ALLOW, doc(s("Allow", "*", "*"), denyInsecure),
                req(CREATE, CAMPAIGN).secureTransport(true)));
        rows.add(row("NumericLessThanIfExists, key missing", ALLOW,
                allowIf("{`NumericLessThanIfExists`:{`aws:MultiFactorAuthAge`:`3600`}}"), req(CREATE, CAMPAIGN)));
        rows.add(row("NumericLessThanIfExists, too large", IMPLICIT_DENY,
                allowIf("{`NumericLessThanIfExists`:{`aws:MultiFactorAuthAge`:`3600`}}"),
                req(CREATE, CAMPAIGN).key("aws:MultiFactorAuthAge", "7200")));
        rows.add(row("IpAddressIfExists, key missing", ALLOW, allowIf("{`IpAddressIfExists`:{`aws:SourceIp`:`10.0.0.0/8`}}"),
                req(CREATE, CAMPAIGN)));
        rows.add(row("IpAddressIfExists, outside", IMPLICIT_DENY, allowIf("{`IpAddressIfExists`:{`aws:SourceIp`:`10.0.0.0/8`}}"),
                req(CREATE, CAMPAIGN).sourceIp("192.0.2.1")));
        rows.add(row("Null true, key missing", ALLOW, allowIf("{`Null`:{`aws:SourceIp`:`true`}}"), req(CREATE, CAMPAIGN)));
        rows.add(row("Null true, key present", IMPLICIT_DENY, allowIf("{`Null`:{`aws:SourceIp`:`true`}}"),
                req(CREATE, CAMPAIGN).sourceIp("192.0.2.1")));
        rows.add(row("Null false, key present", ALLOW, allowIf("{`Null`:{`aws:SourceIp`:`false`}}"),
                req(CREATE, CAMPAIGN).sourceIp("192.0.2.1")));
        rows.add(row("Null false, key missing", IMPLICIT_DENY, allowIf("{`Null`:{`aws:SourceIp`:false}}"), req(CREATE, CAMPAIGN)));
    }

    private static void booleansAndNumbers(List<Arguments> rows) {
        String secure = "{`Bool`:{`aws:SecureTransport`:`true`}}";
        rows.add(row("Bool true, true", ALLOW, allowIf(secure), req(CREATE, CAMPAIGN).secureTransport(true)));
        rows.add(row("Bool true, false", IMPLICIT_DENY, allowIf(secure), req(CREATE, CAMPAIGN).secureTransport(false)));
        rows.add(row("Bool true, key missing", IMPLICIT_DENY, allowIf(secure), req(CREATE, CAMPAIGN)));
        rows.add(row("Bool with a JSON boolean", ALLOW, allowIf("{`Bool`:{`aws:SecureTransport`:true}}"),
                req(CREATE, CAMPAIGN).secureTransport(true)));
        rows.add(row("Bool ignores case", ALLOW, allowIf(secure), req(CREATE, CAMPAIGN).key("aws:SecureTransport", "TRUE")));
        rows.add(row("Bool, a context value that is no boolean", IMPLICIT_DENY, allowIf(secure),
                req(CREATE, CAMPAIGN).key("aws:SecureTransport", "yes")));
        String denyPlain = sc("Deny", "*", "*", "{`Bool`:{`aws:SecureTransport`:`false`}}");
        rows.add(row("a Deny on Bool false denies a plain request", EXPLICIT_DENY, doc(s("Allow", "*", "*"), denyPlain),
                req(CREATE, CAMPAIGN).secureTransport(false)));
        rows.add(row("a Deny on Bool false does not apply when the key is missing", ALLOW, doc(s("Allow", "*", "*"), denyPlain),
                req(CREATE, CAMPAIGN)));
        rows.add(row("NumericEquals, equal", ALLOW, allowIf(num("NumericEquals", "10")), req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericEquals, equal in another scale", ALLOW, allowIf(num("NumericEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10.0")));
        rows.add(row("NumericEquals, different", IMPLICIT_DENY, allowIf(num("NumericEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "11")));
        rows.add(row("NumericEquals, not a number", IMPLICIT_DENY, allowIf(num("NumericEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "ten")));
        rows.add(row("NumericEquals with a JSON number", ALLOW, allowIf("{`NumericEquals`:{`tm:count`:10}}"),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericNotEquals, different", ALLOW, allowIf(num("NumericNotEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "11")));
        rows.add(row("NumericNotEquals, equal", IMPLICIT_DENY, allowIf(num("NumericNotEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericNotEquals, key missing is true", ALLOW, allowIf(num("NumericNotEquals", "10")), req(CREATE, CAMPAIGN)));
        rows.add(row("NumericLessThan, less", ALLOW, allowIf(num("NumericLessThan", "10")), req(CREATE, CAMPAIGN).key("tm:count", "9")));
        rows.add(row("NumericLessThan, equal", IMPLICIT_DENY, allowIf(num("NumericLessThan", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericLessThan, key missing", IMPLICIT_DENY, allowIf(num("NumericLessThan", "10")), req(CREATE, CAMPAIGN)));
        rows.add(row("NumericLessThanEquals, equal", ALLOW, allowIf(num("NumericLessThanEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericLessThanEquals, greater", IMPLICIT_DENY, allowIf(num("NumericLessThanEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10.5")));
        rows.add(row("NumericGreaterThan, greater", ALLOW, allowIf(num("NumericGreaterThan", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "11")));
        rows.add(row("NumericGreaterThan, equal", IMPLICIT_DENY, allowIf(num("NumericGreaterThan", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericGreaterThanEquals, equal", ALLOW, allowIf(num("NumericGreaterThanEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "10")));
        rows.add(row("NumericGreaterThanEquals, less", IMPLICIT_DENY, allowIf(num("NumericGreaterThanEquals", "10")),
                req(CREATE, CAMPAIGN).key("tm:count", "9.99")));
        rows.add(row("NumericLessThan, negative decimals", ALLOW, allowIf(num("NumericLessThan", "-1.5")),
                req(CREATE, CAMPAIGN).key("tm:count", "-2")));
        rows.add(row("Numeric values ORed", ALLOW, allowIf("{`NumericEquals`:{`tm:count`:[`1`,`2`,`3`]}}"),
                req(CREATE, CAMPAIGN).key("tm:count", "3")));
    }

    private static void dates(List<Arguments> rows) {
        rows.add(row("DateLessThan, before", ALLOW, allowIf(date("DateLessThan", "2026-12-01T00:00:00Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateLessThan, after", IMPLICIT_DENY, allowIf(date("DateLessThan", "2026-12-01T00:00:00Z")),
                req(CREATE, CAMPAIGN).currentTime(Instant.parse("2026-12-02T00:00:00Z"))));
        rows.add(row("DateLessThan, the same instant", IMPLICIT_DENY, allowIf(date("DateLessThan", "2026-11-28T09:30:00Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateLessThanEquals, the same instant", ALLOW, allowIf(date("DateLessThanEquals", "2026-11-28T09:30:00Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateLessThanEquals, one second later", IMPLICIT_DENY,
                allowIf(date("DateLessThanEquals", "2026-11-28T09:30:00Z")), req(CREATE, CAMPAIGN).currentTime(NOW.plusSeconds(1))));
        rows.add(row("DateGreaterThan, a day given without a time", ALLOW, allowIf(date("DateGreaterThan", "2026-01-01")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateGreaterThan, before", IMPLICIT_DENY, allowIf(date("DateGreaterThan", "2026-01-01")),
                req(CREATE, CAMPAIGN).currentTime(Instant.parse("2025-12-31T23:59:59Z"))));
        rows.add(row("DateGreaterThan, midnight of that day is not after it", IMPLICIT_DENY,
                allowIf(date("DateGreaterThan", "2026-01-01")), req(CREATE, CAMPAIGN).currentTime(Instant.parse("2026-01-01T00:00:00Z"))));
        rows.add(row("DateGreaterThanEquals, the same instant", ALLOW, allowIf(date("DateGreaterThanEquals", "2026-11-28T09:30:00Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateGreaterThanEquals, a millisecond before", IMPLICIT_DENY,
                allowIf(date("DateGreaterThanEquals", "2026-11-28T09:30:00.001Z")), req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateEquals, epoch seconds against ISO 8601", ALLOW, allowIf(date("DateEquals", Long.toString(NOW.getEpochSecond()))),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateEquals, an offset", ALLOW, allowIf(date("DateEquals", "2026-11-28T10:30:00+01:00")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateEquals, minutes without seconds", ALLOW, allowIf(date("DateEquals", "2026-11-28T09:30Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateEquals, a time without offset is UTC", ALLOW, allowIf(date("DateEquals", "2026-11-28T09:30:00")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateNotEquals, different", ALLOW, allowIf(date("DateNotEquals", "2026-11-28T09:30:01Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateNotEquals, the same", IMPLICIT_DENY, allowIf(date("DateNotEquals", "2026-11-28T09:30:00Z")),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("DateNotEquals, key missing is true", ALLOW, allowIf(date("DateNotEquals", "2026-11-28T09:30:00Z")),
                req(CREATE, CAMPAIGN)));
        rows.add(row("DateLessThan, key missing", IMPLICIT_DENY, allowIf(date("DateLessThan", "2030-01-01")), req(CREATE, CAMPAIGN)));
        rows.add(row("DateLessThan on aws:EpochTime", ALLOW,
                allowIf("{`DateLessThan`:{`aws:EpochTime`:`" + (NOW.getEpochSecond() + 1) + "`}}"), req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("a context time that is no date", IMPLICIT_DENY, allowIf(date("DateLessThan", "2030-01-01")),
                req(CREATE, CAMPAIGN).key("aws:CurrentTime", "tomorrow")));
        String window = "{`DateGreaterThan`:{`aws:CurrentTime`:`2026-11-01T00:00:00Z`},"
                + "`DateLessThan`:{`aws:CurrentTime`:`2026-12-01T00:00:00Z`}}";
        rows.add(row("a time window, inside", ALLOW, allowIf(window), req(CREATE, CAMPAIGN).currentTime(NOW)));
        rows.add(row("a time window, before", IMPLICIT_DENY, allowIf(window),
                req(CREATE, CAMPAIGN).currentTime(Instant.parse("2026-10-31T23:59:59Z"))));
        rows.add(row("a time window, after", IMPLICIT_DENY, allowIf(window),
                req(CREATE, CAMPAIGN).currentTime(Instant.parse("2026-12-01T00:00:01Z"))));
        rows.add(row("a Deny after a date", EXPLICIT_DENY,
                doc(s("Allow", "*", "*"), sc("Deny", "*", "*", date("DateGreaterThan", "2026-06-30T23:59:59Z"))),
                req(CREATE, CAMPAIGN).currentTime(NOW)));
    }

    private static void ipAddresses(List<Arguments> rows) {
        rows.add(row("IpAddress, inside a /24", ALLOW, allowIf(ip("IpAddress", "203.0.113.0/24")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.5")));
        rows.add(row("IpAddress, outside a /24", IMPLICIT_DENY, allowIf(ip("IpAddress", "203.0.113.0/24")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.114.5")));
        rows.add(row("IpAddress, a single address", ALLOW, allowIf(ip("IpAddress", "203.0.113.5")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.5")));
        rows.add(row("IpAddress, a single address, another", IMPLICIT_DENY, allowIf(ip("IpAddress", "203.0.113.5")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.6")));
        rows.add(row("IpAddress, /0", ALLOW, allowIf(ip("IpAddress", "0.0.0.0/0")), req(CREATE, CAMPAIGN).sourceIp("198.51.100.7")));
        rows.add(row("IpAddress, last address of a /25", ALLOW, allowIf(ip("IpAddress", "203.0.113.0/25")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.127")));
        rows.add(row("IpAddress, first address past a /25", IMPLICIT_DENY, allowIf(ip("IpAddress", "203.0.113.0/25")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.128")));
        rows.add(row("IpAddress, host bits in the range are ignored", ALLOW, allowIf(ip("IpAddress", "203.0.113.77/24")),
                req(CREATE, CAMPAIGN).sourceIp("203.0.113.1")));
        rows.add(row("IpAddress, IPv6 /32", ALLOW, allowIf(ip("IpAddress", "2001:db8::/32")),
                req(CREATE, CAMPAIGN).sourceIp("2001:db8:1234::1")));
        rows.add(row("IpAddress, IPv6 outside", IMPLICIT_DENY, allowIf(ip("IpAddress", "2001:db8::/32")),
                req(CREATE, CAMPAIGN).sourceIp("2001:db9::1")));
        rows.add(row("IpAddress, IPv6 /64 in upper case against a full address", ALLOW,
                allowIf(ip("IpAddress", "2001:DB8:1234:5678::/64")), req(CREATE, CAMPAIGN).sourceIp("2001:db8:1234:5678:abcd:0:0:1")));
        rows.add(row("IpAddress, IPv6 /64, next network", IMPLICIT_DENY, allowIf(ip("IpAddress", "2001:DB8:1234:5678::/64")),
                req(CREATE, CAMPAIGN).sourceIp("2001:db8:1234:5679::1")));
        rows.add(row("IpAddress, loopback written two ways", ALLOW, allowIf(ip("IpAddress", "::1/128")),
                req(CREATE, CAMPAIGN).sourceIp("0:0:0:0:0:0:0:1")));
        rows.add(row("IpAddress, an IPv4 range never holds an IPv6 address", IMPLICIT_DENY, allowIf(ip("IpAddress", "0.0.0.0/0")),
                req(CREATE, CAMPAIGN).sourceIp("2001:db8::1")));
        rows.add(row("IpAddress, a context value that is no address", IMPLICIT_DENY, allowIf(ip("IpAddress", "0.0.0.0/0")),
                req(CREATE, CAMPAIGN).sourceIp("localhost")));
        rows.add(row("IpAddress, key missing", IMPLICIT_DENY, allowIf(ip("IpAddress", "0.0.0.0/0")), req(CREATE, CAMPAIGN)));
        rows.add(row("IpAddress, ranges ORed", ALLOW, allowIf("{`IpAddress`:{`aws:SourceIp`:[`10.0.0.0/8`,`2001:db8::/32`]}}"),
                req(CREATE, CAMPAIGN).sourceIp("2001:db8::7")));
        rows.add(row("NotIpAddress, outside", ALLOW, allowIf(ip("NotIpAddress", "10.0.0.0/8")),
                req(CREATE, CAMPAIGN).sourceIp("192.168.1.1")));
        rows.add(row("NotIpAddress, inside", IMPLICIT_DENY, allowIf(ip("NotIpAddress", "10.0.0.0/8")),
                req(CREATE, CAMPAIGN).sourceIp("10.1.2.3")));
        rows.add(row("NotIpAddress, key missing is true", ALLOW, allowIf(ip("NotIpAddress", "10.0.0.0/8")), req(CREATE, CAMPAIGN)));
        String denyOutside = sc("Deny", "*", "*", "{`NotIpAddress`:{`aws:SourceIp`:[`10.0.0.0/8`,`192.0.2.0/24`]}}");
        rows.add(row("a Deny outside the office spares the office", ALLOW, doc(s("Allow", "*", "*"), denyOutside),
                req(CREATE, CAMPAIGN).sourceIp("192.0.2.44")));
        rows.add(row("a Deny outside the office", EXPLICIT_DENY, doc(s("Allow", "*", "*"), denyOutside),
                req(CREATE, CAMPAIGN).sourceIp("198.51.100.1")));
    }

    private static void arnsAndBinary(List<Arguments> rows) {
        String users = "{`ArnLike`:{`aws:PrincipalArn`:`arn:aws:iam::" + ACCOUNT + ":user/*`}}";
        rows.add(row("ArnLike, a user", ALLOW, allowIf(users), req(CREATE, CAMPAIGN).principalArn(ALICE)));
        rows.add(row("ArnLike, a role", IMPLICIT_DENY, allowIf(users), req(CREATE, CAMPAIGN).principalArn(ROLE)));
        rows.add(row("ArnLike, a text that is no ARN", IMPLICIT_DENY, allowIf(users), req(CREATE, CAMPAIGN).principalArn("alice")));
        rows.add(row("ArnEquals, the same", ALLOW, allowIf("{`ArnEquals`:{`aws:PrincipalArn`:`" + ALICE + "`}}"),
                req(CREATE, CAMPAIGN).principalArn(ALICE)));
        rows.add(row("ArnEquals, another", IMPLICIT_DENY, allowIf("{`ArnEquals`:{`aws:PrincipalArn`:`" + ALICE + "`}}"),
                req(CREATE, CAMPAIGN).principalArn(BOB)));
        rows.add(row("ArnNotLike, a role", ALLOW, allowIf("{`ArnNotLike`:{`aws:PrincipalArn`:`arn:aws:iam::*:user/*`}}"),
                req(CREATE, CAMPAIGN).principalArn(ROLE)));
        rows.add(row("ArnNotLike, a user", IMPLICIT_DENY, allowIf("{`ArnNotLike`:{`aws:PrincipalArn`:`arn:aws:iam::*:user/*`}}"),
                req(CREATE, CAMPAIGN).principalArn(ALICE)));
        rows.add(row("ArnNotEquals, another", ALLOW, allowIf("{`ArnNotEquals`:{`aws:PrincipalArn`:`" + ALICE + "`}}"),
                req(CREATE, CAMPAIGN).principalArn(BOB)));
        rows.add(row("ArnNotEquals, key missing is true", ALLOW, allowIf("{`ArnNotEquals`:{`aws:PrincipalArn`:`" + ALICE + "`}}"),
                req(CREATE, CAMPAIGN)));
        rows.add(row("BinaryEquals, the same bytes", ALLOW, allowIf("{`BinaryEquals`:{`tm:blob`:`QmluYXJ5`}}"),
                req(CREATE, CAMPAIGN).key("tm:blob", "QmluYXJ5")));
        rows.add(row("BinaryEquals, other bytes", IMPLICIT_DENY, allowIf("{`BinaryEquals`:{`tm:blob`:`QmluYXJ5`}}"),
                req(CREATE, CAMPAIGN).key("tm:blob", "QmluYXJy")));
    }

    private static void setOperators(List<Arguments> rows) {
        String anyAB = "{`ForAnyValue:StringEquals`:{`aws:TagKeys`:[`a`,`b`]}}";
        rows.add(row("ForAnyValue, one value in the set", ALLOW, allowIf(anyAB), req(CREATE, CAMPAIGN).key("aws:TagKeys", "b", "c")));
        rows.add(row("ForAnyValue, no value in the set", IMPLICIT_DENY, allowIf(anyAB), req(CREATE, CAMPAIGN).key("aws:TagKeys", "c", "d")));
        rows.add(row("ForAnyValue, key missing is false", IMPLICIT_DENY, allowIf(anyAB), req(CREATE, CAMPAIGN)));
        String allAB = "{`ForAllValues:StringEquals`:{`aws:TagKeys`:[`a`,`b`]}}";
        rows.add(row("ForAllValues, every value in the set", ALLOW, allowIf(allAB), req(CREATE, CAMPAIGN).key("aws:TagKeys", "a", "b")));
        rows.add(row("ForAllValues, a subset", ALLOW, allowIf(allAB), req(CREATE, CAMPAIGN).key("aws:TagKeys", "b")));
        rows.add(row("ForAllValues, one value outside", IMPLICIT_DENY, allowIf(allAB), req(CREATE, CAMPAIGN).key("aws:TagKeys", "a", "c")));
        rows.add(row("ForAllValues, key missing is true", ALLOW, allowIf(allAB), req(CREATE, CAMPAIGN)));
        rows.add(row("ForAllValues:StringLike", ALLOW, allowIf("{`ForAllValues:StringLike`:{`aws:TagKeys`:`team-*`}}"),
                req(CREATE, CAMPAIGN).key("aws:TagKeys", "team-a", "team-b")));
        rows.add(row("ForAllValues:StringLike, one outside", IMPLICIT_DENY,
                allowIf("{`ForAllValues:StringLike`:{`aws:TagKeys`:`team-*`}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "team-a", "cost")));
        rows.add(row("ForAnyValue:StringNotEquals, one value differs", ALLOW,
                allowIf("{`ForAnyValue:StringNotEquals`:{`aws:TagKeys`:`a`}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "a", "b")));
        rows.add(row("ForAnyValue:StringNotEquals, no value differs", IMPLICIT_DENY,
                allowIf("{`ForAnyValue:StringNotEquals`:{`aws:TagKeys`:`a`}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "a")));
        rows.add(row("ForAllValues:StringNotEquals, none in the set", ALLOW,
                allowIf("{`ForAllValues:StringNotEquals`:{`aws:TagKeys`:[`a`,`b`]}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "c", "d")));
        rows.add(row("ForAllValues:StringNotEquals, one in the set", IMPLICIT_DENY,
                allowIf("{`ForAllValues:StringNotEquals`:{`aws:TagKeys`:[`a`,`b`]}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "c", "a")));
        rows.add(row("no qualifier, a multivalued key matches when any value does", ALLOW, allowIf("{`StringEquals`:{`aws:TagKeys`:`a`}}"),
                req(CREATE, CAMPAIGN).key("aws:TagKeys", "x", "a")));
        rows.add(row("no qualifier, a negated operator needs no value to match", IMPLICIT_DENY,
                allowIf("{`StringNotEquals`:{`aws:TagKeys`:`a`}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "x", "a")));
        rows.add(row("ForAnyValue with IfExists, key missing", ALLOW, allowIf("{`ForAnyValue:StringEqualsIfExists`:{`aws:TagKeys`:`a`}}"),
                req(CREATE, CAMPAIGN)));
        rows.add(row("ForAllValues with IfExists, one outside", IMPLICIT_DENY,
                allowIf("{`ForAllValues:StringEqualsIfExists`:{`aws:TagKeys`:`a`}}"), req(CREATE, CAMPAIGN).key("aws:TagKeys", "a", "b")));
        rows.add(row("a Deny on ForAnyValue of forbidden tags", EXPLICIT_DENY,
                doc(s("Allow", "*", "*"), sc("Deny", "*", "*", "{`ForAnyValue:StringLike`:{`aws:TagKeys`:`aws:*`}}")),
                req(CREATE, CAMPAIGN).key("aws:TagKeys", "team", "aws:system")));
        rows.add(row("ForAnyValue:NumericGreaterThan", ALLOW, allowIf("{`ForAnyValue:NumericGreaterThan`:{`tm:sizes`:`100`}}"),
                req(CREATE, CAMPAIGN).key("tm:sizes", "5", "500")));
        rows.add(row("ForAllValues:IpAddress", IMPLICIT_DENY, allowIf("{`ForAllValues:IpAddress`:{`tm:hops`:`10.0.0.0/8`}}"),
                req(CREATE, CAMPAIGN).key("tm:hops", "10.0.0.1", "192.0.2.1")));
    }

    private static void variables(List<Arguments> rows) {
        String ownUser = "arn:aws:iam::" + ACCOUNT + ":user/${aws:username}";
        rows.add(row("${aws:username} in Resource, own user", ALLOW, allow("iam:GetUser", ownUser),
                req("iam:GetUser", ALICE).username("alice")));
        rows.add(row("${aws:username} in Resource, another user", IMPLICIT_DENY, allow("iam:GetUser", ownUser),
                req("iam:GetUser", BOB).username("alice")));
        rows.add(row("${aws:username} in Resource, no user name", IMPLICIT_DENY, allow("iam:GetUser", ownUser), req("iam:GetUser", ALICE)));
        rows.add(row("variable names are case-insensitive", ALLOW, allow("iam:GetUser", "arn:aws:iam::" + ACCOUNT + ":user/${AWS:UserName}"),
                req("iam:GetUser", ALICE).username("alice")));
        rows.add(row("a variable in the account segment", ALLOW, allow("iam:GetUser", "arn:aws:iam::${aws:PrincipalAccount}:user/*"),
                req("iam:GetUser", ALICE).principalAccount(ACCOUNT)));
        rows.add(row("a variable in the account segment, another account", IMPLICIT_DENY,
                allow("iam:GetUser", "arn:aws:iam::${aws:PrincipalAccount}:user/*"), req("iam:GetUser", ALICE).principalAccount("444455556666")));
        rows.add(row("a default value when the key is missing", ALLOW,
                List.of("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                        + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":user/${aws:username, 'alice'}\"}}"),
                req("iam:GetUser", ALICE)));
        rows.add(row("a default value is not used when the key is there", IMPLICIT_DENY,
                List.of("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iam:GetUser\","
                        + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":user/${aws:username, 'alice'}\"}}"),
                req("iam:GetUser", ALICE).username("bob")));
        String oldVersion = j("{`Version`:`2008-10-17`,`Statement`:{`Effect`:`Allow`,`Action`:`iam:GetUser`,`Resource`:`"
                + ownUser + "`}}");
        rows.add(row("2008-10-17 takes ${...} literally: no substitution", IMPLICIT_DENY, List.of(oldVersion),
                req("iam:GetUser", ALICE).username("alice")));
        rows.add(row("2008-10-17 takes ${...} literally: the literal name", ALLOW, List.of(oldVersion),
                req("iam:GetUser", "arn:aws:iam::" + ACCOUNT + ":user/${aws:username}").username("alice")));
        String noVersion = j("{`Statement`:{`Effect`:`Allow`,`Action`:`iam:GetUser`,`Resource`:`" + ownUser + "`}}");
        rows.add(row("without Version, ${...} is literal too", IMPLICIT_DENY, List.of(noVersion), req("iam:GetUser", ALICE).username("alice")));
        rows.add(row("a substituted * is literal", IMPLICIT_DENY, allow("iam:GetUser", ownUser),
                req("iam:GetUser", ALICE).username("*")));
        rows.add(row("a substituted * matches only itself", ALLOW, allow("iam:GetUser", ownUser),
                req("iam:GetUser", "arn:aws:iam::" + ACCOUNT + ":user/*").username("*")));
        rows.add(row("a multivalued key is no variable", IMPLICIT_DENY, allow("iam:GetUser", ownUser),
                req("iam:GetUser", ALICE).key("aws:username", "alice", "bob")));
        rows.add(row("a variable in StringEquals", ALLOW,
                allowIf("{`StringEquals`:{`aws:PrincipalArn`:`arn:aws:iam::" + ACCOUNT + ":user/${aws:username}`}}"),
                req(CREATE, CAMPAIGN).username("alice").principalArn(ALICE)));
        rows.add(row("a variable in StringEquals, another principal", IMPLICIT_DENY,
                allowIf("{`StringEquals`:{`aws:PrincipalArn`:`arn:aws:iam::" + ACCOUNT + ":user/${aws:username}`}}"),
                req(CREATE, CAMPAIGN).username("alice").principalArn(BOB)));
        rows.add(row("a variable in StringLike", ALLOW, allowIf("{`StringLike`:{`tm:prefix`:`home/${aws:username}/*`}}"),
                req(CREATE, CAMPAIGN).username("alice").key("tm:prefix", "home/alice/photos")));
        rows.add(row("a variable in StringLike, another home", IMPLICIT_DENY, allowIf("{`StringLike`:{`tm:prefix`:`home/${aws:username}/*`}}"),
                req(CREATE, CAMPAIGN).username("alice").key("tm:prefix", "home/bob/photos")));
        rows.add(row("${*} is a literal * in StringLike", ALLOW, allowIf("{`StringLike`:{`tm:name`:`a${*}`}}"),
                req(CREATE, CAMPAIGN).key("tm:name", "a*")));
        rows.add(row("${*} is not a wildcard", IMPLICIT_DENY, allowIf("{`StringLike`:{`tm:name`:`a${*}`}}"),
                req(CREATE, CAMPAIGN).key("tm:name", "ab")));
        rows.add(row("${$} is a literal $", ALLOW, allowIf("{`StringEquals`:{`tm:name`:`${$}{x}`}}"),
                req(CREATE, CAMPAIGN).key("tm:name", "${x}")));
        rows.add(row("a variable in ArnLike", ALLOW, allowIf("{`ArnLike`:{`aws:PrincipalArn`:`arn:aws:iam::*:user/${aws:username}`}}"),
                req(CREATE, CAMPAIGN).username("alice").principalArn(ALICE)));
        rows.add(row("an unresolved variable matches nothing, so NotResource covers all", ALLOW,
                doc(j("{`Effect`:`Allow`,`Action`:`iam:GetUser`,`NotResource`:`" + ownUser + "`}")), req("iam:GetUser", ALICE)));
        rows.add(row("an unresolved variable matches nothing, so StringNotEquals holds", ALLOW,
                allowIf("{`StringNotEquals`:{`aws:PrincipalArn`:`arn:aws:iam::" + ACCOUNT + ":user/${aws:username}`}}"),
                req(CREATE, CAMPAIGN).principalArn(ALICE)));
        rows.add(row("numeric values take no variables", IMPLICIT_DENY, allowIf("{`NumericEquals`:{`tm:count`:`10`}}"),
                req(CREATE, CAMPAIGN).key("tm:count", "${tm:count}")));
    }

    // ---- row builders ----

    private static Arguments row(String name, Outcome expected, List<String> policies, RequestContext.Builder request) {
        return arguments(name, expected, policies, request);
    }

    private static Arguments row(String name, Outcome expected, String policy, RequestContext.Builder request) {
        return arguments(name, expected, List.of(policy), request);
    }

    private static RequestContext.Builder req(String action, String... resources) {
        return RequestContext.builder(action).resource(resources);
    }

    /** JSON with backticks for quotes. */
    static String j(String text) {
        return text.replace('`', '"');
    }

    private static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String s(String effect, String action, String resource) {
        return j("{`Effect`:`" + effect + "`,`Action`:`" + action + "`,`Resource`:`" + resource + "`}");
    }

    private static String sc(String effect, String action, String resource, String condition) {
        return j("{`Effect`:`" + effect + "`,`Action`:`" + action + "`,`Resource`:`" + resource + "`,`Condition`:" + condition + "}");
    }

    private static String allow(String action, String resource) {
        return doc(s("Allow", action, resource));
    }

    private static String deny(String action, String resource) {
        return doc(s("Deny", action, resource));
    }

    /** Allows everything when the condition holds. */
    private static String allowIf(String condition) {
        return doc(sc("Allow", "*", "*", condition));
    }

    private static String num(String operator, String value) {
        return "{`" + operator + "`:{`tm:count`:`" + value + "`}}";
    }

    private static String date(String operator, String value) {
        return "{`" + operator + "`:{`aws:CurrentTime`:`" + value + "`}}";
    }

    private static String ip(String operator, String value) {
        return "{`" + operator + "`:{`aws:SourceIp`:`" + value + "`}}";
    }
}
