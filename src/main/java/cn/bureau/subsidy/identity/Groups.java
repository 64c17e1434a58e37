package cn.bureau.subsidy.identity;

import java.util.List;

/** The contract's Camunda group ids. Candidate groups in the models use the same strings. */
public final class Groups {

    public static final String PROGRAM_MANAGERS = "program-managers";
    public static final String APPLICANTS = "applicants";
    public static final String INITIAL_REVIEWERS = "initial-reviewers";
    public static final String AUDITORS = "auditors";
    public static final String APPROVERS = "approvers";
    public static final String SUPERVISORS = "supervisors";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Bureau staff: everyone who may reach Tasklist, Cockpit and the engine REST API. */
    public static final List<String> STAFF =
            List.of(PROGRAM_MANAGERS, INITIAL_REVIEWERS, AUDITORS, APPROVERS, SUPERVISORS, CAMUNDA_ADMIN);

    /** Every group a task can be offered to. */
    public static final List<String> STAFF_AND_APPLICANTS = List.of(PROGRAM_MANAGERS, INITIAL_REVIEWERS, AUDITORS,
            APPROVERS, SUPERVISORS, APPLICANTS);

    private Groups() {
    }
}
