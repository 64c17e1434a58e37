package cn.bureau.subsidy.review;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.TaskActor;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;

/**
 * Records each review decision (accept, return for correction, reject) with its reason; refuses an unknown
 * decision, or a return or rejection without a reason.
 */
@Component("reviewRecorder")
class ReviewRecorder implements TaskListener {

    static final String ACCEPT = "ACCEPT";
    static final String RETURN = "RETURN";
    static final String REJECT = "REJECT";
    private static final Set<String> DECISIONS = Set.of(ACCEPT, RETURN, REJECT);

    /** Separation of duties: whoever did one of these on a case does not do the other. */
    private static final Map<String, String> EXCLUSIVE_STAGES = Map.of("INITIAL_REVIEW", "SPECIAL_AUDIT",
            "SPECIAL_AUDIT", "INITIAL_REVIEW");

    private final ReviewDecisions decisions;
    private final CaseStages cases;

    ReviewRecorder(ReviewDecisions decisions, CaseStages cases) {
        this.decisions = decisions;
        this.cases = cases;
    }

    private void refuseSecondRoleOnTheSameCase(UUID applicationId, String stage, String actor) {
        String other = EXCLUSIVE_STAGES.get(stage);
        if (other != null && decisions.existsByApplicationIdAndStageAndDecidedBy(applicationId, other, actor)) {
            throw new BadUserRequestException("One person cannot do both the initial review and the special audit "
                    + "of a case: " + actor + " already did the " + other);
        }
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = (String) task.getVariable(CaseProcess.VAR_DECISION);
        String reason = (String) task.getVariable(CaseProcess.VAR_REASON);
        if (decision == null || !DECISIONS.contains(decision)) {
            throw new BadUserRequestException("decision: one of " + DECISIONS);
        }
        if (!ACCEPT.equals(decision) && (reason == null || reason.isBlank())) {
            throw new BadUserRequestException("reason: required to return or reject a case");
        }
        String applicationId = (String) task.getVariable(CaseProcess.VAR_APPLICATION_ID);
        String stage = TaskFacts.stage(task);
        String actor = TaskActor.of(task);
        refuseSecondRoleOnTheSameCase(UUID.fromString(applicationId), stage, actor);
        decisions.save(new ReviewDecision(UUID.fromString(applicationId), stage, decision, reason, actor,
                ShenzhenTime.now(), task.getId()));
        if (RETURN.equals(decision)) {
            task.getExecution().setVariable("correctionReason", reason);
        } else if (REJECT.equals(decision)) {
            cases.closeWith(applicationId, reason);
        }
    }
}
