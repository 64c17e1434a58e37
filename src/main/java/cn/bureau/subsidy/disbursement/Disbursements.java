package cn.bureau.subsidy.disbursement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseStages;

/** Disbursement (拨付资金, stage 12): pays the plan amount to the application's bank account, never twice. */
@Service
@Transactional
public class Disbursements {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final PaymentRepository payments;
    private final CaseStages cases;
    private final Treasury treasury;

    Disbursements(PaymentRepository payments, CaseStages cases, Treasury treasury) {
        this.payments = payments;
        this.cases = cases;
        this.treasury = treasury;
    }

    /**
     * Makes payment attempt {@code attempt} of a case, or returns its outcome when it was already made: a job that
     * runs again after a crash finds the attempt and does not pay again.
     */
    Payment pay(String applicationId, int attempt) {
        Application application = cases.find(applicationId);
        UUID id = application.getId();
        if (payments.existsByApplicationIdAndStatus(id, Payment.Status.PAID.name())) {
            return payments.findByApplicationIdOrderByAttempt(id).stream()
                    .filter(p -> p.getStatus() == Payment.Status.PAID).findFirst().orElseThrow();
        }
        Payment payment = payments.findByApplicationIdAndAttempt(id, attempt).orElse(null);
        if (payment != null && payment.getStatus() != Payment.Status.PENDING) {
            return payment;
        }
        if (payment == null) {
            payment = payments.saveAndFlush(new Payment(id, attempt,
                    application.getPlanAmountWan().multiply(TEN_THOUSAND), application.getBankName(),
                    application.getBankAccountName(), application.getBankAccountNo(), ShenzhenTime.now()));
        }
        Treasury.Result result = treasury.pay(application.getBusinessKey() + "-" + attempt, payment.getAmount(),
                application.getBankName(), application.getBankAccountName(), application.getBankAccountNo());
        payment.settle(result, ShenzhenTime.now());
        return payment;
    }

    @Transactional(readOnly = true)
    public List<PaymentView> of(UUID applicationId) {
        return payments.findByApplicationIdOrderByAttempt(applicationId).stream().map(PaymentView::of).toList();
    }
}
