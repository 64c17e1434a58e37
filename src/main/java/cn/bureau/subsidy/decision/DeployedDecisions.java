package cn.bureau.subsidy.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;

/**
 * Reads the decisions the process owner deployed: the latest version of each key, parsed once per decision definition
 * id. A redeployment creates a new id, so the next quote uses the new table without a restart.
 *
 * <p>The published rules are public; reading them for a quote does not depend on the caller's Camunda authorizations,
 * so the look-up runs without the thread's engine authentication and restores it afterwards.
 */
final class DeployedDecisions implements DecisionSource {

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final DmnTables tables;
    /** The parsed latest version per decision key; replaced when the deployed definition id changes. */
    private final ConcurrentMap<String, LoadedDecision> latestByKey = new ConcurrentHashMap<>();

    DeployedDecisions(RepositoryService repositoryService, IdentityService identityService, DmnTables tables) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.tables = tables;
    }

    @Override
    public LoadedDecision latest(String decisionKey) {
        DecisionDefinition definition = withoutAuthentication(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult());
        if (definition == null) {
            throw new IllegalStateException("Decision " + decisionKey + " is not deployed (decisions/*.dmn)");
        }
        LoadedDecision cached = latestByKey.get(decisionKey);
        if (cached != null && cached.definitionId().equals(definition.getId())) {
            return cached;
        }
        LoadedDecision parsed = withoutAuthentication(() -> parse(decisionKey, definition.getId()));
        // A racing quote may store an older version last; the next look-up then sees another id and parses again.
        latestByKey.put(decisionKey, parsed);
        return parsed;
    }

    private LoadedDecision parse(String decisionKey, String definitionId) {
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            return tables.parse(decisionKey, definitionId, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model of " + definitionId, e);
        }
    }

    private <T> T withoutAuthentication(Supplier<T> read) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null) {
            return read.get();
        }
        identityService.clearAuthentication();
        try {
            return read.get();
        } finally {
            identityService.setAuthentication(caller);
        }
    }
}
