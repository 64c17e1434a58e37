package cn.bureau.subsidy.plan;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An objection raised against a case during the public notice (社会公示), and how an auditor decided it. */
@Entity
@Table(name = "plan_objection")
class PlanObjection {

    @Id
    private UUID id;
    private UUID planId;
    private UUID applicationId;
    private String reason;
    private String raisedBy;
    private Instant raisedAt;
    private String decision;
    private String decidedBy;
    private Instant decidedAt;

    protected PlanObjection() {
    }

    PlanObjection(UUID planId, UUID applicationId, String reason, String raisedBy, Instant raisedAt) {
        this.id = UUID.randomUUID();
        this.planId = planId;
        this.applicationId = applicationId;
        this.reason = reason;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
    }

    void decide(String decision, String by, Instant at) {
        this.decision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    UUID getId() {
        return id;
    }

    UUID getPlanId() {
        return planId;
    }

    UUID getApplicationId() {
        return applicationId;
    }

    String getReason() {
        return reason;
    }
}
