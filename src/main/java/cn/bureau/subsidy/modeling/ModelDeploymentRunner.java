package cn.bureau.subsidy.modeling;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deploys the model folders at start-up, before anything seeds programs that start processes. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ModelDeploymentRunner implements ApplicationRunner {

    private final ModelDeployer deployer;

    ModelDeploymentRunner(ModelDeployer deployer) {
        this.deployer = deployer;
    }

    @Override
    public void run(ApplicationArguments args) {
        deployer.deploy();
    }
}
