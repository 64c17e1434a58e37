package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test data: the program of guide §9 (USD 7.0, LPR 3.0 / 3.5, support year 2025, filing closing 2026-04-30 18:00
 * Shenzhen time) and an application that meets every condition, to be changed one fact at a time.
 */
final class Applications {

    static final String SHENZHEN_USCC = "91440300MA5F000181";
    /** Valid, registered in Guangzhou (440101). */
    static final String GUANGZHOU_USCC = "91440101MA5F000185";
    static final Instant FILING_CLOSES_AT = OffsetDateTime.parse("2026-04-30T18:00:00+08:00").toInstant();

    private Applications() {
    }

    static ProgramParameters program() {
        return program(FILING_CLOSES_AT);
    }

    static ProgramParameters program(Instant filingClosesAt) {
        return new ProgramParameters(2025, filingClosesAt, Map.of("USD", new BigDecimal("7.0")),
                Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5")));
    }

    static Builder application() {
        return new Builder();
    }

    static ClaimBuilder preProjectFees(String cny) {
        ClaimBuilder claim = new ClaimBuilder(SupportCategory.PRE_PROJECT_FEES, MoneyAmount.cny(cny));
        claim.paidOn = LocalDate.of(2025, 5, 1);
        claim.serviceContractSignedOn = LocalDate.of(2025, 3, 1);
        return claim;
    }

    static ClaimBuilder loanInterest(String interestCny, String ratePercent, int termMonths) {
        ClaimBuilder claim = new ClaimBuilder(SupportCategory.LOAN_INTEREST, MoneyAmount.cny(interestCny));
        claim.paidOn = LocalDate.of(2025, 12, 20);
        claim.loanPrincipal = MoneyAmount.cny("10000000");
        claim.termMonths = termMonths;
        claim.annualRatePercent = new BigDecimal(ratePercent);
        claim.activeFrom = LocalDate.of(2024, 7, 1);
        claim.activeTo = LocalDate.of(2027, 6, 30);
        return claim;
    }

    static ClaimBuilder insurancePremium(MoneyAmount premium) {
        ClaimBuilder claim = new ClaimBuilder(SupportCategory.INSURANCE_PREMIUM, premium);
        claim.paidOn = LocalDate.of(2025, 2, 10);
        claim.activeFrom = LocalDate.of(2025, 1, 1);
        claim.activeTo = LocalDate.of(2025, 12, 31);
        return claim;
    }

    static ClaimBuilder zoneInfrastructure(String cny) {
        ClaimBuilder claim = new ClaimBuilder(SupportCategory.ZONE_INFRASTRUCTURE, MoneyAmount.cny(cny));
        claim.paidOn = LocalDate.of(2025, 11, 30);
        claim.zoneConfirmed = true;
        claim.activeFrom = LocalDate.of(2025, 3, 1);
        claim.activeTo = LocalDate.of(2025, 10, 31);
        return claim;
    }

    /** A mutable application; every field starts at a value that meets the conditions. */
    static final class Builder {
        String uscc = SHENZHEN_USCC;
        Boolean onDishonestyList = false;
        Boolean seriousViolationLast3Years = false;
        Boolean fiscalArrears = false;
        Boolean otherCentralFundingForSameItem = false;
        Boolean reportsStatistics = true;
        Boolean holdsCertificate = true;
        Boolean truthfulnessCommitment = true;
        ProjectKind kind = ProjectKind.INVESTMENT;
        LocalDate certificateFirstIssuedOn = LocalDate.of(2024, 3, 1);
        LocalDate keyDate = LocalDate.of(2025, 6, 1);
        MoneyAmount chineseInvestment = MoneyAmount.of("2000000", "USD");
        MoneyAmount contractValue;
        Boolean preProjectFeesSupportedBefore = false;
        Integer priorInterestSupportYears = 0;
        final List<ClaimBuilder> claims = new ArrayList<>();

        Builder claim(ClaimBuilder claim) {
            claims.add(claim);
            return this;
        }

        Builder contracting(ProjectKind kind, MoneyAmount contractValue) {
            this.kind = kind;
            this.contractValue = contractValue;
            this.chineseInvestment = null;
            return this;
        }

        ApplicationFacts build() {
            return new ApplicationFacts(new ApplicationFacts.Applicant(uscc, "Shenzhen Example Co., Ltd."),
                    new ApplicationFacts.Declarations(onDishonestyList, seriousViolationLast3Years, fiscalArrears,
                            otherCentralFundingForSameItem, reportsStatistics, holdsCertificate,
                            truthfulnessCommitment),
                    new ApplicationFacts.Project("Phnom Penh plant", kind, "KH", "境外投资证第N4403202500123号",
                            certificateFirstIssuedOn, keyDate, chineseInvestment, contractValue,
                            preProjectFeesSupportedBefore, priorInterestSupportYears),
                    claims.stream().map(ClaimBuilder::build).toList());
        }
    }

    /** A mutable claim. */
    static final class ClaimBuilder {
        final SupportCategory category;
        MoneyAmount amount;
        LocalDate paidOn;
        LocalDate serviceContractSignedOn;
        MoneyAmount loanPrincipal;
        Integer termMonths;
        BigDecimal annualRatePercent;
        LocalDate activeFrom;
        LocalDate activeTo;
        Boolean zoneConfirmed;

        ClaimBuilder(SupportCategory category, MoneyAmount amount) {
            this.category = category;
            this.amount = amount;
        }

        ApplicationFacts.Claim build() {
            return new ApplicationFacts.Claim(category, amount, paidOn, serviceContractSignedOn, loanPrincipal,
                    termMonths, annualRatePercent, activeFrom, activeTo, zoneConfirmed);
        }
    }
}
