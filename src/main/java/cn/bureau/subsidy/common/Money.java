package cn.bureau.subsidy.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, as the contract writes it: {@code {"amount": "600000.00", "currency": "CNY"}}.
 * The amount travels as a decimal string so that no client rounds it through a binary float.
 */
public record Money(String amount, String currency) {

    public static final String CNY = "CNY";
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    public static Money cny(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), CNY);
    }

    public static Money ofWan(BigDecimal wan) {
        return cny(wan.multiply(TEN_THOUSAND).setScale(2, RoundingMode.UNNECESSARY));
    }

    public BigDecimal value() {
        return new BigDecimal(amount);
    }

    public static boolean isKnownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
