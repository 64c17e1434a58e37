package cn.bureau.subsidy.plan;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.identity.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The funding plan as published for notice: enterprise, project, category and amount, as JSON or CSV. */
@RestController
class PlanController {

    record Objection(@NotBlank String caseId, @NotBlank @Size(max = 2000) String reason) {
    }

    private final FundingPlans plans;
    private final Callers callers;

    PlanController(FundingPlans plans, Callers callers) {
        this.plans = plans;
        this.callers = callers;
    }

    @GetMapping("/api/programs/{code}/plan")
    PlanView plan(@PathVariable String code) {
        return plans.plan(code);
    }

    /** The notice list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese names). */
    @GetMapping(path = "/api/programs/{code}/plan.csv", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String code) throws IOException {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("enterprise", "uscc", "project", "category", "amountWan").get())) {
            for (PlanView.Line line : plan(code).lines()) {
                if (!line.removed()) {
                    printer.printRecord(defused(line.enterprise()), line.uscc(), defused(line.project()),
                            line.category(), line.amountWan().toPlainString());
                }
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + "-plan.csv\"")
                .body(out.toString());
    }

    /** An objection received during public notice, registered by bureau staff; an auditor then decides it. */
    @PostMapping("/api/programs/{code}/plan/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('program-managers', 'auditors')")
    Map<String, String> object(@PathVariable String code, @Valid @RequestBody Objection objection) {
        UUID caseId;
        try {
            caseId = UUID.fromString(objection.caseId());
        } catch (IllegalArgumentException notAnId) {
            throw ApiException.invalid("caseId", "INVALID_FORMAT", "A case id");
        }
        return Map.of("objectionId", plans.raiseObjection(code, caseId, objection.reason(), callers.current())
                .toString());
    }

    /** A name that a spreadsheet would run as a formula is written as text. */
    private static String defused(String value) {
        return value.matches("^[=+\\-@].*") ? "'" + value : value;
    }
}
