package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.ProgramPublisher;

/** The supervision API over seeded cases: overdue list, filters, summary buckets, CSV, and who may see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionApiTest {

    private static final List<String> BOARD_URLS = List.of("/supervision", "/api/supervision/overdue",
            "/api/supervision/summary", "/api/supervision/overdue.csv", "/api/supervision/diagram",
            "/app/supervision/index.html");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    ApplicantActions applicant;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;

    private BoardSeed seed;

    @BeforeEach
    void seed() {
        seed = new BoardSeed(publisher, filing, applicant, taskService, managementService, watch);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void overdueListsTheLateTasksMostOverdueFirstWithHolderDueDateAndEscalations() {
        JsonNode page = get("supervisor", "/api/supervision/overdue?program=" + seed.programCode);

        assertThat(page.path("total").asLong()).isEqualTo(3);
        // Counted with the page here (the tests share no counts); in production up to the board's maximum age earlier.
        assertThat(page.path("totalAsOf").asText()).isEqualTo(page.path("asOf").asText());
        assertThat(page.path("asOf").asText()).isEqualTo("2026-05-07T10:00:00+08:00");
        JsonNode items = page.path("items");
        assertThat(texts(items, "caseId")).containsExactlyInAnyOrder(seed.a.getId().toString(),
                seed.b.getId().toString(), seed.d.getId().toString());
        assertThat(items.path(2).path("caseId").asText()).isEqualTo(seed.d.getId().toString());
        JsonNode a = item(items, seed.a.getId().toString());
        assertThat(a.path("businessKey").asText()).isEqualTo(seed.a.getBusinessKey());
        assertThat(a.path("enterprise").path("name").asText()).isEqualTo(seed.a.getEnterpriseName());
        assertThat(a.path("stage").asText()).isEqualTo("INITIAL_REVIEW");
        assertThat(a.path("assignee").asText()).isEqualTo("reviewer");
        assertThat(a.path("holder").asText()).isEqualTo("reviewer");
        assertThat(a.path("dueAt").asText()).isEqualTo("2026-04-27T18:00:00+08:00");
        assertThat(a.path("overdueWorkingDays").asInt()).isEqualTo(5);
        assertThat(a.path("escalationLevel").asInt()).isEqualTo(2);
        assertThat(a.path("lastEscalatedAt").asText()).as("the watch's second run, at the second threshold")
                .isEqualTo("2026-05-06T18:01:00+08:00");
        assertThat(a.path("escalations").isMissingNode()).as("the recipients are on the case").isTrue();
        assertThat(a.path("tasklistUrl").asText()).isEqualTo("/camunda/app/tasklist/default/#/?task="
                + a.path("taskId").asText());
        JsonNode b = item(items, seed.b.getId().toString());
        assertThat(b.path("assignee").isMissingNode()).isTrue();
        assertThat(b.path("holder").asText()).isEqualTo("initial-reviewers");
        assertThat(b.path("candidateGroups").toString()).isEqualTo("[\"initial-reviewers\"]");
        assertThat(b.path("escalationLevel").asInt()).isZero();
        assertThat(b.path("lastEscalatedAt").isMissingNode()).isTrue();
        assertThat(item(items, seed.d.getId().toString()).path("overdueWorkingDays").asInt()).isEqualTo(2);
    }

    @Test
    void filtersNarrowTheListByAssigneeGroupStageAndProgram() {
        String program = "/api/supervision/overdue?program=" + seed.programCode;

        assertThat(texts(get("supervisor", program + "&assignee=reviewer").path("items"), "caseId"))
                .containsExactly(seed.a.getId().toString());
        assertThat(get("supervisor", program + "&group=initial-reviewers").path("total").asLong()).isEqualTo(3);
        assertThat(get("supervisor", program + "&group=auditors").path("total").asLong()).isZero();
        assertThat(get("supervisor", program + "&stage=FORMAL_REVIEW").path("total").asLong()).isZero();
        assertThat(get("supervisor", program + "&limit=1&offset=1").path("items")).hasSize(1);
        assertThat(rest.withBasicAuth("supervisor", "demo").getForEntity(program + "&limit=0", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theDatabaseSortsTheWholeListByAColumnAndAPageIsAPageOfThatOrder() {
        String program = "/api/supervision/overdue?program=" + seed.programCode;
        String a = seed.a.getId().toString();
        String b = seed.b.getId().toString();
        String d = seed.d.getId().toString();

        // The holder: the group's unclaimed tasks before the reviewer's; equal holders most overdue first.
        JsonNode byHolder = get("supervisor", program + "&sort=holder&dir=asc");
        assertThat(byHolder.path("sort").asText()).isEqualTo("holder");
        assertThat(byHolder.path("dir").asText()).isEqualTo("asc");
        assertThat(texts(byHolder.path("items"), "caseId")).containsExactly(b, d, a);
        assertThat(texts(get("supervisor", program + "&sort=holder&dir=desc").path("items"), "caseId"))
                .containsExactly(a, b, d);
        assertThat(texts(get("supervisor", program + "&sort=holder&dir=asc&limit=2").path("items"), "caseId"))
                .containsExactly(b, d);
        assertThat(texts(get("supervisor", program + "&sort=holder&dir=asc&limit=2&offset=2").path("items"),
                "caseId")).containsExactly(a);

        // A number column is read highest first unless asked otherwise.
        JsonNode byEscalation = get("supervisor", program + "&sort=escalationLevel");
        assertThat(byEscalation.path("dir").asText()).isEqualTo("desc");
        assertThat(texts(byEscalation.path("items"), "caseId").get(0)).isEqualTo(a);
        assertThat(texts(get("supervisor", program + "&sort=escalationLevel&dir=asc").path("items"), "caseId")
                .get(2)).isEqualTo(a);
        JsonNode leastOverdueFirst = get("supervisor", program + "&dir=asc");
        assertThat(leastOverdueFirst.path("sort").asText()).isEqualTo("overdueWorkingDays");
        assertThat(texts(leastOverdueFirst.path("items"), "caseId").get(0)).isEqualTo(d);
        assertThat(texts(get("supervisor", program + "&sort=dueAt&dir=desc").path("items"), "caseId").get(0))
                .isEqualTo(d);

        // The export follows the order it is asked for.
        List<String> lines = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/supervision/overdue.csv"
                + "?program=" + seed.programCode + "&sort=holder&dir=asc", String.class).getBody().lines().toList();
        assertThat(lines.subList(1, 4)).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly(b, d, a);
    }

    @Test
    void enterpriseNamesSortInPinyinOrderOnPostgresql() {
        assumeTrue(jdbc.queryForObject("select version()", String.class).startsWith("PostgreSQL"),
                "H2 sorts names by code point");
        name(seed.a, "张江投资有限公司"); // zhāng
        name(seed.b, "阿拉山口投资有限公司"); // ā
        name(seed.d, "北方投资有限公司"); // běi: by code point 北 < 张 < 阿

        JsonNode page = get("supervisor", "/api/supervision/overdue?program=" + seed.programCode
                + "&sort=enterprise&dir=asc");

        assertThat(texts(page.path("items"), "caseId")).containsExactly(seed.b.getId().toString(),
                seed.d.getId().toString(), seed.a.getId().toString());
    }

    @Test
    void anUnknownColumnOrDirectionIsRefusedNamingTheParameter() {
        for (String query : List.of("sort=overdue&dir=asc", "sort=holder&dir=up")) {
            for (String url : List.of("/api/supervision/overdue?", "/api/supervision/overdue.csv?")) {
                ResponseEntity<JsonNode> refused = rest.withBasicAuth("supervisor", "demo").getForEntity(url + query,
                        JsonNode.class);
                assertThat(refused.getStatusCode()).as(url + query).isEqualTo(HttpStatus.BAD_REQUEST);
                JsonNode error = refused.getBody().path("errors").path(0);
                assertThat(error.path("field").asText()).isEqualTo(query.contains("up") ? "dir" : "sort");
                assertThat(error.path("code").asText()).isEqualTo(query.contains("up") ? "UNKNOWN_DIRECTION"
                        : "UNKNOWN_COLUMN");
            }
        }
    }

    @Test
    void theSummaryCountsByStageOfficerAndDiagramElementInAgingBuckets() {
        JsonNode summary = get("approver", "/api/supervision/summary?program=" + seed.programCode);

        assertThat(buckets(summary.path("total"))).containsExactly(4L, 1L, 1L, 2L, 0L);
        assertThat(buckets(row(summary.path("byStage"), "stage", "INITIAL_REVIEW").path("tasks")))
                .containsExactly(3L, 0L, 1L, 2L, 0L);
        assertThat(buckets(row(summary.path("byStage"), "stage", "FORMAL_REVIEW").path("tasks")))
                .containsExactly(1L, 1L, 0L, 0L, 0L);
        JsonNode reviewer = row(summary.path("byOfficer"), "officer", "reviewer");
        assertThat(reviewer.path("kind").asText()).isEqualTo("USER");
        assertThat(buckets(reviewer.path("tasks"))).containsExactly(1L, 0L, 0L, 1L, 0L);
        JsonNode group = row(summary.path("byOfficer"), "officer", "initial-reviewers");
        assertThat(group.path("kind").asText()).isEqualTo("GROUP");
        assertThat(buckets(group.path("tasks"))).containsExactly(3L, 1L, 1L, 1L, 0L);
        JsonNode initialReview = row(summary.path("byActivity"), "activityId", "UserTask_InitialReview");
        assertThat(initialReview.path("open").asLong()).isEqualTo(3);
        assertThat(initialReview.path("overdue").asLong()).isEqualTo(3);
        assertThat(summary.path("programs").toString()).contains(seed.programCode);
    }

    @Test
    void theCsvExportHasAHeaderAndOneLinePerOverdueTask() {
        ResponseEntity<String> csv = rest.withBasicAuth("supervisor", "demo")
                .getForEntity("/api/supervision/overdue.csv?program=" + seed.programCode, String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFcaseId,businessKey,programCode,uscc,enterprise,stage");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",INITIAL_REVIEW,").contains("2026-04-27T18:00+08:00");
        assertThat(String.join("\n", lines)).contains(seed.a.getBusinessKey(), seed.b.getBusinessKey(),
                seed.d.getBusinessKey()).doesNotContain(seed.c.getBusinessKey());
    }

    @Test
    void theDiagramIsTheDeployedCaseModel() {
        ResponseEntity<String> xml = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/supervision/diagram",
                String.class);

        assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xml.getBody()).contains("UserTask_InitialReview").contains("bpmndi:BPMNDiagram");
    }

    @Test
    void applicantsAndOtherStaffGetForbiddenOnEverySupervisionUrl() {
        for (String url : BOARD_URLS) {
            assertThat(status("applicant", url)).as(url).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status("reviewer", url)).as(url).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status("supervisor", url)).as(url).isEqualTo(HttpStatus.OK);
            assertThat(status("approver", url)).as(url).isEqualTo(HttpStatus.OK);
        }
        assertThat(rest.getForEntity("/api/supervision/overdue", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void supervisorsSeeTasksButCannotClaimOrCompleteThem() {
        String taskA = BoardSeed.task(taskService, seed.a).getId();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> seen = rest.withBasicAuth("supervisor", "demo").getForEntity("/engine-rest/task/"
                + taskA, String.class);
        ResponseEntity<String> completed = rest.withBasicAuth("supervisor", "demo").exchange("/engine-rest/task/"
                + taskA + "/complete", HttpMethod.POST, new HttpEntity<>("{\"variables\":{}}", json), String.class);
        ResponseEntity<String> claimed = rest.withBasicAuth("supervisor", "demo").exchange("/engine-rest/task/"
                + BoardSeed.task(taskService, seed.b).getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>("{\"userId\":\"supervisor\"}", json), String.class);

        assertThat(seen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        identityService.setAuthentication("supervisor", List.of("supervisors"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(taskA))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(BoardSeed.task(taskService, seed.a).getAssignee()).isEqualTo("reviewer");
    }

    private void name(Application application, String enterpriseName) {
        jdbc.update("update application set enterprise_name = ? where id = ?", enterpriseName, application.getId());
    }

    private HttpStatus status(String user, String url) {
        return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").getForEntity(url, String.class).getStatusCode()
                .value());
    }

    private JsonNode get(String user, String url) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static JsonNode item(JsonNode items, String caseId) {
        return row(items, "caseId", caseId);
    }

    private static JsonNode row(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(n -> value.equals(n.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError(value + " not in " + array));
    }

    private static List<Long> buckets(JsonNode b) {
        return List.of(b.path("open").asLong(), b.path("dueSoon").asLong(), b.path("overdue1to2").asLong(),
                b.path("overdue3to5").asLong(), b.path("overdueOver5").asLong());
    }
}
