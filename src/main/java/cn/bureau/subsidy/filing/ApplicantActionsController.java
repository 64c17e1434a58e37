package cn.bureau.subsidy.filing;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.identity.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The applicant's side of a case: materials, corrections, disbursement documents, bank account, withdrawal. */
@RestController
class ApplicantActionsController {

    record MaterialView(String id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
            OffsetDateTime uploadedAt, String uploadedBy) {
        static MaterialView of(MaterialFile m) {
            return new MaterialView(m.id().toString(), m.kind(), m.fileName(), m.contentType(), m.sizeBytes(),
                    m.sha256(), ShenzhenTime.at(m.uploadedAt()), m.uploadedBy());
        }
    }

    record Note(@NotBlank @Size(max = 2000) String note) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    record BankAccount(@NotBlank @Size(max = 200) String bank, @NotBlank @Size(max = 300) String accountName,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{6,40}") String accountNo) {
    }

    private final ApplicantActions actions;
    private final Callers callers;

    ApplicantActionsController(ApplicantActions actions, Callers callers) {
        this.actions = actions;
        this.callers = callers;
    }

    @PostMapping(path = "/api/cases/{caseId}/materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('applicants')")
    MaterialView upload(@PathVariable String caseId, @RequestParam("kind") String kind,
            @RequestParam("file") MultipartFile file) throws IOException {
        if (!kind.matches("[A-Z][A-Z_]{1,59}")) {
            throw ApiException.invalid("kind", "INVALID_FORMAT", "A material kind such as BUSINESS_LICENCE");
        }
        return MaterialView.of(actions.upload(caseId, callers.current(), kind, file.getOriginalFilename(),
                file.getBytes()).file());
    }

    @GetMapping("/api/cases/{caseId}/materials")
    List<MaterialView> materials(@PathVariable String caseId) {
        return actions.materialsOf(actions.visibleCase(caseId, callers.current())).stream()
                .map(MaterialView::of).toList();
    }

    @GetMapping("/api/cases/{caseId}/materials/{materialId}")
    ResponseEntity<byte[]> download(@PathVariable String caseId, @PathVariable String materialId) {
        Material material = actions.material(actions.visibleCase(caseId, callers.current()), materialId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(material.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(material.getFileName(),
                                java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(material.getContent());
    }

    @PostMapping("/api/cases/{caseId}/materials/submission")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('applicants')")
    void submitMaterials(@PathVariable String caseId) {
        actions.submitMaterials(caseId, callers.current());
    }

    @PostMapping("/api/cases/{caseId}/corrections")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('applicants')")
    void correct(@PathVariable String caseId, @Valid @RequestBody Note body) {
        actions.answerCorrection(caseId, callers.current(), body.note());
    }

    @PostMapping(path = "/api/cases/{caseId}/disbursement-documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('applicants')")
    void disbursementDocuments(@PathVariable String caseId, @RequestParam("file") MultipartFile file)
            throws IOException {
        actions.submitDisbursementDocuments(caseId, callers.current(), file.getOriginalFilename(), file.getBytes());
    }

    @PutMapping("/api/cases/{caseId}/bank-account")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('applicants')")
    void correctBankAccount(@PathVariable String caseId, @Valid @RequestBody BankAccount body) {
        actions.correctBankAccount(caseId, callers.current(), body.bank(), body.accountName(), body.accountNo());
    }

    @PostMapping("/api/cases/{caseId}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('applicants')")
    void withdraw(@PathVariable String caseId, @Valid @RequestBody Reason body) {
        actions.withdraw(caseId, callers.current(), body.reason());
    }
}
