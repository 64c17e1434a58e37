package cn.bureau.subsidy.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on, answered as an RFC 9457 problem detail with a stable code and the fields at fault.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String code, String message, List<FieldProblem> errors) {
        super(message);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " " + id + " does not exist");
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields", errors);
    }

    public static ApiException invalid(String field, String code, String message) {
        return invalid(List.of(new FieldProblem(field, code, message)));
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
