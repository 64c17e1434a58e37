package cn.bureau.subsidy.decision;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine (business rule tasks, the decision service) the same FEEL engine as the quotes,
 * so a table evaluated inside a case costs what it costs in a quote. The engine is built without FEEL custom function
 * providers ({@code dmnFeelCustomFunctionProviders}): the project's tables use none.
 */
@Component
class CachingFeelEnginePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setDmnEngineConfiguration(dmn.feelEngineFactory(CachingFeelEngine.FACTORY));
    }
}
