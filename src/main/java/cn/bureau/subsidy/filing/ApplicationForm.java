package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

    public enum Category { PRE_PROJECT_FEES, LOAN_INTEREST, INSURANCE_PREMIUM, ZONE_INFRASTRUCTURE }

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

    public record Claim(
            @NotNull Category category,
            @NotNull Money amount,
            @NotNull LocalDate paidOn,
            LocalDate serviceContractSignedOn,
            Money loanPrincipal,
            @Min(1) @Max(600) Integer termMonths,
            BigDecimal annualRatePercent,
            LocalDate activeFrom,
            LocalDate activeTo,
            Boolean zoneConfirmed) {
    }
}
