package cn.bureau.subsidy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * A login that passed is trusted again for the recheck period without asking the engine; a wrong password never is,
 * and without a recheck period every login goes to the engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginRecheckTest {

    private static final String USER = "recheck-user";

    @Autowired
    IdentityService identityService;

    @BeforeEach
    void aUserInTheApplicantsGroup() {
        User user = identityService.newUser(USER);
        user.setPassword("first-secret");
        identityService.saveUser(user);
        identityService.createMembership(USER, Groups.APPLICANTS);
    }

    @AfterEach
    void removeTheUser() {
        identityService.deleteUser(USER);
    }

    @Test
    void aLoginThatPassedIsTrustedUntilTheRecheckWithItsGroups() {
        var provider = new CamundaIdentityAuthenticationProvider(identityService, Duration.ofHours(1));
        assertThat(provider.authenticate(login("first-secret")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly(Groups.APPLICANTS);

        changePassword("second-secret");

        // The engine is not asked again: the password that passed still passes, with the groups it had.
        assertThat(provider.authenticate(login("first-secret")).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly(Groups.APPLICANTS);
        // A password not remembered goes to the engine, which knows the new one.
        assertThat(provider.authenticate(login("second-secret")).isAuthenticated()).isTrue();
        // And the newest check replaced the remembered one.
        assertThatThrownBy(() -> provider.authenticate(login("first-secret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aWrongPasswordIsNeverTrustedAndForgetsTheUser() {
        var provider = new CamundaIdentityAuthenticationProvider(identityService, Duration.ofHours(1));
        provider.authenticate(login("first-secret"));

        assertThatThrownBy(() -> provider.authenticate(login("guess"))).isInstanceOf(BadCredentialsException.class);
        changePassword("second-secret");
        assertThatThrownBy(() -> provider.authenticate(login("first-secret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutARecheckPeriodEveryLoginAsksTheEngine() {
        var provider = new CamundaIdentityAuthenticationProvider(identityService, Duration.ZERO);
        provider.authenticate(login("first-secret"));

        changePassword("second-secret");

        assertThatThrownBy(() -> provider.authenticate(login("first-secret")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private void changePassword(String password) {
        User user = identityService.createUserQuery().userId(USER).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private static Authentication login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(USER, password);
    }
}
