package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A version of a program's funding plan (资助计划), from draft through approval and notice to issue. */
@Entity
@Table(name = "funding_plan")
class FundingPlan {

    enum Status { DRAFT, SUBMITTED, APPROVED, NOTICE, ISSUED, SUPERSEDED }

    @Id
    private UUID id;
    private UUID programId;
    private int planVersion;
    private String status;
    private BigDecimal budgetWan;
    private BigDecimal totalWan;
    private String draftedBy;
    private Instant draftedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String issuedBy;
    private Instant issuedAt;

    protected FundingPlan() {
    }

    FundingPlan(UUID programId, int planVersion, BigDecimal budgetWan, BigDecimal totalWan, Instant calculatedAt) {
        this.id = UUID.randomUUID();
        this.programId = programId;
        this.planVersion = planVersion;
        this.status = Status.DRAFT.name();
        this.budgetWan = budgetWan;
        this.totalWan = totalWan;
        this.draftedBy = "system";
        this.draftedAt = calculatedAt;
    }

    void submittedBy(String user, Instant at) {
        draftedBy = user;
        draftedAt = at;
        status = Status.SUBMITTED.name();
    }

    void approvedBy(String user, Instant at) {
        approvedBy = user;
        approvedAt = at;
        status = Status.APPROVED.name();
    }

    void issuedBy(String user, Instant at) {
        issuedBy = user;
        issuedAt = at;
        status = Status.ISSUED.name();
    }

    void moveTo(Status next) {
        status = next.name();
    }

    void total(BigDecimal totalWan) {
        this.totalWan = totalWan;
    }

    UUID getId() {
        return id;
    }

    int getPlanVersion() {
        return planVersion;
    }

    Status getStatus() {
        return Status.valueOf(status);
    }

    BigDecimal getBudgetWan() {
        return budgetWan;
    }

    BigDecimal getTotalWan() {
        return totalWan;
    }

    String getDraftedBy() {
        return draftedBy;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    String getIssuedBy() {
        return issuedBy;
    }
}
