package cn.bureau.subsidy.disbursement;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stands in for the treasury until the bureau's payment interface is connected: it pays every account except those
 * whose number starts with the configured prefix, which it refuses as a wrong account (the case guide §6 handles).
 */
@Component
class SimulatedTreasury implements Treasury {

    private final String rejectedPrefix;

    SimulatedTreasury(@Value("${subsidy.treasury.rejected-account-prefix}") String rejectedPrefix) {
        this.rejectedPrefix = rejectedPrefix;
    }

    @Override
    public Result pay(String paymentKey, BigDecimal amountCny, String bank, String accountName, String accountNo) {
        if (accountNo.startsWith(rejectedPrefix)) {
            return new Result(false, null, "Account " + accountNo + " at " + bank + " does not exist or is closed");
        }
        return new Result(true, "TRE-" + paymentKey, null);
    }
}
