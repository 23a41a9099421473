package io.tastemaker.domain.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.AccessDeniedException;
import io.tastemaker.security.kms.DisabledException;
import io.tastemaker.security.kms.KmsInvalidStateException;
import io.tastemaker.security.kms.KmsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cache of group envelopes: KMS is asked once per {@value DataEncryption#CACHE_SECONDS}
 * seconds per group, a refusal is not cached, and KMS's refusals become AccessDeniedException.
 * KMS and the database are stand-ins that count calls and answer as the real ones would.
 */
class DataEncryptionTest {

    private static final String GROUP = "arn:aws:personalize:us-east-1:111122223333:dataset-group/shop";
    private static final String PLAIN_GROUP = "arn:aws:personalize:us-east-1:111122223333:dataset-group/plain";
    private static final String KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final CountingKms kms = new CountingKms();
    private final DataEncryption encryption = new DataEncryption();

    DataEncryptionTest() {
        encryption.clock = clock;
        encryption.kms = kms;
        encryption.lookup = new EncryptionLookup() {
            @Override
            public Optional<GroupKey> group(String groupArn) {
                return Optional.of(GROUP.equals(groupArn)
                        ? new GroupKey(groupArn, "111122223333", KEY, Base64.getEncoder().encodeToString(new byte[81]))
                        : new GroupKey(groupArn, "111122223333", null, null));
            }
        };
    }

    @Test
    void kms_is_asked_once_per_cache_period_and_the_envelope_is_reused() {
        assertThat(encryption.forGroup(GROUP)).isPresent();
        clock.advance(Duration.ofSeconds(DataEncryption.CACHE_SECONDS).minusMillis(1));
        for (int i = 0; i < 100; i++) {
            encryption.forGroup(GROUP);
        }
        assertThat(kms.calls).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        encryption.forGroup(GROUP);
        assertThat(kms.calls).isEqualTo(2);
    }

    @Test
    void a_group_without_a_key_has_no_envelope_and_never_asks_kms() {
        assertThat(encryption.forGroup(PLAIN_GROUP)).isEmpty();
        assertThat(kms.calls).isZero();
    }

    @Test
    void a_disabled_key_is_noticed_at_the_next_check_and_its_refusal_is_not_cached() {
        byte[] sealed = SealedValues.sealBytes(encryption.forGroup(GROUP).orElseThrow(), new byte[] {1, 2, 3}, "x");
        kms.state = "Disabled";
        assertThat(encryption.forGroup(GROUP)).as("cached for up to %d s", DataEncryption.CACHE_SECONDS).isPresent();
        clock.advance(Duration.ofSeconds(DataEncryption.CACHE_SECONDS));
        assertThatThrownBy(() -> encryption.forGroup(GROUP)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining(KEY).hasMessageContaining("is disabled").hasMessageContaining("EnableKey");
        kms.state = "PendingDeletion";
        assertThatThrownBy(() -> encryption.forGroup(GROUP)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("pending deletion").hasMessageContaining("CancelKeyDeletion");
        kms.state = "Enabled";
        assertThat(SealedValues.openBytes(encryption.forGroup(GROUP).orElseThrow(), sealed, "x")).containsExactly(1, 2, 3);
    }

    /** KMS as the domain sees it: decrypts the group's data key to the same bytes while the key is Enabled. */
    private static final class CountingKms extends KmsService {
        int calls;
        String state = "Enabled";

        @Override
        public byte[] decryptDataKey(String accountId, String keyArn, byte[] ciphertextBlob, Map<String, String> context) {
            calls++;
            assertThat(context).containsEntry(DataEncryption.CONTEXT_KEY, GROUP);
            if ("Disabled".equals(state)) {
                throw new DisabledException(keyArn + " is disabled.");
            }
            if ("PendingDeletion".equals(state)) {
                throw new KmsInvalidStateException(keyArn + " is pending deletion.");
            }
            byte[] key = new byte[32];
            new Random(7).nextBytes(key);
            return key;
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
