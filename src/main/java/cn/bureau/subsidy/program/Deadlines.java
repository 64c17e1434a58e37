package cn.bureau.subsidy.program;

import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
 *
 * <p>Every user task evaluates three of these inside the engine's transaction, some transactions carrying a hundred
 * cases (the plan's notice): the service levels are read with one plain query of their columns, not by loading the
 * program entity with its rates and decision keys, and without making Hibernate flush the cases loaded so far; and
 * all of a program's levels at once, once a transaction, since a task's three expressions, and the notice's hundred
 * cases, ask the same program.
 */
@Component("deadlines")
public class Deadlines {

    /** The program's column of each service level. */
    private static final Map<Sla, String> COLUMNS = new EnumMap<>(Map.of(
            Sla.INITIAL_REVIEW, "initial_review_days", Sla.FORMAL_REVIEW, "formal_review_days",
            Sla.SPECIAL_AUDIT, "special_audit_days", Sla.QUALIFICATION, "qualification_days",
            Sla.CORRECTION, "correction_days", Sla.PLAN_DECISION, "plan_decision_days",
            Sla.OBJECTION, "objection_days", Sla.NOTICE, "notice_days",
            Sla.DISBURSEMENT_DOCUMENTS, "disbursement_docs_days", Sla.DISBURSEMENT, "disbursement_days"));

    /** A program's working days for each service level, and its escalation days. */
    private record ServiceLevels(Map<Sla, Integer> workingDays, int escalationDays) {
        int workingDays(Sla sla) {
            return workingDays.get(sla);
        }
    }

    /** The programs' service levels a transaction has read, by program code. */
    private static final class ReadInThisTransaction extends HashMap<String, ServiceLevels> {
    }

    private final JdbcTemplate jdbc;
    private final WorkingDays workdays;

    Deadlines(JdbcTemplate jdbc, WorkingDays workdays) {
        this.jdbc = jdbc;
        this.workdays = workdays;
    }

    public Date due(String programCode, String sla) {
        return Date.from(dueInstant(levels(programCode), Sla.valueOf(sla)));
    }

    /** The second escalation threshold: {@code escalation_days} working days after {@link #due}. */
    public Date escalation(String programCode, String sla) {
        ServiceLevels levels = levels(programCode);
        return Date.from(workdays.after(dueInstant(levels, Sla.valueOf(sla)), levels.escalationDays()));
    }

    /** The second escalation threshold of a task due at a fixed instant (a deadline the program set). */
    public Date escalationAfter(String programCode, Date due) {
        return Date.from(workdays.after(due.toInstant(), levels(programCode).escalationDays()));
    }

    private Instant dueInstant(ServiceLevels levels, Sla sla) {
        return workdays.after(ShenzhenTime.now(), levels.workingDays(sla));
    }

    private ServiceLevels levels(String programCode) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read(programCode);
        }
        var known = (ReadInThisTransaction) TransactionSynchronizationManager.getResource(ReadInThisTransaction.class);
        if (known == null) {
            ReadInThisTransaction fresh = new ReadInThisTransaction();
            TransactionSynchronizationManager.bindResource(ReadInThisTransaction.class, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReadInThisTransaction.class);
                }
            });
            known = fresh;
        }
        return known.computeIfAbsent(programCode, this::read);
    }

    /** Every service level of the program in one row. */
    private ServiceLevels read(String programCode) {
        ServiceLevels levels = jdbc.query("select " + String.join(", ", COLUMNS.values())
                + ", escalation_days from program where code = ?", rows -> {
                    if (!rows.next()) {
                        return null;
                    }
                    Map<Sla, Integer> workingDays = new EnumMap<>(Sla.class);
                    for (Map.Entry<Sla, String> column : COLUMNS.entrySet()) {
                        workingDays.put(column.getKey(), rows.getInt(column.getValue()));
                    }
                    return new ServiceLevels(workingDays, rows.getInt("escalation_days"));
                }, programCode);
        if (levels == null) {
            throw ApiException.notFound("Program", programCode);
        }
        return levels;
    }
}
