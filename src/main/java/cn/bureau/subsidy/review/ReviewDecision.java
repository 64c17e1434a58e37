package cn.bureau.subsidy.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an officer decided on a case at a stage, and why. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID applicationId;
    private String stage;
    private String decision;
    private String reason;
    private String decidedBy;
    private Instant decidedAt;
    private String taskId;

    protected ReviewDecision() {
    }

    ReviewDecision(UUID applicationId, String stage, String decision, String reason, String decidedBy,
            Instant decidedAt, String taskId) {
        this.applicationId = applicationId;
        this.stage = stage;
        this.decision = decision;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
    }

    public String getStage() {
        return stage;
    }

    public String getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
