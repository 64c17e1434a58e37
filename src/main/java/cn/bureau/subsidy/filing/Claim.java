package cn.bureau.subsidy.filing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One support claim of an application; the special audit (stage 6) records its audited amount. */
@Entity
@Table(name = "claim")
public class Claim {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id")
    private Application application;
    private int position;
    private String category;
    private BigDecimal amount;
    private String currency;
    private LocalDate paidOn;
    private LocalDate serviceContractSignedOn;
    private BigDecimal loanPrincipalAmount;
    private String loanPrincipalCurrency;
    private Integer termMonths;
    private BigDecimal annualRatePercent;
    private LocalDate activeFrom;
    private LocalDate activeTo;
    private Boolean zoneConfirmed;
    private BigDecimal auditedAmount;
    private BigDecimal supportWan;
    private BigDecimal uncappedWan;
    private String reasons;
    /** Further facts for a program's own tables, as a JSON object; null when there are none. */
    private String facts;

    protected Claim() {
    }

    Claim(Application application, int position, ApplicationForm.Claim form) {
        this.id = UUID.randomUUID();
        this.application = application;
        this.position = position;
        this.category = form.category();
        this.amount = form.amount().value();
        this.currency = form.amount().currency();
        this.paidOn = form.paidOn();
        this.serviceContractSignedOn = form.serviceContractSignedOn();
        if (form.loanPrincipal() != null) {
            this.loanPrincipalAmount = form.loanPrincipal().value();
            this.loanPrincipalCurrency = form.loanPrincipal().currency();
        }
        this.termMonths = form.termMonths();
        this.annualRatePercent = form.annualRatePercent();
        this.activeFrom = form.activeFrom();
        this.activeTo = form.activeTo();
        this.zoneConfirmed = form.zoneConfirmed();
        if (form.facts() != null && !form.facts().isEmpty()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            form.facts().forEach((name, value) -> object.set(name, value));
            this.facts = object.toString();
        }
    }

    void quoted(BigDecimal supportWan, BigDecimal uncappedWan, String reasons) {
        this.supportWan = supportWan;
        this.uncappedWan = uncappedWan;
        this.reasons = reasons;
    }

    void audited(BigDecimal auditedAmount) {
        this.auditedAmount = auditedAmount;
    }

    /** What the calculation uses: the audited amount once the audit has recorded one, the claimed one before. */
    public BigDecimal effectiveAmount() {
        return auditedAmount != null ? auditedAmount : amount;
    }

    public int getPosition() {
        return position;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public LocalDate getServiceContractSignedOn() {
        return serviceContractSignedOn;
    }

    public BigDecimal getLoanPrincipalAmount() {
        return loanPrincipalAmount;
    }

    public String getLoanPrincipalCurrency() {
        return loanPrincipalCurrency;
    }

    public Integer getTermMonths() {
        return termMonths;
    }

    public BigDecimal getAnnualRatePercent() {
        return annualRatePercent;
    }

    public LocalDate getActiveFrom() {
        return activeFrom;
    }

    public LocalDate getActiveTo() {
        return activeTo;
    }

    public Boolean getZoneConfirmed() {
        return zoneConfirmed;
    }

    /** Whole 万元 for this claim after the enterprise cap within its application. */
    public BigDecimal getSupportWan() {
        return supportWan;
    }

    /** Whole 万元 before any cap: what a funding plan starts from. */
    public BigDecimal getUncappedWan() {
        return uncappedWan;
    }

    public java.util.List<String> getReasons() {
        return reasons == null || reasons.isEmpty() ? java.util.List.of() : java.util.List.of(reasons.split(","));
    }

    /** The claim's further facts as a JSON object, or null. */
    public String getFacts() {
        return facts;
    }

    public BigDecimal getAuditedAmount() {
        return auditedAmount;
    }
}
