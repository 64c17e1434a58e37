package cn.bureau.subsidy.supervision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ShenzhenTime;

/** The deadline watch's one step: escalate the open tasks past a threshold ({@link DeadlineWatch}). */
@Component
class DeadlineWatchDelegate implements JavaDelegate {

    private final DeadlineWatch watch;

    DeadlineWatchDelegate(DeadlineWatch watch) {
        this.watch = watch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        watch.escalateOverdue(ShenzhenTime.now());
    }
}
