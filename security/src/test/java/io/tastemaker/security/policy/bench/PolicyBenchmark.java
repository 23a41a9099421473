package io.tastemaker.security.policy.bench;

import io.tastemaker.security.policy.Decision;
import io.tastemaker.security.policy.PolicyDocument;
import io.tastemaker.security.policy.PolicyEvaluator;
import io.tastemaker.security.policy.ReadyMadePolicies;
import io.tastemaker.security.policy.RequestContext;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long one authorisation takes, run by {@code bench/policy}: a user with five attached
 * policies (three ready-made ones, a custom policy with IP, time, TLS and tag conditions and a
 * policy variable, and a custom deny), and requests that end in each of the three outcomes.
 * Also the cost of parsing a policy, which the server pays once per policy version.
 *
 * <p>Prints p50 and p99 in nanoseconds over batches of evaluations after a warm-up. Usage:
 * {@code PolicyBenchmark [--runs R]} (default 200 batches of 10,000).
 *
 * <p>Measured 2026-11-28 on the 2-core development machine while other builds ran (load 13 to
 * 17), p50: ALLOW 1,213–1,603 ns, EXPLICIT_DENY 146 ns, IMPLICIT_DENY 160–177 ns; parsing the
 * custom policy 23–28 µs. Before a context value was read once per condition instead of once per
 * policy value, an IpAddress condition with three ranges alone cost about 0.8 µs more.
 */
public final class PolicyBenchmark {

    private static final String ACCOUNT = "111122223333";
    private static final String CUSTOM = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "OfficeHoursFromTheOffice",
                  "Effect": "Allow",
                  "Action": ["personalize:Create*", "personalize:Update*"],
                  "Resource": "arn:aws:personalize:*:111122223333:*",
                  "Condition": {
                    "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32"]},
                    "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
                    "Bool": {"aws:SecureTransport": "true"},
                    "ForAllValues:StringLike": {"aws:TagKeys": ["team-*", "cost-*"]}
                  }
                },
                {
                  "Sid": "OwnHome",
                  "Effect": "Allow",
                  "Action": "personalize:*",
                  "Resource": "arn:aws:personalize:*:111122223333:dataset-group/${aws:username}-*"
                }
              ]
            }
            """;
    private static final String DENY = """
            {
              "Version": "2012-10-17",
              "Statement": {
                "Sid": "NoDeletes",
                "Effect": "Deny",
                "Action": "personalize:Delete*",
                "NotResource": "arn:aws:personalize:*:111122223333:dataset-group/sandbox-*"
              }
            }
            """;

    private PolicyBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 200;
        List<PolicyDocument> policies = List.of(
                ReadyMadePolicies.READ_ONLY.document(),
                ReadyMadePolicies.RUNTIME_CLIENT.document(),
                ReadyMadePolicies.BILLING_VIEWER.document(),
                PolicyDocument.parse(CUSTOM).named("arn:aws:iam::" + ACCOUNT + ":policy/Custom"),
                PolicyDocument.parse(DENY).named("arn:aws:iam::" + ACCOUNT + ":policy/NoDeletes"));
        Instant now = Instant.parse("2026-11-28T09:30:00Z");
        RequestContext allowed = context("personalize:CreateCampaign", "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/shop", now);
        RequestContext denied = context("personalize:DeleteCampaign", "arn:aws:personalize:us-east-1:" + ACCOUNT + ":campaign/shop", now);
        RequestContext implicit = context("iam:CreateUser", "arn:aws:iam::" + ACCOUNT + ":user/bob", now);
        check(PolicyEvaluator.evaluate(allowed, policies), Decision.Outcome.ALLOW);
        check(PolicyEvaluator.evaluate(denied, policies), Decision.Outcome.EXPLICIT_DENY);
        check(PolicyEvaluator.evaluate(implicit, policies), Decision.Outcome.IMPLICIT_DENY);

        out.println("evaluate, 5 policies, 9 statements, ns per decision (p50 / p99 over " + runs + " batches of 10,000):");
        for (RequestContext request : List.of(allowed, denied, implicit)) {
            long[] batches = time(runs, () -> PolicyEvaluator.evaluate(request, policies));
            out.printf(Locale.ROOT, "  %-14s %6d / %6d%n", PolicyEvaluator.evaluate(request, policies).outcome(),
                    percentile(batches, 0.5), percentile(batches, 0.99));
        }
        long[] parsing = time(Math.max(1, runs / 20), () -> PolicyDocument.parse(CUSTOM));
        out.printf(Locale.ROOT, "parse the custom policy: %d / %d ns (p50 / p99)%n", percentile(parsing, 0.5), percentile(parsing, 0.99));
    }

    private static RequestContext context(String action, String resource, Instant now) {
        return RequestContext.builder(action).resource(resource).currentTime(now).sourceIp("192.0.2.17").secureTransport(true)
                .username("alice").principalAccount(ACCOUNT).principalArn("arn:aws:iam::" + ACCOUNT + ":user/alice")
                .key("aws:TagKeys", "team-a", "cost-center").userAgent("aws-sdk-java/2.40.2").build();
    }

    private static void check(Decision decision, Decision.Outcome expected) {
        if (decision.outcome() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + decision);
        }
    }

    /** Nanoseconds per call, one figure per batch of 10,000 calls, after 50 warm-up batches. */
    private static long[] time(int runs, Runnable call) {
        int batch = 10_000;
        for (int i = 0; i < 50 * batch; i++) {
            call.run();
        }
        long[] perCall = new long[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                call.run();
            }
            perCall[r] = (System.nanoTime() - start) / batch;
        }
        Arrays.sort(perCall);
        return perCall;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
