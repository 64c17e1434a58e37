package cn.bureau.subsidy.disbursement;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.filing.CaseProcess;

/** Pays through the treasury; a refused payment becomes the diagram's PAYMENT_FAILED error with its reason. */
@Component("paymentDelegate")
class PaymentDelegate implements JavaDelegate {

    private final Disbursements disbursements;

    PaymentDelegate(Disbursements disbursements) {
        this.disbursements = disbursements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object attemptVariable = execution.getVariable(CaseProcess.VAR_PAYMENT_ATTEMPT);
        int attempt = attemptVariable == null ? 1 : ((Number) attemptVariable).intValue();
        execution.setVariable(CaseProcess.VAR_PAYMENT_ATTEMPT, attempt);
        Payment payment = disbursements.pay((String) execution.getVariable(CaseProcess.VAR_APPLICATION_ID), attempt);
        if (payment.getStatus() == Payment.Status.FAILED) {
            execution.setVariable("paymentFailure", payment.getFailureReason());
            throw new BpmnError(CaseProcess.ERROR_PAYMENT_FAILED, payment.getFailureReason());
        }
    }
}
