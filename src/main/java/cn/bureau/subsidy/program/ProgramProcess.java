package cn.bureau.subsidy.program;

/** The program lifecycle diagram ({@code processes/program.bpmn}): its key and the variables it reads. */
public final class ProgramProcess {

    public static final String KEY = "SubsidyProgram";
    public static final String MESSAGE_OBJECTION_RAISED = "ObjectionRaised";

    public static final String VAR_PROGRAM_CODE = "programCode";
    public static final String VAR_FILING_OPENS_AT = "filingOpensAt";
    public static final String VAR_FILING_CLOSES_AT = "filingClosesAt";
    public static final String VAR_MATERIALS_CLOSE_AT = "materialsCloseAt";

    private ProgramProcess() {
    }
}
