package io.tastemaker.systemtest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidArnException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/**
 * AWS KMS through the official SDK's {@link KmsClient} (and the AWS CLI): keys, their states,
 * encryption with encryption context, data keys, rotation that keeps old ciphertexts readable,
 * deletion with its waiting period, the wall between accounts, and bad input answered with KMS's
 * error names and HTTP 400.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsIT {

    private static final Map<String, String> CONTEXT = Map.of("purpose", "kms-it", "tenant", "shop-a");
    private static final int CIPHERTEXT_VERSION_OFFSET = 17;

    private TastemakerServer server;
    private Clients clients;
    private KmsClient kms;
    private String accountId;

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        kms = clients.kms();
        accountId = kms.describeKey(r -> r.keyId(createKey("who-am-i").keyId())).keyMetadata().awsAccountId();
    }

    @AfterAll
    void close() {
        clients.close();
    }

    @Test
    void created_keys_are_described_by_id_and_arn_and_listed_page_by_page() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String description = unique("describe");
        KeyMetadata created = kms.createKey(r -> r.description(description).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                .keySpec(KeySpec.SYMMETRIC_DEFAULT).tags(t -> t.tagKey("team").tagValue("recs"))).keyMetadata();

        assertThat(created.keyId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.arn()).isEqualTo("arn:aws:kms:us-east-1:" + accountId + ":key/" + created.keyId());
        assertThat(created.awsAccountId()).isEqualTo(accountId);
        assertThat(created.description()).isEqualTo(description);
        assertThat(created.enabled()).isTrue();
        assertThat(created.keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(created.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
        assertThat(created.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
        assertThat(created.encryptionAlgorithms()).containsExactly(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(created.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.deletionDate()).isNull();

        assertThat(kms.describeKey(r -> r.keyId(created.keyId())).keyMetadata()).isEqualTo(created);
        assertThat(kms.describeKey(r -> r.keyId(created.arn())).keyMetadata()).isEqualTo(created);
        assertThat(kms.listResourceTags(r -> r.keyId(created.keyId())).tags())
                .singleElement().satisfies(t -> assertThat(t.tagKey() + "=" + t.tagValue()).isEqualTo("team=recs"));

        Set<String> mine = new HashSet<>(List.of(created.keyId(), createKey("page-2").keyId(), createKey("page-3").keyId()));
        List<String> listed = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListKeysResponse page = kms.listKeys(r -> r.limit(2).marker(from));
            assertThat(page.keys()).hasSizeLessThanOrEqualTo(2);
            assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
            page.keys().forEach(k -> assertThat(k.keyArn()).endsWith(":key/" + k.keyId()));
            page.keys().stream().map(KeyListEntry::keyId).forEach(listed::add);
            marker = page.nextMarker();
            pages++;
        } while (marker != null && pages < 1000);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(listed).doesNotHaveDuplicates().containsAll(mine);
        assertThat(kms.listKeysPaginator(r -> r.limit(1)).keys().stream().map(KeyListEntry::keyId).toList())
                .containsExactlyElementsOf(listed);
    }

    @Test
    void encrypt_and_decrypt_round_trip_only_with_the_same_encryption_context() {
        KeyMetadata key = createKey("round-trip");
        SdkBytes plaintext = SdkBytes.fromUtf8String("card ending 4242, " + unique("secret"));
        var encrypted = kms.encrypt(r -> r.keyId(key.keyId()).plaintext(plaintext).encryptionContext(CONTEXT));
        assertThat(encrypted.keyId()).isEqualTo(key.arn());
        assertThat(encrypted.encryptionAlgorithm()).isEqualTo(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT);
        assertThat(new String(encrypted.ciphertextBlob().asByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain("4242");

        DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT));
        assertThat(decrypted.plaintext()).isEqualTo(plaintext);
        assertThat(decrypted.keyId()).isEqualTo(key.arn());
        assertThat(kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)
                .keyId(key.arn())).plaintext()).isEqualTo(plaintext);

        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionContext(Map.of("purpose", "kms-it", "tenant", "shop-b"))))
                .isInstanceOf(InvalidCiphertextException.class)
                .satisfies(e -> assertThat(((KmsException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob())))
                .isInstanceOf(InvalidCiphertextException.class);
        byte[] altered = encrypted.ciphertextBlob().asByteArray();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(altered)).encryptionContext(CONTEXT)))
                .isInstanceOf(InvalidCiphertextException.class);
        KeyMetadata other = createKey("other");
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()).encryptionContext(CONTEXT)
                .keyId(other.keyId())))
                .isInstanceOf(IncorrectKeyException.class);
    }

    @Test
    void data_keys_come_in_plaintext_and_encrypted_and_decrypt_to_the_same_bytes() {
        KeyMetadata key = createKey("data-keys");
        GenerateDataKeyResponse aes256 = kms.generateDataKey(r -> r.keyId(key.arn()).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT));
        assertThat(aes256.plaintext().asByteArray()).hasSize(32);
        assertThat(aes256.keyId()).isEqualTo(key.arn());
        assertThat(kms.decrypt(r -> r.ciphertextBlob(aes256.ciphertextBlob()).encryptionContext(CONTEXT)).plaintext())
                .isEqualTo(aes256.plaintext());

        GenerateDataKeyResponse bytes64 = kms.generateDataKey(r -> r.keyId(key.keyId()).numberOfBytes(64));
        assertThat(bytes64.plaintext().asByteArray()).hasSize(64);
        assertThat(bytes64.plaintext()).isNotEqualTo(aes256.plaintext());
        assertThat(kms.decrypt(r -> r.ciphertextBlob(bytes64.ciphertextBlob())).plaintext()).isEqualTo(bytes64.plaintext());

        var withoutPlaintext = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(key.keyId()).keySpec(DataKeySpec.AES_128));
        assertThat(kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext.ciphertextBlob())).plaintext().asByteArray()).hasSize(16);

        assertThat(errorCode(() -> kms.generateDataKey(r -> r.keyId(key.keyId())))).isEqualTo("ValidationException");
        assertThat(errorCode(() -> kms.generateDataKey(r -> r.keyId(key.keyId()).keySpec(DataKeySpec.AES_256).numberOfBytes(32))))
                .isEqualTo("ValidationException");
        assertThat(errorCode(() -> kms.generateDataKey(r -> r.keyId(key.keyId()).numberOfBytes(1025))))
                .isEqualTo("ValidationException");
    }

    @Test
    void a_disabled_key_refuses_every_use_until_it_is_enabled_again() {
        KeyMetadata key = createKey("disable");
        SdkBytes before = encrypt(key.keyId(), "written before disabling");

        kms.disableKey(r -> r.keyId(key.keyId()));
        KeyMetadata disabled = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
        assertThat(disabled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(disabled.enabled()).isFalse();
        assertThatThrownBy(() -> encrypt(key.keyId(), "x")).isInstanceOf(DisabledException.class)
                .hasMessageContaining(key.arn() + " is disabled.");
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(before).encryptionContext(CONTEXT)))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> kms.generateDataKey(r -> r.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> kms.enableKeyRotation(r -> r.keyId(key.keyId()))).isInstanceOf(DisabledException.class);

        kms.enableKey(r -> r.keyId(key.arn()));
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(kms.decrypt(r -> r.ciphertextBlob(before).encryptionContext(CONTEXT)).plaintext().asUtf8String())
                .isEqualTo("written before disabling");
    }

    @Test
    void rotation_gives_new_material_for_new_ciphertexts_and_keeps_old_ones_readable() {
        KeyMetadata key = createKey("rotation");
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled()).isFalse();
        SdkBytes old = encrypt(key.keyId(), "before rotation");
        assertThat(materialVersion(old)).isEqualTo(1);

        kms.enableKeyRotation(r -> r.keyId(key.keyId()));
        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(r -> r.keyId(key.keyId()));
        assertThat(status.keyRotationEnabled()).isTrue();
        assertThat(status.rotationPeriodInDays()).isEqualTo(365);
        assertThat(status.nextRotationDate()).isCloseTo(Instant.now().plus(Duration.ofDays(365)), within(5, ChronoUnit.MINUTES));

        assertThat(kms.rotateKeyOnDemand(r -> r.keyId(key.arn())).keyId()).isEqualTo(key.keyId());
        SdkBytes fresh = encrypt(key.keyId(), "after rotation");
        assertThat(materialVersion(fresh)).isEqualTo(2);
        assertThat(decrypt(old)).isEqualTo("before rotation");
        assertThat(decrypt(fresh)).isEqualTo("after rotation");
        var rotations = kms.listKeyRotations(r -> r.keyId(key.keyId())).rotations();
        assertThat(rotations).singleElement().satisfies(rotation -> {
            assertThat(rotation.rotationType()).isEqualTo(RotationType.ON_DEMAND);
            assertThat(rotation.keyId()).isEqualTo(key.arn());
        });
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key.keyId())).nextRotationDate()).isEqualTo(status.nextRotationDate());

        kms.disableKeyRotation(r -> r.keyId(key.keyId()));
        assertThat(kms.getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled()).isFalse();
        kms.rotateKeyOnDemand(r -> r.keyId(key.keyId()));
        assertThat(materialVersion(encrypt(key.keyId(), "third"))).isEqualTo(3);
        assertThat(decrypt(old)).isEqualTo("before rotation");
        assertThat(errorCode(() -> kms.enableKeyRotation(r -> r.keyId(key.keyId()).rotationPeriodInDays(89))))
                .isEqualTo("ValidationException");
    }

    @Test
    void scheduled_deletion_checks_its_window_blocks_use_and_can_be_cancelled() {
        KeyMetadata key = createKey("deletion");
        SdkBytes before = encrypt(key.keyId(), "written before deletion was scheduled");
        assertThat(errorCode(() -> kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()).pendingWindowInDays(6))))
                .isEqualTo("ValidationException");
        assertThat(errorCode(() -> kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()).pendingWindowInDays(31))))
                .isEqualTo("ValidationException");
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()));
        assertThat(scheduled.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(scheduled.pendingWindowInDays()).isEqualTo(30);
        assertThat(scheduled.keyId()).isEqualTo(key.arn());
        assertThat(scheduled.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(5, ChronoUnit.MINUTES));
        KeyMetadata pending = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
        assertThat(pending.keyState()).isEqualTo(KeyState.PENDING_DELETION);
        assertThat(pending.deletionDate()).isEqualTo(scheduled.deletionDate());
        assertThat(pending.pendingDeletionWindowInDays()).isEqualTo(30);

        assertThatThrownBy(() -> encrypt(key.keyId(), "x")).isInstanceOf(KmsInvalidStateException.class)
                .hasMessageContaining("pending deletion")
                .satisfies(e -> assertThat(((KmsException) e).awsErrorDetails().errorCode()).isEqualTo("KMSInvalidStateException"));
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(before).encryptionContext(CONTEXT)))
                .isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(() -> kms.enableKey(r -> r.keyId(key.keyId()))).isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(() -> kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()))).isInstanceOf(KmsInvalidStateException.class);
        assertThat(kms.listKeysPaginator(r -> r.limit(1000)).keys().stream().map(KeyListEntry::keyId)).contains(key.keyId());

        assertThat(kms.cancelKeyDeletion(r -> r.keyId(key.keyId())).keyId()).isEqualTo(key.arn());
        KeyMetadata cancelled = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
        assertThat(cancelled.keyState()).isEqualTo(KeyState.DISABLED);
        assertThat(cancelled.deletionDate()).isNull();
        assertThatThrownBy(() -> kms.cancelKeyDeletion(r -> r.keyId(key.keyId()))).isInstanceOf(KmsInvalidStateException.class);
        kms.enableKey(r -> r.keyId(key.keyId()));
        assertThat(decrypt(before)).isEqualTo("written before deletion was scheduled");

        ScheduleKeyDeletionResponse week = kms.scheduleKeyDeletion(r -> r.keyId(key.keyId()).pendingWindowInDays(7));
        assertThat(week.deletionDate()).isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(5, ChronoUnit.MINUTES));
    }

    @Test
    void another_accounts_keys_are_not_found_by_id_or_arn_and_its_ciphertexts_do_not_decrypt() {
        KeyMetadata key = createKey("walled");
        SdkBytes ciphertext = encrypt(key.keyId(), "account A's secret");
        Clients.NewAccount other = clients.createAccount(unique("kms-other"));
        try (Clients otherClients = other.clients(server)) {
            KmsClient b = otherClients.kms();
            assertThatThrownBy(() -> b.describeKey(r -> r.keyId(key.keyId()))).isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((KmsException) e).statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> b.describeKey(r -> r.keyId(key.arn()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> b.encrypt(r -> r.keyId(key.arn()).plaintext(SdkBytes.fromUtf8String("x"))))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> b.disableKey(r -> r.keyId(key.keyId()))).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> b.scheduleKeyDeletion(r -> r.keyId(key.arn()))).isInstanceOf(NotFoundException.class);
            assertThat(errorCode(() -> b.decrypt(r -> r.ciphertextBlob(ciphertext).encryptionContext(CONTEXT))))
                    .isEqualTo("AccessDeniedException");
            assertThat(b.listKeys(r -> { }).keys()).isEmpty();

            KeyMetadata theirs = b.createKey(r -> r.description("B's key")).keyMetadata();
            assertThat(theirs.arn()).contains(":" + other.accountId() + ":key/");
            assertThat(b.listKeys(r -> { }).keys()).extracting(KeyListEntry::keyId).containsExactly(theirs.keyId());
            assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(theirs.arn()))).isInstanceOf(NotFoundException.class);
        }
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
        assertThat(decrypt(ciphertext)).isEqualTo("account A's secret");
    }

    @Test
    void bad_input_is_answered_with_kms_error_names() {
        KeyMetadata key = createKey("bad-input");
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("alias/none-" + unique("a")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("not-a-key"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId(UUID.randomUUID().toString()))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> kms.describeKey(r -> r.keyId("arn:aws:s3:::bucket"))).isInstanceOf(InvalidArnException.class);
        assertThat(errorCode(() -> kms.describeKey(r -> { }))).isEqualTo("ValidationException");
        assertThat(errorCode(() -> kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(new byte[4097])))))
                .isEqualTo("ValidationException");
        assertThat(kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromByteArray(new byte[4096]))).ciphertextBlob())
                .isNotNull();
        assertThatThrownBy(() -> kms.encrypt(r -> r.keyId(key.keyId()).plaintext(SdkBytes.fromUtf8String("x"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256))).isInstanceOf(InvalidKeyUsageException.class);
        assertThatThrownBy(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromUtf8String("not a ciphertext at all, no"))))
                .isInstanceOf(InvalidCiphertextException.class);
        assertThat(errorCode(() -> kms.createKey(r -> r.keySpec(KeySpec.RSA_2048)))).isEqualTo("UnsupportedOperationException");
        assertThat(errorCode(() -> kms.createKey(r -> r.keyUsage("SHRED_EVERYTHING")))).isEqualTo("ValidationException");
        assertThat(errorCode(() -> kms.createKey(r -> r.policy("{}")))).isEqualTo("UnsupportedOperationException");
        assertThatThrownBy(() -> kms.listKeys(r -> r.marker("bogus"))).isInstanceOf(InvalidMarkerException.class);
        assertThat(errorCode(() -> kms.listKeys(r -> r.limit(0)))).isEqualTo("ValidationException");

        HttpResponse<String> wrongScope = clients.signedJson("personalize", "TrentService.ListKeys", "{}");
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(wrongScope.body()).contains("Credential should be scoped to correct service: 'kms'");
        HttpResponse<String> unknown = clients.signedJson("kms", "TrentService.ReEncrypt", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("UnknownOperationException");
        HttpResponse<String> badType = clients.signedJson("kms", "TrentService.ListKeys", "{\"Limit\":\"ten\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("\"__type\":\"ValidationException\"");
    }

    @Test
    void the_aws_cli_creates_a_key_and_encrypts_and_decrypts_with_it() throws IOException, InterruptedException {
        Path aws = findOnPath("aws");
        if (aws == null) {
            System.out.println("KmsIT: skipping the AWS CLI step: no 'aws' executable on PATH (" + System.getenv("PATH") + ")");
            Assumptions.abort("the AWS CLI (aws) is not installed");
        }
        Path work = Files.createTempDirectory("kms-it-cli-");
        String description = unique("cli");
        JsonObject created = json(run(aws, work, "kms", "create-key", "--description", description, "--output", "json"));
        String keyId = created.getJsonObject("KeyMetadata").getString("KeyId");
        assertThat(created.getJsonObject("KeyMetadata").getString("Description")).isEqualTo(description);
        assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().description()).isEqualTo(description);

        Path plaintext = work.resolve("plaintext.txt");
        Files.writeString(plaintext, "sent through the aws cli", StandardCharsets.UTF_8);
        String ciphertext = run(aws, work, "kms", "encrypt", "--key-id", keyId, "--plaintext", "fileb://" + plaintext,
                "--encryption-context", "purpose=cli", "--output", "text", "--query", "CiphertextBlob").strip();
        Path blob = work.resolve("ciphertext.bin");
        Files.write(blob, Base64.getDecoder().decode(ciphertext));
        String decrypted = run(aws, work, "kms", "decrypt", "--ciphertext-blob", "fileb://" + blob,
                "--encryption-context", "purpose=cli", "--output", "text", "--query", "Plaintext").strip();
        assertThat(new String(Base64.getDecoder().decode(decrypted), StandardCharsets.UTF_8)).isEqualTo("sent through the aws cli");
        assertThat(kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(Base64.getDecoder().decode(ciphertext)))
                .encryptionContext(Map.of("purpose", "cli"))).plaintext().asUtf8String()).isEqualTo("sent through the aws cli");
    }

    private KeyMetadata createKey(String name) {
        return kms.createKey(r -> r.description(unique(name))).keyMetadata();
    }

    private SdkBytes encrypt(String keyId, String text) {
        return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(text)).encryptionContext(CONTEXT))
                .ciphertextBlob();
    }

    private String decrypt(SdkBytes ciphertext) {
        return kms.decrypt(r -> r.ciphertextBlob(ciphertext).encryptionContext(CONTEXT)).plaintext().asUtf8String();
    }

    /** The key material version a ciphertext names (its bytes 17–20, docs/operations.md). */
    private static int materialVersion(SdkBytes ciphertext) {
        return ByteBuffer.wrap(ciphertext.asByteArray()).getInt(CIPHERTEXT_VERSION_OFFSET);
    }

    private static String errorCode(Runnable call) {
        try {
            call.run();
        } catch (KmsException e) {
            assertThat(e.statusCode()).as("HTTP status of %s", e.awsErrorDetails().errorCode()).isEqualTo(400);
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("The call succeeded; an error was expected.");
    }

    private String run(Path aws, Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(aws.toString(), "--endpoint-url", server.endpoint().toString(),
                "--region", "us-east-1"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", clients.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", clients.secretAccessKey());
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // Trust the server's generated certificate, as docs/operations.md tells CLI users to.
        env.put("AWS_CA_BUNDLE", server.certificate().file().toString());
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 120 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("aws " + String.join(" ", args) + " exited " + process.exitValue() + ": "
                    + Files.readString(err, StandardCharsets.UTF_8) + stdout);
        }
        return stdout;
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
