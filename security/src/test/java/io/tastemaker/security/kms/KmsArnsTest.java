package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KmsArnsTest {

    private static final String ACCOUNT = "111122223333";
    private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private final KmsArns arns = new KmsArns("aws", "us-east-1");

    @Test
    void builds_key_arns_with_the_servers_partition_and_region() {
        assertThat(arns.keyArn(ACCOUNT, KEY)).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/" + KEY);
        assertThat(new KmsArns("aws-cn", "cn-north-1").keyArn(ACCOUNT, KEY))
                .isEqualTo("arn:aws-cn:kms:cn-north-1:111122223333:key/" + KEY);
    }

    @Test
    void a_key_id_or_its_arn_resolve_to_the_key_id() {
        assertThat(arns.resolveKeyId(ACCOUNT, KEY)).isEqualTo(KEY);
        assertThat(arns.resolveKeyId(ACCOUNT, KEY.toUpperCase(java.util.Locale.ROOT))).isEqualTo(KEY);
        assertThat(arns.resolveKeyId(ACCOUNT, arns.keyArn(ACCOUNT, KEY))).isEqualTo(KEY);
    }

    @Test
    void another_account_partition_or_region_is_not_found() {
        assertThatThrownBy(() -> arns.resolveKeyId("999999999999", arns.keyArn(ACCOUNT, KEY)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "arn:aws:kms:eu-west-1:111122223333:key/" + KEY))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "arn:aws-cn:kms:us-east-1:111122223333:key/" + KEY))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aliases_and_non_ids_are_not_found_and_bad_arns_are_invalid() {
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "alias/mine")).isInstanceOf(NotFoundException.class)
                .hasMessage("Alias arn:aws:kms:us-east-1:111122223333:alias/mine is not found.");
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "arn:aws:kms:us-east-1:111122223333:alias/mine"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "not-a-key")).isInstanceOf(NotFoundException.class)
                .hasMessage("Invalid keyId 'not-a-key'");
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "arn:aws:s3:::bucket")).isInstanceOf(InvalidArnException.class);
    }

    @Test
    void missing_empty_or_long_ids_are_validation_errors() {
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> arns.resolveKeyId(ACCOUNT, "x".repeat(2049))).isInstanceOf(ValidationException.class);
    }
}
