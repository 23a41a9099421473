package io.tastemaker.web.api;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.kms.CiphertextBlob;
import io.tastemaker.security.kms.DataKey;
import io.tastemaker.security.kms.KmsArns;
import io.tastemaker.security.kms.KmsKey;
import io.tastemaker.security.kms.KmsKeyMaterial;
import io.tastemaker.security.kms.KmsService;
import io.tastemaker.security.kms.KmsUnsupportedOperationException;
import io.tastemaker.security.kms.ValidationException;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS KMS over JSON 1.1 ({@code X-Amz-Target: TrentService.<Operation>}, signed for service
 * {@code kms}): CreateKey, DescribeKey, ListKeys, ListResourceTags, EnableKey, DisableKey,
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand,
 * ListKeyRotations, ScheduleKeyDeletion, CancelKeyDeletion, Encrypt, Decrypt, GenerateDataKey and
 * GenerateDataKeyWithoutPlaintext. Member names and shapes are those of KMS's service model;
 * blobs travel in base64, timestamps in epoch seconds. Malformed members are KMS's
 * {@code ValidationException} (not Personalize's InvalidInputException).
 */
@ApplicationScoped
public class KmsOperations implements OperationGroup {

    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    @Inject
    Caller caller;
    @Inject
    KmsService kms;

    @Override
    public ApiService service() {
        return ApiService.KMS;
    }

    @Override
    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("CreateKey", r -> {
            refuseUnsupported(r);
            List<KmsService.Tag> tags = r.objects("Tags").stream()
                    .map(t -> new KmsService.Tag(t.string("TagKey"), t.string("TagValue"))).toList();
            String keySpec = r.string("KeySpec") != null ? r.string("KeySpec") : r.string("CustomerMasterKeySpec");
            KmsKey key = kms.createKey(account(), r.string("Description"), r.string("KeyUsage"), keySpec,
                    r.string("Origin"), tags);
            return JsonOut.object().put("KeyMetadata", metadata(key));
        });
        ops.put("DescribeKey", r -> JsonOut.object().put("KeyMetadata",
                metadata(kms.describe(account(), r.string("KeyId")))));
        ops.put("ListKeys", r -> {
            KmsService.KeyPage page = kms.list(account(), r.integer("Limit"), r.string("Marker"));
            return JsonOut.object()
                    .list("Keys", page.keys(), k -> JsonOut.object().put("KeyId", k.getKeyId()).put("KeyArn", k.getArn()))
                    .put("NextMarker", page.nextMarker())
                    .put("Truncated", page.nextMarker() != null);
        });
        ops.put("ListResourceTags", r -> {
            return JsonOut.object()
                    .list("Tags", kms.tags(account(), r.string("KeyId")),
                            t -> JsonOut.object().put("TagKey", t.getTagKey()).put("TagValue", t.getTagValue()))
                    .put("Truncated", false);
        });
        ops.put("EnableKey", r -> {
            kms.enable(account(), r.string("KeyId"));
            return JsonOut.object();
        });
        ops.put("DisableKey", r -> {
            kms.disable(account(), r.string("KeyId"));
            return JsonOut.object();
        });
        ops.put("EnableKeyRotation", r -> {
            kms.enableRotation(account(), r.string("KeyId"), r.integer("RotationPeriodInDays"));
            return JsonOut.object();
        });
        ops.put("DisableKeyRotation", r -> {
            kms.disableRotation(account(), r.string("KeyId"));
            return JsonOut.object();
        });
        ops.put("GetKeyRotationStatus", r -> {
            KmsKey key = kms.describe(account(), r.string("KeyId"));
            boolean on = key.rotationReported();
            return JsonOut.object().put("KeyRotationEnabled", on).put("KeyId", key.getArn())
                    .put("RotationPeriodInDays", on ? key.getRotationPeriodDays() : null)
                    .put("NextRotationDate", on ? key.getNextRotationAt() : null);
        });
        ops.put("RotateKeyOnDemand", r -> JsonOut.object().put("KeyId",
                kms.rotateOnDemand(account(), r.string("KeyId")).getKeyId()));
        ops.put("ListKeyRotations", r -> {
            String keyId = r.string("KeyId");
            KmsService.RotationPage page = kms.listRotations(account(), keyId, r.integer("Limit"), r.string("Marker"));
            String arn = kms.describe(account(), keyId).getArn();
            return JsonOut.object()
                    .list("Rotations", page.rotations(), m -> rotation(arn, m))
                    .put("NextMarker", page.nextMarker())
                    .put("Truncated", page.nextMarker() != null);
        });
        ops.put("ScheduleKeyDeletion", r -> {
            KmsKey key = kms.scheduleDeletion(account(), r.string("KeyId"), r.integer("PendingWindowInDays"));
            return JsonOut.object().put("KeyId", key.getArn()).put("DeletionDate", key.getDeletionDate())
                    .put("KeyState", key.getKeyState()).put("PendingWindowInDays", key.getPendingWindowDays());
        });
        ops.put("CancelKeyDeletion", r -> JsonOut.object().put("KeyId",
                kms.cancelDeletion(account(), r.string("KeyId")).getArn()));
        ops.put("Encrypt", r -> {
            KmsService.Encrypted encrypted = kms.encrypt(account(), r.string("KeyId"), blob(r, "Plaintext"),
                    r.stringMap("EncryptionContext"), r.string("EncryptionAlgorithm"));
            return JsonOut.object().put("CiphertextBlob", base64(encrypted.ciphertextBlob()))
                    .put("KeyId", encrypted.keyArn()).put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
        });
        ops.put("Decrypt", r -> {
            refuseRecipient(r);
            KmsService.Decrypted decrypted = kms.decrypt(account(), blob(r, "CiphertextBlob"),
                    r.stringMap("EncryptionContext"), r.string("KeyId"), r.string("EncryptionAlgorithm"));
            return JsonOut.object().put("KeyId", decrypted.keyArn()).put("Plaintext", base64(decrypted.plaintext()))
                    .put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
        });
        ops.put("GenerateDataKey", r -> {
            refuseRecipient(r);
            DataKey key = kms.generateDataKey(account(), r.string("KeyId"), r.stringMap("EncryptionContext"),
                    r.string("KeySpec"), r.integer("NumberOfBytes"), true);
            return JsonOut.object().put("CiphertextBlob", base64(key.ciphertextBlob()))
                    .put("Plaintext", base64(key.plaintext())).put("KeyId", key.keyArn());
        });
        ops.put("GenerateDataKeyWithoutPlaintext", r -> {
            DataKey key = kms.generateDataKey(account(), r.string("KeyId"),
                    r.stringMap("EncryptionContext"), r.string("KeySpec"), r.integer("NumberOfBytes"), false);
            return JsonOut.object().put("CiphertextBlob", base64(key.ciphertextBlob())).put("KeyId", key.keyArn());
        });
        Map<String, Operation> translated = new LinkedHashMap<>();
        ops.forEach((name, op) -> translated.put(name, request -> {
            try {
                refuseDryRun(request);
                return op.handle(request);
            } catch (InvalidInputException e) {
                // JsonIn speaks Personalize's vocabulary; KMS calls the same mistakes ValidationException.
                throw new ValidationException(e.getMessage());
            }
        }));
        return Map.copyOf(translated);
    }

    private String account() {
        return caller.accountId();
    }

    /**
     * The key an operation acts on, for IAM policies: the ARN its {@code KeyId} names, or, for
     * Decrypt without one, the ARN of the key the ciphertext names; {@code *} for CreateKey and
     * ListKeys, and when the member cannot be read (the operation then refuses it).
     */
    @Override
    public List<String> resources(String name, JsonIn request) {
        try {
            String keyId = request.string("KeyId");
            if (keyId == null && "Decrypt".equals(name)) {
                byte[] blob = blob(request, "CiphertextBlob");
                if (blob != null && blob.length >= CiphertextBlob.MIN_BYTES) {
                    keyId = KmsArns.keyIdOf(CiphertextBlob.decode(blob).keyId());
                }
            }
            return List.of(kms.resourceArn(account(), keyId));
        } catch (RuntimeException unreadable) {
            return List.of("*");
        }
    }

    private static byte[] blob(JsonIn request, String member) {
        String value = request.string(member);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("'" + member + "' is not valid base64.");
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static JsonOut metadata(KmsKey key) {
        boolean pending = KmsKey.PENDING_DELETION.equals(key.getKeyState());
        return JsonOut.object()
                .put("AWSAccountId", key.getAccountId())
                .put("KeyId", key.getKeyId())
                .put("Arn", key.getArn())
                .put("CreationDate", key.getCreatedAt())
                .put("Enabled", key.isEnabled())
                .put("Description", key.getDescription())
                .put("KeyUsage", key.getKeyUsage())
                .put("KeyState", key.getKeyState())
                .put("DeletionDate", pending ? key.getDeletionDate() : null)
                .put("PendingDeletionWindowInDays", pending ? key.getPendingWindowDays() : null)
                .put("Origin", "AWS_KMS")
                .put("KeyManager", "CUSTOMER")
                .put("CustomerMasterKeySpec", key.getKeySpec())
                .put("KeySpec", key.getKeySpec())
                .putJson("EncryptionAlgorithms", "[\"" + SYMMETRIC_DEFAULT + "\"]")
                .put("MultiRegion", false);
    }

    private static JsonOut rotation(String keyArn, KmsKeyMaterial material) {
        return JsonOut.object().put("KeyId", keyArn).put("RotationDate", material.getCreatedAt())
                .put("RotationType", material.getRotationType());
    }

    private static void refuseUnsupported(JsonIn r) {
        if (r.raw().containsKey("Policy") && r.string("Policy") != null) {
            throw new KmsUnsupportedOperationException("Key policies are not supported here: access to keys is "
                    + "governed by the account's IAM policies. Create the key without Policy.");
        }
        if (r.string("CustomKeyStoreId") != null || r.string("XksKeyId") != null) {
            throw new KmsUnsupportedOperationException("Custom and external key stores are not supported here.");
        }
        if (r.bool("MultiRegion")) {
            throw new KmsUnsupportedOperationException("Multi-Region keys are not supported here.");
        }
    }

    private static void refuseRecipient(JsonIn r) {
        if (r.object("Recipient") != null) {
            throw new KmsUnsupportedOperationException("Recipient (Nitro Enclaves attestation) is not supported here.");
        }
    }

    private static void refuseDryRun(JsonIn r) {
        if (r.bool("DryRun")) {
            throw new KmsUnsupportedOperationException("DryRun is not supported here.");
        }
    }
}
