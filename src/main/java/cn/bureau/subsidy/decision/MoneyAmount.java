package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.util.Objects;

import cn.bureau.subsidy.common.Money;

/** An amount in an ISO 4217 currency, as a number the calculator can work with. */
public record MoneyAmount(BigDecimal amount, String currency) {

    public MoneyAmount {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static MoneyAmount of(String amount, String currency) {
        return new MoneyAmount(new BigDecimal(amount), currency);
    }

    public static MoneyAmount cny(String amount) {
        return of(amount, Money.CNY);
    }

    /** The contract's wire form ({@code {"amount": "600000", "currency": "CNY"}}); null stays null. */
    public static MoneyAmount from(Money money) {
        return money == null ? null : new MoneyAmount(money.value(), money.currency());
    }
}
