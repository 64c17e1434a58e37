package cn.bureau.subsidy.notification;

/** Published when a notification is written; the mailer sends it once the transaction commits. */
record NotificationCreated(String recipientUser, String recipientGroup, String subject, String body) {
}
