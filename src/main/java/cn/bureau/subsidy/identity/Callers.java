package cn.bureau.subsidy.identity;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Resolves the authenticated caller of the current request. */
@Component
public class Callers {

    private final ApplicantBindingRepository bindings;

    Callers(ApplicantBindingRepository bindings) {
        this.bindings = bindings;
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No caller");
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        String userId = authentication.getName();
        Optional<String> uscc = groups.contains(Groups.APPLICANTS)
                ? bindings.findById(userId).map(ApplicantBinding::uscc)
                : Optional.empty();
        return new Caller(userId, groups, uscc);
    }
}
