package cn.bureau.subsidy.filing;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.identity.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

@RestController
class FilingController {

    record Filed(String caseId, String businessKey) {
        static Filed of(Application application) {
            return new Filed(application.getId().toString(), application.getBusinessKey());
        }
    }

    private final FilingService filing;
    private final Callers callers;

    FilingController(FilingService filing, Callers callers) {
        this.filing = filing;
        this.callers = callers;
    }

    @PostMapping("/api/programs/{code}/applications")
    @PreAuthorize("hasAuthority('applicants')")
    ResponseEntity<Filed> file(@PathVariable String code, @Valid @RequestBody ApplicationForm form,
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 128) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
            throw ApiException.invalid("Idempotency-Key", "INVALID_FORMAT", "1 to 128 characters");
        }
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(Filed.of(filing.fileOnce(code, form,
                    idempotencyKey)));
        } catch (DataIntegrityViolationException concurrentReplay) {
            // Two requests with one key raced: the other one filed the case; answer with it.
            return filing.replay(callers.current(), idempotencyKey)
                    .map(application -> ResponseEntity.status(HttpStatus.CREATED).body(Filed.of(application)))
                    .orElseThrow(() -> concurrentReplay);
        }
    }
}
