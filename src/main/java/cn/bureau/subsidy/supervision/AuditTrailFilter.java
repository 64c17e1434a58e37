package cn.bureau.subsidy.supervision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Records every request that would change something — through the application's API, the engine REST API or the
 * webapps — with who asked, what, on which case, and how it was answered. It sits in front of the security filters,
 * so a refused login or a forbidden call is recorded too.
 *
 * <p>A quote is a POST that changes nothing: the portal asks for one as an applicant types, and a durable audit row
 * for each would cost more than the quote. Filing, which stores the quote, is recorded: by {@link FilingAudit} in the
 * filing's own transaction, with the new case, and here only when the filing did not commit.
 */
class AuditTrailFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern CASE_PATH = Pattern.compile("^/api/cases/([0-9a-fA-F-]{36})(/|$)");
    private static final Pattern QUOTE_PATH = Pattern.compile("^/api/programs/[^/]+/quote$");

    /** Set on a request whose work recorded it within its own committed transaction ({@link FilingAudit}). */
    private static final String RECORDED = AuditTrailFilter.class.getName() + ".RECORDED";

    private final AuditTrail trail;

    AuditTrailFilter(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod()) || QUOTE_PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(RECORDED) == null) {
                int status = response.getStatus();
                trail.record(actor(request), request.getMethod() + " " + path, caseOf(path), path,
                        status < 400 ? AuditTrail.Outcome.DONE : AuditTrail.Outcome.REFUSED, status, null);
            }
        }
    }

    /** The request's row is already in the trail, committed with the work it records. */
    static void recorded(HttpServletRequest request) {
        request.setAttribute(RECORDED, Boolean.TRUE);
    }

    private static UUID caseOf(String path) {
        Matcher matcher = CASE_PATH.matcher(path);
        return matcher.find() ? UUID.fromString(matcher.group(1)) : null;
    }

    /** The logged-in user, else the user name a Basic login claimed (marked unverified), else anonymous. */
    private static String actor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null) {
            return context.getAuthentication().getName();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String credentials = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = credentials.indexOf(':');
                return colon > 0 ? credentials.substring(0, colon) : "anonymous";
            } catch (IllegalArgumentException notBase64) {
                return "anonymous";
            }
        }
        return "anonymous";
    }
}
