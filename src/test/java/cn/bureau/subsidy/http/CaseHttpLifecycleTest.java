package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.HistoryService;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The public HTTP contract end to end, as other systems use it: programs and filings through the application's API,
 * staff tasks through the engine REST API with HTTP Basic, so Spring Security, Camunda's authorizations, the JSON
 * shapes and the problem details are all exercised. The job executor is off: each test runs the due jobs of its own
 * process instances and moves the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseHttpLifecycleTest {

    private static final String PASSWORD = "demo";
    private static final Instant BEFORE_FILING = OffsetDateTime.parse("2026-04-10T09:00:00+08:00").toInstant();
    private static final Instant DURING_FILING = Fixtures.DURING_FILING;
    private static final String USCC_WITH_WRONG_CHECK_CHARACTER = "91440300MA5F000182";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theWholePathThroughTheContractEndsPaid() {
        // Stage 1: a program manager publishes the guide.
        setClock(BEFORE_FILING);
        String code = Fixtures.programCode();
        ResponseEntity<JsonNode> published = post("manager", "/api/programs", programBody(code));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(published.getBody().path("code").asText()).isEqualTo(code);
        assertThat(published.getBody().path("id").asText()).isNotBlank();

        ResponseEntity<JsonNode> fetched = get("manager", "/api/programs/" + code);
        assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fetched.getBody().path("title").asText()).isEqualTo(programBody(code).path("title").asText());
        assertThat(fetched.getBody().path("budgetWan").decimalValue()).isEqualByComparingTo("5000");
        assertThat(fetched.getBody().path("fxRatesToCny").path("USD").asText()).isEqualTo("7.0288");
        assertThat(fetched.getBody().path("materialsCloseAt").asText()).isEqualTo("2026-05-07T17:45:00+08:00");

        ResponseEntity<JsonNode> duplicate = post("manager", "/api/programs", programBody(code));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        String program = programInstance(code);
        setClock(DURING_FILING);
        runDueJobs(program);
        assertThat(runtimeService.getActiveActivityIds(program)).containsExactly("Timer_FilingCloses");

        // Stage 2: the applicant files, twice with one idempotency key, and gets one case.
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> filed = file("applicant", code, Fixtures.applicationJson(), key);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        String businessKey = filed.getBody().path("businessKey").asText();
        assertThat(caseId).isNotBlank();
        assertThat(businessKey).startsWith(code + "-");

        ResponseEntity<JsonNode> replayed = file("applicant", code, Fixtures.applicationJson(), key);
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replayed.getBody().path("caseId").asText()).isEqualTo(caseId);
        assertThat(replayed.getBody().path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("SubsidyCase")
                .variableValueEquals("programCode", code).count()).isEqualTo(1);
        String caseInstance = caseInstance(businessKey);
        // The filing is the first entry of the case's trail, committed with the case; the replay, which filed
        // nothing, is recorded as a request without a case.
        JsonNode filing = get("reviewer", "/api/cases/" + caseId).getBody().path("auditTrail").path(0);
        assertThat(filing.path("action").asText()).isEqualTo("POST /api/programs/" + code + "/applications");
        assertThat(filing.path("actor").asText()).isEqualTo("applicant");
        assertThat(filing.path("outcome").asText()).isEqualTo("DONE");
        assertThat(filing.path("status").asInt()).isEqualTo(201);
        assertThat(filing.path("detail").asText()).isEqualTo(businessKey);
        assertThat(jdbc.queryForList("select application_id from audit_event where action = ?", UUID.class,
                "POST /api/programs/" + code + "/applications")).containsExactlyInAnyOrder(UUID.fromString(caseId),
                        null);

        // Stage 3: initial review by an initial reviewer.
        JsonNode view = caseView(caseId);
        assertThat(view.path("stage").asText()).isEqualTo("INITIAL_REVIEW");
        assertThat(view.path("businessKey").asText()).isEqualTo(businessKey);
        assertThat(view.path("programCode").asText()).isEqualTo(code);
        JsonNode current = view.path("currentTasks").path(0);
        assertThat(current.path("taskKey").asText()).isEqualTo("UserTask_InitialReview");
        assertThat(texts(current.path("candidateGroups"))).containsExactly("initial-reviewers");
        assertThat(current.path("dueAt").asText()).endsWith("+08:00");
        completeAs("reviewer", task("reviewer", caseInstance, "UserTask_InitialReview"), "ACCEPT");

        // Stage 4: the applicant uploads and submits its materials.
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("MATERIALS");
        ResponseEntity<JsonNode> uploaded = upload("applicant", "/api/cases/" + caseId + "/materials",
                "APPLICATION_FORM", "application.pdf");
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(uploaded.getBody().path("contentType").asText()).isEqualTo("application/pdf");
        // The list describes each file; the download returns its bytes as uploaded.
        JsonNode listed = get("reviewer", "/api/cases/" + caseId + "/materials").getBody().path(0);
        assertThat(listed.path("id").asText()).isEqualTo(uploaded.getBody().path("id").asText());
        assertThat(listed.path("sizeBytes").asLong()).isEqualTo(Fixtures.pdf().length);
        assertThat(listed.path("sha256").asText()).hasSize(64);
        assertThat(exchange("reviewer", HttpMethod.GET, "/api/cases/" + caseId + "/materials/" + listed.path("id")
                .asText(), null, byte[].class).getBody()).isEqualTo(Fixtures.pdf());
        assertThat(post("applicant", "/api/cases/" + caseId + "/materials/submission", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        // Stage 5: formal review.
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("FORMAL_REVIEW");
        completeAs("reviewer", task("reviewer", caseInstance, "UserTask_FormalReview"), "ACCEPT");

        // Stage 6: special audit, an auditors' task no initial reviewer sees or completes.
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("SPECIAL_AUDIT");
        String audit = task("auditor", caseInstance, "UserTask_SpecialAudit");
        assertThat(tasks("reviewer", caseInstance)).isEmpty();
        ResponseEntity<String> notTheirs = complete("reviewer", audit, "ACCEPT");
        assertThat(notTheirs.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(notTheirs.getBody()).contains("AuthorizationException");
        completeAs("auditor", audit, "ACCEPT");

        // Stage 7: the automated qualification checks find nothing; the case waits for the plan.
        runDueJobs(caseInstance);
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("AWAITING_PLAN");

        // Stages 8–10: filing and materials close; the plan is drafted, approved, noticed and issued.
        setClock(Fixtures.FILING_CLOSES.plusSeconds(1));
        runDueJobs(program);
        assertThat(runtimeService.getActiveActivityIds(program)).containsExactly("Timer_MaterialsClose");
        setClock(OffsetDateTime.parse("2026-05-07T17:45:01+08:00").toInstant());
        runDueJobs(program);
        completeAs("manager", task("manager", program, "UserTask_DraftPlan"), "ACCEPT");
        completeAs("approver", task("approver", program, "UserTask_ApprovePlan"), "ACCEPT");
        runDueJobs(program);
        Job noticeEnds = managementService.createJobQuery().processInstanceId(program)
                .activityId("Timer_NoticeEnds").singleResult();
        assertThat(noticeEnds).as("the public notice timer").isNotNull();

        ResponseEntity<JsonNode> plan = get("manager", "/api/programs/" + code + "/plan");
        assertThat(plan.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plan.getBody().path("status").asText()).isEqualTo("NOTICE");
        List<JsonNode> lines = StreamSupport.stream(plan.getBody().path("lines").spliterator(), false)
                .filter(line -> line.path("caseId").asText().equals(caseId)).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("uscc").asText()).isEqualTo(Fixtures.USCC);
            assertThat(line.path("project").asText()).isEqualTo("Phnom Penh plant");
            assertThat(line.path("removed").asBoolean()).isFalse();
        });
        BigDecimal planned = lines.stream().map(line -> line.path("amountWan").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(planned).isPositive();
        ResponseEntity<String> csv = rest.withBasicAuth("manager", PASSWORD)
                .getForEntity("/api/programs/" + code + "/plan.csv", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(csv.getBody()).startsWith("\uFEFFenterprise,uscc,project,category,amountWan\r\n");
        JsonNode firstLine = lines.get(0);
        assertThat(csv.getBody()).contains("\"Shenzhen Example Co., Ltd.\"," + Fixtures.USCC + ",Phnom Penh plant,"
                + firstLine.path("category").asText() + "," + firstLine.path("amountWan").decimalValue()
                        .toPlainString() + "\r\n");

        setClock(noticeEnds.getDuedate().toInstant().plusSeconds(1));
        runDueJobs(program);
        completeAs("approver", task("approver", program, "UserTask_IssuePlan"), "ACCEPT");
        runDueJobs(program);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(program).count()).isZero();

        // Stage 11: the applicant sends its disbursement documents.
        view = caseView(caseId);
        assertThat(view.path("stage").asText()).isEqualTo("DISBURSEMENT_DOCUMENTS");
        assertThat(view.path("planAmountWan").decimalValue()).isEqualByComparingTo(planned);
        assertThat(upload("applicant", "/api/cases/" + caseId + "/disbursement-documents", null, "receipt.pdf")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        // Stage 12: an approver authorises and the treasury pays.
        assertThat(caseView(caseId).path("stage").asText()).isEqualTo("DISBURSEMENT");
        // The approver who issued the plan may not authorise its payments: a second approver does.
        completeAs("approver2", task("approver2", caseInstance, "UserTask_AuthoriseDisbursement"), "ACCEPT");
        runDueJobs(caseInstance);

        view = caseView(caseId);
        assertThat(view.path("stage").asText()).isEqualTo("PAID");
        assertThat(view.path("outcome").asText()).isEqualTo("PAID");
        assertThat(view.path("currentTasks")).isEmpty();
        assertThat(view.path("payments")).hasSize(1);
        JsonNode payment = view.path("payments").path(0);
        assertThat(payment.path("status").asText()).isEqualTo("PAID");
        assertThat(payment.path("amount").path("currency").asText()).isEqualTo("CNY");
        assertThat(new BigDecimal(payment.path("amount").path("amount").asText()))
                .isEqualByComparingTo(planned.multiply(BigDecimal.valueOf(10_000)));
        assertThat(texts(view.path("reviews"), "decidedBy")).containsExactly("reviewer", "reviewer", "auditor",
                "approver2");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(caseInstance).count()).isZero();
    }

    @Test
    void refusalsAnswerWithTheContractsStatusesAndProblemDetails() {
        String code = publishedProgram();

        setClock(Fixtures.FILING_CLOSES);
        ResponseEntity<JsonNode> late = file("applicant", code, Fixtures.applicationJson(), null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(late.getBody().path("code").asText()).isEqualTo("FILING_WINDOW_CLOSED");
        assertThat(late.getBody().path("status").asInt()).isEqualTo(409);

        setClock(DURING_FILING);
        ObjectNode badUscc = Fixtures.applicationJson();
        badUscc.with("applicant").put("uscc", USCC_WITH_WRONG_CHECK_CHARACTER);
        ResponseEntity<JsonNode> invalid = file("applicant", code, badUscc, null);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(errors(invalid)).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("applicant.uscc");
            assertThat(error.path("code").asText()).isEqualTo("INVALID_USCC");
        });

        ObjectNode unknownField = Fixtures.applicationJson();
        unknownField.with("project").put("sideLetter", "not in the contract");
        ResponseEntity<JsonNode> unknown = file("applicant", code, unknownField, null);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("project.sideLetter");
            assertThat(error.path("code").asText()).isEqualTo("UNKNOWN_FIELD");
        });

        assertThat(file("applicant2", code, Fixtures.applicationJson(), null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> filed = file("applicant", code, Fixtures.applicationJson(), null);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = filed.getBody().path("caseId").asText();
        assertThat(get("applicant2", "/api/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("applicant", "/api/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("SubsidyCase")
                .variableValueEquals("programCode", code).count()).as("only the one valid filing").isEqualTo(1);

        assertThat(exchange(null, HttpMethod.GET, "/api/programs/x", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(exchange(null, HttpMethod.GET, "/actuator/health", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(exchange("applicant", HttpMethod.GET, "/engine-rest/task?maxResults=1", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("applicant", HttpMethod.GET, "/camunda/app/tasklist/default/", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theFilingDeadlineIsShenzhenWallClockTimeWhateverTheJvmZone() {
        String code = publishedProgram();
        String program = programInstance(code);

        Job filingCloses = managementService.createJobQuery().processInstanceId(program)
                .activityId("Timer_FilingCloses").singleResult();
        assertThat(filingCloses).isNotNull();
        assertThat(filingCloses.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-04-30T10:00:00Z"));

        ResponseEntity<JsonNode> shown = get("applicant", "/api/programs/" + code);
        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(shown.getBody().path("filingClosesAt").asText()).isEqualTo("2026-04-30T18:00:00+08:00");
        ResponseEntity<String> raw = rest.withBasicAuth("applicant", PASSWORD)
                .getForEntity("/api/programs/" + code, String.class);
        assertThat(raw.getBody()).contains("\"filingClosesAt\":\"2026-04-30T18:00:00+08:00\"");

        setClock(OffsetDateTime.parse("2026-04-30T17:59:59+08:00").toInstant());
        assertThat(file("applicant", code, Fixtures.applicationJson(), null).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        setClock(OffsetDateTime.parse("2026-04-30T18:00:00+08:00").toInstant());
        ResponseEntity<JsonNode> late = file("applicant", code, Fixtures.applicationJson(), null);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().path("code").asText()).isEqualTo("FILING_WINDOW_CLOSED");
    }

    @Test
    void theInitialReviewFormIsServedToReviewersOnly() {
        String code = publishedProgram();
        ResponseEntity<JsonNode> filed = file("applicant", code, Fixtures.applicationJson(), null);
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseInstance = caseInstance(filed.getBody().path("businessKey").asText());
        String review = task("reviewer", caseInstance, "UserTask_InitialReview");

        ResponseEntity<JsonNode> form = exchange("reviewer", HttpMethod.GET,
                "/engine-rest/task/" + review + "/deployed-form", null, JsonNode.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody().path("components").isArray()).isTrue();
        assertThat(texts(form.getBody().path("components"), "key")).contains("decision");

        ResponseEntity<String> refused = exchange("auditor", HttpMethod.GET,
                "/engine-rest/task/" + review + "/deployed-form", null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("'auditor' does not have");
    }

    // --- set-up -----------------------------------------------------------------------------------------------------

    /** A fresh program published before its window, with the clock then moved into the window. */
    private String publishedProgram() {
        setClock(BEFORE_FILING);
        String code = Fixtures.programCode();
        assertThat(post("manager", "/api/programs", programBody(code)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        setClock(DURING_FILING);
        runDueJobs(programInstance(code));
        return code;
    }

    /** The contract's program example under another code. */
    private ObjectNode programBody(String code) {
        ObjectNode body = json.createObjectNode();
        body.put("code", code);
        body.put("title", "2026 central funds for outbound investment cooperation");
        body.put("supportYear", 2025);
        body.put("filingOpensAt", "2026-04-16T00:00:00+08:00");
        body.put("filingClosesAt", "2026-04-30T18:00:00+08:00");
        body.put("materialsCloseAt", "2026-05-07T17:45:00+08:00");
        body.put("budgetWan", 5000);
        body.putObject("fxRatesToCny").put("USD", "7.0288");
        body.putObject("lprPercent").put("1Y", "3.0").put("5Y", "3.5");
        return body;
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
     * The process instances this test drives. A user task's completion commits on its own (asynchronous
     * continuation), so after each action the test runs what is due in them, as the job executor would.
     */
    private final java.util.Set<String> tracked = new java.util.LinkedHashSet<>();

    private void settle() {
        runDueJobs(tracked.toArray(String[]::new));
    }

    /** Runs the due jobs of these process instances only, until none is left. */
    private void runDueJobs(String... processInstanceIds) {
        tracked.addAll(List.of(processInstanceIds));
        for (int run = 0; run < 100; run++) {
            Job due = null;
            for (String id : processInstanceIds) {
                List<Job> jobs = managementService.createJobQuery().processInstanceId(id).executable().list();
                if (!jobs.isEmpty()) {
                    due = jobs.get(0);
                    break;
                }
            }
            if (due == null) {
                return;
            }
            managementService.executeJob(due.getId());
        }
        throw new AssertionError("Jobs keep falling due: a loop in the models?");
    }

    // --- the engine REST API ----------------------------------------------------------------------------------------

    private List<JsonNode> tasks(String user, String processInstanceId) {
        ResponseEntity<JsonNode> response = exchange(user, HttpMethod.GET,
                "/engine-rest/task?processInstanceId=" + processInstanceId + "&maxResults=10", null, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> tasks = new ArrayList<>();
        response.getBody().forEach(tasks::add);
        return tasks;
    }

    /** The id of the task with this key that {@code user} sees in the instance. */
    private String task(String user, String processInstanceId, String taskKey) {
        List<JsonNode> tasks = tasks(user, processInstanceId);
        return tasks.stream().filter(t -> taskKey.equals(t.path("taskDefinitionKey").asText()))
                .map(t -> t.path("id").asText()).findFirst()
                .orElseThrow(() -> new AssertionError(user + " sees no " + taskKey + " but "
                        + tasks.stream().map(t -> t.path("taskDefinitionKey").asText()).toList()));
    }

    private ResponseEntity<String> complete(String user, String taskId, String decision) {
        Map<String, Object> body = Map.of("variables",
                Map.of("decision", Map.of("value", decision, "type", "String")));
        return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", body, String.class);
    }

    private void completeAs(String user, String taskId, String decision) {
        ResponseEntity<String> response = complete(user, taskId, decision);
        assertThat(response.getStatusCode()).as("%s completes %s: %s", user, taskId, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
        settle();
    }

    // --- the application's API --------------------------------------------------------------------------------------

    private ResponseEntity<JsonNode> file(String user, String code, ObjectNode body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, PASSWORD).exchange("/api/programs/" + code + "/applications",
                HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private JsonNode caseView(String caseId) {
        ResponseEntity<JsonNode> response = get("applicant", "/api/cases/" + caseId);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> upload(String user, String path, String kind, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        if (kind != null) {
            parts.add("kind", kind);
        }
        parts.add("file", new ByteArrayResource(Fixtures.pdf()) {
            @Override
            public String getFilename() {
                return fileName;
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
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, PASSWORD);
        return client.exchange(path, method, new HttpEntity<>(body, headers), type);
    }

    private static List<JsonNode> errors(ResponseEntity<JsonNode> problem) {
        List<JsonNode> errors = new ArrayList<>();
        problem.getBody().path("errors").forEach(errors::add);
        return errors;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> {
            if (node.hasNonNull(field)) {
                texts.add(node.path(field).asText());
            }
        });
        return texts;
    }
}
