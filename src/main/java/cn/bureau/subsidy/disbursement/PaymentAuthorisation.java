package cn.bureau.subsidy.disbursement;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.TaskActor;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.plan.FundingPlans;

/**
 * Separation of duties at disbursement (拨付资金): the approver who issued the funding plan does not also authorise
 * its payments. Enforced when the task completes, however it is completed.
 */
@Component("paymentAuthorisation")
class PaymentAuthorisation implements TaskListener {

    private final CaseStages cases;
    private final FundingPlans plans;

    PaymentAuthorisation(CaseStages cases, FundingPlans plans) {
        this.cases = cases;
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        var application = cases.find((String) task.getVariable(CaseProcess.VAR_APPLICATION_ID));
        String actor = TaskActor.of(task);
        if (plans.issuerOf(application.getProgramId()).map(actor::equals).orElse(false)) {
            throw new BadUserRequestException("The approver who issued the funding plan cannot authorise its payments");
        }
    }
}
