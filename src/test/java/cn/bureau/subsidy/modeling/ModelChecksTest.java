package cn.bureau.subsidy.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.decision.DecisionKeys;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.modeling.Finding.Severity;

/**
 * The model checks, run by {@code mvn verify} on the shipped folders, and fed one broken model per rule: each
 * finding names the rule, the file and the element, and says what to do.
 */
class ModelChecksTest {

    private static final String CASE = "processes/case.bpmn";
    private static final String PROGRAM = "processes/program.bpmn";
    private static final String RATES = "decisions/support-rates.dmn";
    private static final String INITIAL_REVIEW_FORM = "forms/initial-review.form";

    private final ModelChecks checks = new ModelChecks();

    static ModelChecks.Context context() {
        Map<String, String> inUse = new LinkedHashMap<>();
        DecisionKeys.DEFAULTS.asMap().forEach((role, key) -> inUse.put(key, "every program by default (" + role + ")"));
        return new ModelChecks.Context(new HashSet<>(Groups.STAFF_AND_APPLICANTS), inUse);
    }

    static Map<String, byte[]> shipped() {
        return new TreeMap<>(ModelDeployer.readModels(Path.of(".")));
    }

    @Test
    void theShippedModelsPassEveryCheck() {
        Map<String, byte[]> models = shipped();

        assertThat(models).containsKeys(CASE, PROGRAM, RATES, "decisions/contracting-award.dmn",
                INITIAL_REVIEW_FORM);
        assertThat(checks.check(models, context())).isEmpty();
    }

    @Test
    void aUserTaskWithoutCandidateGroupOrWithAGroupThatDoesNotExist() {
        assertFinding(edit(CASE, "camunda:candidateGroups=\"initial-reviewers\" camunda:dueDate=\"${deadlines.due("
                + "programCode, 'INITIAL_REVIEW')}\"", "camunda:dueDate=\"${deadlines.due(programCode, "
                + "'INITIAL_REVIEW')}\""), ModelChecks.CANDIDATE_GROUP, CASE, "UserTask_InitialReview");
        assertFinding(edit(CASE, "camunda:candidateGroups=\"auditors\" camunda:dueDate=\"${deadlines.due("
                + "programCode, 'SPECIAL_AUDIT')}\"", "camunda:candidateGroups=\"legal-officers\" camunda:dueDate="
                + "\"${deadlines.due(programCode, 'SPECIAL_AUDIT')}\""), ModelChecks.CANDIDATE_GROUP, CASE,
                "UserTask_SpecialAudit");
    }

    @Test
    void aUserTaskWithoutDueDateOrWithALiteralOne() {
        assertFinding(edit(CASE, " camunda:dueDate=\"${deadlines.due(programCode, 'FORMAL_REVIEW')}\"", ""),
                ModelChecks.DUE_DATE, CASE, "UserTask_FormalReview");
        assertFinding(edit(CASE, "camunda:dueDate=\"${deadlines.due(programCode, 'FORMAL_REVIEW')}\"",
                "camunda:dueDate=\"2026-05-20T18:00:00\""), ModelChecks.DUE_DATE, CASE, "UserTask_FormalReview");
    }

    @Test
    void aUserTaskWhoseFormIsMissingUnboundOrNotInForms() {
        assertFinding(edit(CASE, "camunda:formRef=\"formal-review\" camunda:formRefBinding=\"deployment\" ", ""),
                ModelChecks.USER_TASK_FORM, CASE, "UserTask_FormalReview");
        assertFinding(edit(CASE, "camunda:formRef=\"formal-review\"", "camunda:formRef=\"formal-reveiw\""),
                ModelChecks.USER_TASK_FORM, CASE, "UserTask_FormalReview");
        assertFinding(edit(CASE, "camunda:formRef=\"formal-review\" camunda:formRefBinding=\"deployment\"",
                "camunda:formRef=\"formal-review\" camunda:formRefBinding=\"latest\""), ModelChecks.USER_TASK_FORM,
                CASE, "UserTask_FormalReview");
    }

    @Test
    void aFormWithoutTheFieldOrTheOptionTheNextGatewayDecidesOn() {
        assertFinding(edit(INITIAL_REVIEW_FORM, "\"key\": \"decision\"", "\"key\": \"conclusion\""),
                ModelChecks.FORM_FIELDS, CASE, "UserTask_InitialReview");
        Map<String, byte[]> noReject = edit(INITIAL_REVIEW_FORM, "\"value\": \"REJECT\"",
                "\"value\": \"REFUSE\"");
        Finding finding = assertFinding(noReject, ModelChecks.FORM_FIELDS, CASE, "UserTask_InitialReview");
        assertThat(finding.message()).contains("'REJECT'");
    }

    @Test
    void scriptTasksScriptListenersAndScriptConditions() {
        assertFinding(edit(CASE, "<bpmn:exclusiveGateway id=\"Gateway_InitialReview\"",
                "<bpmn:scriptTask id=\"ScriptTask_Tally\" name=\"Tally\" scriptFormat=\"javascript\"><bpmn:script>"
                        + "1</bpmn:script></bpmn:scriptTask><bpmn:exclusiveGateway id=\"Gateway_InitialReview\""),
                ModelChecks.NO_SCRIPTS, CASE, "ScriptTask_Tally");
        assertFinding(edit(CASE, "<camunda:taskListener delegateExpression=\"${auditRecorder}\" event=\"complete\" />",
                "<camunda:taskListener event=\"complete\"><camunda:script scriptFormat=\"groovy\">task.name"
                        + "</camunda:script></camunda:taskListener>"), ModelChecks.NO_SCRIPTS, CASE,
                "UserTask_SpecialAudit");
        assertFinding(edit(CASE, "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${decision == "
                + "'REJECT'}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    <bpmn:sequenceFlow id=\""
                + "Flow_FilingCorrected\"", "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language="
                + "\"javascript\">decision == 'REJECT'</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    "
                + "<bpmn:sequenceFlow id=\"Flow_FilingCorrected\""), ModelChecks.NO_SCRIPTS, CASE,
                "Flow_InitialRejected");
    }

    @Test
    void aTimerOnALiteralInstantWithoutOffsetIsAnErrorWithOneAWarning() {
        Finding noOffset = assertFinding(edit(PROGRAM, "${filingClosesAt}", "2026-04-30T18:00:00"),
                ModelChecks.TIMER_DATE, PROGRAM, "Timer_FilingCloses");
        assertThat(noOffset.severity()).isEqualTo(Severity.ERROR);

        List<Finding> withOffset = checks.check(edit(PROGRAM, "${filingClosesAt}", "2026-04-30T18:00:00+08:00"),
                context());
        assertThat(withOffset).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(ModelChecks.TIMER_DATE);
            assertThat(finding.element()).isEqualTo("Timer_FilingCloses");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        });
        assertThat(ModelChecks.errors(withOffset)).isEmpty();
    }

    @Test
    void aDmnInputWithoutType() {
        assertFinding(edit(RATES, "<inputExpression id=\"InputExpression_Rate_Category\" typeRef=\"string\">",
                "<inputExpression id=\"InputExpression_Rate_Category\">"), ModelChecks.DMN_INPUT_TYPE, RATES,
                "Input_Rate_Category");
    }

    @Test
    void aProcessOrADecisionWithoutHistoryTimeToLive() {
        assertFinding(edit(CASE, "isExecutable=\"true\" camunda:historyTimeToLive=\"P3650D\"", "isExecutable=\"true\""),
                ModelChecks.HISTORY_TTL, CASE, "SubsidyCase");
        assertFinding(edit(RATES, "<decision id=\"Decision_SupportLimits\" name=\"单项最低与企业上限 Support limits\" "
                + "camunda:historyTimeToLive=\"P3650D\">", "<decision id=\"Decision_SupportLimits\" name=\"单项最低与"
                + "企业上限 Support limits\">"), ModelChecks.HISTORY_TTL, RATES, "Decision_SupportLimits");
    }

    @Test
    void duplicateIdsWithinAFileAndAcrossFiles() {
        assertFinding(edit(CASE, "<bpmn:exclusiveGateway id=\"Gateway_FormalReview\"",
                "<bpmn:exclusiveGateway id=\"Gateway_InitialReview\""), ModelChecks.ID_UNIQUE, CASE,
                "Gateway_InitialReview");
        Map<String, byte[]> twice = shipped();
        twice.put("decisions/tiers.dmn", twice.get(RATES));
        assertFinding(twice, ModelChecks.ID_UNIQUE, "decisions/tiers.dmn", "Decision_SupportRates");
    }

    @Test
    void idsModelerGeneratedOrWithoutType() {
        assertFinding(edit(CASE, "UserTask_InitialReview", "Activity_0x1y2z3"), ModelChecks.ID_READABLE, CASE,
                "Activity_0x1y2z3");
        assertFinding(edit(CASE, "Gateway_FormalReview", "gw2"), ModelChecks.ID_READABLE, CASE, "gw2");
    }

    @Test
    void aBusinessRuleTaskOnADecisionThatDoesNotExist() {
        assertFinding(edit(CASE, "camunda:decisionRef=\"${applicationEligibilityDecision}\"",
                "camunda:decisionRef=\"Decision_ApplicantEligibility\""), ModelChecks.DECISION_REF, CASE,
                "BusinessRuleTask_ReassessEligibility");
    }

    @Test
    void aDecisionAProgramUsesCannotDisappear() {
        Map<String, byte[]> withoutRates = shipped();
        withoutRates.remove(RATES);

        Finding finding = assertFinding(withoutRates, ModelChecks.PROGRAM_DECISION, "decisions/",
                "Decision_SupportRates");
        assertThat(finding.message()).contains("supportRates");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertFinding(edit(CASE, "</bpmn:definitions>", ""), ModelChecks.UNREADABLE, CASE, CASE);
    }

    @Test
    void theVariablesAConditionReadsAreItsFreeIdentifiers() {
        assertThat(ModelChecks.variablesRead("${decision == 'ACCEPT' && !flagged}")).containsExactly("decision",
                "flagged");
        assertThat(ModelChecks.variablesRead("${deadlines.due(programCode, 'X') > 0 and amount gt 3}"))
                .containsExactly("programCode", "amount");
    }

    private Finding assertFinding(Map<String, byte[]> models, String rule, String file, String element) {
        List<Finding> findings = checks.check(models, context());
        assertThat(findings).as("findings").anySatisfy(finding -> {
            assertThat(finding.rule()).isEqualTo(rule);
            assertThat(finding.file()).isEqualTo(file);
            assertThat(finding.element()).isEqualTo(element);
        });
        Finding finding = findings.stream().filter(f -> f.rule().equals(rule) && f.element().equals(element))
                .findFirst().orElseThrow();
        assertThat(finding.message()).isNotBlank();
        assertThat(finding.fix()).isNotBlank();
        return finding;
    }

    /** The shipped models with one text replaced in one file; fails when the text is not there. */
    private static Map<String, byte[]> edit(String file, String text, String replacement) {
        Map<String, byte[]> models = shipped();
        String content = new String(models.get(file), StandardCharsets.UTF_8);
        assertThat(content).as("%s contains the text to break", file).contains(text);
        models.put(file, content.replace(text, replacement).getBytes(StandardCharsets.UTF_8));
        return models;
    }
}
