package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.filing.ApplicationForm.Category;
import cn.bureau.subsidy.filing.ApplicationForm.Claim;
import cn.bureau.subsidy.filing.ApplicationForm.ProjectKind;

/** The checks that span fields or need the program: USCC, money, currencies, what each category needs. */
@Component
class ApplicationValidator {

    /** Thirteen digits before the point: ten trillion yuan is far beyond any claim. */
    private static final String AMOUNT = "\\d{1,13}(\\.\\d{1,2})?";
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);

    void validate(ApplicationForm form, Map<String, BigDecimal> fxRatesToCny, boolean forFiling) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!Uscc.isValid(form.applicant().uscc())) {
            errors.add(new FieldProblem("applicant.uscc", "INVALID_USCC",
                    "Not a unified social credit code: 18 characters with a valid check character"));
        }
        if (forFiling && form.applicant().bankAccount() == null) {
            errors.add(new FieldProblem("applicant.bankAccount", "REQUIRED", "A filing needs the bank account"));
        }
        var project = form.project();
        date(errors, "project.certificateFirstIssuedOn", project.certificateFirstIssuedOn());
        date(errors, "project.keyDate", project.keyDate());
        if (project.kind() == ProjectKind.INVESTMENT) {
            money(errors, "project.chineseInvestment", project.chineseInvestment(), fxRatesToCny, true);
            absent(errors, "project.contractValue", project.contractValue(), "goes with contracting projects");
        } else {
            money(errors, "project.contractValue", project.contractValue(), fxRatesToCny, true);
            absent(errors, "project.chineseInvestment", project.chineseInvestment(), "goes with investment projects");
        }
        for (int i = 0; i < form.claims().size(); i++) {
            claim(errors, "claims[" + i + "]", form.claims().get(i), form, fxRatesToCny);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.stream().distinct().toList());
        }
    }

    private static void claim(List<FieldProblem> errors, String path, Claim claim, ApplicationForm form,
            Map<String, BigDecimal> rates) {
        date(errors, path + ".paidOn", claim.paidOn());
        date(errors, path + ".serviceContractSignedOn", claim.serviceContractSignedOn());
        date(errors, path + ".activeFrom", claim.activeFrom());
        date(errors, path + ".activeTo", claim.activeTo());
        money(errors, path + ".amount", claim.amount(), rates, true);
        if (claim.category() == Category.PRE_PROJECT_FEES) {
            required(errors, path + ".serviceContractSignedOn", claim.serviceContractSignedOn());
            required(errors, "project.keyDate", form.project().keyDate());
        } else {
            required(errors, path + ".activeFrom", claim.activeFrom());
            required(errors, path + ".activeTo", claim.activeTo());
            if (claim.activeFrom() != null && claim.activeTo() != null
                    && claim.activeTo().isBefore(claim.activeFrom())) {
                errors.add(new FieldProblem(path + ".activeTo", "DATE_ORDER", "Ends before it starts"));
            }
        }
        if (claim.category() == Category.LOAN_INTEREST) {
            money(errors, path + ".loanPrincipal", claim.loanPrincipal(), rates, true);
            required(errors, path + ".termMonths", claim.termMonths());
            BigDecimal rate = claim.annualRatePercent();
            if (rate == null) {
                required(errors, path + ".annualRatePercent", null);
            } else if (rate.signum() <= 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0 || rate.scale() > 4) {
                errors.add(new FieldProblem(path + ".annualRatePercent", "OUT_OF_RANGE",
                        "An annual rate in percent above 0 and below 100, at most four decimals"));
            }
        }
        if (claim.category() == Category.ZONE_INFRASTRUCTURE) {
            required(errors, path + ".zoneConfirmed", claim.zoneConfirmed());
        }
    }

    private static void money(List<FieldProblem> errors, String path, Money money, Map<String, BigDecimal> rates,
            boolean required) {
        if (money == null) {
            if (required) {
                errors.add(new FieldProblem(path, "REQUIRED", "Required"));
            }
            return;
        }
        if (money.amount() == null || !money.amount().matches(AMOUNT)) {
            errors.add(new FieldProblem(path + ".amount", "INVALID_AMOUNT",
                    "A non-negative decimal string with at most two decimals, e.g. \"600000.00\""));
        }
        String currency = money.currency();
        if (!Money.isKnownCurrency(currency)) {
            errors.add(new FieldProblem(path + ".currency", "UNKNOWN_CURRENCY", "Not an ISO 4217 currency code"));
        } else if (!Money.CNY.equals(currency) && !rates.containsKey(currency)) {
            errors.add(new FieldProblem(path + ".currency", "NO_EXCHANGE_RATE",
                    "The program publishes no rate for " + currency));
        }
    }

    /**
     * A date of a project or a payment lies in the years 1900 to 2100. Beyond them lie typing slips, and far beyond
     * them dates the database and the decision engine cannot hold (year +999999999 failed the quote with a 500).
     */
    private static void date(List<FieldProblem> errors, String path, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            errors.add(new FieldProblem(path, "OUT_OF_RANGE", "A date in the years 1900 to 2100"));
        }
    }

    private static void required(List<FieldProblem> errors, String path, Object value) {
        if (value == null) {
            errors.add(new FieldProblem(path, "REQUIRED", "Required for this category"));
        }
    }

    private static void absent(List<FieldProblem> errors, String path, Object value, String why) {
        if (value != null) {
            errors.add(new FieldProblem(path, "NOT_APPLICABLE", "This field " + why));
        }
    }
}
