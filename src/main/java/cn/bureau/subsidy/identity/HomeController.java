package cn.bureau.subsidy.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where a login lands: applicants in the portal, supervisors on the board, other officers in Tasklist. */
@Controller
class HomeController {

    private final Callers callers;

    HomeController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/")
    String home() {
        Caller caller = callers.current();
        if (caller.isApplicant()) {
            return "redirect:/portal";
        }
        if (caller.isIn(Groups.SUPERVISORS)) {
            return "redirect:/supervision";
        }
        return "redirect:/camunda/app/tasklist/";
    }
}
