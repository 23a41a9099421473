package io.tastemaker.web.api;

import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.audit.AuditTrail;
import io.tastemaker.security.audit.VerificationReport;
import io.tastemaker.web.auth.ApiService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code Tastemaker.VerifyAuditTrail} (signed for {@code tastemaker}): walks the hash chains of
 * the audit trail the caller may read (its account's; every chain for the operator's account,
 * or the one named by {@code chainId}) and reports, per chain, whether every link holds, the
 * first broken record otherwise, and the newest hash, to be noted outside the server.
 */
@ApplicationScoped
public class AuditVerifyOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    AuditStore store;
    @Inject
    AuditTrail trail;

    @Override
    public ApiService service() {
        return ApiService.TASTEMAKER;
    }

    @Override
    public Map<String, Operation> operations() {
        return Map.of("VerifyAuditTrail", r -> {
            trail.awaitWritten(Duration.ofSeconds(2));
            String chain = r.string("chainId");
            List<VerificationReport> reports = chain == null ? store.verifyAll(caller.accountId())
                    : List.of(store.verify(caller.accountId(), chain));
            return JsonOut.object().put("intact", reports.stream().allMatch(VerificationReport::intact))
                    .list("chains", reports, v -> JsonOut.object().put("chainId", v.chainId()).put("intact", v.intact())
                            .put("checked", v.checked()).put("brokenSeq", v.intact() ? null : (Number) v.brokenSeq())
                            .put("problem", v.problem()).put("headSeq", v.headSeq()).put("headHash", v.headHash()));
        });
    }
}
