package cn.bureau.subsidy.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail of notifications: off unless {@code subsidy.notifications.mail.enabled=true}; the SMTP server is Spring
 * Boot's {@code spring.mail.host}, {@code spring.mail.port}, {@code spring.mail.username} and so on.
 */
@ConfigurationProperties("subsidy.notifications.mail")
record NotificationProperties(boolean enabled, @DefaultValue("noreply@subsidy.invalid") String from) {
}
