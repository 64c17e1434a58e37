package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

import cn.bureau.subsidy.filing.ApplicationForm.ProjectKind;

/**
 * One enterprise's application for one project: the case. Its stage follows the case process.
 *
 * <p>Its id is assigned here, so it tells Spring Data that a new application is new: otherwise saving it merges,
 * and a merge first selects the row and its claims, a wasted round trip for every filing of the surge.
 */
@Entity
@Table(name = "application")
public class Application implements Persistable<UUID> {

    @Id
    private UUID id;
    private String businessKey;
    private UUID programId;
    private String uscc;
    private String enterpriseName;
    private String bankName;
    private String bankAccountName;
    private String bankAccountNo;
    private boolean bankAccountCorrected;
    private boolean onDishonestyList;
    @Column(name = "serious_violation_3y")
    private boolean seriousViolation3y;
    private boolean fiscalArrears;
    private boolean otherCentralFunding;
    private boolean reportsStatistics;
    private boolean holdsCertificate;
    private boolean truthfulnessCommitment;
    private String projectName;
    @Enumerated(EnumType.STRING)
    private ProjectKind projectKind;
    private String hostCountry;
    private String certificateNo;
    private java.time.LocalDate certificateFirstIssuedOn;
    private java.time.LocalDate keyDate;
    private BigDecimal investmentAmount;
    private String investmentCurrency;
    private BigDecimal contractValueAmount;
    private String contractValueCurrency;
    @Column(name = "pre_project_fees_supported")
    private boolean preProjectFeesSupported;
    private int priorInterestSupportYears;
    private String stage;
    private String outcome;
    private String outcomeReason;
    private BigDecimal planAmountWan;
    private BigDecimal quoteTotalWan;
    private String quoteReasons;
    /** Read only when asked for: loading a case for a stage change does not read its quote's explanation. */
    @OneToOne(fetch = FetchType.LAZY, cascade = CascadeType.ALL)
    @JoinColumn(name = "quote_explanation_id")
    private QuoteExplanation quoteExplanation;
    private String processInstanceId;
    private Instant filedAt;
    private String filedBy;
    private String idempotencyKey;
    @Version
    private long version;

    @Transient
    private boolean isNew;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Claim> claims = new ArrayList<>();

    protected Application() {
    }

    Application(String businessKey, UUID programId, ApplicationForm form, Instant filedAt, String filedBy,
            String idempotencyKey) {
        this.id = UUID.randomUUID();
        this.isNew = true;
        this.businessKey = businessKey;
        this.programId = programId;
        var applicant = form.applicant();
        this.uscc = applicant.uscc();
        this.enterpriseName = applicant.name();
        this.bankName = applicant.bankAccount().bank();
        this.bankAccountName = applicant.bankAccount().accountName();
        this.bankAccountNo = applicant.bankAccount().accountNo();
        var d = form.declarations();
        this.onDishonestyList = d.onDishonestyList();
        this.seriousViolation3y = d.seriousViolationLast3Years();
        this.fiscalArrears = d.fiscalArrears();
        this.otherCentralFunding = d.otherCentralFundingForSameItem();
        this.reportsStatistics = d.reportsStatistics();
        this.holdsCertificate = d.holdsCertificate();
        this.truthfulnessCommitment = d.truthfulnessCommitment();
        var p = form.project();
        this.projectName = p.name();
        this.projectKind = p.kind();
        this.hostCountry = p.hostCountry();
        this.certificateNo = p.certificateNo();
        this.certificateFirstIssuedOn = p.certificateFirstIssuedOn();
        this.keyDate = p.keyDate();
        if (p.chineseInvestment() != null) {
            this.investmentAmount = p.chineseInvestment().value();
            this.investmentCurrency = p.chineseInvestment().currency();
        }
        if (p.contractValue() != null) {
            this.contractValueAmount = p.contractValue().value();
            this.contractValueCurrency = p.contractValue().currency();
        }
        this.preProjectFeesSupported = Boolean.TRUE.equals(p.preProjectFeesSupportedBefore());
        this.priorInterestSupportYears = p.priorInterestSupportYears() == null ? 0 : p.priorInterestSupportYears();
        this.stage = CaseProcess.STAGE_FILED;
        this.filedAt = filedAt;
        this.filedBy = filedBy;
        this.idempotencyKey = idempotencyKey;
        for (int i = 0; i < form.claims().size(); i++) {
            claims.add(new Claim(this, i + 1, form.claims().get(i)));
        }
    }

    @PostPersist
    @PostLoad
    void stored() {
        this.isNew = false;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void enterStage(String stage, String outcome) {
        this.stage = stage;
        if (outcome != null) {
            this.outcome = outcome;
        }
    }

    void closeWith(String outcomeReason) {
        this.outcomeReason = outcomeReason;
    }

    void correctBankAccount(String bank, String accountName, String accountNo) {
        this.bankName = bank;
        this.bankAccountName = accountName;
        this.bankAccountNo = accountNo;
        this.bankAccountCorrected = true;
    }

    /**
     * Keeps the quote's outcome on the case and on each claim, in the order of the claims, and its explanation in the
     * case's {@link QuoteExplanation}.
     */
    void quoted(cn.bureau.subsidy.decision.Quote quote, java.util.function.Function<Object, String> toJson) {
        this.quoteTotalWan = quote.totalWan();
        this.quoteReasons = String.join(",", quote.reasons());
        for (int i = 0; i < claims.size(); i++) {
            var claimQuote = quote.claims().get(i);
            claims.get(i).quoted(claimQuote.supportWan(), claimQuote.uncappedWan(),
                    String.join(",", claimQuote.reasons()));
        }
        String explanation = toJson.apply(QuoteExplanation.Document.of(quote));
        if (quoteExplanation == null) {
            quoteExplanation = new QuoteExplanation(explanation);
        } else {
            quoteExplanation.replaceWith(explanation);
        }
    }

    void fundedWith(BigDecimal planAmountWan) {
        this.planAmountWan = planAmountWan;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getBusinessKey() {
        return businessKey;
    }

    public UUID getProgramId() {
        return programId;
    }

    public String getUscc() {
        return uscc;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBankAccountName() {
        return bankAccountName;
    }

    public String getBankAccountNo() {
        return bankAccountNo;
    }

    public boolean isBankAccountCorrected() {
        return bankAccountCorrected;
    }

    public boolean isOnDishonestyList() {
        return onDishonestyList;
    }

    public boolean isSeriousViolation3y() {
        return seriousViolation3y;
    }

    public boolean isFiscalArrears() {
        return fiscalArrears;
    }

    public boolean isOtherCentralFunding() {
        return otherCentralFunding;
    }

    public boolean isReportsStatistics() {
        return reportsStatistics;
    }

    public boolean isHoldsCertificate() {
        return holdsCertificate;
    }

    public boolean isTruthfulnessCommitment() {
        return truthfulnessCommitment;
    }

    public String getProjectName() {
        return projectName;
    }

    public ProjectKind getProjectKind() {
        return projectKind;
    }

    public String getHostCountry() {
        return hostCountry;
    }

    public String getCertificateNo() {
        return certificateNo;
    }

    public java.time.LocalDate getCertificateFirstIssuedOn() {
        return certificateFirstIssuedOn;
    }

    public java.time.LocalDate getKeyDate() {
        return keyDate;
    }

    public BigDecimal getInvestmentAmount() {
        return investmentAmount;
    }

    public String getInvestmentCurrency() {
        return investmentCurrency;
    }

    public BigDecimal getContractValueAmount() {
        return contractValueAmount;
    }

    public String getContractValueCurrency() {
        return contractValueCurrency;
    }

    public boolean isPreProjectFeesSupported() {
        return preProjectFeesSupported;
    }

    public int getPriorInterestSupportYears() {
        return priorInterestSupportYears;
    }

    public String getStage() {
        return stage;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    public BigDecimal getPlanAmountWan() {
        return planAmountWan;
    }

    public BigDecimal getQuoteTotalWan() {
        return quoteTotalWan;
    }

    public java.util.List<String> getQuoteReasons() {
        return quoteReasons == null || quoteReasons.isEmpty() ? List.of() : List.of(quoteReasons.split(","));
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public String getFiledBy() {
        return filedBy;
    }

    public List<Claim> getClaims() {
        return List.copyOf(claims);
    }
}
