package cn.bureau.subsidy.supervision;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's "audit" history (instances, activities, tasks, variables' last values, decisions) plus the user
 * operation log, which Camunda writes only at "full": the log of who did what in the engine belongs to a bureau's
 * audit trail, while "full" would also keep every variable update and form property of every case.
 */
final class AuditHistoryLevel implements HistoryLevel {

    static final String NAME = "audit-with-operation-log";
    private static final int ID = 21;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType == HistoryEventTypes.USER_OPERATION_LOG
                || HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
    }
}
