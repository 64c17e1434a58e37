package cn.bureau.subsidy.common;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The answers to what Spring MVC itself refuses (no such route, wrong method, wrong content type, an upload over
 * the limit, a missing part or header), in the same shape as the application's own refusals: a stable
 * {@code code} and the {@code errors} naming the field, header or part at fault.
 */
final class FrameworkProblems {

    private FrameworkProblems() {
    }

    static ResponseEntity<ProblemDetail> answer(Exception e, HttpHeaders headers, HttpStatusCode status) {
        HttpHeaders out = new HttpHeaders();
        out.addAll(headers);
        if (e instanceof MaxUploadSizeExceededException) {
            // The limit is the caller's to respect, like any other field rule: 400 naming the file.
            return with(out, problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The upload is too large",
                    List.of(new FieldProblem("file", "FILE_TOO_LARGE", "At most 20 MB a file, 25 MB a request"))));
        }
        if (e instanceof MultipartException) {
            return with(out, problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The multipart body cannot be read",
                    List.of(new FieldProblem("$", "MALFORMED_MULTIPART",
                            "Send multipart/form-data with a boundary and well-formed parts"))));
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            if (out.getAccept().isEmpty() && !unsupported.getSupportedMediaTypes().isEmpty()) {
                out.setAccept(unsupported.getSupportedMediaTypes());
            }
            return with(out, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "This content type is not accepted here",
                    List.of(new FieldProblem("Content-Type", "UNSUPPORTED_MEDIA_TYPE",
                            "Send " + types(unsupported.getSupportedMediaTypes())))));
        }
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return with(out, problem(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "No answer in an accepted type",
                    List.of(new FieldProblem("Accept", "NOT_ACCEPTABLE",
                            "Accept " + types(notAcceptable.getSupportedMediaTypes())))));
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            if (method.getSupportedHttpMethods() != null && out.getAllow().isEmpty()) {
                out.setAllow(method.getSupportedHttpMethods());
            }
            return with(out, problem(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                    "Method " + method.getMethod() + " is not allowed here", List.of()));
        }
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return with(out, problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address",
                    List.of()));
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return with(out, ProblemAdvice.invalid(missing.getParameterName(), "REQUIRED", "Required"));
        }
        if (e instanceof MissingServletRequestPartException missing) {
            return with(out, ProblemAdvice.invalid(missing.getRequestPartName(), "REQUIRED", "Required"));
        }
        if (e instanceof MissingRequestHeaderException missing) {
            return with(out, ProblemAdvice.invalid(missing.getHeaderName(), "REQUIRED", "Required"));
        }
        if (e instanceof HandlerMethodValidationException validation) {
            // A @Valid body is validated with the method's other parameters when any of them has a constraint (the
            // filing's Idempotency-Key): its errors then name fields of the body, not the parameter.
            List<FieldProblem> errors = validation.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream()
                            .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField()
                                    : name(result), ProblemAdvice.codeOf(constraint(error.getCodes())),
                                    error.getDefaultMessage())))
                    .toList();
            return with(out, problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "The request has invalid fields",
                    errors));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        HttpStatus answered = known == null ? HttpStatus.BAD_REQUEST : known;
        String detail = e instanceof ErrorResponse response && response.getBody().getDetail() != null
                ? response.getBody().getDetail() : answered.getReasonPhrase();
        return with(out, problem(answered, answered.name(), detail, List.of()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
            List<FieldProblem> errors) {
        return ProblemAdvice.problem(status, code, detail, errors);
    }

    private static ResponseEntity<ProblemDetail> with(HttpHeaders headers, ResponseEntity<ProblemDetail> answer) {
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(answer.getStatusCode()).headers(merged).body(answer.getBody());
    }

    private static String types(List<MediaType> types) {
        return types.isEmpty() ? "another content type"
                : types.stream().map(MediaType::toString).collect(Collectors.joining(" or "));
    }

    private static String name(ParameterValidationResult result) {
        MethodParameter parameter = result.getMethodParameter();
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName() == null ? "$" : parameter.getParameterName();
    }

    /** The constraint's simple name, the last and least specific of a validation error's codes. */
    private static String constraint(String[] codes) {
        return codes == null || codes.length == 0 ? null : codes[codes.length - 1];
    }
}
