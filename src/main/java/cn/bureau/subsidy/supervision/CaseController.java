package cn.bureau.subsidy.supervision;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseController {

    private final CaseViews views;

    CaseController(CaseViews views) {
        this.views = views;
    }

    /** The case: stage, current task with its holder and due date, amounts, history. Applicants see their own. */
    @GetMapping("/api/cases/{caseId}")
    CaseView get(@PathVariable String caseId) {
        return views.view(caseId);
    }
}
