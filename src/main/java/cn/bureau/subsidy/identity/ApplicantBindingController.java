package cn.bureau.subsidy.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.Uscc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * Binds an applicant's login to the enterprise (USCC) it files for. Administrators only, for a user who is already a
 * member of {@code applicants} (users and memberships are made in Camunda Admin or its REST API). Binding again
 * replaces the enterprise.
 */
@RestController
class ApplicantBindingController {

    record BindingRequest(@NotBlank String uscc) {
    }

    record BindingView(String userId, String uscc) {
    }

    private final ApplicantBindingRepository bindings;
    private final IdentityService identityService;

    ApplicantBindingController(ApplicantBindingRepository bindings, IdentityService identityService) {
        this.bindings = bindings;
        this.identityService = identityService;
    }

    @PutMapping("/api/applicant-bindings/{userId}")
    @PreAuthorize("hasAuthority('camunda-admin')")
    @Transactional
    BindingView bind(@PathVariable String userId, @Valid @RequestBody BindingRequest body) {
        String uscc = body.uscc().strip();
        if (!Uscc.isValid(uscc)) {
            throw ApiException.invalid("uscc", "INVALID_USCC", "Not a unified social credit code");
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.APPLICANTS).count() == 0) {
            throw ApiException.invalid("userId", "NOT_AN_APPLICANT", "No user " + userId + " in the group "
                    + Groups.APPLICANTS);
        }
        bindings.save(new ApplicantBinding(userId, uscc));
        return new BindingView(userId, uscc);
    }
}
