package cn.bureau.subsidy.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.supervision.BoardViews.OverdueItem;
import cn.bureau.subsidy.supervision.BoardViews.OverduePage;
import cn.bureau.subsidy.supervision.BoardViews.Summary;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The supervision board for supervisors (approvers read it too; see the security configuration): the page at
 * {@code /supervision} and its read-only API. Every call takes the same optional filters: {@code program} (code),
 * {@code stage} (the case's stage), {@code group} (a candidate group of the task), {@code assignee}.
 */
@Controller
class SupervisionController {

    private static final String[] CSV_HEADER = {"caseId", "businessKey", "programCode", "uscc", "enterprise", "stage",
        "taskId", "taskKey", "taskName", "assignee", "candidateGroups", "dueAt", "overdueWorkingDays",
        "escalationLevel", "lastEscalatedAt"};

    private final OverdueBoard board;
    private final RepositoryService repositoryService;

    SupervisionController(OverdueBoard board, RepositoryService repositoryService) {
        this.board = board;
        this.repositoryService = repositoryService;
    }

    /** The board page; the bundle is built from {@code src/main/frontend} into {@code static/app/supervision}. */
    @GetMapping({"/supervision", "/supervision/"})
    String page() {
        return "forward:/app/supervision/index.html";
    }

    @GetMapping(path = "/api/supervision/overdue", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    OverduePage overdue(@RequestParam(required = false) String program, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        if (offset < 0) {
            throw ApiException.invalid("offset", "OUT_OF_RANGE", "offset must not be negative");
        }
        if (limit < 1 || limit > OverdueBoard.MAX_LIMIT) {
            throw ApiException.invalid("limit", "OUT_OF_RANGE", "limit must be between 1 and "
                    + OverdueBoard.MAX_LIMIT + "; the CSV export has no limit");
        }
        return board.overdue(BoardFilter.of(program, stage, group, assignee), OverdueOrder.of(sort, dir), offset,
                limit);
    }

    @GetMapping(path = "/api/supervision/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Summary summary(@RequestParam(required = false) String program, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String group, @RequestParam(required = false) String assignee) {
        return board.summary(BoardFilter.of(program, stage, group, assignee));
    }

    /** Every overdue task as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese names). */
    @GetMapping("/api/supervision/overdue.csv")
    void csv(@RequestParam(required = false) String program, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
            HttpServletResponse response) throws IOException {
        OverdueOrder order = OverdueOrder.of(sort, dir); // refused before the answer's headers are written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"overdue.csv\"");
        Writer writer = response.getWriter();
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
            board.eachOverdue(BoardFilter.of(program, stage, group, assignee), order, item -> print(csv, item));
        }
    }

    /** The case diagram as deployed (its latest version), for the board to draw its counts on. */
    @GetMapping(path = "/api/supervision/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> diagram() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(CaseProcess.KEY).latestVersion().singleResult();
        if (definition == null) {
            throw ApiException.notFound("Process definition", CaseProcess.KEY);
        }
        try (InputStream xml = repositoryService.getProcessModel(definition.getId())) {
            return ResponseEntity.ok().contentType(new MediaType("application", "xml", StandardCharsets.UTF_8))
                    .body(new String(xml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void print(CSVPrinter csv, OverdueItem item) {
        try {
            csv.printRecord(item.caseId(), item.businessKey(), item.programCode(), item.enterprise().uscc(),
                    item.enterprise().name(), item.stage(), item.taskId(), item.taskKey(), item.taskName(),
                    item.assignee(), String.join(" ", item.candidateGroups()), item.dueAt(),
                    item.overdueWorkingDays(), item.escalationLevel(),
                    item.lastEscalatedAt());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
