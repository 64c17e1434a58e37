package cn.bureau.subsidy.supervision;

import java.util.Set;

import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl;

/**
 * Camunda's "audit" history (instances, activities, tasks, variables' last values) plus the user
 * operation log, which Camunda writes only at "full": the log of who did what in the engine belongs to a bureau's
 * audit trail, while "full" would also keep every variable update and form property of every case.
 *
 * <p>Two things "audit" would keep are left out, because they tell an auditor nothing the rest does not: an
 * exclusive gateway's passage (a routing step of no duration; the tasks and events before and after it show the way
 * taken), and the variables that only copy the application's data into the Tasklist forms (the application's tables
 * keep the originals and the audit trail every decision). A case's history is about a third smaller for it.
 */
final class AuditHistoryLevel implements HistoryLevel {

    static final String NAME = "audit-with-operation-log";
    private static final int ID = 21;

    /** Copies of the application's record that the filing gives the process for the forms to show. */
    static final Set<String> FORM_COPIES = Set.of("businessKey", "enterpriseName", "projectName", "claimCount",
            "claimSummary", "materialsSummary");

    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_END,
            HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);
    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE, HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

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
        if (eventType == HistoryEventTypes.USER_OPERATION_LOG) {
            return true;
        }
        if (ACTIVITY_EVENTS.contains(eventType) && entity instanceof PvmExecutionImpl execution
                && execution.getActivity() != null
                && "exclusiveGateway".equals(execution.getActivity().getProperty("type"))) {
            return false;
        }
        if (VARIABLE_EVENTS.contains(eventType) && entity instanceof CoreVariableInstance variable
                && FORM_COPIES.contains(variable.getName())) {
            return false;
        }
        return HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity);
    }
}
