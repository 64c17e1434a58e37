package cn.bureau.subsidy.review;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;

/**
 * Qualification check (资质审查, stage 7), automated part: compares what the enterprise declared with what the
 * guide requires and flags every finding for an auditor. No finding, no auditor task.
 */
@Component("qualificationChecksDelegate")
class QualificationChecksDelegate implements JavaDelegate {

    private final CaseStages cases;

    QualificationChecksDelegate(CaseStages cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Application application = cases.find((String) execution.getVariable(CaseProcess.VAR_APPLICATION_ID));
        List<String> findings = findings(application);
        execution.setVariable("qualificationFlagged", !findings.isEmpty());
        execution.setVariable("qualificationFindings", String.join("\n", findings));
    }

    static List<String> findings(Application a) {
        List<String> findings = new ArrayList<>();
        if (!Uscc.isRegisteredInShenzhen(a.getUscc())) {
            findings.add("NOT_SHENZHEN_ENTITY: USCC not registered in Shenzhen (4403)");
        }
        if (a.isOnDishonestyList()) {
            findings.add("SERIOUS_DISHONESTY: declared on the serious-dishonesty list");
        }
        if (a.isSeriousViolation3y()) {
            findings.add("SERIOUS_VIOLATION: declared a serious violation in the last three years");
        }
        if (a.isFiscalArrears()) {
            findings.add("FISCAL_ARREARS: declared arrears of fiscal funds");
        }
        if (a.isOtherCentralFunding()) {
            findings.add("DUPLICATE_CENTRAL_FUNDING: declared central funds from another channel");
        }
        if (!a.isHoldsCertificate()) {
            findings.add("NO_CERTIFICATE: no overseas investment certificate or contracting filing");
        }
        if (!a.isReportsStatistics()) {
            findings.add("STATISTICS_NOT_REPORTED: outbound-investment statistics not reported");
        }
        if (!a.isTruthfulnessCommitment()) {
            findings.add("NO_COMMITMENT: truthfulness commitment not signed");
        }
        return findings;
    }
}
