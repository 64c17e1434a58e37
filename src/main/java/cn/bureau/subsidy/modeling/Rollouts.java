package cn.bureau.subsidy.modeling;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.ShenzhenTime;

/**
 * Rolls the process owner's folders out: checks them, deploys them as one deployment whose source is the owner's
 * message (Cockpit shows it), and reports what changed, which versions still run cases and what a migration of
 * those cases would need. Running cases stay on their version until they are migrated ({@link Migrations}).
 */
@Service
public class Rollouts {

    /** A definition the rollout created. */
    public record Deployed(String kind, String key, int version, String definitionId, String resource) {
    }

    /** A version of a process and the cases that run on it. */
    public record RunningVersion(String processKey, int version, String definitionId, long cases, boolean latest) {
    }

    /**
     * What a rollout did. {@code changed} is false when the folders equal the latest deployment, which then stays.
     *
     * @param migrations for each older version with running cases, the plan to the new version with mapped equal
     *                   ids: what it maps, what it does not, which cases would need an explicit mapping
     */
    public record Report(boolean changed, String deploymentId, String source, OffsetDateTime deployedAt,
            List<Finding> findings, List<Deployed> definitions, List<RunningVersion> running,
            List<Migrations.Preview> migrations) {
    }

    /** A deployment of the models, newest first in a listing. */
    public record DeploymentView(String id, String name, String source, OffsetDateTime deployedAt,
            Map<String, Integer> processVersions) {
    }

    private final ModelDeployer deployer;
    private final ModelChecks checks;
    private final ModelContext context;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final Migrations migrations;

    Rollouts(ModelDeployer deployer, ModelChecks checks, ModelContext context, RepositoryService repositoryService,
            RuntimeService runtimeService, Migrations migrations) {
        this.deployer = deployer;
        this.checks = checks;
        this.context = context;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.migrations = migrations;
    }

    /** The checks on the folders as they are. */
    public List<Finding> check() {
        return check(Map.of());
    }

    /** The checks on the folders with these files (folder-relative names) in place of theirs. */
    public List<Finding> check(Map<String, byte[]> changed) {
        Map<String, byte[]> models = new TreeMap<>(ModelDeployer.readModels(deployer.directory()));
        models.putAll(changed);
        return checks.check(models, context.current());
    }

    /** Checks and deploys the folders; refuses (422) when a check finds an error. */
    public Report rollout(String message, String user) {
        return rollout(ModelDeployer.readModels(deployer.directory()), message, user);
    }

    Report rollout(Map<String, byte[]> models, String message, String user) {
        if (message == null || message.isBlank()) {
            throw ApiException.invalid("message", "REQUIRED", "Say what changed and why; Cockpit shows it");
        }
        List<Finding> findings = checks.check(models, context.current());
        List<Finding> errors = ModelChecks.errors(findings);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "MODEL_CHECKS_FAILED", errors.size()
                    + " model checks failed; nothing was deployed", errors.stream()
                            .map(f -> new FieldProblem(f.file() + "#" + f.element(), f.rule(),
                                    f.message() + " Fix: " + f.fix()))
                            .toList());
        }
        String source = message.strip() + " (" + user + ")";
        String deploymentId = deployer.deploy(models, source);
        if (deploymentId == null) {
            return new Report(false, null, null, null, findings, List.of(), running(processKeys(models)),
                    List.of());
        }
        Deployment deployment = repositoryService.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        List<Deployed> definitions = new ArrayList<>();
        List<String> processKeys = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
                .deploymentId(deploymentId).orderByProcessDefinitionKey().asc().list()) {
            definitions.add(new Deployed("process", definition.getKey(), definition.getVersion(), definition.getId(),
                    definition.getResourceName()));
            processKeys.add(definition.getKey());
        }
        repositoryService.createDecisionDefinitionQuery().deploymentId(deploymentId)
                .orderByDecisionDefinitionKey().asc().list()
                .forEach(definition -> definitions.add(new Deployed("decision", definition.getKey(),
                        definition.getVersion(), definition.getId(), definition.getResourceName())));
        List<Migrations.Preview> previews = new ArrayList<>();
        for (String key : processKeys) {
            previews.addAll(migrations.preview(new Migrations.Request(key, null, null, Map.of(), null, null)));
        }
        return new Report(true, deploymentId, deployment.getSource(),
                ShenzhenTime.at(deployment.getDeploymentTime().toInstant()), findings, definitions,
                running(processKeys), previews);
    }

    /** The deployments of the models, newest first, with the message each was rolled out with. */
    public List<DeploymentView> deployments() {
        List<DeploymentView> views = new ArrayList<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery()
                .deploymentName(ModelDeployer.DEPLOYMENT_NAME).list()) {
            Map<String, Integer> versions = new TreeMap<>();
            repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).list()
                    .forEach(definition -> versions.put(definition.getKey(), definition.getVersion()));
            views.add(new DeploymentView(deployment.getId(), deployment.getName(), deployment.getSource(),
                    ShenzhenTime.at(deployment.getDeploymentTime().toInstant()), versions));
        }
        views.sort(Comparator.comparing((DeploymentView v) -> v.processVersions().values().stream()
                .max(Integer::compare).orElse(0)).reversed());
        return views;
    }

    private List<String> processKeys(Map<String, byte[]> models) {
        List<String> keys = new ArrayList<>();
        models.keySet().stream().filter(name -> name.endsWith(".bpmn")).forEach(name -> repositoryService
                .createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(definition -> name.equals(definition.getResourceName()))
                .forEach(definition -> keys.add(definition.getKey())));
        return keys;
    }

    private List<RunningVersion> running(List<String> processKeys) {
        List<RunningVersion> running = new ArrayList<>();
        for (String key : processKeys) {
            Map<Integer, ProcessDefinition> versions = new LinkedHashMap<>();
            repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                    .orderByProcessDefinitionVersion().asc().list()
                    .forEach(definition -> versions.put(definition.getVersion(), definition));
            int latest = versions.keySet().stream().max(Integer::compare).orElse(0);
            versions.forEach((version, definition) -> {
                long cases = runtimeService.createProcessInstanceQuery().processDefinitionId(definition.getId())
                        .count();
                if (cases > 0 || version == latest) {
                    running.add(new RunningVersion(key, version, definition.getId(), cases, version == latest));
                }
            });
        }
        return running;
    }
}
