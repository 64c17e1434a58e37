package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;


import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.http.HostileInputTest.Multipart;
import cn.bureau.subsidy.http.RunningApp.Answer;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * Who reaches what: every endpoint of the application (as Spring's handler mapping lists them, so a new endpoint
 * without a row fails here), the engine REST API, the Camunda webapps and actuator, called by nobody, by each demo
 * user, and by an applicant on its own enterprise's records and on another's. Each call is one that succeeds when
 * allowed; where the table says 409 the caller got past every access check and was refused because the case or plan
 * is not at that step. A refused applicant never gets the other enterprise's data in the answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixTest {

    /**
     * The expected answers. Columns: nobody logged in, the six staff users, then {@code own}: applicant (USCC
     * 91440300MA5F000181) on its own records, and {@code other}: applicant2 (91440300MA5F00026U) on applicant's
     * records (for a filing: applicant2 filing under applicant's USCC). Cockpit is for those who follow every case
     * (program managers, supervisors) and Admin for camunda-admin, by the Camunda application authorizations the
     * identity seeder grants; the engine REST API then applies Camunda's authorizations per task and instance. The
     * supervision board and its API are for supervisors and approvers; models, decisions and the working-day
     * calendar for program managers; binding an applicant user to its enterprise for camunda-admin. A rollout of unchanged folders answers 200 (nothing deployed); a migration
     * request without a source version 400, and an unknown migration 404: past every access check.
     */
    static final String MATRIX = """
            endpoint                                           anon manager reviewer auditor approver supervisor admin own other
            POST   /api/programs                                401  201     403      403     403      403        403   403 403
            GET    /api/programs                                401  200     200      200     200      200        200   200 200
            GET    /api/programs/{code}                         401  200     200      200     200      200        200   200 200
            POST   /api/programs/{code}/quote                   401  200     200      200     200      200        200   200 200
            POST   /api/programs/{code}/applications            401  403     403      403     403      403        403   201 403
            GET    /api/programs/{code}/plan                    401  200     200      200     200      200        200   200 200
            GET    /api/programs/{code}/plan.csv                401  200     200      200     200      200        200   200 200
            POST   /api/programs/{code}/plan/objections         401  409     403      409     403      403        403   403 403
            GET    /api/cases/{caseId}                          401  200     200      200     200      200        200   200 403
            GET    /api/cases                                   401  403     403      403     403      403        403   200 200
            GET    /api/cases/{caseId}/applicant-task           401  403     403      403     403      403        403   204 403
            GET    /api/cases/{caseId}/required-materials       401  200     200      200     200      200        200   200 403
            GET    /api/cases/{caseId}/materials                401  200     200      200     200      200        200   200 403
            GET    /api/cases/{caseId}/materials/{materialId}   401  200     200      200     200      200        200   200 403
            POST   /api/cases/{caseId}/materials                401  403     403      403     403      403        403   201 403
            POST   /api/cases/{caseId}/materials/submission     401  403     403      403     403      403        403   409 403
            POST   /api/cases/{caseId}/corrections              401  403     403      403     403      403        403   409 403
            POST   /api/cases/{caseId}/disbursement-documents   401  403     403      403     403      403        403   409 403
            PUT    /api/cases/{caseId}/bank-account             401  403     403      403     403      403        403   409 403
            POST   /api/cases/{caseId}/withdrawal               401  403     403      403     403      403        403   204 403
            GET    /api/registries/{registry}                   401  403     403      200     403      200        403   403 403
            POST   /api/registries/{registry}/import            401  403     403      201     403      403        403   403 403
            DELETE /api/registries/{registry}/{id}              401  403     403      204     403      403        403   403 403
            GET    /api/notifications                           401  200     200      200     200      200        200   200 200
            GET    /api/supervision/overdue                     401  403     403      403     200      200        403   403 403
            GET    /api/supervision/summary                     401  403     403      403     200      200        403   403 403
            GET    /api/supervision/overdue.csv                 401  403     403      403     200      200        403   403 403
            GET    /api/supervision/diagram                     401  403     403      403     200      200        403   403 403
            GET    /supervision                                 401  403     403      403     200      200        403   403 403
            GET    /supervision/                                401  403     403      403     200      200        403   403 403
            GET    /portal                                      401  403     403      403     403      403        403   200 200
            GET    /portal/                                     401  403     403      403     403      403        403   200 200
            GET    /api/forms/application                       401  200     200      200     200      200        200   200 200
            GET    /api/me                                      401  200     200      200     200      200        200   200 200
            GET    /api/csrf                                    401  200     200      200     200      200        200   200 200
            GET    /                                            401  302     302      302     302      302        302   302 302
            GET    /api/calendar/{year}                         401  200     403      403     403      403        403   403 403
            PUT    /api/calendar/days/{day}                     401  200     403      403     403      403        403   403 403
            DELETE /api/calendar/days/{day}                     401  204     403      403     403      403        403   403 403
            GET    /api/models/checks                           401  200     403      403     403      403        403   403 403
            POST   /api/models/checks                           401  200     403      403     403      403        403   403 403
            POST   /api/decisions/what-if                       401  200     403      403     403      403        403   403 403
            GET    /api/models/deployments                      401  200     403      403     403      403        403   403 403
            POST   /api/models/deployments                      401  200     403      403     403      403        403   403 403
            POST   /api/models/migrations/plan                  401  200     403      403     403      403        403   403 403
            POST   /api/models/migrations                       401  400     403      403     403      403        403   403 403
            GET    /api/models/migrations/{id}                  401  404     403      403     403      403        403   403 403
            PUT    /api/applicant-bindings/{userId}             401  403     403      403     403      403        200   403 403
            GET    /api/openapi                                 401  200     200      200     200      200        200   200 200
            GET    /api/openapi.yaml                            401  200     200      200     200      200        200   200 200
            GET    /api/openapi/swagger-config                  401  200     200      200     200      200        200   200 200
            GET    /api/docs                                    401  302     302      302     302      302        302   302 302
            GET    /engine-rest/task                            401  200     200      200     200      200        200   403 403
            GET    /engine-rest/process-instance                401  200     200      200     200      200        200   403 403
            POST   /engine-rest/task                            401  200     200      200     200      200        200   403 403
            GET    /camunda/app/tasklist/default/               401  200     200      200     200      200        200   403 403
            GET    /camunda/app/cockpit/default/                401  200     403      403     403      200        200   403 403
            GET    /camunda/app/admin/default/                  401  403     403      403     403      403        200   403 403
            GET    /camunda/api/engine/engine/                  401  200     200      200     200      200        200   403 403
            GET    /actuator/health                             200  200     200      200     200      200        200   200 200
            GET    /actuator/info                               401  200     200      200     200      200        200   403 403
            GET    /actuator/metrics                            401  200     200      200     200      200        200   403 403
            GET    /notice.html                                 401  200     200      200     200      200        200   200 200
            """;

    /** Mappings no client calls: Spring Boot's error page. */
    static final Set<String> NOT_ENDPOINTS = Set.of("GET /error", "POST /error", "PUT /error", "DELETE /error",
            "PATCH /error", "HEAD /error", "OPTIONS /error", "TRACE /error");

    /** Rows for what Spring MVC's handler mapping does not serve: the engine, the webapps, actuator, static pages. */
    static final List<String> NOT_MVC = List.of("/engine-rest/", "/camunda/", "/actuator/", "/notice.html");

    static final List<String> COLUMNS = List.of("anon", "manager", "reviewer", "auditor", "approver", "supervisor",
            "admin", "own", "other");

    /** A registry entry for an enterprise no test files for, so imports never flag a case. */
    private static final String UNRELATED_USCC = unrelatedUscc();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;

    private RunningApp app;
    private String program;
    private String ownCase;
    private String ownBusinessKey;
    private String material;

    @BeforeEach
    void aProgramWithACaseAMaterialAndAPlan() {
        ClockUtil.reset();
        app = RunningApp.start();
        program = Fixtures.programCode();
        app.publishProgramOpenNow(program);
        Answer filed = app.fileApplication(program);
        ownCase = filed.json().path("caseId").asText();
        ownBusinessKey = filed.json().path("businessKey").asText();
        Answer uploaded = upload("applicant", ownCase, "/materials");
        assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
        material = uploaded.json().path("id").asText();
        draftPlan(program, ownCase);
    }

    @Test
    void everyEndpointHasARowAndEveryCellHolds() {
        Map<String, List<Integer>> expected = parse(MATRIX);

        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = new TreeSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
            }
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> mapped.add(method + " " + pattern));
            }
        }
        mapped.removeAll(NOT_ENDPOINTS);
        Set<String> rowsForMappings = new TreeSet<>(expected.keySet());
        rowsForMappings.removeIf(row -> NOT_MVC.stream().anyMatch(row.split(" ")[1]::startsWith));
        assertThat(rowsForMappings).as("a row for every endpoint Spring maps, and no row for one it does not")
                .containsExactlyInAnyOrderElementsOf(mapped);

        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<Integer>> row : expected.entrySet()) {
            for (int column = 0; column < COLUMNS.size(); column++) {
                String who = COLUMNS.get(column);
                Answer answer = call(row.getKey(), who);
                checked++;
                int want = row.getValue().get(column);
                if (answer.status() != want) {
                    wrong.add("%-55s %-10s expected %d, got %s".formatted(row.getKey(), who, want, answer));
                }
                if (who.equals("other") && answer.status() >= 400) {
                    assertThat(answer.body()).as("%s leaks nothing of the other enterprise", row.getKey())
                            .doesNotContain(ownBusinessKey).doesNotContain(Fixtures.USCC)
                            .doesNotContain("Shenzhen Example Co");
                }
            }
        }
        System.out.println("access matrix: " + expected.size() + " endpoints x " + COLUMNS.size() + " callers, "
                + checked + " cells");
        assertThat(wrong).as("cells that do not hold").isEmpty();
    }

    @Test
    void anApplicantSeesNoneOfAnotherEnterprisesCasesTasksOrFiles() {
        Answer other = app.json("applicant2", "GET", "/api/cases/" + ownCase, null);
        assertThat(other.status()).isIn(403, 404);
        assertThat(other.body()).doesNotContain(ownBusinessKey).doesNotContain("Phnom Penh");
        Answer file = app.send("applicant2", "GET", "/api/cases/" + ownCase + "/materials/" + material, null, null);
        assertThat(file.status()).isIn(403, 404);
        assertThat(file.body()).doesNotContain("%PDF");
        Answer files = app.send("applicant2", "GET", "/api/cases/" + ownCase + "/materials", null, null);
        assertThat(files.status()).isIn(403, 404);
        assertThat(files.body()).doesNotContain(material);
        // Tasks are reached only through the case view and the engine REST API; applicants have the latter not.
        Answer tasks = app.send("applicant2", "GET", "/engine-rest/task?processInstanceBusinessKey=" + ownBusinessKey,
                null, null);
        assertThat(tasks.status()).isEqualTo(403);
        assertThat(tasks.body()).doesNotContain(ownBusinessKey);
        Answer own = app.json("applicant", "GET", "/api/cases/" + ownCase, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("currentTasks").path(0).path("taskKey").asText())
                .isEqualTo("UserTask_InitialReview");
    }

    // --- one call per row and column ----------------------------------------------------------------------------------

    private Answer call(String row, String who) {
        String user = switch (who) {
            case "anon" -> null;
            case "own" -> "applicant";
            case "other" -> "applicant2";
            default -> who;
        };
        String[] parts = row.split(" ", 2);
        String method = parts[0];
        String pattern = parts[1];
        String registry = "PRIOR_AWARD";
        String path = pattern.replace("{code}", program).replace("{materialId}", material)
                .replace("{registry}", registry);
        if (pattern.endsWith("/withdrawal")) {
            path = path.replace("{caseId}", freshCase()); // each withdrawal closes a case of its own
        } else {
            path = path.replace("{caseId}", ownCase);
        }
        if (pattern.startsWith("/engine-rest/")) {
            path += "?maxResults=1"; // the engine refuses unbounded queries
        }
        if (pattern.startsWith("/api/registries/") && pattern.endsWith("/{id}")) {
            path = path.replace("{id}", freshRegistryEntry(registry));
        }
        path = path.replace("{id}", UUID.randomUUID().toString()).replace("{year}", "2099")
                .replace("{userId}", "applicant"); // bound again to the USCC it has: nothing changes
        if (pattern.equals("/api/calendar/days/{day}")) {
            path = path.replace("{day}", method.equals("DELETE") ? freshCalendarDay() : "2099-06-07");
        }
        if (pattern.equals("/api/decisions/what-if")) {
            path += "?program=" + program;
        }
        if (row.equals("POST /api/models/checks") || row.equals("POST /api/decisions/what-if")) {
            // The shipped files, unchanged: checked or replayed, nothing deployed.
            String file = row.contains("what-if") ? "decisions/support-rates.dmn" : "forms/initial-review.form";
            Multipart body = new Multipart().file("files", file.substring(file.indexOf('/') + 1),
                    "application/octet-stream", shipped(file));
            return app.send(user, method, path, body.contentType(), body.bytes(), accept());
        }
        Map<String, String> json = Map.ofEntries(
                Map.entry("POST /api/programs",
                        RunningApp.programOpenNow(Fixtures.programCode()).toString()),
                Map.entry("POST /api/programs/{code}/quote",
                        Fixtures.applicationJson().toString()),
                Map.entry("POST /api/programs/{code}/applications",
                        Fixtures.applicationJson().toString()),
                Map.entry("POST /api/programs/{code}/plan/objections",
                        "{\"caseId\":\"" + ownCase + "\",\"reason\":\"listed\"}"),
                Map.entry("POST /api/cases/{caseId}/corrections",
                        "{\"note\":\"corrected\"}"),
                Map.entry("PUT /api/cases/{caseId}/bank-account",
                        "{\"bank\":\"Bank of China\",\"accountName\":\"Example\",\"accountNo\":\"6222021234567890\"}"),
                Map.entry("POST /api/cases/{caseId}/withdrawal",
                        "{\"reason\":\"no longer needed\"}"),
                Map.entry("POST /engine-rest/task",
                        "{}"),
                Map.entry("PUT /api/applicant-bindings/{userId}",
                        "{\"uscc\":\"" + Fixtures.USCC + "\"}"),
                Map.entry("PUT /api/calendar/days/{day}",
                        "{\"kind\":\"HOLIDAY\",\"name\":\"Access matrix (a Sunday)\"}"),
                Map.entry("POST /api/models/deployments",
                        "{\"message\":\"Access matrix: the folders as they are\"}"),
                Map.entry("POST /api/models/migrations/plan",
                        "{\"processKey\":\"SubsidyCase\"}"),
                Map.entry("POST /api/models/migrations",
                        "{\"processKey\":\"SubsidyCase\"}"));
        if (json.containsKey(row)) {
            return app.send(user, method, path, "application/json", bytes(json.get(row)), accept());
        }
        if (row.endsWith("/materials") && method.equals("POST") || row.endsWith("/disbursement-documents")) {
            Multipart body = new Multipart();
            if (row.endsWith("/materials")) {
                body.field("kind", "APPLICATION_FORM");
            }
            body.file("file", "scan.pdf", "application/pdf", Fixtures.pdf());
            return app.send(user, method, path, body.contentType(), body.bytes(), accept());
        }
        if (row.endsWith("/import")) {
            return app.send(user, method, path, "text/csv", bytes(RegistryCsv.row(UNRELATED_USCC)), accept());
        }
        return app.send(user, method, path, null, method.equals("GET") || method.equals("DELETE") ? null
                : new byte[0], accept());
    }

    /** A client that is not a browser: a browser without a session is sent to the login page instead of a 401. */
    private static Map<String, String> accept() {
        return Map.of("Accept", "application/json, */*;q=0.5");
    }

    private String freshCase() {
        Answer filed = app.fileApplication(program);
        return filed.json().path("caseId").asText();
    }

    private String freshRegistryEntry(String registry) {
        assertThat(app.send("auditor", "POST", "/api/registries/" + registry + "/import", "text/csv",
                bytes(RegistryCsv.row(UNRELATED_USCC))).status()).isEqualTo(201);
        return jdbc.queryForObject("select max(id) from registry_entry where registry = ?", Long.class, registry)
                .toString();
    }

    /** A Sunday in 2099 kept as a holiday, for one DELETE to remove: no deadline of any test falls near it. */
    private String freshCalendarDay() {
        String day = "2099-06-14";
        assertThat(app.send("manager", "PUT", "/api/calendar/days/" + day, "application/json",
                bytes("{\"kind\":\"HOLIDAY\",\"name\":\"Access matrix\"}")).status()).isEqualTo(200);
        return day;
    }

    private static byte[] shipped(String file) {
        try {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer upload(String user, String caseId, String endpoint) {
        Multipart body = new Multipart().field("kind", "APPLICATION_FORM").file("file", "scan.pdf", "application/pdf",
                Fixtures.pdf());
        return app.send(user, "POST", "/api/cases/" + caseId + endpoint, body.contentType(), body.bytes());
    }

    /** A drafted plan with the case's line, written directly: drafting one through the engine takes the whole path. */
    private void draftPlan(String code, String caseId) {
        UUID programId = jdbc.queryForObject("select id from program where code = ?", UUID.class, code);
        UUID plan = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into funding_plan (id, program_id, plan_version, status, budget_wan, total_wan, drafted_by,"
                + " drafted_at) values (?, ?, 1, 'DRAFT', 5000, 30, 'manager', ?)", plan, programId, now);
        jdbc.update("insert into plan_line (plan_id, application_id, uscc, enterprise_name, project_name, category,"
                + " claim_position, unscaled_wan, capped_wan, amount_wan, removed, explanation)"
                + " values (?, ?, ?, 'Shenzhen Example Co., Ltd.', 'Phnom Penh plant', 'PRE_PROJECT_FEES', 1, 30, 30,"
                + " 30, false, 'drafted for the access matrix')", plan, UUID.fromString(caseId), Fixtures.USCC);
    }

    static Map<String, List<Integer>> parse(String matrix) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        List<String> lines = matrix.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines.get(0).trim().split("\\s+")).containsExactly(header());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as("row %s", line).hasSize(2 + COLUMNS.size());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 2; i < cells.length; i++) {
                statuses.add(Integer.parseInt(cells[i]));
            }
            assertThat(rows.put(cells[0] + " " + cells[1], statuses)).as("one row for %s", line).isNull();
        }
        return rows;
    }

    private static String[] header() {
        List<String> header = new ArrayList<>(List.of("endpoint"));
        header.addAll(COLUMNS);
        return header.toArray(String[]::new);
    }

    /** A valid USCC for a made-up enterprise: the first seventeen characters and the check character they need. */
    private static String unrelatedUscc() {
        String base = "91440300MA5F0999";
        for (char c7 : "0123456789".toCharArray()) {
            for (char check : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
                String candidate = base + c7 + check;
                if (Uscc.isValid(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no check character fits");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One registry row for an enterprise no test files for, restricted until a date long past. */
    private static final class RegistryCsv {
        static String row(String uscc) {
            return "uscc,projectName,listedOn,restrictedUntil,note\n" + uscc
                    + ",Access matrix,2020-01-01,2020-12-31,written by the access matrix test\n";
        }
    }
}
