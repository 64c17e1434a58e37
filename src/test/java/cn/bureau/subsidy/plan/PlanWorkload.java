package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.decision.SupportCategory;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.program.Program;

/**
 * The funding plan over many qualified cases (stage 8): load, calculate, store; next to plain JDBC doing the same
 * reads and writes in the same process. The qualified cases are seeded by JDBC.
 */
public final class PlanWorkload {

    /** Milliseconds of each part, and the plan's line count. */
    public record Result(int cases, int lines, long plainJdbcMs, long calculationMs, long endToEndMs) {
    }

    private static final SupportCategory[] CATEGORIES = SupportCategory.values();

    private final FundingPlans plans;
    private final QuoteService quotes;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PlanWorkload(ApplicationContext context) {
        this.plans = context.getBean(FundingPlans.class);
        this.quotes = context.getBean(QuoteService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = context.getBean(TransactionTemplate.class);
    }

    public Result run(Program program, int cases) {
        int lines = seedQualifiedCases(program, cases);
        long baseline = time(() -> transactions.executeWithoutResult(status -> plainJdbcPlan(program)));
        List<BudgetAllocation.Candidate> candidates = candidates(program);
        BudgetAllocation allocation = BudgetAllocation.of(quotes.supportLimits());
        allocation.allocate(candidates, program.getBudgetWan()); // warm-up
        long calculation = time(() -> allocation.allocate(candidates, program.getBudgetWan()));
        long endToEnd = time(() -> transactions.executeWithoutResult(status -> plans.calculate(program.getCode())));
        return new Result(cases, lines, baseline, calculation, endToEnd);
    }

    private int seedQualifiedCases(Program program, int count) {
        Random random = new Random(2026);
        List<Object[]> applications = new ArrayList<>();
        List<Object[]> claims = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        long first = jdbc.queryForObject("select nextval('case_number_seq')", Long.class);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            // A few enterprises file several projects, so the enterprise maximum spans cases.
            String uscc = "9144030%011d".formatted(random.nextInt(count / 3 + 1));
            applications.add(new Object[] {id, program.getCode() + "-B" + (first + i), program.getId(), uscc,
                "Enterprise " + uscc, "Project " + i, now});
            int claimCount = 1 + random.nextInt(4);
            for (int position = 1; position <= claimCount; position++) {
                claims.add(new Object[] {UUID.randomUUID(), id, position, CATEGORIES[random.nextInt(4)].name(),
                    BigDecimal.valueOf(random.nextInt(400) + 1)});
            }
        }
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("""
                    insert into application (id, business_key, program_id, uscc, enterprise_name, bank_name,
                        bank_account_name, bank_account_no, on_dishonesty_list, serious_violation_3y, fiscal_arrears,
                        other_central_funding, reports_statistics, holds_certificate, truthfulness_commitment,
                        project_name, project_kind, host_country, stage, filed_at, filed_by)
                    values (?, ?, ?, ?, ?, 'Bank', 'Account', '6222000000000000', false, false, false, false, true,
                        true, true, ?, 'INVESTMENT', 'KH', '%s', ?, 'benchmark')""".formatted(
                    CaseProcess.STAGE_AWAITING_PLAN), applications);
            jdbc.batchUpdate("""
                    insert into claim (id, application_id, position, category, amount, currency, paid_on,
                        uncapped_wan, support_wan)
                    values (?, ?, ?, ?, 1000000, 'CNY', date '2025-06-01', ?, 0)""", claims);
        });
        return claims.size();
    }

    private void plainJdbcPlan(Program program) {
        UUID planId = UUID.randomUUID();
        jdbc.update("""
                insert into funding_plan (id, program_id, plan_version, status, budget_wan, total_wan, drafted_by,
                    drafted_at) values (?, ?, 999999, 'DRAFT', 0, 0, 'baseline', now())""", planId, program.getId());
        List<Object[]> rows = jdbc.query("""
                select a.id, a.uscc, a.enterprise_name, a.project_name, c.category, c.position, c.uncapped_wan
                from application a join claim c on c.application_id = a.id
                where a.program_id = ? and a.stage = ?""", (rs, n) -> new Object[] {planId, rs.getObject(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                    rs.getBigDecimal(7), rs.getBigDecimal(7), rs.getBigDecimal(7), "baseline"},
                program.getId(), CaseProcess.STAGE_AWAITING_PLAN);
        jdbc.batchUpdate("""
                insert into plan_line (plan_id, application_id, uscc, enterprise_name, project_name, category,
                    claim_position, unscaled_wan, capped_wan, amount_wan, removed, explanation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""", rows);
        jdbc.update("delete from plan_line where plan_id = ?", planId);
        jdbc.update("delete from funding_plan where id = ?", planId);
    }

    private List<BudgetAllocation.Candidate> candidates(Program program) {
        return jdbc.query("""
                select a.id, a.uscc, c.category, c.uncapped_wan
                from application a join claim c on c.application_id = a.id
                where a.program_id = ? and a.stage = ? order by a.business_key, c.position""",
                (rs, n) -> new BudgetAllocation.Candidate(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getBigDecimal(4)),
                program.getId(), CaseProcess.STAGE_AWAITING_PLAN);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
