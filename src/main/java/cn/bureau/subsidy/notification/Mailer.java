package cn.bureau.subsidy.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a notification by e-mail to the addresses Camunda's identity service has for its recipients, after the
 * transaction that wrote it commits (a rolled-back escalation sends nothing). Failures are logged, not retried: the
 * in-app list keeps the notification either way.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> sender;
    private final IdentityService identityService;

    Mailer(NotificationProperties properties, ObjectProvider<JavaMailSender> sender, IdentityService identityService) {
        this.properties = properties;
        this.sender = sender;
        this.identityService = identityService;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void send(NotificationCreated notification) {
        if (!properties.enabled()) {
            return;
        }
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            log.warn("E-mail of notifications is on but no SMTP server is configured (spring.mail.host)");
            return;
        }
        Set<String> addresses = addresses(notification);
        if (addresses.isEmpty()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(addresses.toArray(String[]::new));
        message.setSubject(notification.subject());
        message.setText(notification.body());
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail notification '{}' to {}: {}", notification.subject(), addresses,
                    e.getMessage());
        }
    }

    private Set<String> addresses(NotificationCreated notification) {
        List<User> users = notification.recipientUser() != null
                ? identityService.createUserQuery().userId(notification.recipientUser()).list()
                : identityService.createUserQuery().memberOfGroup(notification.recipientGroup()).list();
        Set<String> addresses = new LinkedHashSet<>();
        for (User user : users) {
            if (user.getEmail() != null && !user.getEmail().isBlank()) {
                addresses.add(user.getEmail());
            }
        }
        return addresses;
    }
}
