package cn.bureau.subsidy.modeling;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;
import cn.bureau.subsidy.common.ShenzhenTime;

/**
 * Moves running cases to a new version of their process with Camunda's migration API. A preview builds the plan
 * (every activity mapped to the one with the same id, plus the explicit mappings asked for), says which activities
 * of the old version the plan leaves unmapped, how many cases wait where, and which cases map cleanly; a migration
 * runs the plan as a batch over the cases asked for and refuses to strand one on an unmapped activity.
 */
@Service
public class Migrations {

    /**
     * What to migrate: the cases of {@code processKey} at {@code sourceVersion} (every older version with running
     * cases, for a preview) to {@code targetVersion} (default the latest), with explicit activity mappings for what
     * the new version renamed or replaced; only the listed cases when {@code processInstanceIds} is given; with
     * {@code onlyClean} the cases that need a missing mapping are left where they are instead of refusing.
     */
    public record Request(String processKey, Integer sourceVersion, Integer targetVersion,
            Map<String, String> mappings, List<String> processInstanceIds, Boolean onlyClean) {

        public Request {
            mappings = mappings == null ? Map.of() : Map.copyOf(mappings);
            processInstanceIds = processInstanceIds == null ? null : List.copyOf(processInstanceIds);
        }
    }

    /** One instruction of the plan: cases at {@code source} continue at {@code target}. */
    public record Instruction(String source, String target) {
    }

    /** How many cases wait at an activity of the old version, and where the plan sends them (null: nowhere). */
    public record Waiting(String activityId, String name, long cases, String mappedTo) {
    }

    /** A case the plan cannot move: the activities it waits at that have no mapping. */
    public record CaseToMap(String processInstanceId, String businessKey, List<String> unmappedActivities) {
    }

    /** The plan from one old version to the new one, and what it would do to the cases running on it. */
    public record Preview(String processKey, int sourceVersion, String sourceDefinitionId, int targetVersion,
            String targetDefinitionId, List<Instruction> instructions, List<String> planProblems,
            List<String> activitiesNeedingMapping, List<Waiting> waiting, long cases, long casesMappingCleanly,
            List<CaseToMap> casesNeedingMapping) {

        public boolean mapsEveryCase() {
            return planProblems.isEmpty() && casesNeedingMapping.isEmpty();
        }
    }

    /**
     * Where a migration stands: {@code RUNNING} while the batch has work, {@code FAILING} when a batch job failed
     * ({@code failures} say why), {@code COMPLETED} when the batch is done.
     */
    public record Report(String id, String processKey, int sourceVersion, int targetVersion,
            Map<String, String> mappings, String batchId, String status, int cases, int migrated, int ended,
            int stillOnSource, List<String> failures, String startedBy, OffsetDateTime startedAt) {
    }

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final ManagementService managementService;
    private final ModelMigrationRepository migrations;

    Migrations(RuntimeService runtimeService, RepositoryService repositoryService,
            ManagementService managementService, ModelMigrationRepository migrations) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.migrations = migrations;
    }

    /** The plan from the asked version, or from every older version that still has running cases. */
    @Transactional(readOnly = true)
    public List<Preview> preview(Request request) {
        ProcessDefinition target = target(request);
        List<ProcessDefinition> sources = request.sourceVersion() != null
                ? List.of(definition(request.processKey(), request.sourceVersion()))
                : repositoryService.createProcessDefinitionQuery().processDefinitionKey(request.processKey())
                        .orderByProcessDefinitionVersion().asc().list().stream()
                        .filter(d -> d.getVersion() < target.getVersion())
                        .filter(d -> runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId())
                                .count() > 0)
                        .toList();
        return sources.stream().map(source -> preview(source, target, request.mappings())).toList();
    }

    Preview preview(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings) {
        Planned planned = plan(source, target, mappings);
        Map<String, String> mappedTo = new LinkedHashMap<>();
        planned.instructions().forEach(i -> mappedTo.put(i.source(), i.target()));
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(source.getId());

        List<String> needingMapping = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (canHoldACase(node) && !mappedTo.containsKey(node.getId())) {
                needingMapping.add(node.getId());
            }
        }
        List<Waiting> waiting = new ArrayList<>();
        Map<String, List<String>> unmappedByCase = new TreeMap<>();
        for (ActivityStatistics statistics : managementService.createActivityStatisticsQuery(source.getId()).list()) {
            String activity = statistics.getId();
            FlowNode node = model.getModelElementById(activity);
            waiting.add(new Waiting(activity, node == null ? null : node.getName(), statistics.getInstances(),
                    mappedTo.get(activity)));
            if (!mappedTo.containsKey(activity)) {
                for (Execution execution : runtimeService.createExecutionQuery().processDefinitionId(source.getId())
                        .activityId(activity).list()) {
                    unmappedByCase.computeIfAbsent(execution.getProcessInstanceId(), id -> new ArrayList<>())
                            .add(activity);
                }
            }
        }
        waiting.sort((a, b) -> a.activityId().compareTo(b.activityId()));
        Map<String, String> businessKeys = businessKeys(unmappedByCase.keySet());
        List<CaseToMap> casesNeedingMapping = unmappedByCase.entrySet().stream()
                .map(e -> new CaseToMap(e.getKey(), businessKeys.get(e.getKey()), List.copyOf(e.getValue())))
                .toList();
        long cases = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        return new Preview(source.getKey(), source.getVersion(), source.getId(), target.getVersion(), target.getId(),
                planned.instructions(), planned.problems(), needingMapping, waiting, cases,
                cases - casesNeedingMapping.size(), casesNeedingMapping);
    }

    /** Starts the batch; the cases move when its jobs run. */
    @Transactional
    public Report start(Request request, String user) {
        if (request.sourceVersion() == null) {
            throw ApiException.invalid("sourceVersion", "REQUIRED", "Migrate one version at a time: name it");
        }
        ProcessDefinition source = definition(request.processKey(), request.sourceVersion());
        ProcessDefinition target = target(request);
        if (source.getId().equals(target.getId())) {
            throw ApiException.invalid("targetVersion", "SAME_VERSION", "The cases already run on that version");
        }
        Planned planned = plan(source, target, request.mappings());
        if (planned.plan() == null) {
            throw ApiException.invalid(planned.problems().stream()
                    .map(problem -> new FieldProblem("mappings", "INVALID_MAPPING", problem)).toList());
        }
        Set<String> onSource = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toCollection(LinkedHashSet::new));
        if (request.processInstanceIds() != null) {
            List<FieldProblem> problems = new ArrayList<>();
            for (String id : request.processInstanceIds()) {
                if (!onSource.contains(id)) {
                    problems.add(new FieldProblem("processInstanceIds", "NOT_ON_SOURCE_VERSION",
                            "Case " + id + " does not run on version " + source.getVersion()));
                }
            }
            if (!problems.isEmpty()) {
                throw ApiException.invalid(problems);
            }
        }
        Set<String> selected = new LinkedHashSet<>(request.processInstanceIds() != null
                ? request.processInstanceIds() : onSource);
        Preview preview = preview(source, target, request.mappings());
        List<CaseToMap> stranded = preview.casesNeedingMapping().stream()
                .filter(c -> c.processInstanceId() != null)
                .filter(c -> request.processInstanceIds() == null
                        || request.processInstanceIds().contains(c.processInstanceId()))
                .toList();
        if (!stranded.isEmpty() && !Boolean.TRUE.equals(request.onlyClean())) {
            Map<String, Long> byActivity = stranded.stream().flatMap(c -> c.unmappedActivities().stream())
                    .collect(Collectors.groupingBy(a -> a, TreeMap::new, Collectors.counting()));
            throw new ApiException(HttpStatus.CONFLICT, "UNMAPPED_ACTIVITIES", stranded.size()
                    + " cases wait at activities the plan does not map; map them explicitly, or ask for onlyClean"
                    + " to leave those cases on version " + source.getVersion(), byActivity.entrySet().stream()
                            .map(e -> new FieldProblem("mappings." + e.getKey(), "UNMAPPED_ACTIVITY", e.getValue()
                                    + " cases wait here; the new version has no activity " + e.getKey()))
                            .toList());
        }
        stranded.forEach(c -> selected.remove(c.processInstanceId()));
        if (selected.isEmpty()) {
            throw ApiException.conflict("NOTHING_TO_MIGRATE", "No case of version " + source.getVersion()
                    + " can move with this plan");
        }
        ModelMigration migration = migrations.save(new ModelMigration(source.getKey(), source.getId(),
                target.getId(), mappingsText(request.mappings()), selected, user, ShenzhenTime.now()));
        Batch batch = runtimeService.newMigration(planned.plan()).processInstanceIds(List.copyOf(selected))
                .executeAsync();
        migration.runAs(batch.getId());
        return report(migration);
    }

    @Transactional(readOnly = true)
    public Report report(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ApiException.notFound("Migration", id);
        }
        return report(migrations.findById(uuid).orElseThrow(() -> ApiException.notFound("Migration", id)));
    }

    private Report report(ModelMigration migration) {
        Set<String> ids = migration.getProcessInstanceIds();
        Map<String, String> definitionOf = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()
                    .forEach(instance -> definitionOf.put(instance.getId(), instance.getProcessDefinitionId()));
        }
        int migrated = (int) definitionOf.values().stream().filter(migration.getTargetDefinitionId()::equals).count();
        int onSource = (int) definitionOf.values().stream().filter(migration.getSourceDefinitionId()::equals).count();
        int ended = ids.size() - definitionOf.size();
        Batch batch = migration.getBatchId() == null ? null
                : managementService.createBatchQuery().batchId(migration.getBatchId()).singleResult();
        List<String> failures = new ArrayList<>();
        if (batch != null) {
            for (Job job : managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                    .withException().list()) {
                failures.add(job.getExceptionMessage());
            }
        }
        String status = batch == null ? "COMPLETED" : failures.isEmpty() ? "RUNNING" : "FAILING";
        ProcessDefinition source = repositoryService.getProcessDefinition(migration.getSourceDefinitionId());
        ProcessDefinition target = repositoryService.getProcessDefinition(migration.getTargetDefinitionId());
        return new Report(migration.getId().toString(), migration.getProcessKey(), source.getVersion(),
                target.getVersion(), mappingsOf(migration.getMappings()), migration.getBatchId(), status, ids.size(),
                migrated, ended, onSource, failures, migration.getStartedBy(),
                ShenzhenTime.at(migration.getStartedAt()));
    }

    // ------------------------------------------------------------------------------------------------- plan

    private record Planned(MigrationPlan plan, List<Instruction> instructions, List<String> problems) {
    }

    /**
     * Equal ids map to each other, except where an explicit mapping says otherwise; Camunda validates the result.
     */
    private Planned plan(ProcessDefinition source, ProcessDefinition target, Map<String, String> mappings) {
        List<String> problems = new ArrayList<>();
        List<MigrationInstruction> equal = List.of();
        try {
            equal = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build()
                    .getInstructions();
        } catch (MigrationPlanValidationException e) {
            problems.addAll(describe(e));
        }
        MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
        List<Instruction> asked = new ArrayList<>();
        for (MigrationInstruction instruction : equal) {
            if (!mappings.containsKey(instruction.getSourceActivityId())) {
                var mapped = builder.mapActivities(instruction.getSourceActivityId(), instruction.getTargetActivityId());
                if (instruction.isUpdateEventTrigger()) {
                    mapped.updateEventTrigger();
                }
                asked.add(new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId()));
            }
        }
        mappings.forEach((from, to) -> {
            builder.mapActivities(from, to);
            asked.add(new Instruction(from, to));
        });
        try {
            MigrationPlan plan = builder.build();
            if (!problems.isEmpty()) {
                return new Planned(null, asked, problems);
            }
            return new Planned(plan, plan.getInstructions().stream()
                    .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId())).toList(), problems);
        } catch (MigrationPlanValidationException e) {
            problems.addAll(describe(e));
            return new Planned(null, asked, problems);
        }
    }

    private static List<String> describe(MigrationPlanValidationException e) {
        List<String> problems = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            MigrationInstruction instruction = report.getMigrationInstruction();
            problems.add(instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId() + ": "
                    + String.join("; ", report.getFailures()));
        }
        if (problems.isEmpty()) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    /**
     * Where a case can wait, or what it carries while waiting: a timer job or an event subscription of a boundary
     * event or an event subprocess. Error, escalation and compensation events hold nothing while a case waits.
     */
    private static boolean canHoldACase(FlowNode node) {
        if (node instanceof UserTask || node instanceof ReceiveTask || node instanceof IntermediateCatchEvent
                || node instanceof EventBasedGateway || node instanceof SubProcess || node instanceof CallActivity) {
            return true;
        }
        if (node instanceof BoundaryEvent boundary) {
            return holdsState(boundary.getEventDefinitions());
        }
        if (node instanceof StartEvent start && node.getParentElement() instanceof SubProcess subProcess
                && subProcess.triggeredByEvent()) {
            return holdsState(start.getEventDefinitions());
        }
        return node instanceof Activity activity && (activity.isCamundaAsyncBefore() || activity.isCamundaAsyncAfter());
    }

    private static boolean holdsState(Collection<EventDefinition> definitions) {
        return definitions.stream().anyMatch(d -> d instanceof TimerEventDefinition
                || d instanceof MessageEventDefinition || d instanceof SignalEventDefinition
                || d instanceof ConditionalEventDefinition);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private ProcessDefinition target(Request request) {
        if (request.processKey() == null || request.processKey().isBlank()) {
            throw ApiException.invalid("processKey", "REQUIRED", "The process key, e.g. SubsidyCase");
        }
        if (request.targetVersion() != null) {
            return definition(request.processKey(), request.targetVersion());
        }
        ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(request.processKey()).latestVersion().singleResult();
        if (latest == null) {
            throw ApiException.notFound("Process", request.processKey());
        }
        return latest;
    }

    private ProcessDefinition definition(String key, int version) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw ApiException.notFound("Process version", key + ":" + version);
        }
        return definition;
    }

    private Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (!processInstanceIds.isEmpty()) {
            runtimeService.createProcessInstanceQuery().processInstanceIds(Set.copyOf(processInstanceIds)).list()
                    .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
        }
        return keys;
    }

    private static String mappingsText(Map<String, String> mappings) {
        return new TreeMap<>(mappings).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> mappingsOf(String text) {
        Map<String, String> mappings = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String line : text.split("\n")) {
                int equals = line.indexOf('=');
                mappings.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return mappings;
    }
}
