package cn.bureau.subsidy.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On task creation, forgets the previous task's {@code decision} and {@code reason}, so a form never opens with
 * someone else's answer filled in and a gateway never reads a stale one.
 */
@Component("clearDecision")
class ClearDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().removeVariable("decision");
        task.getExecution().removeVariable("reason");
    }
}
