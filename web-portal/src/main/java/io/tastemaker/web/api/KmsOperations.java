package io.tastemaker.web.api;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.kms.DataKey;
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
            record("CreateKey", "*");
            KmsKey key = kms.createKey(account(), r.string("Description"), r.string("KeyUsage"), keySpec,
                    r.string("Origin"), tags);
            return JsonOut.object().put("KeyMetadata", metadata(key));
        });
        ops.put("DescribeKey", r -> JsonOut.object().put("KeyMetadata",
                metadata(kms.describe(account(), keyId(r, "DescribeKey")))));
        ops.put("ListKeys", r -> {
            record("ListKeys", "*");
            KmsService.KeyPage page = kms.list(account(), r.integer("Limit"), r.string("Marker"));
            return JsonOut.object()
                    .list("Keys", page.keys(), k -> JsonOut.object().put("KeyId", k.getKeyId()).put("KeyArn", k.getArn()))
                    .put("NextMarker", page.nextMarker())
                    .put("Truncated", page.nextMarker() != null);
        });
        ops.put("ListResourceTags", r -> {
            String keyId = keyId(r, "ListResourceTags");
            return JsonOut.object()
                    .list("Tags", kms.tags(account(), keyId),
                            t -> JsonOut.object().put("TagKey", t.getTagKey()).put("TagValue", t.getTagValue()))
                    .put("Truncated", false);
        });
        ops.put("EnableKey", r -> {
            kms.enable(account(), keyId(r, "EnableKey"));
            return JsonOut.object();
        });
        ops.put("DisableKey", r -> {
            kms.disable(account(), keyId(r, "DisableKey"));
            return JsonOut.object();
        });
        ops.put("EnableKeyRotation", r -> {
            kms.enableRotation(account(), keyId(r, "EnableKeyRotation"), r.integer("RotationPeriodInDays"));
            return JsonOut.object();
        });
        ops.put("DisableKeyRotation", r -> {
            kms.disableRotation(account(), keyId(r, "DisableKeyRotation"));
            return JsonOut.object();
        });
        ops.put("GetKeyRotationStatus", r -> {
            KmsKey key = kms.describe(account(), keyId(r, "GetKeyRotationStatus"));
            boolean on = key.rotationReported();
            return JsonOut.object().put("KeyRotationEnabled", on).put("KeyId", key.getArn())
                    .put("RotationPeriodInDays", on ? key.getRotationPeriodDays() : null)
                    .put("NextRotationDate", on ? key.getNextRotationAt() : null);
        });
        ops.put("RotateKeyOnDemand", r -> JsonOut.object().put("KeyId",
                kms.rotateOnDemand(account(), keyId(r, "RotateKeyOnDemand")).getKeyId()));
        ops.put("ListKeyRotations", r -> {
            String keyId = keyId(r, "ListKeyRotations");
            KmsService.RotationPage page = kms.listRotations(account(), keyId, r.integer("Limit"), r.string("Marker"));
            String arn = kms.describe(account(), keyId).getArn();
            return JsonOut.object()
                    .list("Rotations", page.rotations(), m -> rotation(arn, m))
                    .put("NextMarker", page.nextMarker())
                    .put("Truncated", page.nextMarker() != null);
        });
        ops.put("ScheduleKeyDeletion", r -> {
            KmsKey key = kms.scheduleDeletion(account(), keyId(r, "ScheduleKeyDeletion"), r.integer("PendingWindowInDays"));
            return JsonOut.object().put("KeyId", key.getArn()).put("DeletionDate", key.getDeletionDate())
                    .put("KeyState", key.getKeyState()).put("PendingWindowInDays", key.getPendingWindowDays());
        });
        ops.put("CancelKeyDeletion", r -> JsonOut.object().put("KeyId",
                kms.cancelDeletion(account(), keyId(r, "CancelKeyDeletion")).getArn()));
        ops.put("Encrypt", r -> {
            KmsService.Encrypted encrypted = kms.encrypt(account(), keyId(r, "Encrypt"), blob(r, "Plaintext"),
                    r.stringMap("EncryptionContext"), r.string("EncryptionAlgorithm"));
            return JsonOut.object().put("CiphertextBlob", base64(encrypted.ciphertextBlob()))
                    .put("KeyId", encrypted.keyArn()).put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
        });
        ops.put("Decrypt", r -> {
            refuseRecipient(r);
            record("Decrypt", kms.resourceArn(account(), r.string("KeyId")));
            KmsService.Decrypted decrypted = kms.decrypt(account(), blob(r, "CiphertextBlob"),
                    r.stringMap("EncryptionContext"), r.string("KeyId"), r.string("EncryptionAlgorithm"));
            return JsonOut.object().put("KeyId", decrypted.keyArn()).put("Plaintext", base64(decrypted.plaintext()))
                    .put("EncryptionAlgorithm", SYMMETRIC_DEFAULT);
        });
        ops.put("GenerateDataKey", r -> {
            refuseRecipient(r);
            DataKey key = kms.generateDataKey(account(), keyId(r, "GenerateDataKey"), r.stringMap("EncryptionContext"),
                    r.string("KeySpec"), r.integer("NumberOfBytes"), true);
            return JsonOut.object().put("CiphertextBlob", base64(key.ciphertextBlob()))
                    .put("Plaintext", base64(key.plaintext())).put("KeyId", key.keyArn());
        });
        ops.put("GenerateDataKeyWithoutPlaintext", r -> {
            DataKey key = kms.generateDataKey(account(), keyId(r, "GenerateDataKeyWithoutPlaintext"),
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

    /** The request's KeyId, after recording the action and the key it acts on. */
    private String keyId(JsonIn request, String operation) {
        String keyId = request.string("KeyId");
        record(operation, kms.resourceArn(account(), keyId));
        return keyId;
    }

    private void record(String operation, String resource) {
        caller.request("kms:" + operation, List.of(resource));
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
