package cn.bureau.subsidy.program;

import java.time.Instant;
import java.util.Date;

import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;

/**
 * Due dates of the models, in working days from now by the program's service levels. BPMN names it:
 * {@code camunda:dueDate="${deadlines.due(programCode, 'INITIAL_REVIEW')}"}, and a boundary timer's
 * {@code timeDate} with the same expression falls due at the same instant.
 *
 * <p>The escalation thresholds of a task (its timeout listeners) use the same service level:
 * {@code ${deadlines.due(...)}} for the first (the due date itself) and {@code ${deadlines.escalation(...)}} for the
 * second, the program's {@code escalation_days} working days after the due date. A task whose due date is a
 * variable (the materials deadline) uses {@code ${deadlines.escalationAfter(programCode, materialsCloseAt)}}.
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
        return Date.from(dueInstant(program(programCode), sla));
    }

    /** The second escalation threshold: {@code escalation_days} working days after {@link #due}. */
    public Date escalation(String programCode, String sla) {
        Program program = program(programCode);
        return Date.from(workdays.after(dueInstant(program, sla), program.getEscalationDays()));
    }

    /** The second escalation threshold of a task due at a fixed instant (a deadline the program set). */
    public Date escalationAfter(String programCode, Date due) {
        return Date.from(workdays.after(due.toInstant(), program(programCode).getEscalationDays()));
    }

    private Instant dueInstant(Program program, String sla) {
        return workdays.after(ShenzhenTime.now(), program.workingDays(Sla.valueOf(sla)));
    }

    private Program program(String programCode) {
        return programs.findByCodeWithoutFlush(programCode)
                .orElseThrow(() -> ApiException.notFound("Program", programCode));
    }
}
