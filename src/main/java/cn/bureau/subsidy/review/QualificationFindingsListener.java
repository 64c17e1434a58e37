package cn.bureau.subsidy.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the eligibility table ran in the case: every condition it found failed and every registry mismatch becomes
 * a finding; any finding sends the case to an auditor (资质审查), none lets it wait for the plan.
 */
@Component("qualificationFindings")
class QualificationFindingsListener implements ExecutionListener {

    static final String ELIGIBILITY_HITS = "eligibilityHits";

    @Override
    public void notify(DelegateExecution execution) {
        List<String> findings = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> hits = (List<Map<String, Object>>) execution.getVariable(ELIGIBILITY_HITS);
        if (hits != null) {
            for (Map<String, Object> hit : hits) {
                findings.add(hit.get("reasonCode") + ": a condition of guide §4 is not met (" + hit.get("level") + ")");
            }
        }
        String registryFindings = (String) execution.getVariable(QualificationChecksDelegate.REGISTRY_FINDINGS);
        if (registryFindings != null && !registryFindings.isBlank()) {
            findings.addAll(List.of(registryFindings.split("\n")));
        }
        execution.removeVariable(ELIGIBILITY_HITS);
        execution.removeVariable(QualificationChecksDelegate.REGISTRY_FINDINGS);
        execution.setVariable("qualificationFlagged", !findings.isEmpty());
        execution.setVariable("qualificationFindings", String.join("\n", findings));
    }
}
