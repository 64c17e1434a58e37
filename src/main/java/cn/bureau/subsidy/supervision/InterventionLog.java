package cn.bureau.subsidy.supervision;

import java.util.List;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Writes the engine's history, with a user operation log of interventions: what staff change by hand in Cockpit,
 * Tasklist or over the engine REST API (claims and assignments, variables, due dates, suspensions, retries,
 * modifications, deletions), with the values before and after. The two routine acts every case has, a case started
 * and a task completed, are left out: the audit trail ({@code audit_event}) records each with who, what and when,
 * and a review's decision and reasons are in {@code review_decision}.
 */
final class InterventionLog implements HistoryEventHandler {

    private final HistoryEventHandler history;

    InterventionLog(HistoryEventHandler history) {
        this.history = history;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!routine(event)) {
            history.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    static boolean routine(HistoryEvent event) {
        return event instanceof UserOperationLogEntryEventEntity entry
                && (UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType())
                        && EntityTypes.TASK.equals(entry.getEntityType())
                        || UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
                                && EntityTypes.PROCESS_INSTANCE.equals(entry.getEntityType()));
    }
}
