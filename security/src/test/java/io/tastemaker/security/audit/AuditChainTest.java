package io.tastemaker.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical form of a record and the hash that links it. */
class AuditChainTest {

    private static final Instant T = Instant.parse("2026-11-28T10:15:30.123Z");

    static AuditEntry entry(String account, String action, List<String> resources) {
        return new AuditEntry(T, account, "admin", "AKIAEXAMPLE", "personalize", action, resources, "127.0.0.1",
                "aws-sdk-java/2.40.2", true, 200, null);
    }

    @Test
    void the_canonical_form_is_the_documented_length_prefixed_text() throws Exception {
        AuditRecord r = AuditRecord.link(entry("123456789012", "personalize:CreateCampaign",
                List.of("arn:aws:personalize:us-east-1:123456789012:campaign/c1")), "e-1", ChainHead.GENESIS);

        String expected = "tastemaker-audit-v1\n"
                + "chain=12:123456789012\n"
                + "seq=1:1\n"
                + "eventId=3:e-1\n"
                + "time=13:" + T.toEpochMilli() + "\n"
                + "account=12:123456789012\n"
                + "principal=5:admin\n"
                + "accessKeyId=11:AKIAEXAMPLE\n"
                + "service=11:personalize\n"
                + "action=26:personalize:CreateCampaign\n"
                + "resources=54:arn:aws:personalize:us-east-1:123456789012:campaign/c1\n"
                + "sourceIp=9:127.0.0.1\n"
                + "userAgent=19:aws-sdk-java/2.40.2\n"
                + "outcome=7:Success\n"
                + "httpStatus=3:200\n"
                + "errorCode=~\n"
                + "prevHash=64:" + "0".repeat(64) + "\n";
        assertThat(new String(AuditChain.canonical(r), StandardCharsets.UTF_8)).isEqualTo(expected);

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("0".repeat(64).getBytes(StandardCharsets.UTF_8));
        sha.update(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getHash()).isEqualTo(HexFormat.of().formatHex(sha.digest())).hasSize(64);
    }

    @Test
    void lengths_are_counted_in_utf8_bytes() {
        AuditEntry e = new AuditEntry(T, null, "j\u00fcrgen", null, "console", "console:SignIn", List.of(), null, null,
                false, 401, "SignInFailed");
        String text = new String(AuditChain.canonical(AuditRecord.link(e, "x", ChainHead.GENESIS)), StandardCharsets.UTF_8);
        assertThat(text).contains("principal=7:j\u00fcrgen\n").contains("chain=1:-\n").contains("account=~\n");
    }

    @Test
    void values_that_would_run_together_without_lengths_give_different_forms() {
        AuditRecord a = AuditRecord.link(new AuditEntry(T, null, "ab", "c", "iam", "iam:X", List.of(), null, null, true, 200,
                null), "id", ChainHead.GENESIS);
        AuditRecord b = AuditRecord.link(new AuditEntry(T, null, "a", "bc", "iam", "iam:X", List.of(), null, null, true, 200,
                null), "id", ChainHead.GENESIS);
        AuditRecord c = AuditRecord.link(new AuditEntry(T, null, null, "c", "iam", "iam:X", List.of(), null, null, true, 200,
                null), "id", ChainHead.GENESIS);
        AuditRecord d = AuditRecord.link(new AuditEntry(T, null, "", "c", "iam", "iam:X", List.of(), null, null, true, 200,
                null), "id", ChainHead.GENESIS);
        assertThat(List.of(a.getHash(), b.getHash(), c.getHash(), d.getHash())).doesNotHaveDuplicates();
    }

    @Test
    void each_record_links_to_the_hash_of_the_one_before() {
        AuditRecord first = AuditRecord.link(entry("123456789012", "kms:Encrypt", List.of()), "1", ChainHead.GENESIS);
        AuditRecord second = AuditRecord.link(entry("123456789012", "kms:Decrypt", List.of()), "2",
                new ChainHead(first.getSeq(), first.getHash()));

        assertThat(second.getSeq()).isEqualTo(2);
        assertThat(second.getPrevHash()).isEqualTo(first.getHash());
        assertThat(second.getHash()).isEqualTo(AuditChain.hash(first.getHash(), second));
        AuditRecord sameFieldsOtherParent = AuditRecord.link(entry("123456789012", "kms:Decrypt", List.of()), "2",
                new ChainHead(1, "f".repeat(64)));
        assertThat(sameFieldsOtherParent.getHash()).isNotEqualTo(second.getHash());
    }

    @Test
    void an_entry_keeps_no_control_characters_and_fits_its_columns() {
        AuditEntry e = new AuditEntry(Instant.parse("2026-11-28T10:15:30.123456789Z"), "", "u", null, "personalize",
                "personalize:GetRecommendations", List.of("arn:a", "", "arn:b"), "::1", "agent\u0000\nx" + "y".repeat(600),
                true, 200, null);
        assertThat(e.time()).isEqualTo(T);
        assertThat(e.accountId()).isNull();
        assertThat(e.userAgent()).startsWith("agent??x").hasSize(AuditEntry.MAX_USER_AGENT);
        assertThat(e.resources()).containsExactly("arn:a", "arn:b");
        assertThat(AuditEntry.cut("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(AuditEntry.cut("a\uDE00b", 10)).isEqualTo("a?b");
    }
}
