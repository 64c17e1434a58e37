package cn.bureau.subsidy.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/** A threshold a task passed: level 1 at its due date, level 2 the program's escalation days later. */
record Escalation(String taskId, String taskKey, String taskName, int level, OffsetDateTime at, OffsetDateTime dueAt,
        String assignee, List<String> notifiedUsers, List<String> notifiedGroups) {
}
