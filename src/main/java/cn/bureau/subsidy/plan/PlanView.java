package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.util.List;

/** The current version of a program's funding plan, as published for notice, with who did what. */
public record PlanView(String programCode, int version, String status, BigDecimal budgetWan, BigDecimal totalWan,
        String draftedBy, String approvedBy, String issuedBy, List<Line> lines) {

    /** One claim's line: the amount before any cap, after the enterprise maximum, final; and how. */
    public record Line(String caseId, String uscc, String enterprise, String project, String category,
            Integer claimPosition, BigDecimal unscaledWan, BigDecimal cappedWan, BigDecimal amountWan,
            boolean removed, String explanation) {
    }
}
