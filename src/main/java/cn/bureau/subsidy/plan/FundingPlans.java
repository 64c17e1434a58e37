package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.filing.Claim;
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

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private final ProgramRepository programs;
    private final FundingPlanRepository plans;
    private final PlanLineRepository lines;
    private final PlanObjectionRepository objections;
    private final CaseStages cases;
    private final RuntimeService runtimeService;
    private final WorkingDays workdays;

    FundingPlans(ProgramRepository programs, FundingPlanRepository plans, PlanLineRepository lines,
            PlanObjectionRepository objections, CaseStages cases, RuntimeService runtimeService,
            WorkingDays workdays) {
        this.programs = programs;
        this.plans = plans;
        this.lines = lines;
        this.objections = objections;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.workdays = workdays;
    }

    Program program(String code) {
        return programs.findByCode(code).orElseThrow(() -> ApiException.notFound("Program", code));
    }

    FundingPlan current(Program program) {
        return plans.findFirstByProgramIdOrderByPlanVersionDesc(program.getId())
                .orElseThrow(() -> ApiException.notFound("Funding plan of", program.getCode()));
    }

    List<PlanLine> lines(FundingPlan plan) {
        return lines.findByPlanIdOrderByEnterpriseNameAscCategoryAsc(plan.getId());
    }

    /** Drafts a new plan version over the cases waiting for it; an earlier unissued version is superseded. */
    FundingPlan calculate(String programCode) {
        Program program = program(programCode);
        int version = plans.findFirstByProgramIdOrderByPlanVersionDesc(program.getId())
                .map(previous -> {
                    previous.moveTo(FundingPlan.Status.SUPERSEDED);
                    return previous.getPlanVersion() + 1;
                })
                .orElse(1);
        FundingPlan plan = plans.save(new FundingPlan(program.getId(), version, program.getBudgetWan(),
                BigDecimal.ZERO, ShenzhenTime.now()));
        BigDecimal total = BigDecimal.ZERO;
        for (Application application : cases.waitingForPlan(program)) {
            for (Map.Entry<String, BigDecimal> perCategory : placeholderSupport(application, program).entrySet()) {
                BigDecimal wan = perCategory.getValue();
                lines.save(new PlanLine(plan.getId(), application.getId(), application.getUscc(),
                        application.getEnterpriseName(), application.getProjectName(), perCategory.getKey(), wan, wan,
                        "Provisional: audited amount in CNY × category rate, truncated to 万元"));
                total = total.add(wan);
            }
        }
        plan.total(total);
        return plan;
    }

    /**
     * A provisional amount until the decision tables compute the real one: audited (or claimed) amount in CNY times
     * the category's rate, truncated to whole 万元, below 5 万元 nothing.
     */
    private static Map<String, BigDecimal> placeholderSupport(Application application, Program program) {
        Map<String, BigDecimal> perCategory = new TreeMap<>();
        for (Claim claim : application.getClaims()) {
            BigDecimal rate = switch (claim.getCategory()) {
                case INSURANCE_PREMIUM -> new BigDecimal("0.60");
                default -> new BigDecimal("0.50");
            };
            BigDecimal cny = claim.effectiveAmount().multiply(
                    "CNY".equals(claim.getCurrency()) ? BigDecimal.ONE : program.getFxRatesToCny().get(claim.getCurrency()));
            BigDecimal wan = cny.multiply(rate).divide(TEN_THOUSAND, 0, RoundingMode.DOWN);
            if (wan.compareTo(BigDecimal.valueOf(5)) >= 0) {
                perCategory.merge(claim.getCategory().name(), wan, BigDecimal::add);
            }
        }
        return perCategory;
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

    public UUID raiseObjection(String programCode, UUID applicationId, String reason, String raisedBy) {
        Program program = program(programCode);
        FundingPlan plan = current(program);
        if (plan.getStatus() != FundingPlan.Status.NOTICE) {
            throw ApiException.conflict("NOT_IN_NOTICE", "Objections are taken while the plan is in public notice");
        }
        if (lines.findByPlanIdAndApplicationId(plan.getId(), applicationId).isEmpty()) {
            throw ApiException.invalid("caseId", "NOT_IN_PLAN", "This case has no line in the plan");
        }
        PlanObjection objection = objections.save(new PlanObjection(plan.getId(), applicationId, reason, raisedBy,
                ShenzhenTime.now()));
        runtimeService.createMessageCorrelation(ProgramProcess.MESSAGE_OBJECTION_RAISED)
                .processInstanceBusinessKey(program.getCode())
                .setVariableLocal("objectionId", objection.getId().toString())
                .setVariableLocal("objectionSummary", "Case " + applicationId + ": " + reason)
                .correlate();
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

    /** Tells every case waiting for the plan its amount: funded cases go on to disbursement, the others end. */
    void notifyCases(String programCode) {
        Program program = program(programCode);
        FundingPlan plan = current(program);
        for (Application application : cases.waitingForPlan(program)) {
            BigDecimal amount = lines.findByPlanIdAndApplicationId(plan.getId(), application.getId()).stream()
                    .filter(line -> !line.isRemoved())
                    .map(PlanLine::getAmountWan)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            cases.fund(application.getId().toString(), amount);
            runtimeService.createMessageCorrelation(CaseProcess.MESSAGE_PLAN_ISSUED)
                    .processInstanceBusinessKey(application.getBusinessKey())
                    .setVariable(CaseProcess.VAR_PLAN_AMOUNT_WAN, amount.longValueExact())
                    .correlate();
        }
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
