package cn.bureau.subsidy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's identity service, so that one set of users and groups serves the application,
 * the engine REST API and the webapps; a user's Camunda groups become its authorities.
 *
 * <p>An API client sends its credentials with every request (HTTP Basic). A login that passed is trusted again for
 * {@code subsidy.security.login-recheck} (one minute) without asking the engine, as Camunda's webapps re-validate a
 * session's user only every five minutes: the engine's password check and group query were two of the six
 * transactions of a filing. Only a password that passed is remembered, as a salted SHA-256 kept in memory, and only
 * for the user it passed for; a wrong password always goes to the engine, which counts failed attempts and locks.
 * A password change, a lock or a group change therefore takes effect on a node within that minute.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** Past this many remembered logins the memory starts over; each entry is a user that logged in. */
    private static final int MAX_REMEMBERED = 50_000;

    private final IdentityService identityService;
    private final long recheckNanos;
    private final byte[] salt = new byte[16];
    private final Map<String, Passed> passed = new ConcurrentHashMap<>();

    private record Passed(byte[] passwordHash, List<SimpleGrantedAuthority> authorities, long at) {
    }

    CamundaIdentityAuthenticationProvider(IdentityService identityService,
            @Value("${subsidy.security.login-recheck:PT1M}") Duration recheck) {
        this.identityService = identityService;
        this.recheckNanos = recheck.toNanos();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        byte[] hash = hash(userId, credentials.toString());
        Passed known = passed.get(userId);
        long now = System.nanoTime();
        if (known != null && now - known.at() < recheckNanos && MessageDigest.isEqual(known.passwordHash(), hash)) {
            return UsernamePasswordAuthenticationToken.authenticated(userId, null, known.authorities());
        }
        if (!identityService.checkPassword(userId, credentials.toString())) {
            passed.remove(userId);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list()
                .stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
        if (recheckNanos > 0) {
            if (passed.size() >= MAX_REMEMBERED) {
                passed.clear();
            }
            passed.put(userId, new Passed(hash, authorities, now));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] hash(String userId, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(userId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
