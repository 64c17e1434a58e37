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
 * <p>The deadline watch ({@code supervision/DeadlineWatch}) escalates a task at its due date and again the program's
 * {@code escalation_days} working days later; it reads the task's due date, not these expressions.
 *
 * <p>Every user task evaluates its due date inside the engine's transaction, some transactions carrying a hundred
 * cases (the plan's notice): the service levels are read with one plain query of their columns, not by loading the
 * program entity with its rates and decision keys, and without making Hibernate flush the cases loaded so far; and
 * all of a program's levels at once, once a transaction, since the notice's hundred cases, and a task with a
 * boundary timer at its deadline, ask the same program again.
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

    /** A program's working days for each service level. */
    private record ServiceLevels(Map<Sla, Integer> workingDays) {
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
                + " from program where code = ?", rows -> {
                    if (!rows.next()) {
                        return null;
                    }
                    Map<Sla, Integer> workingDays = new EnumMap<>(Sla.class);
                    for (Map.Entry<Sla, String> column : COLUMNS.entrySet()) {
                        workingDays.put(column.getKey(), rows.getInt(column.getValue()));
                    }
                    return new ServiceLevels(workingDays);
                }, programCode);
        if (levels == null) {
            throw ApiException.notFound("Program", programCode);
        }
        return levels;
    }
}
