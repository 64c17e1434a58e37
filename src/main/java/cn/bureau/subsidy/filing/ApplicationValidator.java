package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.common.PlainText;
import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.decision.SupportCategory;
import cn.bureau.subsidy.filing.ApplicationForm.Claim;
import cn.bureau.subsidy.filing.ApplicationForm.ProjectKind;
import cn.bureau.subsidy.program.Program;

/**
 * The checks that span fields or need the program: USCC, money, currencies, the categories the program offers, what
 * each of the 2026 guide's categories needs, and the further facts a claim carries for a program's own tables.
 */
@Component
class ApplicationValidator {

    /** Thirteen digits before the point: ten trillion yuan is far beyond any claim. */
    private static final String AMOUNT = "\\d{1,13}(\\.\\d{1,2})?";
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(2100, 12, 31);
    private static final String FACT_NAME = "[a-z][A-Za-z0-9]{0,39}";
    private static final int MAX_FACT_TEXT = 200;
    private static final BigDecimal MAX_FACT_NUMBER = BigDecimal.TEN.pow(15);

    void validate(ApplicationForm form, Program program, boolean forFiling) {
        Map<String, BigDecimal> fxRatesToCny = program.getFxRatesToCny();
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
        List<String> offered = program.getCategories();
        for (int i = 0; i < form.claims().size(); i++) {
            Claim claim = form.claims().get(i);
            if (claim.category() != null && !offered.contains(claim.category())) {
                errors.add(new FieldProblem("claims[" + i + "].category", "CATEGORY_NOT_OFFERED",
                        "Program " + program.getCode() + " offers " + String.join(", ", offered)));
            }
            claim(errors, "claims[" + i + "]", claim, form, fxRatesToCny);
            facts(errors, "claims[" + i + "].facts", claim.facts(), fxRatesToCny);
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
        if (is(claim, SupportCategory.PRE_PROJECT_FEES)) {
            required(errors, path + ".serviceContractSignedOn", claim.serviceContractSignedOn());
            required(errors, "project.keyDate", form.project().keyDate());
        } else if (isGuideCategory(claim)) {
            required(errors, path + ".activeFrom", claim.activeFrom());
            required(errors, path + ".activeTo", claim.activeTo());
            if (claim.activeFrom() != null && claim.activeTo() != null
                    && claim.activeTo().isBefore(claim.activeFrom())) {
                errors.add(new FieldProblem(path + ".activeTo", "DATE_ORDER", "Ends before it starts"));
            }
        }
        if (is(claim, SupportCategory.LOAN_INTEREST)) {
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
        if (is(claim, SupportCategory.ZONE_INFRASTRUCTURE)) {
            required(errors, path + ".zoneConfirmed", claim.zoneConfirmed());
        }
    }

    private static boolean is(Claim claim, SupportCategory category) {
        return category.name().equals(claim.category());
    }

    private static boolean isGuideCategory(Claim claim) {
        for (SupportCategory category : SupportCategory.values()) {
            if (is(claim, category)) {
                return true;
            }
        }
        return false;
    }

    /** Each fact: a plain name no standard input uses, and a boolean, number, short text or amount of money. */
    private static void facts(List<FieldProblem> errors, String path, Map<String, JsonNode> facts,
            Map<String, BigDecimal> rates) {
        if (facts == null) {
            return;
        }
        facts.forEach((name, value) -> {
            String field = path + "." + name;
            if (!name.matches(FACT_NAME)) {
                errors.add(new FieldProblem(field, "INVALID_FACT_NAME",
                        "A fact name is a letter-and-digit identifier starting with a small letter, e.g. firstTime"));
            } else if (QuoteService.STANDARD_CLAIM_INPUTS.contains(name)) {
                errors.add(new FieldProblem(field, "RESERVED_FACT_NAME",
                        "The tables already read " + name + " from the claim itself"));
            }
            if (value == null || value.isNull()) {
                errors.add(new FieldProblem(field, "REQUIRED", "Give a value or leave the fact out"));
            } else if (value.isObject()) {
                if (value.size() != 2 || !value.has("amount") || !value.has("currency")) {
                    errors.add(new FieldProblem(field, "INVALID_FORMAT",
                            "An amount of money is {\"amount\": \"…\", \"currency\": \"…\"}"));
                } else {
                    money(errors, field, new Money(value.path("amount").asText(null),
                            value.path("currency").asText(null)), rates, true);
                }
            } else if (value.isTextual() && value.asText().length() > MAX_FACT_TEXT) {
                errors.add(new FieldProblem(field, "INVALID_LENGTH", "At most " + MAX_FACT_TEXT + " characters"));
            } else if (value.isTextual() && !PlainText.isPlain(value.asText())) {
                // A fact is read as a JSON tree, past the plain-text rule every other text field has.
                errors.add(new FieldProblem(field, "INVALID_CHARACTERS",
                        "Control characters and broken Unicode are not accepted"));
            } else if (value.isNumber() && !isModestNumber(value)) {
                // 1e400 or a thousand digits would reach the decision engine's arithmetic.
                errors.add(new FieldProblem(field, "OUT_OF_RANGE",
                        "A number below 10^15 in size with at most six decimals"));
            } else if (!value.isBoolean() && !value.isNumber() && !value.isTextual()) {
                errors.add(new FieldProblem(field, "INVALID_FORMAT",
                        "A fact is a boolean, a number, a text or an amount of money"));
            }
        });
    }

    /** Finite (1e400 reads as infinity), below 10^15 in size, at most six decimals. */
    private static boolean isModestNumber(JsonNode value) {
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            return false;
        }
        BigDecimal number = value.decimalValue();
        return number.abs().compareTo(MAX_FACT_NUMBER) < 0 && number.stripTrailingZeros().scale() <= 6;
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
