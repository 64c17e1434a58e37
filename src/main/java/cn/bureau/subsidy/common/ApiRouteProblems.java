package cn.bureau.subsidy.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refusals Spring MVC makes before it has chosen a controller: an address or method no controller serves, a content
 * type no controller takes, a multipart body that cannot be parsed or is over the size limit. {@link ProblemAdvice}
 * only advises the application's controllers, so these would otherwise get Spring Boot's plain error page. Under
 * {@code /api/} they are answered as problem details; elsewhere (the Camunda webapps) they keep the default.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteProblems {

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> beforeAnyController(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw e; // not ours: Spring's default resolvers answer as before
        }
        return FrameworkProblems.answer(e, new HttpHeaders(),
                e instanceof ErrorResponse response ? response.getStatusCode() : HttpStatus.BAD_REQUEST);
    }
}
