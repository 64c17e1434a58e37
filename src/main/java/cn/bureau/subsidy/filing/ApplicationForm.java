package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.common.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The contract's application body: the same for a quote and a filing. Field checks that span fields (the USCC's
 * check character, money, what each category needs) are in {@link ApplicationValidator}.
 */
public record ApplicationForm(
        @NotNull @Valid Applicant applicant,
        @NotNull @Valid Declarations declarations,
        @NotNull @Valid Project project,
        @NotEmpty @Size(max = ApplicationForm.MAX_CLAIMS) List<@NotNull @Valid Claim> claims) {

    /** The special-audit form has a field per claim; eight covers every category twice. */
    public static final int MAX_CLAIMS = 8;
    /** Further facts of one claim that a program's tables read. */
    public static final int MAX_FACTS = 16;

    public record Applicant(
            @NotBlank @Size(max = 18) String uscc,
            @NotBlank @Size(max = 300) String name,
            @Valid BankAccount bankAccount) {
    }

    public record BankAccount(
            @NotBlank @Size(max = 200) String bank,
            @NotBlank @Size(max = 300) String accountName,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{6,40}") String accountNo) {
    }

    public record Declarations(
            @NotNull Boolean onDishonestyList,
            @NotNull Boolean seriousViolationLast3Years,
            @NotNull Boolean fiscalArrears,
            @NotNull Boolean otherCentralFundingForSameItem,
            @NotNull Boolean reportsStatistics,
            @NotNull Boolean holdsCertificate,
            @NotNull Boolean truthfulnessCommitment) {
    }

    public enum ProjectKind { INVESTMENT, CONTRACTING, DESIGN_CONSULTING }

    public record Project(
            @NotBlank @Size(max = 300) String name,
            @NotNull ProjectKind kind,
            @NotBlank @Pattern(regexp = "[A-Z]{2}") String hostCountry,
            @Size(max = 120) String certificateNo,
            LocalDate certificateFirstIssuedOn,
            LocalDate keyDate,
            Money chineseInvestment,
            Money contractValue,
            Boolean preProjectFeesSupportedBefore,
            @Min(0) @Max(50) Integer priorInterestSupportYears) {
    }

    /**
     * One claim. {@code category} is one the program offers (the 2026 guide's four by default). {@code facts} carries
     * what a program's own tables read beyond these fields, by name: a boolean, a number, a string (an ISO date
     * counts as a date) or an amount of money {@code {"amount", "currency"}}.
     */
    public record Claim(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String category,
            @NotNull Money amount,
            @NotNull LocalDate paidOn,
            LocalDate serviceContractSignedOn,
            Money loanPrincipal,
            @Min(1) @Max(600) Integer termMonths,
            BigDecimal annualRatePercent,
            LocalDate activeFrom,
            LocalDate activeTo,
            Boolean zoneConfirmed,
            @Size(max = ApplicationForm.MAX_FACTS) Map<String, JsonNode> facts) {
    }
}
