package cn.bureau.subsidy.supervision;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.bureau.subsidy.filing.CaseFiled;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A filing's row in the audit trail, written in the filing's own transaction and with the new case's id, so the
 * case's trail starts with who filed it and a filing is never stored without its row. The request that filed is
 * then not recorded again by {@link AuditTrailFilter}; should the filing roll back, the filter records the request
 * as it records any other.
 */
@Component
class FilingAudit {

    /** What the contract answers a filing that committed. */
    private static final int CREATED = 201;

    private final AuditTrail trail;

    FilingAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void filed(CaseFiled filed) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                attributes ? attributes.getRequest() : null;
        if (request == null) {
            trail.recordWithinTransaction(filed.filedBy(), "CASE_FILED", filed.applicationId(), filed.businessKey(),
                    null, null);
            return;
        }
        String path = request.getRequestURI();
        trail.recordWithinTransaction(filed.filedBy(), request.getMethod() + " " + path, filed.applicationId(), path,
                CREATED, filed.businessKey());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    AuditTrailFilter.recorded(request);
                }
            });
        } else {
            AuditTrailFilter.recorded(request);
        }
    }
}
