package cn.bureau.subsidy.filing;

import java.math.BigDecimal;

import cn.bureau.subsidy.decision.ApplicationFacts;
import cn.bureau.subsidy.decision.MoneyAmount;
import cn.bureau.subsidy.decision.ProgramParameters;
import cn.bureau.subsidy.decision.ProjectKind;
import cn.bureau.subsidy.decision.SupportCategory;
import cn.bureau.subsidy.program.Program;

/** What the decisions are asked about: a body as filed, a stored case (with audited amounts), a program. */
public final class CaseFacts {

    private CaseFacts() {
    }

    public static ProgramParameters of(Program program) {
        return new ProgramParameters(program.getSupportYear(), program.getFilingClosesAt(),
                program.getFxRatesToCny(), program.getLprPercent());
    }

    static ApplicationFacts of(ApplicationForm form) {
        var d = form.declarations();
        var p = form.project();
        return new ApplicationFacts(
                new ApplicationFacts.Applicant(form.applicant().uscc(), form.applicant().name()),
                new ApplicationFacts.Declarations(d.onDishonestyList(), d.seriousViolationLast3Years(),
                        d.fiscalArrears(), d.otherCentralFundingForSameItem(), d.reportsStatistics(),
                        d.holdsCertificate(), d.truthfulnessCommitment()),
                new ApplicationFacts.Project(p.name(), ProjectKind.valueOf(p.kind().name()), p.hostCountry(),
                        p.certificateNo(), p.certificateFirstIssuedOn(), p.keyDate(),
                        MoneyAmount.from(p.chineseInvestment()), MoneyAmount.from(p.contractValue()),
                        p.preProjectFeesSupportedBefore(), p.priorInterestSupportYears()),
                form.claims().stream().map(c -> new ApplicationFacts.Claim(SupportCategory.valueOf(c.category().name()),
                        MoneyAmount.from(c.amount()), c.paidOn(), c.serviceContractSignedOn(),
                        MoneyAmount.from(c.loanPrincipal()), c.termMonths(), c.annualRatePercent(), c.activeFrom(),
                        c.activeTo(), c.zoneConfirmed())).toList());
    }

    /** The stored case; a claim the special audit recorded counts with its audited amount. */
    public static ApplicationFacts of(Application a) {
        return new ApplicationFacts(
                new ApplicationFacts.Applicant(a.getUscc(), a.getEnterpriseName()),
                new ApplicationFacts.Declarations(a.isOnDishonestyList(), a.isSeriousViolation3y(),
                        a.isFiscalArrears(), a.isOtherCentralFunding(), a.isReportsStatistics(),
                        a.isHoldsCertificate(), a.isTruthfulnessCommitment()),
                new ApplicationFacts.Project(a.getProjectName(), ProjectKind.valueOf(a.getProjectKind().name()),
                        a.getHostCountry(), a.getCertificateNo(), a.getCertificateFirstIssuedOn(), a.getKeyDate(),
                        money(a.getInvestmentAmount(), a.getInvestmentCurrency()),
                        money(a.getContractValueAmount(), a.getContractValueCurrency()),
                        a.isPreProjectFeesSupported(), a.getPriorInterestSupportYears()),
                a.getClaims().stream().map(c -> new ApplicationFacts.Claim(
                        SupportCategory.valueOf(c.getCategory().name()), money(c.effectiveAmount(), c.getCurrency()),
                        c.getPaidOn(), c.getServiceContractSignedOn(),
                        money(c.getLoanPrincipalAmount(), c.getLoanPrincipalCurrency()), c.getTermMonths(),
                        c.getAnnualRatePercent(), c.getActiveFrom(), c.getActiveTo(), c.getZoneConfirmed()))
                        .toList());
    }

    private static MoneyAmount money(BigDecimal amount, String currency) {
        return amount == null ? null : new MoneyAmount(amount, currency);
    }
}
