package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.ApplicationForm;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.program.ProgramRequest;
import cn.bureau.subsidy.scenario.Fixtures;
import cn.bureau.subsidy.scenario.Scenario;

/**
 * A real change rolled out while cases wait at every stage: a new version of the case diagram inserts a legal review
 * (法务审查) after the special audit and renames the qualification review task. The rollout leaves every case on
 * its version; the migration plan maps equal ids, names the renamed task as needing an explicit mapping, refuses to
 * strand the case waiting there, and with the mapping moves all twelve cases as a batch; then every case runs to its
 * end on the new version, and only those that had not passed the audit meet the legal review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationTest {

    private static final String RENAMED = "UserTask_QualificationFindingsReview";
    private static final String LEGAL_REVIEW = "UserTask_LegalReview";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    ApplicantActions applicant;
    @Autowired
    CaseStages cases;
    @Autowired
    ModelDeployer deployer;
    @Autowired
    Rollouts rollouts;
    @Autowired
    TestRestTemplate rest;

    /** Case process instance id to the activity it waits at before the migration. */
    private final Map<String, String> waitingAt = new LinkedHashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();

    @BeforeEach
    void theShippedModelsAreTheLatest() {
        ClockUtil.reset();
        deployer.deploy();
    }

    @AfterEach
    void putTheShippedModelsBack() {
        ClockUtil.reset();
        deployer.deploy();
    }

    @Test
    void casesWaitingAtEveryStageMoveToANewVersionWithALegalReviewAndFinish() throws Exception {
        int sourceVersion = latestCaseVersion();

        // Program X: three cases past the funding plan, waiting for documents, authorisation and a bank account.
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minus(Duration.ofDays(10))));
        Program x = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        Application documents = file(x, Fixtures.application());
        Application authorisation = file(x, Fixtures.applicationPayingTo("6222029999999999"));
        Application bankAccount = file(x, Fixtures.applicationPayingTo(Fixtures.REFUSED_ACCOUNT));
        for (Application application : List.of(documents, authorisation, bankAccount)) {
            drive(application, () -> awaitingPlan(application));
        }
        Scenario plan = defaults(new Scenario(engine)).track(x.getProcessInstanceId());
        plan.runUntil(() -> ended(x.getProcessInstanceId()));
        settle(documents, "UserTask_SubmitDisbursementDocuments", () -> true);
        settle(authorisation, "UserTask_AuthoriseDisbursement",
                () -> waitsAtTask(authorisation, "UserTask_AuthoriseDisbursement"));
        settle(bankAccount, "UserTask_CorrectBankAccount", () -> waitsAtTask(bankAccount, "UserTask_CorrectBankAccount"));

        // Program Y, filing open now: nine cases at every stage before the plan, two of them returned for correction.
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Program y = publisher.publish(programAround(now), Fixtures.MANAGER);
        settle(file(y, Fixtures.application()), "UserTask_InitialReview", () -> true);
        Application returned = file(y, Fixtures.application());
        settle(returned, "UserTask_CorrectFiling", () -> waitsAtTask(returned, "UserTask_CorrectFiling"),
                Map.of("UserTask_InitialReview", task -> complete("reviewer", task,
                        Map.of("decision", "RETURN", "reason", "The licence scan is unreadable"))));
        Application materials = file(y, Fixtures.application());
        settle(materials, "UserTask_SubmitMaterials", () -> waitsAtTask(materials, "UserTask_SubmitMaterials"));
        Application formal = file(y, Fixtures.application());
        settle(formal, "UserTask_FormalReview", () -> waitsAtTask(formal, "UserTask_FormalReview"));
        Application supplement = file(y, Fixtures.application());
        settle(supplement, "UserTask_CorrectMaterials", () -> waitsAtTask(supplement, "UserTask_CorrectMaterials"),
                Map.of("UserTask_FormalReview", task -> complete("reviewer", task,
                        Map.of("decision", "RETURN", "reason", "Page 3 of the loan contract is missing"))));
        Application audit = file(y, Fixtures.application());
        settle(audit, "UserTask_SpecialAudit", () -> waitsAtTask(audit, "UserTask_SpecialAudit"));
        Application checks = file(y, Fixtures.application());
        settle(checks, "ServiceTask_QualificationChecks", () -> managementService.createJobQuery()
                .processInstanceId(checks.getProcessInstanceId()).activityId("ServiceTask_QualificationChecks")
                .count() > 0);
        ObjectNode arrears = Fixtures.applicationJson();
        arrears.with("declarations").put("fiscalArrears", true);
        Application findings = file(y, Fixtures.form(arrears));
        settle(findings, "UserTask_QualificationReview",
                () -> waitsAtTask(findings, "UserTask_QualificationReview"));
        Application waiting = file(y, Fixtures.application());
        settle(waiting, "Gateway_AwaitPlan", () -> awaitingPlan(waiting));
        assertThat(waitingAt).hasSize(12);
        waitingAt.forEach((instance, activity) -> assertThat(activeActivities(instance)).as(activity)
                .contains(activity));

        // Roll out the new version: checked, deployed with its message, every running case left where it is.
        Rollouts.Report rollout = rollouts.rollout(withLegalReview(), "Insert a legal review after the audit",
                "manager");

        assertThat(rollout.changed()).isTrue();
        assertThat(ModelChecks.errors(rollout.findings())).isEmpty();
        assertThat(repositoryService.createDeploymentQuery().deploymentId(rollout.deploymentId()).singleResult()
                .getSource()).isEqualTo("Insert a legal review after the audit (manager)");
        assertThat(rollout.definitions()).anySatisfy(d -> {
            assertThat(d.key()).isEqualTo("SubsidyCase");
            assertThat(d.version()).isEqualTo(sourceVersion + 1);
        });
        assertThat(rollout.running()).anySatisfy(r -> {
            assertThat(r.processKey()).isEqualTo("SubsidyCase");
            assertThat(r.version()).isEqualTo(sourceVersion);
            assertThat(r.cases()).isGreaterThanOrEqualTo(12);
        });
        String sourceId = definitionId(sourceVersion);
        waitingAt.keySet().forEach(instance -> assertThat(definitionOf(instance)).isEqualTo(sourceId));

        // The plan: equal ids map, the renamed task needs an explicit mapping, the case waiting there is named.
        JsonNode preview = post("/api/models/migrations/plan", Map.of("processKey", "SubsidyCase",
                "sourceVersion", sourceVersion)).getBody().get(0);
        assertThat(preview.path("targetVersion").asInt()).isEqualTo(sourceVersion + 1);
        assertThat(texts(preview.path("activitiesNeedingMapping"))).containsExactly("UserTask_QualificationReview");
        assertThat(texts(preview.path("casesNeedingMapping"), "processInstanceId"))
                .contains(findings.getProcessInstanceId())
                .doesNotContain(waiting.getProcessInstanceId(), checks.getProcessInstanceId());
        assertThat(preview.path("instructions")).anySatisfy(i -> {
            assertThat(i.path("source").asText()).isEqualTo("ServiceTask_QualificationChecks");
            assertThat(i.path("target").asText()).isEqualTo("ServiceTask_QualificationChecks");
        });
        assertThat(preview.path("waiting")).anySatisfy(w -> {
            assertThat(w.path("activityId").asText()).isEqualTo("UserTask_QualificationReview");
            assertThat(w.path("cases").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(w.has("mappedTo")).isFalse();
        });

        List<String> ours = List.copyOf(waitingAt.keySet());
        ResponseEntity<JsonNode> refused = post("/api/models/migrations", Map.of("processKey", "SubsidyCase",
                "sourceVersion", sourceVersion, "processInstanceIds", ours));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().path("code").asText()).isEqualTo("UNMAPPED_ACTIVITIES");
        assertThat(refused.getBody().at("/errors/0/field").asText())
                .isEqualTo("mappings.UserTask_QualificationReview");

        // With the mapping: one batch for the twelve cases, run, reported.
        ResponseEntity<JsonNode> started = post("/api/models/migrations", Map.of("processKey", "SubsidyCase",
                "sourceVersion", sourceVersion, "processInstanceIds", ours,
                "mappings", Map.of("UserTask_QualificationReview", RENAMED)));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode run = started.getBody();
        assertThat(run.path("status").asText()).isEqualTo("RUNNING");
        assertThat(run.path("cases").asInt()).isEqualTo(12);
        runBatch(run.path("batchId").asText());

        JsonNode report = rest.withBasicAuth("manager", "demo")
                .getForEntity("/api/models/migrations/" + run.path("id").asText(), JsonNode.class).getBody();
        assertThat(report.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("migrated").asInt()).isEqualTo(12);
        assertThat(report.path("stillOnSource").asInt()).isZero();
        assertThat(report.path("mappings").path("UserTask_QualificationReview").asText()).isEqualTo(RENAMED);
        String targetId = definitionId(sourceVersion + 1);
        waitingAt.forEach((instance, activity) -> {
            assertThat(definitionOf(instance)).isEqualTo(targetId);
            assertThat(activeActivities(instance)).contains(
                    activity.equals("UserTask_QualificationReview") ? RENAMED : activity);
        });

        // Every case runs to its end on the new version.
        Scenario finish = defaults(new Scenario(engine)).track(y.getProcessInstanceId());
        ours.forEach(finish::track);
        finish.runUntil(() -> ours.stream().allMatch(this::ended) && ended(y.getProcessInstanceId()));

        for (Application application : applications.values()) {
            String instance = application.getProcessInstanceId();
            String before = waitingAt.get(instance);
            boolean beforeAudit = List.of("UserTask_InitialReview", "UserTask_CorrectFiling",
                    "UserTask_SubmitMaterials", "UserTask_FormalReview", "UserTask_CorrectMaterials",
                    "UserTask_SpecialAudit").contains(before);
            assertThat(passed(instance, LEGAL_REVIEW)).as("%s met the legal review", before).isEqualTo(beforeAudit);
            assertThat(cases.find(application.getId().toString()).getOutcome()).as(before)
                    .isEqualTo(application == findings ? "NOT_FUNDED" : "PAID");
        }
        assertThat(passed(findings.getProcessInstanceId(), RENAMED)).isTrue();
    }

    // --------------------------------------------------------------------------------------------- the change

    /** The shipped folders, with the case diagram changed as a process owner would in Modeler, and its new form. */
    private Map<String, byte[]> withLegalReview() {
        Map<String, byte[]> models = new TreeMap<>(ModelDeployer.readModels(java.nio.file.Path.of(".")));
        String xml = new String(models.get("processes/case.bpmn"), StandardCharsets.UTF_8)
                .replace("UserTask_QualificationReview", RENAMED);
        BpmnModelInstance model = Bpmn.readModelFromStream(
                new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Process process = model.getModelElementById("SubsidyCase");
        SequenceFlow accepted = model.getModelElementById("Flow_AuditAccepted");
        ServiceTask checks = model.getModelElementById("ServiceTask_QualificationChecks");

        UserTask legal = model.newInstance(UserTask.class);
        legal.setId(LEGAL_REVIEW);
        legal.setName("Legal review (法务审查)");
        legal.setCamundaCandidateGroups("auditors");
        legal.setCamundaDueDate("${deadlines.due(programCode, 'SPECIAL_AUDIT')}");
        legal.setCamundaFormRef("legal-review");
        legal.setCamundaFormRefBinding("deployment");
        ExtensionElements extensions = model.newInstance(ExtensionElements.class);
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        CamundaProperty stage = model.newInstance(CamundaProperty.class);
        stage.setCamundaName("stage");
        stage.setCamundaValue("LEGAL_REVIEW");
        properties.getCamundaProperties().add(stage);
        extensions.addChildElement(properties);
        legal.setExtensionElements(extensions);
        process.addChildElement(legal);

        SequenceFlow reviewed = model.newInstance(SequenceFlow.class);
        reviewed.setId("Flow_LegalReviewed");
        process.addChildElement(reviewed);
        reviewed.setSource(legal);
        reviewed.setTarget(checks);
        checks.getIncoming().remove(accepted);
        accepted.setTarget(legal);
        legal.getIncoming().add(accepted);
        legal.getOutgoing().add(reviewed);
        checks.getIncoming().add(reviewed);

        models.put("processes/case.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8));
        models.put("forms/legal-review.form", """
                {
                  "components": [
                    { "type": "text", "id": "Text_title", "text": "### 法务审查 Legal review" },
                    { "type": "textarea", "id": "Field_note", "key": "note", "label": "审查意见 Legal opinion",
                      "validate": { "required": true } }
                  ],
                  "type": "default",
                  "id": "legal-review",
                  "executionPlatform": "Camunda Platform",
                  "executionPlatformVersion": "7.24.0",
                  "schemaVersion": 16
                }
                """.getBytes(StandardCharsets.UTF_8));
        return models;
    }

    // --------------------------------------------------------------------------------------------- driving

    private Application file(Program program, ApplicationForm form) {
        Application filed = filing.file(program.getCode(), form, Fixtures.APPLICANT, null);
        applications.put(filed.getProcessInstanceId(), filed);
        return filed;
    }

    private void drive(Application application, BooleanSupplier done) {
        defaults(new Scenario(engine)).track(application.getProcessInstanceId()).runUntil(done);
    }

    private void settle(Application application, String activity, BooleanSupplier done) {
        settle(application, activity, done, Map.of());
    }

    /** Drives one case with the default actions (some overridden) until {@code done}, and notes where it waits. */
    private void settle(Application application, String activity, BooleanSupplier done,
            Map<String, java.util.function.Consumer<Task>> overrides) {
        Scenario scenario = defaults(new Scenario(engine)).track(application.getProcessInstanceId());
        overrides.forEach(scenario::on);
        scenario.idle(activity);
        scenario.runUntil(done);
        waitingAt.put(application.getProcessInstanceId(), activity);
    }

    private Scenario defaults(Scenario scenario) {
        for (var entry : Map.of("UserTask_InitialReview", "reviewer", "UserTask_FormalReview", "reviewer",
                "UserTask_SpecialAudit", "auditor", "UserTask_QualificationReview", "auditor", RENAMED, "auditor",
                "UserTask_AuthoriseDisbursement", "approver2", "UserTask_DraftPlan", "manager",
                "UserTask_ApprovePlan", "approver", "UserTask_IssuePlan", "approver").entrySet()) {
            scenario.on(entry.getKey(), task -> complete(entry.getValue(), task, Map.of("decision", "ACCEPT")));
        }
        scenario.on(LEGAL_REVIEW, task -> complete("auditor", task, Map.of("note", "No legal objection")));
        scenario.on("UserTask_SubmitMaterials", task -> {
            applicant.upload(caseIdOf(task), Fixtures.APPLICANT, "APPLICATION_FORM", "application.pdf",
                    Fixtures.pdf());
            applicant.submitMaterials(caseIdOf(task), Fixtures.APPLICANT);
        });
        for (String correction : List.of("UserTask_CorrectFiling", "UserTask_CorrectMaterials",
                "UserTask_CorrectForAudit", "UserTask_CorrectForQualification")) {
            scenario.on(correction, task -> applicant.answerCorrection(caseIdOf(task), Fixtures.APPLICANT,
                    "Corrected"));
        }
        scenario.on("UserTask_SubmitDisbursementDocuments", task -> applicant.submitDisbursementDocuments(
                caseIdOf(task), Fixtures.APPLICANT, "receipt.pdf", Fixtures.pdf()));
        scenario.on("UserTask_CorrectBankAccount", task -> applicant.correctBankAccount(caseIdOf(task),
                Fixtures.APPLICANT, "Bank of China", "Shenzhen Example Co., Ltd.", "6222021234567891"));
        return scenario;
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        new Scenario(engine).complete(user, task, variables);
    }

    private String caseIdOf(Task task) {
        return (String) runtimeService.getVariable(task.getProcessInstanceId(), "applicationId");
    }

    private static ProgramRequest programAround(Instant now) {
        return new ProgramRequest(Fixtures.programCode(), "A program whose filing is open now", 2025,
                OffsetDateTime.ofInstant(now.minus(Duration.ofHours(1)), java.time.ZoneOffset.ofHours(8)),
                OffsetDateTime.ofInstant(now.plus(Duration.ofDays(14)), java.time.ZoneOffset.ofHours(8)),
                OffsetDateTime.ofInstant(now.plus(Duration.ofDays(21)), java.time.ZoneOffset.ofHours(8)),
                BigDecimal.valueOf(5000), Map.of("USD", new BigDecimal("7.0288")),
                Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5")));
    }

    private void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        assertThat(batch).isNotNull();
        for (int round = 0; round < 50 && managementService.createBatchQuery().batchId(batchId).count() > 0; round++) {
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
                    managementService.executeJob(job.getId());
                }
            }
        }
        assertThat(managementService.createBatchQuery().batchId(batchId).count()).as("batch done").isZero();
    }

    // --------------------------------------------------------------------------------------------- looking

    private boolean awaitingPlan(Application application) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(application.getProcessInstanceId())
                .eventName("PlanIssued").count() > 0;
    }

    private boolean waitsAtTask(Application application, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey(taskKey).count() > 0;
    }

    private List<String> activeActivities(String instance) {
        List<String> ids = new ArrayList<>();
        collect(runtimeService.getActivityInstance(instance), ids);
        return ids;
    }

    private static void collect(ActivityInstance instance, List<String> ids) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            collect(child, ids);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
    }

    private boolean ended(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() == 0;
    }

    private boolean passed(String instance, String activity) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activity)
                .count() > 0;
    }

    private int latestCaseVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("SubsidyCase").latestVersion()
                .singleResult().getVersion();
    }

    private String definitionId(int version) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("SubsidyCase")
                .processDefinitionVersion(version).singleResult().getId();
    }

    private String definitionOf(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId();
    }

    private ResponseEntity<JsonNode> post(String path, Object body) {
        return rest.withBasicAuth("manager", "demo").postForEntity(path, body, JsonNode.class);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
