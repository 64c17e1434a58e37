package cn.bureau.subsidy.common;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The answers to what Spring MVC itself refuses (an upload over the limit, a multipart body it cannot parse), in the
 * same shape as the application's own refusals: a stable {@code code} and the {@code errors} naming the field.
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

}
