package cn.bureau.subsidy.common;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds BPMN parse listeners to an engine configuration, whose lists start out null. */
public final class ParseListeners {

    private ParseListeners() {
    }

    /** Runs before the engine's own parsing of each element: for checks that refuse a model. */
    public static void addBefore(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(listener);
    }

    /** Runs after the engine parsed each element: for behaviour added to the parsed activities. */
    public static void addAfter(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
