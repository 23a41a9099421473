package io.tastemaker.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A chain verifies when untouched, and any change to it is found at the record changed. */
class ChainVerifierTest {

    private static final String ACCOUNT = "210987654321";

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        ChainHead head = ChainHead.GENESIS;
        for (int i = 0; i < length; i++) {
            AuditEntry e = new AuditEntry(Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L), ACCOUNT, "admin",
                    "AKIA" + i, "personalize", "personalize:PutEvents", List.of("arn:aws:personalize:us-east-1:" + ACCOUNT
                    + ":event-tracker/t"), "10.0.0." + i, "sdk", i % 3 != 0, i % 3 != 0 ? 200 : 404,
                    i % 3 != 0 ? null : "ResourceNotFoundException");
            AuditRecord r = AuditRecord.link(e, "event-" + i, head);
            records.add(r);
            head = new ChainHead(r.getSeq(), r.getHash());
        }
        return records;
    }

    private static VerificationReport verify(List<AuditRecord> records) {
        ChainVerifier verifier = new ChainVerifier(ACCOUNT);
        for (AuditRecord r : records) {
            if (!verifier.accept(r)) {
                break;
            }
        }
        return verifier.report();
    }

    /** A copy of a record with one thing changed, as someone with write access to the table could. */
    private static AuditRecord tampered(AuditRecord r, UnaryOperator<String> principal, int status, String prevHash,
                                        long seq) {
        return new AuditRecord(r.getChainId(), seq, r.getEventId(), r.getEventTime(), r.getAccountId(),
                principal.apply(r.getPrincipal()), r.getAccessKeyId(), r.getService(), r.getAction(), r.getResources(),
                r.getSourceIp(), r.getUserAgent(), r.getOutcome(), status, r.getErrorCode(), prevHash, r.getHash());
    }

    @Test
    void an_untouched_chain_verifies_and_reports_its_head() {
        List<AuditRecord> records = chain(10);
        VerificationReport report = verify(records);
        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(10);
        assertThat(report.headSeq()).isEqualTo(10);
        assertThat(report.headHash()).isEqualTo(records.get(9).getHash());
        assertThat(report.describe()).contains("verified: 10 record(s)");
    }

    @Test
    void an_empty_chain_is_intact() {
        assertThat(verify(List.of()).intact()).isTrue();
    }

    @Test
    void a_changed_field_is_found_at_its_record() {
        List<AuditRecord> records = chain(10);
        AuditRecord r = records.get(4);
        records.set(4, tampered(r, p -> "someone-else", r.getHttpStatus(), r.getPrevHash(), r.getSeq()));
        VerificationReport report = verify(records);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenSeq()).isEqualTo(5);
        assertThat(report.checked()).isEqualTo(4);
        assertThat(report.problem()).contains("changed");
    }

    @Test
    void a_changed_status_with_a_recomputed_hash_breaks_the_next_link() {
        List<AuditRecord> records = chain(6);
        AuditRecord r = records.get(3);
        assertThat(r.getHttpStatus()).isEqualTo(404);
        AuditRecord forged = tampered(r, p -> p, 200, r.getPrevHash(), r.getSeq());
        AuditRecord rehashed = new AuditRecord(forged.getChainId(), forged.getSeq(), forged.getEventId(), forged.getEventTime(),
                forged.getAccountId(), forged.getPrincipal(), forged.getAccessKeyId(), forged.getService(), forged.getAction(),
                forged.getResources(), forged.getSourceIp(), forged.getUserAgent(), forged.getOutcome(), forged.getHttpStatus(),
                forged.getErrorCode(), forged.getPrevHash(), AuditChain.hash(forged.getPrevHash(), forged));
        records.set(3, rehashed);
        VerificationReport report = verify(records);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenSeq()).isEqualTo(5);
        assertThat(report.problem()).contains("does not link");
    }

    @Test
    void a_removed_record_is_found() {
        List<AuditRecord> records = chain(8);
        records.remove(5);
        VerificationReport report = verify(records);
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenSeq()).isEqualTo(7);
        assertThat(report.problem()).contains("missing");
    }

    @Test
    void swapped_records_are_found() {
        List<AuditRecord> records = chain(8);
        AuditRecord third = records.get(2);
        records.set(2, records.get(3));
        records.set(3, third);
        assertThat(verify(records).brokenSeq()).isEqualTo(4);
    }

    @Test
    void a_record_moved_to_another_account_is_found() {
        List<AuditRecord> records = chain(3);
        AuditRecord r = records.get(1);
        records.set(1, new AuditRecord(r.getChainId(), r.getSeq(), r.getEventId(), r.getEventTime(), "999999999999",
                r.getPrincipal(), r.getAccessKeyId(), r.getService(), r.getAction(), r.getResources(), r.getSourceIp(),
                r.getUserAgent(), r.getOutcome(), r.getHttpStatus(), r.getErrorCode(), r.getPrevHash(), r.getHash()));
        VerificationReport report = verify(records);
        assertThat(report.brokenSeq()).isEqualTo(2);
        assertThat(report.problem()).contains("belongs to chain");
    }

    @Test
    void the_verifier_stops_at_the_first_break() {
        List<AuditRecord> records = chain(5);
        ChainVerifier verifier = new ChainVerifier(ACCOUNT);
        AuditRecord r = records.get(0);
        assertThat(verifier.accept(tampered(r, p -> p + "x", r.getHttpStatus(), r.getPrevHash(), r.getSeq()))).isFalse();
        assertThat(verifier.accept(records.get(1))).isFalse();
        assertThat(verifier.report().brokenSeq()).isEqualTo(1);
    }
}
