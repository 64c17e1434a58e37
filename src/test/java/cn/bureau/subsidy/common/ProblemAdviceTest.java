package cn.bureau.subsidy.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What the database refuses: a duplicate is a conflict, a value it cannot hold is the caller's error, not a 409. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aValueTooLongForItsColumnIsABadRequest() {
        ResponseEntity<ProblemDetail> answer = advice.integrity(violation("22001"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(answer)).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("$");
            assertThat(error.code()).isEqualTo("NOT_STORABLE");
        });
    }

    @Test
    void aDuplicateIsAConflict() {
        ResponseEntity<ProblemDetail> answer = advice.integrity(violation("23505"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "CONFLICT");
    }

    private static DataIntegrityViolationException violation(String sqlState) {
        return new DataIntegrityViolationException("write refused", new SQLException("refused", sqlState));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldProblem> errors(ResponseEntity<ProblemDetail> answer) {
        return (List<FieldProblem>) answer.getBody().getProperties().get("errors");
    }
}
