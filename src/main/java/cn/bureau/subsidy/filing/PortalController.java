package cn.bureau.subsidy.filing;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.identity.Callers;

/**
 * The applicant portal: its pages under {@code /portal} (built from {@code src/main/frontend/src/pages/portal}) and
 * the reads it needs beyond the contract; the portal's actions are the contract's own endpoints.
 */
@RestController
class PortalController {

    private final ApplicantPortal portal;
    private final Callers callers;

    PortalController(ApplicantPortal portal, Callers callers) {
        this.portal = portal;
        this.callers = callers;
    }

    @GetMapping({"/portal", "/portal/"})
    ModelAndView page() {
        return new ModelAndView("forward:/app/portal/index.html");
    }

    /** The caller's enterprise's cases. */
    @GetMapping("/api/cases")
    @PreAuthorize("hasAuthority('applicants')")
    List<ApplicantPortal.CaseSummary> myCases() {
        return portal.casesOf(callers.current());
    }

    /** The task the case waits for the applicant, with its form; 204 when the bureau holds the case. */
    @GetMapping("/api/cases/{caseId}/applicant-task")
    @PreAuthorize("hasAuthority('applicants')")
    ResponseEntity<ApplicantPortal.TaskView> applicantTask(@PathVariable String caseId) {
        return portal.waitingTask(caseId, callers.current()).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/api/cases/{caseId}/required-materials")
    List<ApplicantPortal.ChecklistItem> requiredMaterials(@PathVariable String caseId) {
        return portal.checklist(caseId, callers.current());
    }

    /** The application form (a Camunda Form in {@code forms/}) of the models in force. */
    @GetMapping("/api/forms/application")
    JsonNode applicationForm() {
        return portal.applicationForm();
    }
}
