package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a plan's lines in JDBC batches: a program's plan has a line a claim, tens of thousands for a large program,
 * and identity keys keep Hibernate from batching them.
 */
@Component
class PlanLineWriter {

    record NewLine(UUID applicationId, String uscc, String enterpriseName, String projectName, String category,
            int claimPosition, BigDecimal unscaledWan, BigDecimal cappedWan, BigDecimal amountWan,
            String explanation) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    PlanLineWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID planId, List<NewLine> lines) {
        jdbc.batchUpdate("""
                insert into plan_line (plan_id, application_id, uscc, enterprise_name, project_name, category,
                    claim_position, unscaled_wan, capped_wan, amount_wan, removed, explanation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""", lines, BATCH, (statement, line) -> {
            statement.setObject(1, planId);
            statement.setObject(2, line.applicationId());
            statement.setString(3, line.uscc());
            statement.setString(4, line.enterpriseName());
            statement.setString(5, line.projectName());
            statement.setString(6, line.category());
            statement.setInt(7, line.claimPosition());
            statement.setBigDecimal(8, line.unscaledWan());
            statement.setBigDecimal(9, line.cappedWan());
            statement.setBigDecimal(10, line.amountWan());
            statement.setString(11, line.explanation());
        });
    }
}
