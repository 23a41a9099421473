package io.tastemaker.domain.common;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Builds and checks ARNs in Personalize's format,
 * {@code arn:<partition>:personalize:<region>:<account-id>:<type>/<resource>}.
 *
 * <p>Partition and region are fixed per server (see {@code tastemaker.partition} and
 * {@code tastemaker.region}); an ARN naming another partition or region simply does not exist
 * here, so services report it as not found rather than as malformed.
 */
public final class Arns {

    /** The model's RoleArn constraint: an IAM role ARN. */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
    /** The model's ARN constraint: at most 256 characters, {@code arn:([a-z\d-]+):personalize:.*:.*:.+}. */
    private static final Pattern ARN = Pattern.compile("arn:([a-z\\d-]+):personalize:.*:.*:.+");
    private static final int MAX_ARN_LENGTH = 256;

    private final String partition;
    private final String region;

    public Arns(String partition, String region) {
        this.partition = partition;
        this.region = region;
    }

    public String partition() {
        return partition;
    }

    public String region() {
        return region;
    }

    public String of(String accountId, ResourceType type, String resource) {
        return "arn:" + partition + ":personalize:" + region + ":" + accountId + ":" + type.arnSegment() + "/" + resource;
    }

    /**
     * Checks that {@code value} is a well-formed Personalize ARN, naming the request member in
     * the error, and returns it.
     */
    public static String require(String member, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (value.length() > MAX_ARN_LENGTH || !ARN.matcher(value).matches()) {
            throw new InvalidInputException("1 validation error detected: Value '" + Texts.abbreviate(value)
                    + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "arn:([a-z\\d-]+):personalize:.*:.*:.+ and have length less than or equal to 256");
        }
        return value;
    }

    /**
     * Checks that an optional {@code roleArn} is an IAM role ARN of at most 256 characters, as the
     * model's {@code RoleArn} shape requires; Tastemaker assumes no role, but refuses what AWS
     * would refuse.
     */
    public static String requireRoleOrNull(String member, String value) {
        if (value != null && (value.length() > MAX_ARN_LENGTH || !ROLE_ARN.matcher(value).matches())) {
            throw new InvalidInputException("1 validation error detected: Value '" + Texts.abbreviate(value)
                    + "' at '" + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
        }
        return value;
    }
}
