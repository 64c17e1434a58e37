package cn.bureau.subsidy.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;

import cn.bureau.subsidy.identity.EngineCaller;

/**
 * Reads the decisions the process owner deployed: the latest version of each key, parsed once per decision definition
 * id. A redeployment creates a new id, so the next quote uses the new table without a restart.
 *
 * <p>Which version is the latest is remembered rather than asked at every quote: a quote reads five tables, and five
 * queries would make a quote cost a hundred times the evaluation. A deployment on this node makes the next quote ask
 * again; a deployment on another node is seen within {@link #RECHECK_NANOS}.
 *
 * <p>The published rules are public; reading them for a quote does not depend on the caller's Camunda authorizations,
 * so the look-up runs without the thread's engine authentication and restores it afterwards.
 */
final class DeployedDecisions implements DecisionSource {

    private final RepositoryService repositoryService;
    private final EngineCaller engine;
    private final DmnTables tables;
    private final DecisionDeployments deployments;
    /** The parsed latest version per decision key, and when it was known to be the latest. */
    private final ConcurrentMap<String, Latest> latestByKey = new ConcurrentHashMap<>();

    static final long RECHECK_NANOS = 1_000_000_000L;

    private record Latest(LoadedDecision decision, long generation, long checkedAt) {
    }

    DeployedDecisions(RepositoryService repositoryService, EngineCaller engine, DmnTables tables,
            DecisionDeployments deployments) {
        this.repositoryService = repositoryService;
        this.engine = engine;
        this.tables = tables;
        this.deployments = deployments;
    }

    @Override
    public LoadedDecision latest(String decisionKey) {
        long generation = deployments.generation();
        long now = System.nanoTime();
        Latest known = latestByKey.get(decisionKey);
        if (known != null && known.generation() == generation && now - known.checkedAt() < RECHECK_NANOS) {
            return known.decision();
        }
        DecisionDefinition definition = engine.asApplication(() -> repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey)
                .latestVersion()
                .singleResult());
        if (definition == null) {
            throw new IllegalStateException("Decision " + decisionKey + " is not deployed (decisions/*.dmn)");
        }
        LoadedDecision decision = known != null && known.decision().definitionId().equals(definition.getId())
                ? known.decision()
                : engine.asApplication(() -> parse(decisionKey, definition.getId()));
        // A racing quote may store an older version last; it is asked again within RECHECK_NANOS.
        latestByKey.put(decisionKey, new Latest(decision, generation, now));
        return decision;
    }

    private LoadedDecision parse(String decisionKey, String definitionId) {
        try (InputStream model = repositoryService.getDecisionModel(definitionId)) {
            return tables.parse(decisionKey, definitionId, model);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model of " + definitionId, e);
        }
    }
}
