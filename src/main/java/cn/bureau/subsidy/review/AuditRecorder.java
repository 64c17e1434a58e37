package cn.bureau.subsidy.review;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;

/**
 * Special audit (专项审计, stage 6): the audited amounts replace the claimed ones. The form has one field per claim,
 * {@code auditedClaim1} …; an empty field confirms the claimed amount.
 */
@Component("auditRecorder")
class AuditRecorder implements TaskListener {

    private static final String AMOUNT = "\\d{1,13}(\\.\\d{1,2})?";

    private final CaseStages cases;

    AuditRecorder(CaseStages cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String applicationId = (String) task.getVariable(CaseProcess.VAR_APPLICATION_ID);
        int claims = cases.find(applicationId).getClaims().size();
        Map<Integer, BigDecimal> audited = new HashMap<>();
        for (int position = 1; position <= claims; position++) {
            Object value = task.getVariable("auditedClaim" + position);
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            String text = value.toString().trim();
            if (!text.matches(AMOUNT)) {
                throw new BadUserRequestException("auditedClaim" + position + ": an amount in CNY such as 420000.00");
            }
            audited.put(position, new BigDecimal(text));
        }
        cases.recordAudit(applicationId, audited);
    }
}
