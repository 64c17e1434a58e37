package cn.bureau.subsidy.scenario;

import static cn.bureau.subsidy.scenario.Fixtures.APPLICANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.ApplicationForm;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.plan.FundingPlans;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;

/**
 * One test per business path of the guide, from publication to payment. Every wait state has a default action
 * (officers accept, the applicant submits what is asked); a test overrides the one its path turns on. Timers fire
 * by moving the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleScenarioTest {

    /** The rest of a query over a case's quote explanation ({@code q}), the case's id its parameter. */
    private static final String EXPLANATION_OF_A_CASE = " from quote_explanation q"
            + " join application a on a.quote_explanation_id = q.id where a.id = ?";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    FormService formService;
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
    FundingPlans plans;
    @Autowired
    JdbcTemplate jdbc;

    Scenario scenario;
    Program program;

    @BeforeEach
    void publishProgram() {
        BpmnAwareTests.init(engine);
        ensureUser("approver2", "approvers");
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minusSeconds(10 * 86_400)));
        program = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        scenario = new Scenario(engine).track(program.getProcessInstanceId());
        officersAcceptEverything();
        applicantAnswersEverything();
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void happyPathPassesAllTwelveStagesAndPays() {
        // The reviewer claims the initial review in Tasklist before deciding it.
        scenario.on("UserTask_InitialReview", task -> {
            engine.getTaskService().claim(task.getId(), "reviewer");
            scenario.complete("reviewer", task, Map.of("decision", "ACCEPT"));
        });
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassedInOrder("StartEvent_Filed", "UserTask_InitialReview",
                "UserTask_SubmitMaterials", "UserTask_FormalReview", "UserTask_SpecialAudit",
                "ServiceTask_QualificationChecks", "Gateway_AwaitPlan", "Event_PlanIssued",
                "UserTask_SubmitDisbursementDocuments", "UserTask_AuthoriseDisbursement", "ServiceTask_Pay",
                "EndEvent_Paid");
        assertThat(program()).hasPassedInOrder("StartEvent_GuidePublished", "Timer_FilingOpens",
                "Timer_FilingCloses", "Timer_MaterialsClose", "ServiceTask_CalculatePlan", "UserTask_DraftPlan",
                "UserTask_ApprovePlan", "Timer_NoticeEnds", "UserTask_IssuePlan", "ServiceTask_NotifyCases",
                "EndEvent_PlanIssued");
        // The engine's history keeps the way the case went, not its data: no routing gateway, no variable (the
        // application's tables hold the data, review_decision every decision), no task instance beside each user
        // task's activity instance, which keeps the task's id, who held it and when.
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(filed.getProcessInstanceId())
                .activityType("exclusiveGateway").count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(filed.getProcessInstanceId())
                .count()).isZero();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(filed.getProcessInstanceId())
                .activityType("userTask").list()).hasSize(6)
                .allSatisfy(task -> assertThat(task.getTaskId()).isNotNull())
                .allSatisfy(task -> assertThat(task.getEndTime()).isNotNull());
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(filed.getProcessInstanceId())
                .activityId("UserTask_InitialReview").singleResult().getAssignee()).isEqualTo("reviewer");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(filed.getProcessInstanceId())
                .count()).isZero();
        // Who did each task is the audit trail's: the applicant, the officers.
        assertThat(jdbc.queryForList("select actor from audit_event where application_id = ? "
                + "and action like 'TASK_COMPLETED %'", String.class, filed.getId()))
                .contains("applicant", "reviewer", "auditor", "approver2");
        // The engine's user operation log keeps interventions; a case's routine completions are not repeated there,
        // nor the forms' copy of the materials list, which is the application's own refresh.
        assertThat(historyService.createUserOperationLogQuery().processInstanceId(filed.getProcessInstanceId())
                .list()).extracting(UserOperationLogEntry::getOperationType)
                .doesNotContain(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
                        UserOperationLogEntry.OPERATION_TYPE_CREATE, UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE);
        Application paid = reload(filed);
        assertThat(paid.getStage()).isEqualTo("PAID");
        assertThat(paid.getOutcome()).isEqualTo("PAID");
        assertThat(paid.getPlanAmountWan()).isPositive();
        assertThat(scenario.seenTasks()).containsEntry("UserTask_InitialReview", List.of("initial-reviewers"))
                .containsEntry("UserTask_FormalReview", List.of("initial-reviewers"))
                .containsEntry("UserTask_SpecialAudit", List.of("auditors"))
                .containsEntry("UserTask_SubmitMaterials", List.of("applicants"))
                .containsEntry("UserTask_DraftPlan", List.of("program-managers"))
                .containsEntry("UserTask_ApprovePlan", List.of("approvers"))
                .containsEntry("UserTask_IssuePlan", List.of("approvers"))
                .containsEntry("UserTask_SubmitDisbursementDocuments", List.of("applicants"))
                .containsEntry("UserTask_AuthoriseDisbursement", List.of("approvers"));
    }

    @Test
    void aFiledCaseKeepsWhichTableRowsGaveItsQuote() throws Exception {
        Application filed = file(Fixtures.application());

        JsonNode explanation = explanation(filed);
        // The case's own inputs, rules and figures, then each claim's: every row fired is named by its decision
        // definition and row; the row's words stay in that table.
        assertThat(explanation.path("application").path("inputs")).isNotEmpty();
        assertThat(explanation.path("claims")).hasSize(Fixtures.application().claims().size())
                .allSatisfy(claim -> assertThat(claim.path("figures")).isNotEmpty());
        List<JsonNode> rulesFired = explanation.findValues("rulesFired").stream()
                .flatMap(rules -> java.util.stream.StreamSupport.stream(rules.spliterator(), false)).toList();
        assertThat(rulesFired).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.path("definitionId").asText()).startsWith(rule.path("decision")
                        .asText() + ":"))
                .allSatisfy(rule -> assertThat(rule.path("ruleId").asText()).isNotBlank());
        assertThat(explanation.findValues("annotation")).isEmpty();
    }

    @Test
    void theSpecialAuditsAmountsRequoteTheCaseAndItsExplanation() throws Exception {
        // The audit finds 300,000 of the 600,000 CNY of pre-project fees: their support falls from 30 to 15 万元.
        Application filed = filedWithFeesAuditedAt("300000.00");
        JsonNode atFiling = explanation(filed);

        scenario.runUntil(() -> ended(filed));

        assertThat(supportLost(filed)).isEqualByComparingTo("15");
        assertThat(figure(atFiling, "paid").decimalValue()).isEqualByComparingTo("600000");
        assertThat(figure(explanation(filed), "support in 万元").decimalValue()).isEqualByComparingTo("15");
        assertThat(figure(explanation(filed), "paid").decimalValue()).isEqualByComparingTo("300000");
    }

    @Test
    void aFeeNotPaidToAQualifiedAgencyIsAuditedAtNothingAndLosesItsSupport() throws Exception {
        // 申报指南 五（一）1: only services of a qualified professional agency count; the audit finds none for the
        // 600,000 CNY of pre-project fees, so their 30 万元 go and the case's other claims carry it on.
        Application filed = filedWithFeesAuditedAt("0");

        scenario.runUntil(() -> ended(filed));

        assertThat(supportLost(filed)).isEqualByComparingTo("30");
        assertThat(figure(explanation(filed), "support in 万元").decimalValue()).isEqualByComparingTo("0");
        assertThat(instance(filed)).hasPassed("EndEvent_Paid");
    }

    /** The example case, filed, whose special audit will find {@code audited} CNY of its pre-project fees. */
    private Application filedWithFeesAuditedAt(String audited) {
        scenario.on("UserTask_SpecialAudit", task -> scenario.complete("auditor", task,
                Map.of("decision", "ACCEPT", "auditedClaim1", audited)));
        return file(Fixtures.application());
    }

    /** How many 万元 the case's total lost between filing and now. */
    private BigDecimal supportLost(Application filed) {
        return filed.getQuoteTotalWan().subtract(reload(filed).getQuoteTotalWan());
    }

    private JsonNode explanation(Application application) throws Exception {
        return new ObjectMapper().readTree(jdbc.queryForObject("select q.explanation" + EXPLANATION_OF_A_CASE,
                String.class, application.getId()));
    }

    /** A figure of the first claim's explanation, by its name. */
    private static JsonNode figure(JsonNode explanation, String name) {
        for (JsonNode figure : explanation.path("claims").get(0).path("figures")) {
            if (name.equals(figure.path("name").asText())) {
                return figure.path("value");
            }
        }
        throw new AssertionError("No figure '" + name + "' in " + explanation);
    }

    @Test
    void theQuotesExplanationIsStoredCompressed() {
        assumeTrue(jdbc.queryForObject("select version()", String.class).startsWith("PostgreSQL"),
                "PostgreSQL compresses a value of a row over 2 KB");
        Application filed = file(Fixtures.application());

        Map<String, Object> sizes = jdbc.queryForMap("select octet_length(q.explanation) as text_bytes,"
                + " pg_column_size(q.explanation) as stored_bytes" + EXPLANATION_OF_A_CASE, filed.getId());

        assertThat(((Number) sizes.get("stored_bytes")).longValue())
                .isLessThan(((Number) sizes.get("text_bytes")).longValue() / 2);
    }

    @Test
    void filingAfterTheWindowIsRefused() {
        ClockUtil.setCurrentTime(Date.from(Fixtures.FILING_CLOSES));

        assertThatThrownBy(() -> file(Fixtures.application()))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo("FILING_WINDOW_CLOSED"));
    }

    @Test
    void missingTheMaterialsDeadlineEndsTheCaseAsNotAccepted() {
        scenario.idle("UserTask_SubmitMaterials");
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassed("BoundaryEvent_MaterialsDeadline").isEnded();
        assertThat(reload(filed).getOutcome()).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void aCorrectionLoopReturnsToTheReviewThatAsked() {
        scenario.on("UserTask_InitialReview", firstReturnThenAccept("reviewer", "The licence scan is unreadable"));
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> stage(filed).equals("MATERIALS"));

        assertThat(instance(filed)).hasPassedInOrder("UserTask_InitialReview", "UserTask_CorrectFiling",
                "UserTask_InitialReview").isWaitingAt("UserTask_SubmitMaterials");
        assertThat(scenario.seenTasks()).containsEntry("UserTask_CorrectFiling", List.of("applicants"));
    }

    @Test
    void aLateCorrectionEndsTheCase() {
        scenario.on("UserTask_InitialReview", firstReturnThenAccept("reviewer", "Sign the commitment"))
                .idle("UserTask_CorrectFiling");
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassed("EndEvent_FilingCorrectionOverdue");
        assertThat(reload(filed).getOutcome()).isEqualTo("NOT_ACCEPTED");
    }

    @Test
    void rejectionAtInitialReview() {
        assertRejectedAt("UserTask_InitialReview", "reviewer", "EndEvent_RejectedAtInitialReview");
    }

    @Test
    void rejectionAtFormalReview() {
        assertRejectedAt("UserTask_FormalReview", "reviewer", "EndEvent_RejectedAtFormalReview");
    }

    @Test
    void rejectionAtSpecialAudit() {
        assertRejectedAt("UserTask_SpecialAudit", "auditor", "EndEvent_RejectedAtAudit");
    }

    @Test
    void rejectionAtQualificationAfterAFinding() {
        var json = Fixtures.applicationJson();
        json.with("declarations").put("fiscalArrears", true);
        scenario.on("UserTask_QualificationReview", task -> scenario.complete("auditor", task,
                Map.of("decision", "REJECT", "reason", "Arrears of fiscal funds confirmed")));
        Application filed = file(Fixtures.form(json));

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassed("UserTask_QualificationReview", "EndEvent_RejectedAtQualification");
        assertThat(reload(filed).getOutcome()).isEqualTo("REJECTED");
        assertThat(reload(filed).getOutcomeReason()).isEqualTo("Arrears of fiscal funds confirmed");
    }

    @Test
    void aCleanCaseNeedsNoQualificationReview() {
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> stage(filed).equals("AWAITING_PLAN"));

        assertThat(instance(filed)).hasNotPassed("UserTask_QualificationReview");
    }

    @Test
    void anUpheldObjectionDuringNoticeRemovesTheCaseAndRedraftsThePlan() {
        Application objectedTo = file(Fixtures.application());
        Application other = file(Fixtures.applicationPayingTo("6222029999999999"));
        scenario.on("UserTask_HandleObjection", task -> {
            // The auditor's form names the case objected to, from its record.
            assertThat(formService.getTaskFormVariables(task.getId()).getValue("businessKey", String.class))
                    .isEqualTo(objectedTo.getBusinessKey());
            scenario.complete("auditor", task,
                    Map.of("decision", "UPHELD", "reason", "The project was already funded by another ministry"));
        });
        scenario.runUntil(() -> scenario.waitingTask("UserTask_ApprovePlan").isPresent());
        scenario.runUntil(() -> runtimeService.getActiveActivityIds(program.getProcessInstanceId())
                .contains("Timer_NoticeEnds"));

        plans.raiseObjection(program.getCode(), objectedTo.getId(), "Funded twice", Fixtures.MANAGER);
        scenario.runUntil(() -> ended(objectedTo) && ended(other));

        assertThat(instance(objectedTo)).hasPassed("Event_RemovedFromPlan", "EndEvent_RemovedFromPlan");
        assertThat(reload(objectedTo).getOutcome()).isEqualTo("NOT_FUNDED");
        assertThat(reload(other).getOutcome()).isEqualTo("PAID");
        // the plan was drafted and approved again without the removed case before it was issued
        assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(program.getProcessInstanceId()).activityId("UserTask_ApprovePlan").count())
                .isEqualTo(2);
    }

    @Test
    void whoeverDraftsThePlanCannotApproveIt() {
        ensureUser("chief", "program-managers", "approvers");
        scenario.on("UserTask_DraftPlan", task -> scenario.complete("chief", task, Map.of("decision", "ACCEPT")));
        file(Fixtures.application());
        scenario.runUntil(() -> scenario.waitingTask("UserTask_ApprovePlan").isPresent());
        var approval = scenario.waitingTask("UserTask_ApprovePlan").orElseThrow();

        assertThatThrownBy(() -> scenario.complete("chief", approval, Map.of("decision", "ACCEPT")))
                .hasMessageContaining("drafter of a funding plan cannot approve it");
        scenario.complete("approver", approval, Map.of("decision", "ACCEPT"));
        assertThat(plans.plan(program.getCode()).approvedBy()).isEqualTo("approver");
        assertThat(plans.plan(program.getCode()).draftedBy()).isEqualTo("chief");
    }

    @Test
    void whoeverDidTheInitialReviewCannotAuditTheCase() {
        ensureUser("generalist", "initial-reviewers", "auditors");
        scenario.on("UserTask_InitialReview", task -> scenario.complete("generalist", task, Map.of("decision", "ACCEPT")));
        Application filed = file(Fixtures.application());
        scenario.runUntil(() -> scenario.waitingTask("UserTask_SpecialAudit").isPresent());
        var audit = scenario.waitingTask("UserTask_SpecialAudit").orElseThrow();

        assertThatThrownBy(() -> scenario.complete("generalist", audit, Map.of("decision", "ACCEPT")))
                .hasMessageContaining("cannot do both the initial review and the special audit");
        scenario.complete("auditor", audit, Map.of("decision", "ACCEPT"));
        scenario.runUntil(() -> !stage(filed).equals("SPECIAL_AUDIT"));
    }

    @Test
    void theApproverWhoIssuedThePlanCannotAuthoriseItsPayments() {
        Application filed = file(Fixtures.application());
        scenario.runUntil(() -> scenario.waitingTask("UserTask_AuthoriseDisbursement").isPresent());
        var authorisation = scenario.waitingTask("UserTask_AuthoriseDisbursement").orElseThrow();

        assertThatThrownBy(() -> scenario.complete("approver", authorisation, Map.of("decision", "ACCEPT")))
                .hasMessageContaining("issued the funding plan cannot authorise its payments");
        ensureUser("approver2", "approvers");
        scenario.on("UserTask_AuthoriseDisbursement", task -> scenario.complete("approver2", task,
                Map.of("decision", "ACCEPT")));
        scenario.runUntil(() -> ended(filed));
        assertThat(reload(filed).getOutcome()).isEqualTo("PAID");
    }

    @Test
    void aFailedPaymentIsCorrectedOnceAndPaid() {
        Application filed = file(Fixtures.applicationPayingTo(Fixtures.REFUSED_ACCOUNT));

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassedInOrder("ServiceTask_Pay", "BoundaryEvent_PaymentFailed",
                "UserTask_CorrectBankAccount", "ServiceTask_Pay", "EndEvent_Paid");
        Application paid = reload(filed);
        assertThat(paid.getOutcome()).isEqualTo("PAID");
        assertThat(paid.isBankAccountCorrected()).isTrue();
    }

    @Test
    void twoFailedPaymentsReachASupervisor() {
        scenario.on("UserTask_CorrectBankAccount", task -> applicant.correctBankAccount(caseIdOf(task), APPLICANT,
                "Bank of China", "Shenzhen Example Co., Ltd.", Fixtures.REFUSED_ACCOUNT + "9"));
        Application filed = file(Fixtures.applicationPayingTo(Fixtures.REFUSED_ACCOUNT));

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassed("UserTask_ResolvePaymentFailure", "EndEvent_PaymentFailed");
        assertThat(scenario.seenTasks()).containsEntry("UserTask_ResolvePaymentFailure", List.of("supervisors"));
        assertThat(reload(filed).getOutcome()).isEqualTo("PAYMENT_FAILED");
    }

    @Test
    void theApplicantCanWithdraw() {
        Application filed = file(Fixtures.application());
        scenario.runUntil(() -> stage(filed).equals("FORMAL_REVIEW"));

        applicant.withdraw(filed.getId().toString(), APPLICANT, "We will apply next year");

        assertThat(instance(filed)).hasPassed("StartEvent_Withdrawn", "EndEvent_Withdrawn").isEnded();
        assertThat(reload(filed).getOutcome()).isEqualTo("WITHDRAWN");
    }

    private void ensureUser(String id, String... groups) {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword("a long test password");
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(id, group);
            }
        }
    }

    private void assertRejectedAt(String taskKey, String officer, String endEvent) {
        scenario.on(taskKey, task -> scenario.complete(officer, task,
                Map.of("decision", "REJECT", "reason", "Not eligible")));
        Application filed = file(Fixtures.application());

        scenario.runUntil(() -> ended(filed));

        assertThat(instance(filed)).hasPassed(taskKey, endEvent).isEnded();
        assertThat(reload(filed).getOutcome()).isEqualTo("REJECTED");
        assertThat(reload(filed).getOutcomeReason()).isEqualTo("Not eligible");
    }

    private java.util.function.Consumer<org.camunda.bpm.engine.task.Task> firstReturnThenAccept(String officer,
            String reason) {
        int[] calls = {0};
        return task -> scenario.complete(officer, task, calls[0]++ == 0
                ? Map.of("decision", "RETURN", "reason", reason)
                : Map.of("decision", "ACCEPT"));
    }

    private void officersAcceptEverything() {
        for (var entry : Map.of("UserTask_InitialReview", "reviewer", "UserTask_FormalReview", "reviewer",
                "UserTask_SpecialAudit", "auditor", "UserTask_QualificationReview", "auditor",
                "UserTask_AuthoriseDisbursement", "approver2", "UserTask_DraftPlan", "manager",
                "UserTask_ApprovePlan", "approver", "UserTask_IssuePlan", "approver").entrySet()) {
            scenario.on(entry.getKey(), task -> scenario.complete(entry.getValue(), task, Map.of("decision", "ACCEPT")));
        }
        scenario.on("UserTask_ResolvePaymentFailure", task -> scenario.complete("supervisor", task,
                Map.of("reason", "Account closed; the enterprise is told to reapply")));
    }

    private void applicantAnswersEverything() {
        scenario.on("UserTask_SubmitMaterials", task -> {
            applicant.upload(caseIdOf(task), APPLICANT, "APPLICATION_FORM", "application.pdf", Fixtures.pdf());
            // What the task's form shows of the case comes from its record, as uploaded so far.
            VariableMap form = formService.getTaskFormVariables(task.getId());
            assertThat(form.getValue("materialsSummary", String.class)).as("the uploaded files")
                    .contains("APPLICATION_FORM: application.pdf");
            assertThat(form.getValue("requiredMaterials", String.class)).as("guide 六's checklist")
                    .contains("(APPLICATION_FORM)", "(BUSINESS_LICENCE)");
            applicant.submitMaterials(caseIdOf(task), APPLICANT);
        });
        for (String correction : List.of("UserTask_CorrectFiling", "UserTask_CorrectMaterials",
                "UserTask_CorrectForAudit", "UserTask_CorrectForQualification")) {
            scenario.on(correction, task -> applicant.answerCorrection(caseIdOf(task), APPLICANT, "Corrected"));
        }
        scenario.on("UserTask_SubmitDisbursementDocuments", task -> applicant.submitDisbursementDocuments(
                caseIdOf(task), APPLICANT, "receipt.pdf", Fixtures.pdf()));
        scenario.on("UserTask_CorrectBankAccount", task -> applicant.correctBankAccount(caseIdOf(task), APPLICANT,
                "Bank of China", "Shenzhen Example Co., Ltd.", "6222021234567891"));
    }

    private Application file(ApplicationForm form) {
        Application filed = filing.file(program.getCode(), form, APPLICANT, null);
        scenario.track(filed.getProcessInstanceId());
        return filed;
    }

    private String caseIdOf(org.camunda.bpm.engine.task.Task task) {
        return (String) runtimeService.getVariable(task.getProcessInstanceId(), "applicationId");
    }

    private ProcessInstance instance(Application application) {
        return historicAsInstance(application.getProcessInstanceId());
    }

    private ProcessInstance program() {
        return historicAsInstance(program.getProcessInstanceId());
    }

    /** camunda-bpm-assert asserts on a process instance also after it ended, by its id. */
    private ProcessInstance historicAsInstance(String id) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(id).singleResult();
        return running != null ? running : new EndedInstance(id);
    }

    private boolean ended(Application application) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(application.getProcessInstanceId())
                .count() == 0;
    }

    private String stage(Application application) {
        return reload(application).getStage();
    }

    private Application reload(Application application) {
        return cases.find(application.getId().toString());
    }
}
