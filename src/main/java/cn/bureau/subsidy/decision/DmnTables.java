package cn.bureau.subsidy.decision;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Parses and evaluates decision tables with Camunda's standalone DMN engine: a quote writes no history and needs no
 * process engine. Its FEEL engine is {@link CachingFeelEngine}, as the process engine's is. Which rows matched is taken from the engine's evaluation event, so an explanation can name them.
 */
final class DmnTables {

    private static final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> EVENTS = new ThreadLocal<>();

    private final DmnEngine engine;

    DmnTables() {
        DmnDecisionTableEvaluationListener capture = event -> {
            List<DmnDecisionTableEvaluationEvent> events = EVENTS.get();
            if (events != null) {
                events.add(event);
            }
        };
        this.engine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
                .feelEngineFactory(CachingFeelEngine.FACTORY)
                .customPostDecisionTableEvaluationListeners(List.of(capture))
                .buildEngine();
    }

    /** Parses the decision {@code key} out of a DMN file, keeping its rows' annotations. */
    LoadedDecision parse(String key, String definitionId, InputStream dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(dmn);
        DmnDecision decision = engine.parseDecision(key, model);
        if (!decision.isDecisionTable()) {
            throw new IllegalStateException("Decision " + key + " in " + definitionId + " is not a decision table");
        }
        Map<String, String> annotations = new HashMap<>();
        for (Rule rule : model.getModelElementsByType(Rule.class)) {
            if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
                annotations.put(rule.getId(), rule.getDescription().getTextContent().strip());
            }
        }
        return new LoadedDecision(key, definitionId, decision, Map.copyOf(annotations), this);
    }

    List<Hit> evaluate(LoadedDecision loaded, Map<String, Object> variables) {
        List<DmnDecisionTableEvaluationEvent> events = new ArrayList<>();
        EVENTS.set(events);
        try {
            engine.evaluateDecisionTable(loaded.decision(), new EngineValues(variables));
        } finally {
            EVENTS.remove();
        }
        DmnDecisionTableEvaluationEvent event = events.stream()
                .filter(e -> e.getDecisionTable().getKey().equals(loaded.key()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("No evaluation of " + loaded.key() + " was observed"));
        List<Hit> hits = new ArrayList<>();
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
                outputs.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
            }
            hits.add(new Hit(rule.getId(), loaded.annotations().get(rule.getId()), outputs));
        }
        return hits;
    }

    /**
     * The inputs as the engine reads them, without a copy: the engine copies its context into a variable map of its
     * own anyway, and a claim's inputs go to three tables, so copying them first as well was a tenth of a quote.
     *
     * <p>Camunda 7's {@code date} type is {@link Date}; FEEL reads a {@code Date} as a local date-time in the JVM's
     * zone, so a calendar day becomes midnight of that day in the same zone and comparisons stay on calendar days.
     */
    private record EngineValues(Map<String, Object> variables) implements VariableContext {

        @Override
        public TypedValue resolve(String name) {
            Object value = variables.get(name);
            if (value == null && !variables.containsKey(name)) {
                return null;
            }
            return Variables.untypedValue(value instanceof LocalDate day
                    ? Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant())
                    : value);
        }

        @Override
        public boolean containsVariable(String name) {
            return variables.containsKey(name);
        }

        @Override
        public Set<String> keySet() {
            return variables.keySet();
        }
    }
}
