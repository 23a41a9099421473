package io.tastemaker.security.kms;

import io.tastemaker.security.crypto.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * KMS-style customer master keys of each account: their life cycle, rotation, and the
 * cryptographic operations (Encrypt, Decrypt, GenerateDataKey). The JSON 1.1 API, the console and
 * the domain (envelope encryption of dataset groups) all call this one service.
 *
 * <p>Every method takes the caller's account first, and a key of another account is a
 * {@link NotFoundException} exactly as a key that does not exist. Key material is read from its
 * sealed rows for each use and never returned; only ciphertexts and data keys leave.
 */
@Stateless
public class KmsService {

    /** The largest Plaintext of Encrypt, in bytes (the model's PlaintextType). */
    public static final int MAX_PLAINTEXT_BYTES = 4096;
    /** The largest CiphertextBlob of Decrypt, in bytes (the model's CiphertextType). */
    public static final int MAX_CIPHERTEXT_BYTES = 6144;
    /** The largest Description, in characters. */
    public static final int MAX_DESCRIPTION_LENGTH = 8192;
    /** ListKeys' page size unless Limit says otherwise, and Limit's bounds. */
    public static final int DEFAULT_LIST_LIMIT = 100;
    public static final int MAX_LIST_LIMIT = 1000;
    /** NumberOfBytes' bounds for GenerateDataKey. */
    public static final int MAX_DATA_KEY_BYTES = 1024;
    /** Tag quotas and lengths, as AWS KMS has them. */
    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_KEY_LENGTH = 128;
    public static final int MAX_TAG_VALUE_LENGTH = 256;

    private static final Logger LOG = Logger.getLogger(KmsService.class.getName());
    private static final Set<String> KEY_USAGES = Set.of("SIGN_VERIFY", "ENCRYPT_DECRYPT", "GENERATE_VERIFY_MAC",
            "KEY_AGREEMENT");
    private static final Set<String> KEY_SPECS = Set.of("RSA_2048", "RSA_3072", "RSA_4096", "ECC_NIST_P256",
            "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256K1", "SYMMETRIC_DEFAULT", "HMAC_224", "HMAC_256",
            "HMAC_384", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519");
    private static final Set<String> ORIGINS = Set.of("AWS_KMS", "EXTERNAL", "AWS_CLOUDHSM", "EXTERNAL_KEY_STORE");
    private static final Set<String> ENCRYPTION_ALGORITHMS = Set.of("SYMMETRIC_DEFAULT", "RSAES_OAEP_SHA_1",
            "RSAES_OAEP_SHA_256", "SM2PKE");

    @PersistenceContext
    EntityManager em;
    @Inject
    SecretBox masterBox;
    @Inject
    Clock clock;
    @Inject
    KmsArns arns;

    private final SecureRandom random = new SecureRandom();

    /** A tag of CreateKey. */
    public record Tag(String key, String value) {
    }

    /** A page of ListKeys; {@code nextMarker} is null on the last page. */
    public record KeyPage(List<KmsKey> keys, String nextMarker) {
    }

    /** A page of ListKeyRotations; {@code nextMarker} is null on the last page. */
    public record RotationPage(List<KmsKeyMaterial> rotations, String nextMarker) {
    }

    /** Encrypt's answer: the ciphertext and the ARN of the key that made it. */
    public record Encrypted(byte[] ciphertextBlob, String keyArn) {
    }

    /** Decrypt's answer: the plaintext and the ARN of the key that made the ciphertext. */
    public record Decrypted(byte[] plaintext, String keyArn) {
        @Override
        public String toString() {
            return "Decrypted[" + keyArn + ", " + plaintext.length + " bytes]";
        }
    }

    /**
     * CreateKey: a new Enabled symmetric key with its first material.
     *
     * @param keyUsage null or {@code ENCRYPT_DECRYPT}
     * @param keySpec  null or {@code SYMMETRIC_DEFAULT}
     * @param origin   null or {@code AWS_KMS}
     * @param tags     null or the key's tags
     * @throws ValidationException              for values outside the model's enumerations and lengths
     * @throws KmsUnsupportedOperationException for valid values this server does not serve
     *                                          (asymmetric and HMAC keys, imported or external material)
     * @throws TagException                     for a repeated tag key or one of the wrong length
     */
    public KmsKey createKey(String accountId, String description, String keyUsage, String keySpec, String origin,
                            List<Tag> tags) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new ValidationException("1 validation error detected: Value at 'description' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_DESCRIPTION_LENGTH);
        }
        requireServed("keyUsage", keyUsage, KEY_USAGES, KmsKey.ENCRYPT_DECRYPT,
                "This server makes only ENCRYPT_DECRYPT keys.");
        requireServed("keySpec", keySpec, KEY_SPECS, KmsKey.SYMMETRIC_DEFAULT,
                "This server makes only SYMMETRIC_DEFAULT (AES-256-GCM) keys.");
        requireServed("origin", origin, ORIGINS, "AWS_KMS",
                "This server makes only keys whose material it generates (origin AWS_KMS).");
        List<Tag> checkedTags = checkTags(tags);
        Instant now = clock.instant();
        UUID uuid = UUID.randomUUID();
        String keyId = KmsArns.keyIdOf(uuid);
        KmsKey key = new KmsKey(keyId, accountId, arns.keyArn(accountId, keyId), description, now);
        em.persist(key);
        em.flush();
        KeyMaterial material = KeyMaterial.generate(uuid, 1, random);
        em.persist(new KmsKeyMaterial(keyId, 1, material.seal(masterBox), now, null));
        for (Tag tag : checkedTags) {
            em.persist(new KmsKeyTag(keyId, tag.key(), tag.value()));
        }
        return key;
    }

    /** DescribeKey: the key a KeyId names in the account. */
    public KmsKey describe(String accountId, String keyId) {
        return find(accountId, keyId);
    }

    /**
     * ListKeys: the account's keys in the order of their ids, including those pending deletion.
     *
     * @param limit  1 to {@value #MAX_LIST_LIMIT}; null for {@value #DEFAULT_LIST_LIMIT}
     * @param marker null, or the {@code nextMarker} of the previous page
     */
    public KeyPage list(String accountId, Integer limit, String marker) {
        int size = limit(limit);
        String after = marker(marker);
        List<KmsKey> found = em.createQuery("select k from KmsKey k where k.accountId = :a and k.keyId > :after "
                        + "and (k.deletionDate is null or k.deletionDate > :now) order by k.keyId", KmsKey.class)
                .setParameter("a", accountId).setParameter("after", after).setParameter("now", clock.instant())
                .setMaxResults(size + 1).getResultList();
        if (found.size() <= size) {
            return new KeyPage(found, null);
        }
        List<KmsKey> page = found.subList(0, size);
        return new KeyPage(List.copyOf(page), page.get(size - 1).getKeyId());
    }

    /** Every key of the account (for the console), newest first. */
    public List<KmsKey> listAll(String accountId) {
        return em.createQuery("select k from KmsKey k where k.accountId = :a "
                        + "and (k.deletionDate is null or k.deletionDate > :now) order by k.createdAt desc, k.keyId",
                        KmsKey.class)
                .setParameter("a", accountId).setParameter("now", clock.instant()).getResultList();
    }

    /** ListResourceTags: the key's tags, by tag key. */
    public List<KmsKeyTag> tags(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        return em.createQuery("select t from KmsKeyTag t where t.id.keyId = :k order by t.id.tagKey", KmsKeyTag.class)
                .setParameter("k", key.getKeyId()).getResultList();
    }

    public KmsKey enable(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        key.enable();
        return key;
    }

    public KmsKey disable(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        key.disable();
        return key;
    }

    /** EnableKeyRotation, every {@code periodDays} (null: 365) from now. */
    public KmsKey enableRotation(String accountId, String keyId, Integer periodDays) {
        KmsKey key = find(accountId, keyId);
        key.enableRotation(periodDays, clock.instant());
        return key;
    }

    public KmsKey disableRotation(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        key.disableRotation();
        return key;
    }

    /** RotateKeyOnDemand: new material encrypts from now on; the old stays for decrypting. */
    public KmsKey rotateOnDemand(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        key.requireOnDemandRotation();
        rotate(key, true, clock.instant());
        return key;
    }

    /** ListKeyRotations: the key's rotations (material versions after the first), oldest first. */
    public RotationPage listRotations(String accountId, String keyId, Integer limit, String marker) {
        KmsKey key = find(accountId, keyId);
        int size = limit(limit);
        int after = 1;
        if (marker != null) {
            try {
                after = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw new InvalidMarkerException("The marker '" + marker + "' was not made by ListKeyRotations.");
            }
        }
        List<KmsKeyMaterial> found = em.createQuery("select m from KmsKeyMaterial m where m.id.keyId = :k "
                        + "and m.id.version > :after order by m.id.version", KmsKeyMaterial.class)
                .setParameter("k", key.getKeyId()).setParameter("after", after).setMaxResults(size + 1).getResultList();
        if (found.size() <= size) {
            return new RotationPage(found, null);
        }
        List<KmsKeyMaterial> page = List.copyOf(found.subList(0, size));
        return new RotationPage(page, Integer.toString(page.get(size - 1).getVersion()));
    }

    /** ScheduleKeyDeletion, after {@code pendingWindowInDays} (null: 30; 7 to 30). */
    public KmsKey scheduleDeletion(String accountId, String keyId, Integer pendingWindowInDays) {
        KmsKey key = find(accountId, keyId);
        key.scheduleDeletion(pendingWindowInDays, clock.instant());
        return key;
    }

    /** CancelKeyDeletion: the key is Disabled again, as in AWS. */
    public KmsKey cancelDeletion(String accountId, String keyId) {
        KmsKey key = find(accountId, keyId);
        key.cancelDeletion();
        return key;
    }

    /**
     * Encrypt: up to {@value #MAX_PLAINTEXT_BYTES} bytes under the key's current material.
     *
     * @param encryptionAlgorithm null or {@code SYMMETRIC_DEFAULT}
     */
    public Encrypted encrypt(String accountId, String keyId, byte[] plaintext, Map<String, String> context,
                             String encryptionAlgorithm) {
        if (plaintext == null) {
            throw new ValidationException("1 validation error detected: Value null at 'plaintext' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (plaintext.length < 1 || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new ValidationException("1 validation error detected: Value at 'plaintext' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_PLAINTEXT_BYTES);
        }
        EncryptionContext encryptionContext = EncryptionContext.of(context);
        KmsKey key = find(accountId, keyId);
        requireSymmetric(encryptionAlgorithm, key);
        key.requireUsable();
        return new Encrypted(currentMaterial(key).encrypt(plaintext, encryptionContext, random).encode(), key.getArn());
    }

    /**
     * GenerateDataKey (and, with {@code withPlaintext} false, GenerateDataKeyWithoutPlaintext):
     * random bytes, returned in plaintext and encrypted under the key. Give exactly one of
     * {@code keySpec} ({@code AES_256}, {@code AES_128}) and {@code numberOfBytes} (1 to
     * {@value #MAX_DATA_KEY_BYTES}).
     */
    public DataKey generateDataKey(String accountId, String keyId, Map<String, String> context, String keySpec,
                                   Integer numberOfBytes, boolean withPlaintext) {
        int length = dataKeyLength(keySpec, numberOfBytes);
        EncryptionContext encryptionContext = EncryptionContext.of(context);
        KmsKey key = find(accountId, keyId);
        key.requireUsable();
        byte[] plaintext = new byte[length];
        random.nextBytes(plaintext);
        byte[] blob = currentMaterial(key).encrypt(plaintext, encryptionContext, random).encode();
        if (!withPlaintext) {
            Arrays.fill(plaintext, (byte) 0);
            return new DataKey(key.getArn(), null, blob);
        }
        return new DataKey(key.getArn(), plaintext, blob);
    }

    /**
     * Decrypt: the plaintext of a ciphertext made by Encrypt or GenerateDataKey of one of the
     * account's keys, with the same encryption context.
     *
     * @param keyId               null, or the key the caller expects the ciphertext to be of
     * @param encryptionAlgorithm null or {@code SYMMETRIC_DEFAULT}
     * @throws InvalidCiphertextException when the ciphertext is malformed, altered, or the context differs
     * @throws IncorrectKeyException      when {@code keyId} names another key than the ciphertext's
     * @throws KmsAccessDeniedException   when the ciphertext's key does not exist or is of another account
     */
    public Decrypted decrypt(String accountId, byte[] ciphertextBlob, Map<String, String> context, String keyId,
                             String encryptionAlgorithm) {
        if (ciphertextBlob == null) {
            throw new ValidationException("1 validation error detected: Value null at 'ciphertextBlob' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        if (ciphertextBlob.length < 1 || ciphertextBlob.length > MAX_CIPHERTEXT_BYTES) {
            throw new ValidationException("1 validation error detected: Value at 'ciphertextBlob' failed to satisfy "
                    + "constraint: Member must have length between 1 and " + MAX_CIPHERTEXT_BYTES);
        }
        EncryptionContext encryptionContext = EncryptionContext.of(context);
        KmsKey named = keyId == null ? null : find(accountId, keyId);
        CiphertextBlob blob = CiphertextBlob.decode(ciphertextBlob);
        String blobKeyId = KmsArns.keyIdOf(blob.keyId());
        if (named != null && !named.getKeyId().equals(blobKeyId)) {
            throw new IncorrectKeyException("The key ID in the request does not identify a CMK that can perform "
                    + "this operation: the ciphertext was made by another key.");
        }
        KmsKey key = named != null ? named : em.find(KmsKey.class, blobKeyId);
        if (key == null || !key.getAccountId().equals(accountId) || key.isDeleted(clock.instant())) {
            throw new KmsAccessDeniedException("The ciphertext refers to a customer master key that does not exist, "
                    + "does not exist in this region, or you are not allowed to access.");
        }
        requireSymmetric(encryptionAlgorithm, key);
        key.requireUsable();
        if (blob.keyVersion() > key.getCurrentVersion()) {
            throw new InvalidCiphertextException("The ciphertext names key material that the key does not have.");
        }
        return new Decrypted(material(key, blob.keyVersion()).decrypt(blob, encryptionContext), key.getArn());
    }

    /**
     * For the domain: a new AES-256 data key under the key of {@code keyArn}, bound to a context
     * (e.g. the dataset group's ARN). Store {@link DataKey#ciphertextBlob()}; use the plaintext
     * with an {@link Envelope}.
     *
     * @throws NotFoundException, DisabledException, KmsInvalidStateException as for GenerateDataKey
     */
    public DataKey generateDataKey(String accountId, String keyArn, Map<String, String> context) {
        return generateDataKey(accountId, keyArn, context, "AES_256", null, true);
    }

    /**
     * For the domain: the plaintext of a data key made by {@link #generateDataKey(String, String, Map)},
     * which must be of the key of {@code keyArn}.
     *
     * @throws IncorrectKeyException      when the data key was made by another key
     * @throws DisabledException          when the key is disabled (the data are unreadable until enabled)
     * @throws InvalidCiphertextException when the blob or the context does not match
     */
    public byte[] decryptDataKey(String accountId, String keyArn, byte[] ciphertextBlob, Map<String, String> context) {
        return decrypt(accountId, ciphertextBlob, context, keyArn, null).plaintext();
    }

    /**
     * For CreateDatasetGroup's {@code kmsKeyArn}: the key exists in the account and may encrypt.
     *
     * @throws NotFoundException, DisabledException, KmsInvalidStateException otherwise
     */
    public KmsKey requireUsable(String accountId, String keyArn) {
        KmsKey key = find(accountId, keyArn);
        key.requireUsable();
        return key;
    }

    /**
     * The ARN a {@code KeyId} names within an account, for recording what a request acts on;
     * {@code *} when it names no key.
     */
    public String resourceArn(String accountId, String keyId) {
        if (keyId == null) {
            return "*";
        }
        try {
            return arns.keyArn(accountId, arns.resolveKeyId(accountId, keyId));
        } catch (KmsException e) {
            return keyId;
        }
    }

    /**
     * Housekeeping: rotates every Enabled key whose automatic rotation is due.
     *
     * @return how many keys were rotated
     */
    public int rotateDueKeys() {
        Instant now = clock.instant();
        List<KmsKey> due = em.createQuery("select k from KmsKey k where k.rotationEnabled = true "
                        + "and k.keyState = :enabled and k.nextRotationAt <= :now", KmsKey.class)
                .setParameter("enabled", KmsKey.ENABLED).setParameter("now", now).getResultList();
        for (KmsKey key : due) {
            rotate(key, false, now);
            LOG.info(() -> "Rotated KMS key " + key.getArn() + " automatically to material version "
                    + key.getCurrentVersion());
        }
        return due.size();
    }

    /**
     * Housekeeping: deletes, with their material and tags, the keys whose deletion date has
     * passed. Whatever they encrypted can never be decrypted again.
     *
     * @return how many keys were deleted
     */
    public int purgeDeletedKeys() {
        Instant now = clock.instant();
        List<KmsKey> gone = em.createQuery("select k from KmsKey k where k.keyState = :pending "
                        + "and k.deletionDate <= :now", KmsKey.class)
                .setParameter("pending", KmsKey.PENDING_DELETION).setParameter("now", now).getResultList();
        for (KmsKey key : gone) {
            em.createQuery("delete from KmsKeyMaterial m where m.id.keyId = :k").setParameter("k", key.getKeyId())
                    .executeUpdate();
            em.createQuery("delete from KmsKeyTag t where t.id.keyId = :k").setParameter("k", key.getKeyId())
                    .executeUpdate();
            em.remove(key);
            LOG.info(() -> "Deleted KMS key " + key.getArn() + " and its material: its waiting period ended "
                    + key.getDeletionDate());
        }
        return gone.size();
    }

    private void rotate(KmsKey key, boolean onDemand, Instant now) {
        int version = key.getCurrentVersion() + 1;
        KeyMaterial material = KeyMaterial.generate(UUID.fromString(key.getKeyId()), version, random);
        em.persist(new KmsKeyMaterial(key.getKeyId(), version, material.seal(masterBox), now,
                onDemand ? KmsKeyMaterial.ON_DEMAND : KmsKeyMaterial.AUTOMATIC));
        key.rotated(version, onDemand, now);
    }

    private KmsKey find(String accountId, String keyId) {
        String id = arns.resolveKeyId(accountId, keyId);
        KmsKey key = em.find(KmsKey.class, id);
        if (key == null || !key.getAccountId().equals(accountId) || key.isDeleted(clock.instant())) {
            throw new NotFoundException("Key '" + arns.keyArn(accountId, id) + "' does not exist");
        }
        return key;
    }

    private KeyMaterial currentMaterial(KmsKey key) {
        return material(key, key.getCurrentVersion());
    }

    private KeyMaterial material(KmsKey key, int version) {
        KmsKeyMaterial row = em.find(KmsKeyMaterial.class, new KmsKeyMaterial.Key(key.getKeyId(), version));
        if (row == null) {
            throw new InvalidCiphertextException("The ciphertext names key material that the key does not have.");
        }
        return KeyMaterial.unseal(masterBox, UUID.fromString(key.getKeyId()), version, row.getMaterialSealed());
    }

    private static void requireSymmetric(String encryptionAlgorithm, KmsKey key) {
        if (encryptionAlgorithm == null || KmsKey.SYMMETRIC_DEFAULT.equals(encryptionAlgorithm)) {
            return;
        }
        if (!ENCRYPTION_ALGORITHMS.contains(encryptionAlgorithm)) {
            throw new ValidationException("1 validation error detected: Value '" + encryptionAlgorithm
                    + "' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: "
                    + ENCRYPTION_ALGORITHMS.stream().sorted().toList());
        }
        throw new InvalidKeyUsageException("You cannot use " + encryptionAlgorithm + " with " + key.getArn()
                + ", a SYMMETRIC_DEFAULT key.");
    }

    private static int dataKeyLength(String keySpec, Integer numberOfBytes) {
        if (keySpec != null && numberOfBytes != null) {
            throw new ValidationException("Please specify either number of bytes or key spec, not both.");
        }
        if (keySpec == null && numberOfBytes == null) {
            throw new ValidationException("Please specify either number of bytes or key spec.");
        }
        if (numberOfBytes != null) {
            if (numberOfBytes < 1 || numberOfBytes > MAX_DATA_KEY_BYTES) {
                throw new ValidationException("1 validation error detected: Value '" + numberOfBytes
                        + "' at 'numberOfBytes' failed to satisfy constraint: Member must have value between 1 and "
                        + MAX_DATA_KEY_BYTES);
            }
            return numberOfBytes;
        }
        return switch (keySpec) {
            case "AES_256" -> 32;
            case "AES_128" -> 16;
            default -> throw new ValidationException("1 validation error detected: Value '" + keySpec
                    + "' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [AES_256, AES_128]");
        };
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIST_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new ValidationException("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value between 1 and " + MAX_LIST_LIMIT);
        }
        return limit;
    }

    private static String marker(String marker) {
        if (marker == null) {
            return "";
        }
        if (!KmsArns.isKeyId(marker)) {
            throw new InvalidMarkerException("The marker '" + marker + "' was not made by ListKeys.");
        }
        return marker.toLowerCase(java.util.Locale.ROOT);
    }

    private static void requireServed(String member, String value, Set<String> valid, String served, String why) {
        if (value == null || value.equals(served)) {
            return;
        }
        if (!valid.contains(value)) {
            throw new ValidationException("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy enum value set: " + valid.stream().sorted().toList());
        }
        throw new KmsUnsupportedOperationException(member + " " + value + " is not supported here. " + why);
    }

    private static List<Tag> checkTags(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new TagException("A key has at most " + MAX_TAGS + " tags, not " + tags.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            if (tag.key() == null || tag.value() == null) {
                throw new ValidationException("1 validation error detected: every tag needs a TagKey and a TagValue.");
            }
            if (tag.key().isEmpty() || tag.key().length() > MAX_TAG_KEY_LENGTH
                    || tag.value().length() > MAX_TAG_VALUE_LENGTH) {
                throw new TagException("A tag key is 1 to " + MAX_TAG_KEY_LENGTH + " characters and a tag value at most "
                        + MAX_TAG_VALUE_LENGTH + ".");
            }
            if (!seen.add(tag.key())) {
                throw new TagException("The tag key " + tag.key() + " appears twice.");
            }
        }
        return List.copyOf(tags);
    }
}
