package cn.bureau.subsidy.disbursement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to pay a case. (case, attempt) is unique, so a retried job finds its attempt and never pays twice. */
@Entity
@Table(name = "payment")
class Payment {

    enum Status { PENDING, PAID, FAILED }

    @Id
    private UUID id;
    private UUID applicationId;
    private int attempt;
    private BigDecimal amount;
    private String bankName;
    private String bankAccountName;
    private String bankAccountNo;
    private String status;
    private String failureReason;
    private String treasuryReference;
    private Instant createdAt;
    private Instant completedAt;

    protected Payment() {
    }

    Payment(UUID applicationId, int attempt, BigDecimal amount, String bankName, String bankAccountName,
            String bankAccountNo, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.attempt = attempt;
        this.amount = amount;
        this.bankName = bankName;
        this.bankAccountName = bankAccountName;
        this.bankAccountNo = bankAccountNo;
        this.status = Status.PENDING.name();
        this.createdAt = createdAt;
    }

    void settle(Treasury.Result result, Instant at) {
        this.status = result.paid() ? Status.PAID.name() : Status.FAILED.name();
        this.treasuryReference = result.reference();
        this.failureReason = result.failureReason();
        this.completedAt = at;
    }

    UUID getId() {
        return id;
    }

    int getAttempt() {
        return attempt;
    }

    BigDecimal getAmount() {
        return amount;
    }

    String getBankAccountNo() {
        return bankAccountNo;
    }

    Status getStatus() {
        return Status.valueOf(status);
    }

    String getFailureReason() {
        return failureReason;
    }

    String getTreasuryReference() {
        return treasuryReference;
    }

    Instant getCompletedAt() {
        return completedAt;
    }
}
