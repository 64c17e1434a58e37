package cn.bureau.subsidy.program;

import java.util.Date;

import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;

/**
 * Due dates of the models, in working days from now by the program's service levels. BPMN names it:
 * {@code camunda:dueDate="${deadlines.due(programCode, 'INITIAL_REVIEW')}"}, and a boundary timer's
 * {@code timeDate} with the same expression falls due at the same instant.
 */
@Component("deadlines")
public class Deadlines {

    private final ProgramRepository programs;
    private final WorkingDays workdays;

    Deadlines(ProgramRepository programs, WorkingDays workdays) {
        this.programs = programs;
        this.workdays = workdays;
    }

    public Date due(String programCode, String sla) {
        Program program = programs.findByCode(programCode)
                .orElseThrow(() -> ApiException.notFound("Program", programCode));
        return Date.from(workdays.after(ShenzhenTime.now(), program.workingDays(Sla.valueOf(sla))));
    }
}
