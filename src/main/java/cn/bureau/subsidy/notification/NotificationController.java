package cn.bureau.subsidy.notification;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Callers;

@RestController
class NotificationController {

    private final Notifications notifications;
    private final Callers callers;

    NotificationController(Notifications notifications, Callers callers) {
        this.notifications = notifications;
        this.callers = callers;
    }

    /** The caller's own notifications, newest first (at most 200). */
    @GetMapping("/api/notifications")
    List<Notification> mine() {
        Caller caller = callers.current();
        return notifications.of(caller.userId(), caller.groups());
    }
}
