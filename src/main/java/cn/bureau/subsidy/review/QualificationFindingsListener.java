package cn.bureau.subsidy.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the eligibility table ran in the case: every condition it found failed and every registry mismatch becomes
 * a finding; any finding sends the case to an auditor (资质审查), none lets it wait for the plan.
 *
 * <p>The table's rows are read from {@code decisionResult}, the transient variable the engine gives a business rule
 * task's end listeners: a result variable would keep a serialized list in the case's runtime and history.
 */
@Component("qualificationFindings")
class QualificationFindingsListener implements ExecutionListener {

    /** Where the engine puts the result of a business rule task for its end listeners, not stored. */
    static final String DECISION_RESULT = "decisionResult";

    @Override
    public void notify(DelegateExecution execution) {
        List<String> findings = new ArrayList<>();
        DmnDecisionResult hits = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
        if (hits != null) {
            for (Map<String, Object> hit : hits.getResultList()) {
                findings.add(hit.get("reasonCode") + ": a condition of guide §4 is not met (" + hit.get("level") + ")");
            }
        }
        String registryFindings = (String) execution.getVariable(QualificationChecksDelegate.REGISTRY_FINDINGS);
        if (registryFindings != null && !registryFindings.isBlank()) {
            findings.addAll(List.of(registryFindings.split("\n")));
        }
        execution.removeVariable(QualificationChecksDelegate.REGISTRY_FINDINGS);
        execution.setVariable("qualificationFlagged", !findings.isEmpty());
        execution.setVariable("qualificationFindings", String.join("\n", findings));
    }
}
