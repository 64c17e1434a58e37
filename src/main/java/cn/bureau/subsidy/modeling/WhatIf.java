package cn.bureau.subsidy.modeling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.decision.ProgramParameters;
import cn.bureau.subsidy.decision.Quote;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.decision.SupportLimits;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseFacts;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.plan.BudgetAllocation;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * What changed DMN files would do to a program before anyone rolls them out: every filed case is quoted with the
 * deployed tables and with the changed ones (on its audited amounts where the audit recorded them), and the plan the
 * open cases would make is drafted both ways against the program's budget. Nothing is deployed or stored.
 *
 * <p>A case's stored quote follows new tables only until its special audit: the audit quotes it again and the plan
 * starts from that quote. {@code quoteFollowsRollout} says which cases a rollout would still move.
 */
@Service
public class WhatIf {

    /** One claim's amount and reasons. */
    public record ClaimSide(String category, BigDecimal supportWan, List<String> reasons) {
    }

    /** A case as one set of tables decides it. */
    public record Side(boolean eligible, List<String> reasons, BigDecimal totalWan, List<ClaimSide> claims) {
    }

    /**
     * One case, before and after. {@code after} is null and {@code error} says why when the changed tables cannot
     * decide the case (a UNIQUE table with no or two rows for it): such a change would strand the case.
     */
    public record CaseRow(String caseId, String businessKey, String enterprise, String stage, String outcome,
            Side before, Side after, boolean changed, boolean quoteFollowsRollout, String error) {
    }

    /**
     * A program-wide figure, both ways.
     *
     * @param quotedWan sum of the cases' totals (after each enterprise's cap within its case)
     * @param planWan   what the plan over the open cases would allocate: enterprise maxima, then the budget rule
     */
    public record Totals(long eligibleCases, BigDecimal quotedWan, BigDecimal requestedWan, BigDecimal planWan,
            BigDecimal budgetWan, boolean scaledToBudget) {
    }

    public record Report(String program, BigDecimal budgetWan, List<String> files, List<String> decisionsChanged,
            List<Finding> findings, int cases, int changedCases, int failedCases, Totals before, Totals after,
            List<CaseRow> changed, List<CaseRow> all) {
    }

    private final ProgramRepository programs;
    private final CaseStages cases;
    private final QuoteService quotes;
    private final Rollouts rollouts;

    WhatIf(ProgramRepository programs, CaseStages cases, QuoteService quotes, Rollouts rollouts) {
        this.programs = programs;
        this.cases = cases;
        this.quotes = quotes;
        this.rollouts = rollouts;
    }

    /**
     * @param programCode the program whose filed cases are replayed
     * @param dmnFiles    file name (as uploaded, e.g. {@code support-rates.dmn}) to content
     */
    @Transactional(readOnly = true)
    public Report replay(String programCode, Map<String, byte[]> dmnFiles) {
        Program program = programs.findByCode(programCode)
                .orElseThrow(() -> ApiException.notFound("Program", programCode));
        if (dmnFiles.isEmpty()) {
            throw ApiException.invalid("files", "REQUIRED", "Upload one or more changed .dmn files");
        }
        Map<String, byte[]> asModels = new TreeMap<>();
        List<String> decisionsChanged = new ArrayList<>();
        dmnFiles.forEach((name, bytes) -> {
            String file = name.substring(name.lastIndexOf('/') + 1);
            if (!file.endsWith(".dmn")) {
                throw ApiException.invalid("files[" + name + "]", "NOT_DMN", "Only decision tables (.dmn) are"
                        + " replayed; roll diagrams and forms out with a migration plan instead");
            }
            asModels.put("decisions/" + file, bytes);
            try {
                Dmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes))
                        .getModelElementsByType(Decision.class).forEach(d -> decisionsChanged.add(d.getId()));
            } catch (RuntimeException unreadable) {
                // the checks below name the file
            }
        });
        List<Finding> findings = rollouts.check(asModels).stream()
                .filter(f -> asModels.containsKey(f.file()) || f.file().equals("decisions/"))
                .toList();
        if (findings.stream().anyMatch(f -> f.rule().equals(ModelChecks.UNREADABLE))) {
            throw ApiException.invalid(findings.stream().filter(f -> f.rule().equals(ModelChecks.UNREADABLE))
                    .map(f -> new cn.bureau.subsidy.common.FieldProblem("files[" + f.file() + "]", f.rule(),
                            f.message()))
                    .toList());
        }
        QuoteService changedQuotes = quotes.withChangedDecisions(asModels);
        ProgramParameters parameters = CaseFacts.of(program);

        List<CaseRow> rows = new ArrayList<>();
        List<BudgetAllocation.Candidate> beforeCandidates = new ArrayList<>();
        List<BudgetAllocation.Candidate> afterCandidates = new ArrayList<>();
        for (Application application : cases.filed(program)) {
            var facts = CaseFacts.of(application);
            Quote before = quotes.quote(parameters, facts);
            Quote after = null;
            String error = null;
            try {
                after = changedQuotes.quote(parameters, facts);
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
            boolean open = application.getOutcome() == null;
            if (open) {
                candidates(application, before, beforeCandidates);
                if (after != null) {
                    candidates(application, after, afterCandidates);
                }
            }
            Side beforeSide = side(before);
            Side afterSide = after == null ? null : side(after);
            boolean audited = application.getClaims().stream().anyMatch(c -> c.getAuditedAmount() != null);
            rows.add(new CaseRow(application.getId().toString(), application.getBusinessKey(),
                    application.getEnterpriseName(), application.getStage(), application.getOutcome(), beforeSide,
                    afterSide, !Objects.equals(beforeSide, afterSide), open && !audited, error));
        }
        SupportLimits limitsBefore = quotes.supportLimits(parameters.decisions());
        SupportLimits limitsAfter;
        try {
            limitsAfter = changedQuotes.supportLimits(parameters.decisions());
        } catch (RuntimeException e) {
            limitsAfter = limitsBefore;
        }
        List<CaseRow> changed = rows.stream().filter(CaseRow::changed).toList();
        return new Report(program.getCode(), program.getBudgetWan(), List.copyOf(dmnFiles.keySet()),
                List.copyOf(decisionsChanged), findings, rows.size(), changed.size(),
                (int) rows.stream().filter(r -> r.error() != null).count(),
                totals(rows, true, beforeCandidates, limitsBefore, program.getBudgetWan()),
                totals(rows, false, afterCandidates, limitsAfter, program.getBudgetWan()), changed, rows);
    }

    private static void candidates(Application application, Quote quote, List<BudgetAllocation.Candidate> into) {
        for (Quote.ClaimQuote claim : quote.claims()) {
            if (claim.uncappedWan() != null && claim.uncappedWan().signum() > 0) {
                into.add(new BudgetAllocation.Candidate(application.getId().toString(), application.getUscc(),
                        claim.category(), claim.uncappedWan()));
            }
        }
    }

    private static Totals totals(List<CaseRow> rows, boolean before, List<BudgetAllocation.Candidate> candidates,
            SupportLimits limits, BigDecimal budgetWan) {
        long eligible = 0;
        BigDecimal quoted = BigDecimal.ZERO;
        for (CaseRow row : rows) {
            Side side = before ? row.before() : row.after();
            if (side != null) {
                eligible += side.eligible() ? 1 : 0;
                quoted = quoted.add(side.totalWan());
            }
        }
        BudgetAllocation.Result plan = BudgetAllocation.of(limits).allocate(candidates, budgetWan);
        return new Totals(eligible, quoted, plan.requestedWan(), plan.allocatedWan(), budgetWan,
                plan.requestedWan().compareTo(budgetWan) > 0);
    }

    private static Side side(Quote quote) {
        List<ClaimSide> claims = quote.claims().stream()
                .map(c -> new ClaimSide(c.category(), plain(c.supportWan()), c.reasons()))
                .toList();
        return new Side(quote.eligible(), quote.reasons(), plain(quote.totalWan()), claims);
    }

    /** One scale for one value, so that 30 and 30.0 compare equal. */
    private static BigDecimal plain(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
