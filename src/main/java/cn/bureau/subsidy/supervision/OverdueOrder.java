package cn.bureau.subsidy.supervision;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.bureau.subsidy.common.ApiException;

/**
 * The order of the overdue list, by a column of the board's table; most overdue first unless asked otherwise. The
 * database sorts, so a page of the list is a page of every overdue task in that order, not a sorted page. Ties fall
 * to the most overdue first, then the task id, so that paging neither repeats nor skips a task.
 */
record OverdueOrder(Column column, boolean descending) {

    static final OverdueOrder MOST_OVERDUE_FIRST = new OverdueOrder(Column.OVERDUE_WORKING_DAYS, true);

    /** The board's columns, by their name in the API, over {@code t} (ACT_RU_TASK) and {@code a} (application). */
    enum Column {
        /** Working days overdue fall as the due date rises: along the due-date index, backwards for ascending. */
        OVERDUE_WORKING_DAYS("overdueWorkingDays", null),
        DUE_AT("dueAt", null),
        BUSINESS_KEY("businessKey", "a.business_key"),
        ENTERPRISE("enterprise", "a.enterprise_name"),
        STAGE("stage", "a.stage"),
        TASK_NAME("taskName", "t.NAME_"),
        /** The assignee, or for a task nobody has claimed its first candidate group, as the table shows it. */
        HOLDER("holder", "coalesce(t.ASSIGNEE_, (select min(l.GROUP_ID_) from ACT_RU_IDENTITYLINK l"
                + " where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate'))"),
        ESCALATION_LEVEL("escalationLevel",
                "coalesce((select max(e.level) from task_escalation e where e.task_id = t.ID_), 0)");

        private final String apiName;
        private final String expression;

        Column(String apiName, String expression) {
            this.apiName = apiName;
            this.expression = expression;
        }

        String apiName() {
            return apiName;
        }
    }

    /** @param sort a column's API name, or blank for the default; @param dir {@code asc}, {@code desc} or blank */
    static OverdueOrder of(String sort, String dir) {
        if ((sort == null || sort.isBlank()) && (dir == null || dir.isBlank())) {
            return MOST_OVERDUE_FIRST;
        }
        Column column = sort == null || sort.isBlank() ? MOST_OVERDUE_FIRST.column()
                : Arrays.stream(Column.values()).filter(c -> c.apiName.equals(sort.strip())).findFirst()
                        .orElseThrow(() -> ApiException.invalid("sort", "UNKNOWN_COLUMN", "sort by one of "
                                + Arrays.stream(Column.values()).map(Column::apiName)
                                        .collect(Collectors.joining(", "))));
        if (dir == null || dir.isBlank()) {
            return new OverdueOrder(column, column == Column.OVERDUE_WORKING_DAYS
                    || column == Column.ESCALATION_LEVEL);
        }
        return switch (dir.strip()) {
            case "asc" -> new OverdueOrder(column, false);
            case "desc" -> new OverdueOrder(column, true);
            default -> throw ApiException.invalid("dir", "UNKNOWN_DIRECTION", "dir is asc or desc");
        };
    }

    String dir() {
        return descending ? "desc" : "asc";
    }

    /**
     * The {@code order by} clause; {@code enterpriseCollation} names the collation that sorts enterprise names as
     * people read them (pinyin for Chinese), or is empty where the database has none to offer.
     */
    String orderBy(String enterpriseCollation) {
        boolean dueAscending = switch (column) {
            case OVERDUE_WORKING_DAYS -> descending;
            case DUE_AT -> !descending;
            default -> true;
        };
        String due = dueAscending ? "t.DUE_DATE_ asc, t.ID_ asc" : "t.DUE_DATE_ desc, t.ID_ desc";
        if (column.expression == null) {
            return " order by " + due;
        }
        String expression = column == Column.ENTERPRISE && !enterpriseCollation.isEmpty()
                ? column.expression + " collate \"" + enterpriseCollation + "\"" : column.expression;
        return " order by " + expression + (descending ? " desc" : " asc") + " nulls last, " + due;
    }
}
