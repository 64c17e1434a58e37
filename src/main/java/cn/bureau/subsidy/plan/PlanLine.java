package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One enterprise's support for one category of one project in a plan version, with how it was reached. */
@Entity
@Table(name = "plan_line")
class PlanLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID planId;
    private UUID applicationId;
    private String uscc;
    private String enterpriseName;
    private String projectName;
    private String category;
    private Integer claimPosition;
    private BigDecimal unscaledWan;
    private BigDecimal cappedWan;
    private BigDecimal amountWan;
    private boolean removed;
    private String removalReason;
    private String explanation;

    protected PlanLine() {
    }

    void remove(String reason) {
        removed = true;
        removalReason = reason;
    }

    UUID getApplicationId() {
        return applicationId;
    }

    String getUscc() {
        return uscc;
    }

    String getEnterpriseName() {
        return enterpriseName;
    }

    String getProjectName() {
        return projectName;
    }

    Integer getClaimPosition() {
        return claimPosition;
    }

    BigDecimal getCappedWan() {
        return cappedWan;
    }

    String getCategory() {
        return category;
    }

    BigDecimal getUnscaledWan() {
        return unscaledWan;
    }

    BigDecimal getAmountWan() {
        return amountWan;
    }

    boolean isRemoved() {
        return removed;
    }

    String getExplanation() {
        return explanation;
    }
}
