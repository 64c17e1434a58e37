package cn.bureau.subsidy.identity;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Nothing is anonymous but health. Logins are Camunda users (see {@link CamundaIdentityAuthenticationProvider});
 * the engine REST API and the webapps are for bureau staff only and take the identity Spring Security established,
 * so Camunda's authorization checks apply to the same user.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String[] STAFF = Groups.STAFF.toArray(String[]::new);
    private static final String[] BOARD_READERS = Groups.BOARD_READERS.toArray(String[]::new);
    private static final RequestMatcher BASIC_AUTH_REQUEST =
            request -> request.getHeader("Authorization") != null;
    /** An API call without a session cannot ride on a logged-in browser: without credentials it gets 401. */
    private static final RequestMatcher SESSIONLESS_API_REQUEST = request -> request.getRequestURI().startsWith("/api/")
            && request.getRequestedSessionId() == null;
    /**
     * POSTs that change nothing (they compute an answer from an upload), so a forged one achieves nothing: the
     * process owner's pages send them from a logged-in browser without a CSRF token.
     */
    private static final RequestMatcher SIDE_EFFECT_FREE_POST = request -> "POST".equals(request.getMethod())
            && List.of("/api/decisions/what-if", "/api/models/checks", "/api/models/migrations/plan")
                    .contains(request.getRequestURI());

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        return http.securityMatcher(antMatcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority(STAFF))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: every request carries its credentials, so there is no session to forge requests in.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain application(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**"), antMatcher("/error"))
                        .permitAll()
                        .requestMatchers(antMatcher("/login"), antMatcher("/logout")).permitAll()
                        .requestMatchers(antMatcher("/camunda/**"), antMatcher("/actuator/**")).hasAnyAuthority(STAFF)
                        // The supervision board: its page, its bundle and its API.
                        .requestMatchers(antMatcher("/supervision"), antMatcher("/supervision/**"),
                                antMatcher("/app/supervision/**"), antMatcher("/api/supervision/**"))
                        .hasAnyAuthority(BOARD_READERS)
                        // The applicant portal's pages and bundle; its data comes from the API's own rules.
                        .requestMatchers(antMatcher("/portal"), antMatcher("/portal/**"), antMatcher("/app/portal/**"))
                        .hasAuthority(Groups.APPLICANTS)
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.defaultSuccessUrl("/", false))
                .logout(Customizer.withDefaults())
                // Session logins get CSRF tokens; the Camunda webapps run their own CSRF prevention filter, and a
                // request that carries Basic credentials cannot be forged by another site.
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .ignoringRequestMatchers(antMatcher("/camunda/**"))
                        .ignoringRequestMatchers(BASIC_AUTH_REQUEST, SESSIONLESS_API_REQUEST, SIDE_EFFECT_FREE_POST))
                .build();
    }

    /**
     * Spring Security's firewall refuses addresses with ';', encoded dots or percent signs, or '//' before any
     * controller runs; under {@code /api/} the refusal is a problem detail like every other, instead of the plain
     * error page. The address is not echoed back.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        RequestRejectedHandler plain = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (!request.getRequestURI().startsWith("/api/")) {
                plain.handle(request, response, rejected);
                return;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                    + "\"detail\":\"This address is not accepted\",\"code\":\"INVALID_ADDRESS\",\"errors\":[{"
                    + "\"field\":\"path\",\"code\":\"INVALID_ADDRESS\",\"message\":\"An address without ';', "
                    + "'//', or encoded '.', '%' or '\\\\'\"}]}");
        };
    }

    /**
     * No tracing spans around every security filter, authentication and authorization: each request went through
     * about fifteen of them. Requests are still measured as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** No engine query with expressions, on the engine REST API and on the webapps' own API. */
    @Bean
    FilterRegistrationBean<EngineQueryGuard> engineQueryGuard(ObjectMapper json) {
        FilterRegistrationBean<EngineQueryGuard> registration = new FilterRegistrationBean<>(new EngineQueryGuard(json));
        registration.setName("engine-query-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(-1);
        return registration;
    }

    /** Gives the engine REST API the user Spring Security authenticated, with its Camunda groups. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName(),
                ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest"));
        registration.setOrder(0);
        return registration;
    }

    /** Gives the webapps (Tasklist, Cockpit, Admin) the user Spring Security authenticated. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("webapp-authentication");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setInitParameters(Map.of("authentication-provider",
                ContainerBasedAuthenticationProvider.class.getName()));
        registration.setOrder(0);
        return registration;
    }
}
