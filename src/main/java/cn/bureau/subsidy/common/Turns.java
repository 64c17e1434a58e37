package cn.bureau.subsidy.common;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests of one kind take turns: at most {@code permits} run at once, the others wait first come, first served.
 * Work that is mostly CPU gains nothing from running more of it at once than the cores can take: every request in
 * flight then takes longer, the unlucky ones longest, and holds a web thread and a connection that other requests
 * need meanwhile. In turn, a request's time is its wait plus its own work. A request that waits longer than
 * {@code maxWait} is answered 503 with {@code Retry-After} and the given code; nothing of it has run.
 */
public class Turns extends OncePerRequestFilter {

    private final HttpMethod method;
    private final String pathSuffix;
    private final Semaphore permits;
    private final Duration maxWait;
    private final String busyCode;
    private final ObjectMapper json;

    /**
     * @param method and {@code pathSuffix}: the requests that take turns, among those the filter is registered for
     * @param permits how many run at once
     */
    public Turns(HttpMethod method, String pathSuffix, int permits, Duration maxWait, String busyCode,
            ObjectMapper json) {
        this.method = method;
        this.pathSuffix = pathSuffix;
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
        this.busyCode = busyCode;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !method.matches(request.getMethod()) || !request.getRequestURI().endsWith(pathSuffix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            busy(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void busy(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Too many requests of this kind at once; ask again in a second");
        problem.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.setProperty("code", busyCode);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
