package cn.bureau.subsidy.plan;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.bureau.subsidy.common.TaskActor;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.program.ProgramProcess;
import cn.bureau.subsidy.program.ProgramRepository;

/**
 * The program diagram's service tasks and task listeners for stages 8–10. Each reads the program code, calls
 * {@link FundingPlans} and writes back the few variables the gateways need.
 */
@Configuration
class PlanDelegates {

    private static String programCode(DelegateExecution execution) {
        return (String) execution.getVariable(ProgramProcess.VAR_PROGRAM_CODE);
    }

    @Bean
    JavaDelegate casesSettledDelegate(ProgramRepository programs, CaseStages cases) {
        return execution -> execution.setVariable("allCasesSettled",
                cases.unsettled(programs.findByCode(programCode(execution)).orElseThrow()) == 0);
    }

    @Bean
    JavaDelegate calculatePlanDelegate(FundingPlans plans) {
        return execution -> {
            FundingPlan plan = plans.calculate(programCode(execution));
            execution.setVariable("planChanged", false);
            execution.setVariable("planVersion", plan.getPlanVersion());
            execution.setVariable("planSummary", plans.summary(plan));
        };
    }

    @Bean
    JavaDelegate publishNoticeDelegate(FundingPlans plans) {
        return execution -> execution.setVariable("noticeEndsAt",
                Date.from(plans.publishNotice(programCode(execution))));
    }

    @Bean
    JavaDelegate removeFromPlanDelegate(FundingPlans plans) {
        return execution -> {
            plans.removeFromPlan((String) execution.getVariable("objectionId"));
            execution.setVariable("planChanged", true);
        };
    }

    /** Tells the next cases their amount; the diagram loops, a job each time, while {@code casesLeftToNotify > 0}. */
    @Bean
    JavaDelegate planIssuedDelegate(FundingPlans plans) {
        return execution -> execution.setVariable("casesLeftToNotify",
                plans.notifyCases(programCode(execution), FundingPlans.CASES_PER_JOB));
    }

    /** Draft, approve and issue: records who did it; the approver must not be the drafter. */
    @Bean
    TaskListener planDecisionRecorder(FundingPlans plans) {
        return task -> {
            String decision = decision(task, Set.of("ACCEPT", "RETURN"));
            if (!"ACCEPT".equals(decision)) {
                return;
            }
            String program = programCode(task.getExecution());
            String user = TaskActor.of(task);
            switch (task.getTaskDefinitionKey()) {
                case "UserTask_DraftPlan" -> plans.submit(program, user);
                case "UserTask_ApprovePlan" -> plans.approve(program, user);
                case "UserTask_IssuePlan" -> plans.issue(program, user);
                default -> throw new IllegalStateException("No plan decision at " + task.getTaskDefinitionKey());
            }
        };
    }

    @Bean
    TaskListener objectionRecorder(FundingPlans plans) {
        return task -> {
            String decision = decision(task, Set.of("UPHELD", "DISMISSED"));
            Object reason = task.getVariable("reason");
            if (reason == null || reason.toString().isBlank()) {
                throw new BadUserRequestException("reason: required to decide an objection");
            }
            plans.decideObjection((String) task.getVariable("objectionId"), decision, TaskActor.of(task));
        };
    }

    private static String decision(DelegateTask task, Set<String> allowed) {
        Object decision = task.getVariable("decision");
        if (decision == null || !allowed.contains(decision.toString())) {
            throw new BadUserRequestException("decision: one of " + allowed);
        }
        return decision.toString();
    }
}
