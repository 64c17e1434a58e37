package cn.bureau.subsidy.identity;

import java.util.Optional;
import java.util.Set;

/** Who is calling: the Camunda user id, its groups and, for an applicant, the USCC it acts for. */
public record Caller(String userId, Set<String> groups, Optional<String> uscc) {

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    public boolean isApplicant() {
        return isIn(Groups.APPLICANTS);
    }

    public boolean isStaff() {
        return groups.stream().anyMatch(Groups.STAFF::contains);
    }

    /** True when this caller acts for the enterprise with the given USCC. */
    public boolean actsFor(String enterpriseUscc) {
        return uscc.map(enterpriseUscc::equals).orElse(false);
    }
}
