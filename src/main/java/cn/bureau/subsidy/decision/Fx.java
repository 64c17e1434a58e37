package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.Money;

/**
 * Conversion at the program's rates (CNY per unit, PBOC central parity). CNY amounts are kept to the fen and rounded
 * down; a USD-equivalent is CNY divided by the USD rate, rounded down to the cent, which is exact for comparing with a
 * threshold in whole dollars.
 */
final class Fx {

    static final String USD = "USD";

    private final Map<String, BigDecimal> ratesToCny;

    Fx(Map<String, BigDecimal> ratesToCny) {
        this.ratesToCny = ratesToCny;
    }

    /** Whether the program publishes a USD rate, which USD-equivalents need. */
    boolean hasUsd() {
        BigDecimal usdRate = ratesToCny.get(USD);
        return usdRate != null && usdRate.signum() > 0;
    }

    BigDecimal rateOf(String currency, String field) {
        if (Money.CNY.equals(currency)) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = ratesToCny.get(currency);
        if (rate == null || rate.signum() <= 0) {
            throw ApiException.invalid(field + ".currency", "NO_EXCHANGE_RATE",
                    "The program has no exchange rate for " + currency);
        }
        return rate;
    }

    BigDecimal toCny(MoneyAmount money, String field) {
        if (money == null) {
            return null;
        }
        return money.amount().multiply(rateOf(money.currency(), field)).setScale(2, RoundingMode.DOWN);
    }

    BigDecimal toUsd(MoneyAmount money, String field) {
        if (money == null) {
            return null;
        }
        if (USD.equals(money.currency())) {
            return money.amount();
        }
        BigDecimal usdRate = ratesToCny.get(USD);
        if (usdRate == null || usdRate.signum() <= 0) {
            throw ApiException.conflict("PROGRAM_INCOMPLETE",
                    "The program has no USD exchange rate, which the thresholds in US dollars need");
        }
        return toCny(money, field).divide(usdRate, 2, RoundingMode.DOWN);
    }
}
