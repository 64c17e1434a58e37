package cn.bureau.subsidy.identity;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs a change the application makes in the engine on behalf of a caller as that caller, so the engine checks the
 * caller's authorizations and its user operation log records who did it. Reads that only show a case stay unchecked:
 * the application has already decided what the caller may see; so does the work the application does for itself
 * ({@link #asApplication}).
 */
@Component
public class EngineCaller {

    private final IdentityService identityService;

    EngineCaller(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Caller caller, Supplier<T> work) {
        var previous = identityService.getCurrentAuthentication();
        identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previous);
            }
        }
    }

    public void run(Caller caller, Runnable work) {
        call(caller, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs engine work that is the application's own, not a caller's act (reading the deployed rules, refreshing
     * a copy of the case record for the forms): without the thread's engine authentication, so no authorization is
     * checked and no operation is logged in anyone's name; the authentication is restored afterwards.
     */
    public <T> T asApplication(Supplier<T> work) {
        var previous = identityService.getCurrentAuthentication();
        if (previous == null) {
            return work.get();
        }
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            identityService.setAuthentication(previous);
        }
    }
}
