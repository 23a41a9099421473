package io.tastemaker.domain.encryption;

import io.tastemaker.domain.error.AccessDeniedException;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.kms.DataKey;
import io.tastemaker.security.kms.DisabledException;
import io.tastemaker.security.kms.Envelope;
import io.tastemaker.security.kms.KmsException;
import io.tastemaker.security.kms.KmsInvalidStateException;
import io.tastemaker.security.kms.KmsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Encryption at rest of the dataset groups created with a {@code kmsKeyArn} (ADR 12). Each such
 * group has one AES-256 data key, made by KMS when the group is created and stored only encrypted
 * under the group's KMS key; this class gives the {@link Envelope} over its plaintext to the code
 * that writes and reads the group's attributes, event properties and model artifacts.
 *
 * <p>The envelope of a group is kept in memory for {@value #CACHE_SECONDS} seconds; then the
 * data key is decrypted by KMS again, which checks the key: so a disabled (or pending deletion,
 * or deleted) key stops the group's campaigns, imports, training and events within
 * {@value #CACHE_SECONDS} seconds, with an {@link AccessDeniedException} that says which key and
 * how to restore it, and enabling the key restores them as fast. A request costs a map look-up,
 * not a KMS call.
 */
@ApplicationScoped
public class DataEncryption {

    /** How long a group's envelope (or the fact that it has none) is used before it is checked again. */
    public static final int CACHE_SECONDS = 5;
    /** The encryption context that binds a group's data key to the group. */
    public static final String CONTEXT_KEY = "tastemaker:datasetGroupArn";

    private static final Pattern KMS_KEY_ARN = Pattern.compile("arn:aws.*:kms:.*:[0-9]{12}:key/.*");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");

    @Inject
    EncryptionLookup lookup;
    @Inject
    KmsService kms;
    @Inject
    Clock clock;

    private final ConcurrentMap<String, Cached> envelopes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> groupOfDataset = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> groupOfVersion = new ConcurrentHashMap<>();

    private record Cached(Optional<Envelope> envelope, long expiresAtMillis) {
    }

    /**
     * For CreateDatasetGroup with a {@code kmsKeyArn}: checks the key and the role, and makes the
     * group's data key.
     *
     * @return the data key encrypted under the KMS key, in base64, to store with the group
     * @throws InvalidInputException when the ARNs are malformed, the role is missing, or the key
     *                               is not an enabled key of the account
     */
    public String newDataKey(String accountId, String groupArn, String kmsKeyArn, String roleArn) {
        if (kmsKeyArn.length() > 2048 || !KMS_KEY_ARN.matcher(kmsKeyArn).matches()) {
            throw new InvalidInputException("1 validation error detected: Value '" + kmsKeyArn + "' at 'kmsKeyArn' failed "
                    + "to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kms:.*:[0-9]{12}:key/.*");
        }
        if (roleArn == null) {
            throw new InvalidInputException("roleArn is required with kmsKeyArn: the IAM role that may use the KMS key.");
        }
        if (roleArn.length() > 256 || !ROLE_ARN.matcher(roleArn).matches()) {
            throw new InvalidInputException("1 validation error detected: Value '" + roleArn + "' at 'roleArn' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: "
                    + "arn:([a-z\\d-]+):iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");
        }
        DataKey dataKey;
        try {
            kms.requireUsable(accountId, kmsKeyArn);
            dataKey = kms.generateDataKey(accountId, kmsKeyArn, context(groupArn));
        } catch (KmsException e) {
            throw new InvalidInputException("The KMS key " + kmsKeyArn + " cannot encrypt this dataset group: "
                    + e.getMessage());
        }
        Arrays.fill(dataKey.plaintext(), (byte) 0);
        envelopes.remove(groupArn);
        return Base64.getEncoder().encodeToString(dataKey.ciphertextBlob());
    }

    /**
     * The envelope of a dataset group; empty when the group is not encrypted at rest (or no
     * longer exists).
     *
     * @throws AccessDeniedException when its KMS key is disabled, pending deletion or deleted
     */
    public Optional<Envelope> forGroup(String groupArn) {
        long now = clock.millis();
        Cached cached = envelopes.get(groupArn);
        if (cached == null || cached.expiresAtMillis() <= now) {
            cached = new Cached(load(groupArn), now + CACHE_SECONDS * 1000L);
            envelopes.put(groupArn, cached);
        }
        return cached.envelope();
    }

    /** The envelope of the group a dataset belongs to; see {@link #forGroup}. */
    public Optional<Envelope> forDataset(String datasetArn) {
        String group = groupOfDataset.get(datasetArn);
        if (group == null) {
            Optional<String> found = lookup.groupOfDataset(datasetArn);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            group = found.get();
            groupOfDataset.put(datasetArn, group);
        }
        return forGroup(group);
    }

    /** The envelope of the group a solution version was trained for; see {@link #forGroup}. */
    public Optional<Envelope> forSolutionVersion(String solutionVersionArn) {
        String group = groupOfVersion.get(solutionVersionArn);
        if (group == null) {
            Optional<String> found = lookup.groupOfSolutionVersion(solutionVersionArn);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            group = found.get();
            groupOfVersion.put(solutionVersionArn, group);
        }
        return forGroup(group);
    }

    /** Forgets what is known of a group, e.g. when it is deleted (its name may be reused). */
    public void forget(String groupArn) {
        envelopes.remove(groupArn);
        groupOfDataset.values().removeIf(groupArn::equals);
        groupOfVersion.values().removeIf(groupArn::equals);
    }

    /** The encryption context of a group's data key. */
    public static Map<String, String> context(String groupArn) {
        return Map.of(CONTEXT_KEY, groupArn);
    }

    private Optional<Envelope> load(String groupArn) {
        Optional<EncryptionLookup.GroupKey> key = lookup.group(groupArn);
        if (key.isEmpty() || !key.get().encrypted()) {
            return Optional.empty();
        }
        EncryptionLookup.GroupKey k = key.get();
        byte[] plaintext;
        try {
            plaintext = kms.decryptDataKey(k.accountId(), k.kmsKeyArn(), Base64.getDecoder().decode(k.dataKey()),
                    context(groupArn));
        } catch (DisabledException e) {
            throw new AccessDeniedException("The KMS key " + k.kmsKeyArn() + " that encrypts dataset group " + groupArn
                    + " is disabled, so its data cannot be read or written. Enable the key (EnableKey) to use the group again.");
        } catch (KmsInvalidStateException e) {
            throw new AccessDeniedException("The KMS key " + k.kmsKeyArn() + " that encrypts dataset group " + groupArn
                    + " is pending deletion, so its data cannot be read or written. Cancel the deletion "
                    + "(CancelKeyDeletion) and enable the key to use the group again.");
        } catch (KmsException e) {
            throw new AccessDeniedException("The KMS key " + k.kmsKeyArn() + " that encrypts dataset group " + groupArn
                    + " cannot decrypt its data key: " + e.getMessage());
        }
        try {
            return Optional.of(new Envelope(plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
