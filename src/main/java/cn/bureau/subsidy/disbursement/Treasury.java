package cn.bureau.subsidy.disbursement;

import java.math.BigDecimal;

/** The treasury's payment service (国库集中支付). The payment key lets the treasury refuse a duplicate. */
interface Treasury {

    record Result(boolean paid, String reference, String failureReason) {
    }

    Result pay(String paymentKey, BigDecimal amountCny, String bank, String accountName, String accountNo);
}
