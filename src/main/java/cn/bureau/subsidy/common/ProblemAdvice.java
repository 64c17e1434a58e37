package cn.bureau.subsidy.common;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every refusal into a problem detail with a code and the fields at fault, so a client never sees a bare 500
 * for input it can correct.
 */
@RestControllerAdvice(basePackages = "cn.bureau.subsidy")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.code(), e.getMessage(), e.errors());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "You may not do this", List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_CHANGE", "Someone else changed this case; reload and retry",
                List.of());
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            // SQL "data exception": too long, out of range, NUL in text. Not a conflict with another record, and a
            // value validation should have refused: loud for the team, a 400 for the caller.
            log.error("A value the database cannot hold passed validation", e);
            return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "A value is too long or out of range",
                    List.of(new FieldProblem("$", "NOT_STORABLE", "A value is too long or out of range")));
        }
        log.info("Refused a write that breaks a constraint: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "CONFLICT", "This conflicts with a record that already exists", List.of());
    }

    /**
     * A path variable that is not of its type (a registry entry id that is no number) names no resource: 404, like
     * a case id that is not a UUID. A query parameter of the wrong type is a field error: 400.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is no " + e.getName() + " " + e.getValue(),
                    List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields",
                List.of(new FieldProblem(e.getName(), "INVALID_FORMAT", "Not a valid value")));
    }

    /** A multipart body Tomcat cannot parse (no boundary, truncated parts) is the caller's to fix. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return FrameworkProblems.answer(e, new HttpHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** The last resort: logged with its trace for the team, answered without internals for the caller. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side",
                List.of());
    }

    /** Every other refusal Spring MVC makes gets the same shape: a code and the fields, headers or parts at fault. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = asObject(FrameworkProblems.answer(e, headers, statusCode));
        return super.handleExceptionInternal(e, answer.getBody(), answer.getHeaders(), answer.getStatusCode(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), codeOf(f.getCode()), f.getDefaultMessage()))
                .toList();
        return asObject(problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request body cannot be read",
                List.of(unreadable(e))));
    }

    /**
     * Names the field a value could not be read into. The most specific cause (a {@code DateTimeParseException} for
     * 2025-02-30, an {@code InputCoercionException} for an int overflow) carries no path; the outermost Jackson
     * mapping exception around it does, so the whole chain is searched.
     */
    private static FieldProblem unreadable(HttpMessageNotReadableException e) {
        UnrecognizedPropertyException unknown = cause(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return new FieldProblem(path(unknown), "UNKNOWN_FIELD", "This field is not part of the contract");
        }
        if (cause(e, JsonParseException.class) != null) {
            return new FieldProblem("$", "MALFORMED_JSON", "The body is not well-formed JSON");
        }
        JsonMappingException mapping = cause(e, JsonMappingException.class);
        if (mapping != null && mapping.getPath().isEmpty() && mapping.getOriginalMessage() != null
                && mapping.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldProblem("$", "MALFORMED_JSON", "The body holds more than one JSON value");
        }
        if (mapping != null) {
            if (cause(e, PlainText.ControlCharacters.class) != null) {
                return new FieldProblem(path(mapping), "INVALID_CHARACTERS",
                        "Control characters and broken Unicode are not accepted");
            }
            return new FieldProblem(path(mapping), "INVALID_FORMAT", "This value has the wrong type or format");
        }
        if (cause(e, JsonProcessingException.class) != null) {
            return new FieldProblem("$", "MALFORMED_JSON", "The body is not well-formed JSON");
        }
        return new FieldProblem("$", "MALFORMED_JSON", "The body is missing or cannot be read");
    }

    private static String sqlState(Throwable e) {
        java.sql.SQLException sql = cause(e, java.sql.SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    /** The outermost cause of this type, or null. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return joined.isEmpty() ? "$" : joined;
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String code, String message) {
        return problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields",
                List.of(new FieldProblem(field, code, message)));
    }

    static String codeOf(String constraint) {
        if (constraint == null) {
            return "INVALID";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "REQUIRED";
            case "Size" -> "INVALID_LENGTH";
            case "Pattern" -> "INVALID_FORMAT";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
            List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(status.getReasonPhrase());
        body.setProperty("code", code);
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity<Object>) (ResponseEntity<?>) entity;
    }
}
