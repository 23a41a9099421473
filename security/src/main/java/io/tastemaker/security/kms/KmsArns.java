package io.tastemaker.security.kms;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KMS key ARNs, {@code arn:<partition>:kms:<region>:<account>:key/<uuid>}, with this server's
 * partition and region, and the reading of a request's {@code KeyId}: a key id (UUID), a key
 * ARN, an alias name ({@code alias/...}) or an alias ARN.
 *
 * <p>A reference that names another account, partition or region does not exist here, so it is
 * {@link NotFoundException}, exactly as a key id that no key has: nothing tells a caller whether
 * another account has such a key. Aliases are not served, so every alias is not found.
 */
public final class KmsArns {

    private static final Pattern KEY_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ARN = Pattern.compile("arn:([^:]+):kms:([^:]*):([^:]*):(key|alias)/(.+)");
    private static final int MAX_KEY_ID_LENGTH = 2048;

    private final String partition;
    private final String region;

    public KmsArns(String partition, String region) {
        this.partition = Objects.requireNonNull(partition, "partition");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The ARN of a key of an account. */
    public String keyArn(String accountId, String keyId) {
        return "arn:" + partition + ":kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    /**
     * The key a {@code KeyId} member names within an account.
     *
     * @param accountId the caller's account
     * @param keyId     the member as sent
     * @return the key's id, lower case
     * @throws ValidationException  when the member is missing, empty or too long
     * @throws InvalidArnException  when it starts as an ARN but is not a KMS key or alias ARN
     * @throws NotFoundException    when it names an alias, or a key of another account, partition
     *                              or region, or is not a key id at all
     */
    public String resolveKeyId(String accountId, String keyId) {
        if (keyId == null) {
            throw new ValidationException("1 validation error detected: Value null at 'keyId' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (keyId.isEmpty() || keyId.length() > MAX_KEY_ID_LENGTH) {
            throw new ValidationException("1 validation error detected: Value at 'keyId' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_KEY_ID_LENGTH);
        }
        if (keyId.startsWith("alias/")) {
            throw new NotFoundException("Alias " + aliasArn(accountId, keyId.substring("alias/".length()))
                    + " is not found.");
        }
        if (keyId.startsWith("arn:")) {
            Matcher arn = ARN.matcher(keyId);
            if (!arn.matches()) {
                throw new InvalidArnException("Invalid arn " + keyId);
            }
            boolean here = arn.group(1).equals(partition) && arn.group(2).equals(region)
                    && arn.group(3).equals(accountId);
            if ("alias".equals(arn.group(4))) {
                throw new NotFoundException("Alias " + keyId + " is not found.");
            }
            if (!here || !KEY_ID.matcher(arn.group(5)).matches()) {
                throw new NotFoundException("Key '" + keyId + "' does not exist");
            }
            return arn.group(5).toLowerCase(Locale.ROOT);
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new NotFoundException("Invalid keyId '" + keyId + "'");
        }
        return keyId.toLowerCase(Locale.ROOT);
    }

    /** True if the text is a key id (UUID). */
    public static boolean isKeyId(String text) {
        return text != null && KEY_ID.matcher(text).matches();
    }

    /** The key id of a UUID, in the lower-case form keys are stored under. */
    public static String keyIdOf(UUID uuid) {
        return uuid.toString();
    }

    private String aliasArn(String accountId, String alias) {
        return "arn:" + partition + ":kms:" + region + ":" + accountId + ":alias/" + alias;
    }
}
