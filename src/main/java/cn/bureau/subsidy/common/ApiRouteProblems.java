package cn.bureau.subsidy.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refusals Spring MVC makes before it has chosen a controller: a multipart body is parsed first, so one over the size
 * limit (413 with an empty body) or without a boundary (500) never reached {@link ProblemAdvice}, which only advises
 * the application's controllers. Under {@code /api/} they are answered as problem details; elsewhere (the Camunda
 * webapps) they keep the default.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteProblems {

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> beforeAnyController(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // not ours: Spring's default resolvers answer as before
        }
        return FrameworkProblems.answer(e, new HttpHeaders(),
                e instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.BAD_REQUEST);
    }
}
