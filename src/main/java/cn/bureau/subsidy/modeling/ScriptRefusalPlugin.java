package cn.bureau.subsidy.modeling;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ParseListeners;

/**
 * Process owners upload models; a model must not run code of its own. A diagram with a script task, a script
 * listener, a script input/output mapping or a scripted condition is refused at deployment, naming the element.
 * Rules belong in DMN tables or in the application's tested Java.
 */
@Component
class ScriptRefusalPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addBefore(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element process, ProcessDefinitionEntity definition) {
                refuseScripts(process, process.attribute("id"));
            }
        });
    }

    static void refuseScripts(Element element, String owner) {
        String id = element.attribute("id") != null ? element.attribute("id") : owner;
        String tag = element.getTagName();
        boolean script = "scriptTask".equals(tag) || "script".equals(tag)
                || ("conditionExpression".equals(tag) && element.attribute("language") != null);
        if (script) {
            throw new ProcessEngineException("Scripts are not allowed in deployed models: " + tag + " in " + id
                    + " (line " + element.getLine() + "); put the rule in a DMN table or a Java delegate");
        }
        for (Element child : element.elements()) {
            refuseScripts(child, id);
        }
    }
}
