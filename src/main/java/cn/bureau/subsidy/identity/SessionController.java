package cn.bureau.subsidy.identity;

import java.util.Set;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a page of the application needs to know of its session: who is logged in, and the CSRF token to send. */
@RestController
class SessionController {

    record Me(String userId, Set<String> groups, String uscc) {
    }

    record Token(String headerName, String token) {
    }

    private final Callers callers;

    SessionController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/api/me")
    Me me() {
        Caller caller = callers.current();
        return new Me(caller.userId(), caller.groups(), caller.uscc().orElse(null));
    }

    /** Pages that send changes with fetch put this token in the named header. */
    @GetMapping("/api/csrf")
    Token csrf(CsrfToken token) {
        return new Token(token.getHeaderName(), token.getToken());
    }
}
