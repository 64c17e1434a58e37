package cn.bureau.subsidy.disbursement;

import java.time.OffsetDateTime;

import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.common.ShenzhenTime;

/** A payment attempt as the case shows it. */
public record PaymentView(int attempt, Money amount, String status, String failureReason, String treasuryReference,
        OffsetDateTime completedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.getAttempt(), Money.cny(p.getAmount()), p.getStatus().name(), p.getFailureReason(),
                p.getTreasuryReference(), ShenzhenTime.at(p.getCompletedAt()));
    }
}
