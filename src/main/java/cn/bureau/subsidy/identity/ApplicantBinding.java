package cn.bureau.subsidy.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Binds an applicant's login to the enterprise (USCC) it files for. */
@Entity
@Table(name = "applicant_binding")
class ApplicantBinding {

    @Id
    @Column(name = "user_id")
    private String userId;

    private String uscc;

    protected ApplicantBinding() {
    }

    ApplicantBinding(String userId, String uscc) {
        this.userId = userId;
        this.uscc = uscc;
    }

    String uscc() {
        return uscc;
    }
}
