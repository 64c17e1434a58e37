package cn.bureau.subsidy.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Counts the deployments this node makes or loads, so that the quotes' cache of the latest decision tables knows at
 * once when one may have changed.
 */
@Component
class DecisionDeployments extends AbstractProcessEnginePlugin {

    private final AtomicLong generation = new AtomicLong();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> generation.incrementAndGet());
        configuration.setCustomPostDeployers(deployers);
    }

    long generation() {
        return generation.get();
    }
}
