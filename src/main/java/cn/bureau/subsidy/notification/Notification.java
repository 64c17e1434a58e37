package cn.bureau.subsidy.notification;

import java.time.OffsetDateTime;

/** One entry of a user's in-app list: to the user itself or to one of its groups. */
public record Notification(long id, String kind, String subject, String body, String caseId, String taskId,
        String recipientUser, String recipientGroup, OffsetDateTime createdAt) {
}
