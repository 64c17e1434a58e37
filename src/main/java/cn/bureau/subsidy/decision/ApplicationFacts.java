package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an application states, mirroring the body of a quote or a filing in the public contract. The bank account is
 * left out: no decision depends on it. Boxed values may be null; the eligibility tables treat a missing answer as a
 * failed condition.
 */
public record ApplicationFacts(Applicant applicant, Declarations declarations, Project project, List<Claim> claims) {

    public ApplicationFacts {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** The applying enterprise, identified by its unified social credit code. */
    public record Applicant(String uscc, String name) {
    }

    /** The applicant's declarations on the basic conditions of guide 四（一）. */
    public record Declarations(Boolean onDishonestyList, Boolean seriousViolationLast3Years, Boolean fiscalArrears,
            Boolean otherCentralFundingForSameItem, Boolean reportsStatistics, Boolean holdsCertificate,
            Boolean truthfulnessCommitment) {
    }

    /**
     * The supported project. {@code chineseInvestment} goes with {@link ProjectKind#INVESTMENT}, {@code contractValue}
     * with the other kinds. {@code keyDate} is the overseas registration, M&amp;A closing or contract signing.
     */
    public record Project(String name, ProjectKind kind, String hostCountry, String certificateNo,
            LocalDate certificateFirstIssuedOn, LocalDate keyDate, MoneyAmount chineseInvestment,
            MoneyAmount contractValue, Boolean preProjectFeesSupportedBefore, Integer priorInterestSupportYears) {
    }

    /**
     * One claim: the amount actually paid in its category and the facts its conditions need. Loan fields go with
     * {@link SupportCategory#LOAN_INTEREST}, {@code serviceContractSignedOn} with {@link SupportCategory#PRE_PROJECT_FEES},
     * {@code zoneConfirmed} with {@link SupportCategory#ZONE_INFRASTRUCTURE}.
     *
     * @param category a category the program offers: one of {@link SupportCategory} for the 2026 guide, or any code a
     *                 program's tables decide on
     * @param facts    further facts a program's tables read, by name: {@link Boolean}, {@link BigDecimal},
     *                 {@link String}, {@link LocalDate} or {@link MoneyAmount} (which a table reads converted, as
     *                 {@code <name>Cny} and {@code <name>Usd})
     */
    public record Claim(String category, MoneyAmount amount, LocalDate paidOn, LocalDate serviceContractSignedOn,
            MoneyAmount loanPrincipal, Integer termMonths, BigDecimal annualRatePercent, LocalDate activeFrom,
            LocalDate activeTo, Boolean zoneConfirmed, Map<String, Object> facts) {

        public Claim {
            facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        }

        /** A claim of one of the 2026 guide's categories, without further facts. */
        public Claim(SupportCategory category, MoneyAmount amount, LocalDate paidOn,
                LocalDate serviceContractSignedOn, MoneyAmount loanPrincipal, Integer termMonths,
                BigDecimal annualRatePercent, LocalDate activeFrom, LocalDate activeTo, Boolean zoneConfirmed) {
            this(category == null ? null : category.name(), amount, paidOn, serviceContractSignedOn, loanPrincipal,
                    termMonths, annualRatePercent, activeFrom, activeTo, zoneConfirmed, Map.of());
        }

        boolean is(SupportCategory known) {
            return known.name().equals(category);
        }
    }
}
