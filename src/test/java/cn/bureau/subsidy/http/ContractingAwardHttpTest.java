package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The second program, configured and nothing else: the action plan's award for overseas contracting revenue
 * (seed item 十) is a DMN file in {@code decisions/} and the program record in
 * {@code contract/contracting-award-program.json}, published through {@code POST /api/programs}. A case of it is
 * quoted, filed, reviewed, audited, qualified on the award's own eligibility table, planned, issued and paid
 * through the same HTTP calls and the same case diagram as the 2026 guide's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractingAwardHttpTest {

    private static final String PASSWORD = "demo";
    private static final Instant BEFORE_FILING = OffsetDateTime.parse("2026-04-10T09:00:00+08:00").toInstant();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAwardCaseIsQuotedFiledDecidedAndPaidThroughTheContract() throws IOException {
        // The program record, as configuration: its categories and its decision tables.
        setClock(BEFORE_FILING);
        String code = Fixtures.programCode();
        ObjectNode programBody = resource("contracting-award-program.json");
        programBody.put("code", code);
        ResponseEntity<JsonNode> published = post("manager", "/api/programs", programBody);
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(texts(published.getBody().path("categories"))).containsExactly("CONTRACTING_REVENUE_AWARD");
        assertThat(published.getBody().at("/decisions/supportRates").asText()).isEqualTo("Decision_ContractingAward");
        assertThat(published.getBody().at("/decisions/interestRateCap").asText())
                .as("a role left out keeps the guide's table").isEqualTo("Decision_InterestRateCap");
        ObjectNode unknownDecision = programBody.deepCopy();
        unknownDecision.put("code", Fixtures.programCode());
        unknownDecision.with("decisions").put("supportRates", "Decision_NoSuchTable");
        ResponseEntity<JsonNode> refused = post("manager", "/api/programs", unknownDecision);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("UNKNOWN_DECISION");

        String program = programInstance(code);
        setClock(Fixtures.DURING_FILING);
        runDueJobs(program);

        // The quote: US$25M with growth over US$20M is the 100 万元 tier; the guide's categories are not offered.
        ObjectNode application = resource("contracting-award-application.json");
        ResponseEntity<JsonNode> quote = post("applicant", "/api/programs/" + code + "/quote?explain=true",
                application);
        assertThat(quote.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(quote.getBody().path("eligible").asBoolean()).isTrue();
        assertThat(quote.getBody().path("totalWan").decimalValue()).isEqualByComparingTo("100");
        assertThat(quote.getBody().at("/claims/0/explanation/rulesFired/0/ruleId").asText())
                .isEqualTo("Rule_AwardTier_TwentyToSixty");
        // A quote explains the row in the guide's words; a filed case keeps only the row's id (the table has them).
        assertThat(quote.getBody().at("/claims/0/explanation/rulesFired/0/annotation").asText()).isNotBlank();
        ObjectNode noGrowth = application.deepCopy();
        ((ObjectNode) noGrowth.at("/claims/0/facts/priorYearRevenue")).put("amount", "25000000");
        JsonNode flat = post("applicant", "/api/programs/" + code + "/quote", noGrowth).getBody();
        assertThat(flat.path("totalWan").decimalValue()).isZero();
        assertThat(texts(flat.at("/claims/0/reasons"))).containsExactly("NO_REVENUE_GROWTH");
        ResponseEntity<JsonNode> guideCategory = post("applicant", "/api/programs/" + code + "/quote",
                Fixtures.applicationJson());
        assertThat(guideCategory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(guideCategory.getBody().at("/errors/0/code").asText()).isEqualTo("CATEGORY_NOT_OFFERED");

        // Filing and the reviews, exactly as for the guide.
        ResponseEntity<JsonNode> filed = post("applicant", "/api/programs/" + code + "/applications", application);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        String caseInstance = caseInstance(filed.getBody().path("businessKey").asText());
        completeAs("reviewer", task("reviewer", caseInstance, "UserTask_InitialReview"), "ACCEPT");
        assertThat(upload("applicant", "/api/cases/" + caseId + "/materials", "APPLICATION_FORM")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("applicant", "/api/cases/" + caseId + "/materials/submission", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        completeAs("reviewer", task("reviewer", caseInstance, "UserTask_FormalReview"), "ACCEPT");
        completeAs("auditor", task("auditor", caseInstance, "UserTask_SpecialAudit"), "ACCEPT");
        runDueJobs(caseInstance);
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("AWAITING_PLAN");
        assertThat(runtimeService.getVariable(caseInstance, "applicationEligibilityDecision"))
                .as("the qualification check evaluated the award's own eligibility table")
                .isEqualTo("Decision_ContractingAwardApplication");

        // The plan, the notice and the issue.
        setClock(Fixtures.FILING_CLOSES.plusSeconds(1));
        runDueJobs(program);
        setClock(OffsetDateTime.parse("2026-05-07T17:45:01+08:00").toInstant());
        runDueJobs(program);
        completeAs("manager", task("manager", program, "UserTask_DraftPlan"), "ACCEPT");
        completeAs("approver", task("approver", program, "UserTask_ApprovePlan"), "ACCEPT");
        runDueJobs(program);
        JsonNode plan = get("manager", "/api/programs/" + code + "/plan").getBody();
        assertThat(plan.path("totalWan").decimalValue()).isEqualByComparingTo("100");
        assertThat(plan.at("/lines/0/category").asText()).isEqualTo("CONTRACTING_REVENUE_AWARD");
        Job noticeEnds = managementService.createJobQuery().processInstanceId(program)
                .activityId("Timer_NoticeEnds").singleResult();
        setClock(noticeEnds.getDuedate().toInstant().plusSeconds(1));
        runDueJobs(program);
        completeAs("approver", task("approver", program, "UserTask_IssuePlan"), "ACCEPT");
        runDueJobs(program);

        // Disbursement: documents, authorisation, payment of 1,000,000.00 CNY.
        assertThat(caseView(caseId).path("planAmountWan").decimalValue()).isEqualByComparingTo("100");
        assertThat(upload("applicant", "/api/cases/" + caseId + "/disbursement-documents", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // The approver who issued the plan may not authorise its payments: a second approver does.
        completeAs("approver2", task("approver2", caseInstance, "UserTask_AuthoriseDisbursement"), "ACCEPT");
        runDueJobs(caseInstance);

        JsonNode paid = caseView(caseId);
        assertThat(paid.path("stage").asText()).isEqualTo("PAID");
        assertThat(paid.path("outcome").asText()).isEqualTo("PAID");
        assertThat(new BigDecimal(paid.at("/payments/0/amount/amount").asText()))
                .isEqualByComparingTo(BigDecimal.valueOf(1_000_000));
        assertThat(paid.at("/claims/0/category").asText()).isEqualTo("CONTRACTING_REVENUE_AWARD");
    }

    // --- helpers, as in CaseHttpLifecycleTest -----------------------------------------------------------------------

    private ObjectNode resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/contract/" + name)) {
            return (ObjectNode) json.readTree(in);
        }
    }

    private static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private String programInstance(String code) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("SubsidyProgram")
                .processInstanceBusinessKey(code).singleResult();
        assertThat(instance).as("program process of %s", code).isNotNull();
        tracked.add(instance.getId());
        return instance.getId();
    }

    private String caseInstance(String businessKey) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("SubsidyCase")
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(instance).as("case process of %s", businessKey).isNotNull();
        tracked.add(instance.getId());
        return instance.getId();
    }

    /**
     * The instances this test drives. A completed user task continues asynchronously, so after each action the
     * test runs what is due in them, as the job executor would.
     */
    private final java.util.Set<String> tracked = new java.util.LinkedHashSet<>();

    private void settle() {
        tracked.forEach(this::runDueJobs);
    }

    private void runDueJobs(String processInstanceId) {
        for (int run = 0; run < 100; run++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("Jobs keep falling due");
    }

    private String task(String user, String processInstanceId, String taskKey) {
        ResponseEntity<JsonNode> response = exchange(user, HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=10", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> keys = new ArrayList<>();
        for (JsonNode task : response.getBody()) {
            keys.add(task.path("taskDefinitionKey").asText());
            if (taskKey.equals(task.path("taskDefinitionKey").asText())) {
                return task.path("id").asText();
            }
        }
        throw new AssertionError(user + " sees no " + taskKey + " but " + keys);
    }

    private void completeAs(String user, String taskId, String decision) {
        Map<String, Object> body = Map.of("variables",
                Map.of("decision", Map.of("value", decision, "type", "String")));
        ResponseEntity<String> response = exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId
                + "/complete", body, String.class);
        assertThat(response.getStatusCode()).as("%s completes %s: %s", user, taskId, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
        settle();
    }

    private JsonNode caseView(String caseId) {
        ResponseEntity<JsonNode> response = get("applicant", "/api/cases/" + caseId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String kind) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (kind != null) {
            parts.add("kind", kind);
        }
        parts.add("file", new ByteArrayResource(Fixtures.pdf()) {
            @Override
            public String getFilename() {
                return "document.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, PASSWORD).exchange(path, HttpMethod.POST, new HttpEntity<>(parts, headers),
                JsonNode.class);
        settle();
        return response;
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return exchange(user, HttpMethod.GET, path, null, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, Object body) {
        ResponseEntity<JsonNode> response = exchange(user, HttpMethod.POST, path, body, JsonNode.class);
        settle();
        return response;
    }

    private <T> ResponseEntity<T> exchange(String user, HttpMethod method, String path, Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.withBasicAuth(user, PASSWORD).exchange(path, method, new HttpEntity<>(body, headers), type);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
