package cn.bureau.subsidy.filing;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ParseListeners;

/**
 * Keeps the case record's stage in step with the diagram: every element that carries a {@code stage} property
 * (and end events an {@code outcome}) updates the case when entered. A process owner who adds a task gives it the
 * property in Camunda Modeler; no Java changes.
 */
@Component
class CaseStagePlugin extends AbstractProcessEnginePlugin {

    static final String STAGE = "stage";
    static final String OUTCOME = "outcome";

    private final ObjectProvider<CaseStages> stages;

    CaseStagePlugin(ObjectProvider<CaseStages> stages) {
        this.stages = stages;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfter(configuration, new StageListener());
    }

    private final class StageListener extends AbstractBpmnParseListener {

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        @Override
        public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            track(element, activity);
        }

        private void track(Element element, ActivityImpl activity) {
            Map<String, String> properties = properties(element);
            String stage = properties.get(STAGE);
            if (stage == null) {
                return;
            }
            String outcome = properties.get(OUTCOME);
            ExecutionListener listener = execution -> stages.getObject()
                    .enter((String) execution.getVariable(CaseProcess.VAR_APPLICATION_ID), stage, outcome);
            activity.addListener(ExecutionListener.EVENTNAME_START, listener);
        }

        private Map<String, String> properties(Element element) {
            Map<String, String> values = new HashMap<>();
            Element extensions = element.element("extensionElements");
            if (extensions == null) {
                return values;
            }
            Element properties = extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (properties == null) {
                return values;
            }
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                values.put(property.attribute("name"), property.attribute("value"));
            }
            return values;
        }
    }
}
