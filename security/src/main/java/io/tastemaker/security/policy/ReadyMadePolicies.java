package io.tastemaker.security.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ready-made policies of every account, the counterpart of AWS managed policies. Their
 * documents are parsed by {@link PolicyDocument#parse} when this class loads, so a mistake in one
 * of them fails the first use, and the unit tests, loudly.
 */
public final class ReadyMadePolicies {

    /** The ARN prefix of every ready-made policy: the account field is {@code aws}, as for AWS managed policies. */
    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/";

    /** Everything in the account: {@code *} on {@code *}. */
    public static final ReadyMadePolicy ACCOUNT_ADMIN = of("TastemakerAccountAdmin",
            "Full access to everything in the account: Personalize, IAM, KMS, billing and audit.",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Everything",
                  "Effect": "Allow",
                  "Action": "*",
                  "Resource": "*"
                }
              ]
            }
            """);

    /**
     * All of Personalize (datasets and imports, training, campaigns, filters, batch jobs, events),
     * reading KMS keys to choose one for a dataset group, and managing the caller's own access
     * keys. No other IAM action, no account administration: the user is named by the policy
     * variables {@code ${aws:PrincipalAccount}} and {@code ${aws:username}}, so the request
     * context must carry both.
     */
    public static final ReadyMadePolicy DATA_ENGINEER = of("TastemakerDataEngineer",
            "All of Personalize, KMS keys read-only, and the caller's own user and access keys.",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Personalize",
                  "Effect": "Allow",
                  "Action": "personalize:*",
                  "Resource": "*"
                },
                {
                  "Sid": "ChooseKmsKeys",
                  "Effect": "Allow",
                  "Action": ["kms:DescribeKey", "kms:ListKeys"],
                  "Resource": "*"
                },
                {
                  "Sid": "OwnUserAndAccessKeys",
                  "Effect": "Allow",
                  "Action": ["iam:GetUser", "iam:*AccessKey*"],
                  "Resource": "arn:*:iam::${aws:PrincipalAccount}:user/${aws:username}"
                }
              ]
            }
            """);

    /**
     * What an application server needs at run time: recommendations, rankings and recording
     * interaction events. Nothing else.
     *
     * <p>{@code personalize:PutItems} and {@code personalize:PutUsers} are left out on purpose.
     * PutEvents only appends interactions, but PutItems and PutUsers replace the record of an
     * existing item or user (Personalize overwrites a record with the same id), that is, they
     * edit the Items and Users datasets: catalogue management, which belongs to
     * {@link #DATA_ENGINEER} (whose {@code personalize:*} includes them). A runtime key sits in
     * every application server and is the key most likely to leak; with this policy a leaked key
     * can read recommendations and add events, but cannot rewrite the catalogue or user
     * metadata that filters and training read. AWS itself offers no runtime-only managed policy
     * (AmazonPersonalizeFullAccess grants {@code personalize:*}); its PutEvents reference asks
     * only for {@code personalize:PutEvents} to record events. An application that also keeps the
     * catalogue in sync attaches a second policy granting those two actions.
     */
    public static final ReadyMadePolicy RUNTIME_CLIENT = of("TastemakerRuntimeClient",
            "Get recommendations and rankings and record interaction events; nothing else.",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "RecommendAndRecordEvents",
                  "Effect": "Allow",
                  "Action": [
                    "personalize:GetRecommendations",
                    "personalize:GetPersonalizedRanking",
                    "personalize:PutEvents"
                  ],
                  "Resource": "*"
                }
              ]
            }
            """);

    /** Billing and usage, read only. */
    public static final ReadyMadePolicy BILLING_VIEWER = of("TastemakerBillingViewer",
            "View invoices, usage and cost reports; nothing else.",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ViewBillingAndUsage",
                  "Effect": "Allow",
                  "Action": ["aws-portal:ViewBilling", "aws-portal:ViewUsage", "ce:Get*"],
                  "Resource": "*"
                }
              ]
            }
            """);

    /** Read everything of Personalize, IAM and KMS, and the audit trail; change nothing. */
    public static final ReadyMadePolicy READ_ONLY = of("TastemakerReadOnly",
            "Read-only access to Personalize resources and metrics, IAM, KMS keys and the audit trail.",
            """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "ReadPersonalize",
                  "Effect": "Allow",
                  "Action": ["personalize:Describe*", "personalize:List*", "personalize:GetSolutionMetrics"],
                  "Resource": "*"
                },
                {
                  "Sid": "ReadIam",
                  "Effect": "Allow",
                  "Action": ["iam:Get*", "iam:List*"],
                  "Resource": "*"
                },
                {
                  "Sid": "ReadKms",
                  "Effect": "Allow",
                  "Action": ["kms:Describe*", "kms:List*", "kms:GetKeyRotationStatus"],
                  "Resource": "*"
                },
                {
                  "Sid": "ReadAuditTrail",
                  "Effect": "Allow",
                  "Action": "cloudtrail:LookupEvents",
                  "Resource": "*"
                }
              ]
            }
            """);

    private static final List<ReadyMadePolicy> ALL =
            List.of(ACCOUNT_ADMIN, DATA_ENGINEER, RUNTIME_CLIENT, BILLING_VIEWER, READ_ONLY);
    private static final Map<String, ReadyMadePolicy> BY_ARN =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ReadyMadePolicy::arn, Function.identity()));

    private ReadyMadePolicies() {
    }

    /** Every ready-made policy, in a fixed order (broadest first). */
    public static List<ReadyMadePolicy> all() {
        return ALL;
    }

    /** The ready-made policy with that ARN (exact, case-sensitive), if there is one. */
    public static Optional<ReadyMadePolicy> byArn(String arn) {
        return Optional.ofNullable(BY_ARN.get(arn));
    }

    private static ReadyMadePolicy of(String name, String description, String json) {
        String arn = ARN_PREFIX + name;
        return new ReadyMadePolicy(arn, name, description, PolicyDocument.parse(json).named(arn));
    }
}
