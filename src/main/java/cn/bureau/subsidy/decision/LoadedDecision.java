package cn.bureau.subsidy.decision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;

/**
 * A decision table parsed by the standalone DMN engine, with the annotations of its rows.
 *
 * @param definitionId the deployed decision definition's id, or the file it came from in a test
 */
record LoadedDecision(String key, String definitionId, DmnDecision decision, Map<String, String> annotations,
        DmnTables tables) {

    /** The rows that match these variables, in table order. */
    List<Hit> evaluate(Map<String, Object> variables) {
        return tables.evaluate(this, variables);
    }
}
