package cn.bureau.subsidy.decision;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

import cn.bureau.subsidy.common.ApiException;

/**
 * The deployed decisions with some replaced by changed DMN files, for a what-if: a key a file defines comes from the
 * file, every other key from the deployment. Nothing is deployed.
 */
final class ChangedDecisions implements DecisionSource {

    private final DecisionSource deployed;
    private final Map<String, LoadedDecision> changed = new HashMap<>();

    ChangedDecisions(DecisionSource deployed, Map<String, byte[]> dmnFiles, DmnTables tables) {
        this.deployed = deployed;
        dmnFiles.forEach((name, bytes) -> {
            DmnModelInstance model;
            try {
                model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
            } catch (RuntimeException e) {
                throw ApiException.invalid("files[" + name + "]", "INVALID_DMN",
                        "Not a DMN 1.3 file Camunda can read: " + e.getMessage());
            }
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                try {
                    changed.put(decision.getId(), tables.parse(decision.getId(), "what-if:" + name + "#"
                            + decision.getId(), new ByteArrayInputStream(bytes)));
                } catch (RuntimeException e) {
                    throw ApiException.invalid("files[" + name + "]", "INVALID_DMN",
                            "Decision " + decision.getId() + " cannot be evaluated: " + e.getMessage());
                }
            }
        });
    }

    @Override
    public LoadedDecision latest(String decisionKey) {
        LoadedDecision decision = changed.get(decisionKey);
        return decision != null ? decision : deployed.latest(decisionKey);
    }
}
