package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;
import cn.bureau.subsidy.decision.QuoteService;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseFacts;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.filing.Claim;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.EngineCaller;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramProcess;
import cn.bureau.subsidy.program.ProgramRepository;
import cn.bureau.subsidy.program.Sla;

/**
 * The funding plan of a program (stages 8–10): drafted over every case waiting for it, approved by someone other
 * than its drafter, put up for public notice, and issued; every waiting case is then told its amount.
 */
@Service
@Transactional
public class FundingPlans {

    /** Cases told their amount in one job of the program; a few seconds of work, far below the job lock. */
    static final int CASES_PER_JOB = 100;

    private final ProgramRepository programs;
    private final FundingPlanRepository plans;
    private final PlanLineRepository lines;
    private final PlanObjectionRepository objections;
    private final CaseStages cases;
    private final RuntimeService runtimeService;
    private final WorkingDays workdays;
    private final QuoteService quotes;
    private final PlanLineWriter lineWriter;
    private final EngineCaller engine;

    FundingPlans(ProgramRepository programs, FundingPlanRepository plans, PlanLineRepository lines,
            PlanObjectionRepository objections, CaseStages cases, RuntimeService runtimeService,
            WorkingDays workdays, QuoteService quotes, PlanLineWriter lineWriter, EngineCaller engine) {
        this.programs = programs;
        this.plans = plans;
        this.lines = lines;
        this.objections = objections;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.workdays = workdays;
        this.quotes = quotes;
        this.lineWriter = lineWriter;
        this.engine = engine;
    }

    Program program(String code) {
        return programs.findByCode(code).orElseThrow(() -> ApiException.notFound("Program", code));
    }

    FundingPlan current(Program program) {
        return plans.findFirstByProgramIdOrderByPlanVersionDesc(program.getId())
                .orElseThrow(() -> ApiException.notFound("Funding plan of", program.getCode()));
    }

    @Transactional(readOnly = true)
    public PlanView plan(String programCode) {
        FundingPlan plan = current(program(programCode));
        return new PlanView(programCode, plan.getPlanVersion(), plan.getStatus().name(), plan.getBudgetWan(),
                plan.getTotalWan(), plan.getDraftedBy(), plan.getApprovedBy(), plan.getIssuedBy(), lines(plan).stream()
                        .map(l -> new PlanView.Line(l.getApplicationId().toString(), l.getUscc(), l.getEnterpriseName(),
                                l.getProjectName(), l.getCategory(), l.getClaimPosition(), l.getUnscaledWan(),
                                l.getCappedWan(), l.getAmountWan(), l.isRemoved(), l.getExplanation()))
                        .toList());
    }

    /** Who issued the program's current plan, once it is issued. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> issuerOf(UUID programId) {
        return plans.findFirstByProgramIdOrderByPlanVersionDesc(programId).map(FundingPlan::getIssuedBy);
    }

    List<PlanLine> lines(FundingPlan plan) {
        return lines.findByPlanIdOrderByEnterpriseNameAscCategoryAsc(plan.getId());
    }

    /**
     * Drafts a new plan version over the cases waiting for it (stage 8): each claim starts from its quoted amount on
     * the audited figures, then the enterprise maximum across all of one enterprise's cases and the budget rule of
     * guide §5 apply. An earlier unissued version is superseded; a case removed after an objection is no longer
     * waiting, so its share is not silently handed to others: the new version is approved again.
     */
    FundingPlan calculate(String programCode) {
        Program program = program(programCode);
        int version = plans.findFirstByProgramIdOrderByPlanVersionDesc(program.getId())
                .map(previous -> {
                    previous.moveTo(FundingPlan.Status.SUPERSEDED);
                    return previous.getPlanVersion() + 1;
                })
                .orElse(1);
        List<Application> waiting = cases.waitingForPlan(program);
        List<BudgetAllocation.Candidate> candidates = new ArrayList<>();
        List<Application> applicationOf = new ArrayList<>();
        List<Claim> claimOf = new ArrayList<>();
        for (Application application : waiting) {
            for (Claim claim : application.getClaims()) {
                if (claim.getUncappedWan() != null && claim.getUncappedWan().signum() > 0) {
                    candidates.add(new BudgetAllocation.Candidate(application.getId().toString(),
                            application.getUscc(), claim.getCategory(),
                            claim.getUncappedWan()));
                    applicationOf.add(application);
                    claimOf.add(claim);
                }
            }
        }
        BudgetAllocation.Result allocation = BudgetAllocation.of(quotes.supportLimits(
                CaseFacts.of(program).decisions()))
                .allocate(candidates, program.getBudgetWan());
        FundingPlan plan = plans.save(new FundingPlan(program.getId(), version, program.getBudgetWan(),
                allocation.allocatedWan(), ShenzhenTime.now()));
        List<PlanLineWriter.NewLine> lines = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            BudgetAllocation.Line line = allocation.lines().get(i);
            Application application = applicationOf.get(i);
            lines.add(new PlanLineWriter.NewLine(application.getId(), application.getUscc(),
                    application.getEnterpriseName(), application.getProjectName(), line.category(),
                    claimOf.get(i).getPosition(), line.unscaledWan(), line.cappedWan(), line.finalWan(),
                    line.explanation()));
        }
        plans.flush();
        lineWriter.insert(plan.getId(), lines);
        return plan;
    }

    void submit(String programCode, String user) {
        current(program(programCode)).submittedBy(user, ShenzhenTime.now());
    }

    /** Separation of duties: whoever submitted the draft cannot approve it. */
    void approve(String programCode, String user) {
        FundingPlan plan = current(program(programCode));
        if (user.equals(plan.getDraftedBy())) {
            throw new BadUserRequestException("The drafter of a funding plan cannot approve it");
        }
        plan.approvedBy(user, ShenzhenTime.now());
    }

    void issue(String programCode, String user) {
        current(program(programCode)).issuedBy(user, ShenzhenTime.now());
    }

    /** Puts the approved plan up for public notice and returns when the notice period ends. */
    Instant publishNotice(String programCode) {
        Program program = program(programCode);
        current(program).moveTo(FundingPlan.Status.NOTICE);
        return workdays.after(ShenzhenTime.now(), program.workingDays(Sla.NOTICE));
    }

    public UUID raiseObjection(String programCode, UUID applicationId, String reason, Caller raisedBy) {
        Program program = program(programCode);
        FundingPlan plan = current(program);
        if (plan.getStatus() != FundingPlan.Status.NOTICE) {
            throw ApiException.conflict("NOT_IN_NOTICE", "Objections are taken while the plan is in public notice");
        }
        if (lines.findByPlanIdAndApplicationId(plan.getId(), applicationId).isEmpty()) {
            throw ApiException.invalid("caseId", "NOT_IN_PLAN", "This case has no line in the plan");
        }
        PlanObjection objection = objections.save(new PlanObjection(plan.getId(), applicationId, reason,
                raisedBy.userId(), ShenzhenTime.now()));
        engine.run(raisedBy, () -> runtimeService.createMessageCorrelation(ProgramProcess.MESSAGE_OBJECTION_RAISED)
                .processInstanceBusinessKey(program.getCode())
                .setVariableLocal("objectionId", objection.getId().toString())
                // The case objected to, whose record the auditor's form shows (filing/CaseFormPlugin).
                .setVariableLocal(CaseProcess.VAR_APPLICATION_ID, applicationId.toString())
                .setVariableLocal("objectionSummary", "Case " + applicationId + ": " + reason)
                .correlate());
        return objection.getId();
    }

    void decideObjection(String objectionId, String decision, String by) {
        objection(objectionId).decide(decision, by, ShenzhenTime.now());
    }

    /** An upheld objection takes the case out of the plan; its share is not handed to others silently. */
    void removeFromPlan(String objectionId) {
        PlanObjection objection = objection(objectionId);
        FundingPlan plan = plans.findById(objection.getPlanId()).orElseThrow();
        List<PlanLine> removed = new ArrayList<>(lines.findByPlanIdAndApplicationId(plan.getId(),
                objection.getApplicationId()));
        removed.forEach(line -> line.remove(objection.getReason()));
        plan.total(plan.getTotalWan().subtract(removed.stream().map(PlanLine::getAmountWan)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
        String applicationId = objection.getApplicationId().toString();
        cases.closeWith(applicationId, "Objection upheld during public notice: " + objection.getReason());
        runtimeService.createMessageCorrelation(CaseProcess.MESSAGE_REMOVED_FROM_PLAN)
                .processInstanceBusinessKey(cases.find(applicationId).getBusinessKey())
                .correlate();
    }

    /**
     * Tells up to {@code limit} cases waiting for the plan their amount (funded cases go on to disbursement, the others
     * end) and returns how many still wait. The diagram calls it again, in a job of its own each time, until none
     * waits: telling thousands of cases in one transaction outlasts the job executor's lock, and then another node
     * takes the job over and each run rolls the other back, so the plan would never reach the cases.
     */
    long notifyCases(String programCode, int limit) {
        Program program = program(programCode);
        FundingPlan plan = current(program);
        List<Application> next = cases.waitingForPlan(program, limit);
        Map<UUID, BigDecimal> amounts = lines.findByPlanIdAndApplicationIdIn(plan.getId(),
                next.stream().map(Application::getId).toList()).stream().filter(line -> !line.isRemoved())
                .collect(Collectors.toMap(PlanLine::getApplicationId, PlanLine::getAmountWan, BigDecimal::add));
        for (Application application : next) {
            BigDecimal amount = amounts.getOrDefault(application.getId(), BigDecimal.ZERO);
            cases.fund(application.getId().toString(), amount);
            runtimeService.createMessageCorrelation(CaseProcess.MESSAGE_PLAN_ISSUED)
                    .processInstanceBusinessKey(application.getBusinessKey())
                    .setVariable(CaseProcess.VAR_PLAN_AMOUNT_WAN, amount.longValueExact())
                    .correlate();
        }
        return next.isEmpty() ? 0 : cases.countWaitingForPlan(program);
    }

    String summary(FundingPlan plan) {
        return "Plan version %d: %d lines, total %s 万元 of a budget of %s 万元".formatted(plan.getPlanVersion(),
                lines(plan).stream().filter(line -> !line.isRemoved()).count(), plan.getTotalWan().toPlainString(),
                plan.getBudgetWan().toPlainString());
    }

    private PlanObjection objection(String id) {
        return objections.findById(UUID.fromString(id)).orElseThrow(() -> ApiException.notFound("Objection", id));
    }
}
