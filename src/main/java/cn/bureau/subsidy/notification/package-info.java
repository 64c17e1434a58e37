/**
 * Notifications to users and groups: an in-app list per user ({@code GET /api/notifications}) and, when configured,
 * e-mail through an SMTP server ({@code subsidy.notifications.mail.*}, off by default). Other modules call
 * {@link cn.bureau.subsidy.notification.Notifications}; e-mail leaves only after the transaction that wrote the
 * notification commits.
 */
package cn.bureau.subsidy.notification;
