package io.tastemaker.web.console;

import io.tastemaker.security.error.ServiceException;
import io.tastemaker.security.kms.KmsKey;
import io.tastemaker.security.kms.KmsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * The KMS keys page: the account's keys, a form that creates one, and per key enable/disable,
 * automatic rotation on/off, rotation now, and scheduling or cancelling deletion. Every action is
 * authorised as its KMS operation is over the API ({@code kms:ListKeys} and {@code kms:CreateKey} on
 * {@code *}, the others on the key's ARN), then calls {@link KmsService}; refusals and the
 * service's errors are shown as messages.
 */
@Named("kmsKeys")
@ViewScoped
public class KmsKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;
    @Inject
    KmsService kms;
    @Inject
    ConsoleAudit audit;
    @Inject
    ConsoleAccess access;

    private List<KmsKeyRow> rows = List.of();
    private String description;
    private Integer pendingWindowDays = KmsKey.DEFAULT_PENDING_WINDOW_DAYS;

    @PostConstruct
    void load() {
        rows = List.of();
        try {
            access.require("kms:ListKeys", "*");
            rows = kms.listAll(session.accountId()).stream().map(KmsKeyRow::of).toList();
        } catch (ServiceException e) {
            ConsoleMessages.error(e.getMessage());
        }
    }

    public void create() {
        if (act("kms:CreateKey", null, account -> kms.createKey(account, description == null ? null : description.strip(), null, null, null,
                List.of()), key -> "Created key " + key.getKeyId() + ".")) {
            description = null;
        }
    }

    public void enable(String keyId) {
        act("kms:EnableKey", keyId, account -> kms.enable(account, keyId), key -> "Enabled key " + key.getKeyId() + ".");
    }

    public void disable(String keyId) {
        act("kms:DisableKey", keyId, account -> kms.disable(account, keyId),
                key -> "Disabled key " + key.getKeyId() + ": it encrypts and decrypts nothing until it is enabled.");
    }

    public void enableRotation(String keyId) {
        act("kms:EnableKeyRotation", keyId, account -> kms.enableRotation(account, keyId, null),
                key -> "Key " + key.getKeyId() + " rotates every " + key.getRotationPeriodDays() + " days.");
    }

    public void disableRotation(String keyId) {
        act("kms:DisableKeyRotation", keyId, account -> kms.disableRotation(account, keyId),
                key -> "Automatic rotation of key " + key.getKeyId() + " is off.");
    }

    public void rotateNow(String keyId) {
        act("kms:RotateKeyOnDemand", keyId, account -> kms.rotateOnDemand(account, keyId),
                key -> "Rotated key " + key.getKeyId() + ": new material encrypts from now on (version "
                        + key.getCurrentVersion() + "); earlier ciphertexts still decrypt.");
    }

    public void scheduleDeletion(String keyId) {
        act("kms:ScheduleKeyDeletion", keyId, account -> kms.scheduleDeletion(account, keyId, pendingWindowDays),
                key -> "Key " + key.getKeyId() + " will be deleted on " + ConsoleFormat.time(key.getDeletionDate())
                        + " unless the deletion is cancelled before.");
    }

    public void cancelDeletion(String keyId) {
        act("kms:CancelKeyDeletion", keyId, account -> kms.cancelDeletion(account, keyId),
                key -> "Cancelled the deletion of key " + key.getKeyId() + "; it is disabled until you enable it.");
    }

    /**
     * Runs an action for the signed-in account, records it in the audit trail as {@code auditAction}
     * on the key, says how it went, and reads the keys again.
     */
    private boolean act(String auditAction, String keyId, Function<String, KmsKey> action,
                        Function<KmsKey, String> message) {
        boolean done;
        String account = session.accountId();
        try {
            access.require(auditAction, kms.resourceArn(account, keyId));
            KmsKey key = action.apply(account);
            audit.record(auditAction, key.getArn());
            ConsoleMessages.info(message.apply(key));
            done = true;
        } catch (ServiceException e) {
            audit.record(auditAction, keyId, e);
            ConsoleMessages.error(e.getMessage());
            done = false;
        }
        load();
        return done;
    }

    public List<KmsKeyRow> getRows() {
        return rows;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getPendingWindowDays() {
        return pendingWindowDays;
    }

    public void setPendingWindowDays(Integer pendingWindowDays) {
        this.pendingWindowDays = pendingWindowDays;
    }
}
