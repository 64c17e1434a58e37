package cn.bureau.subsidy.modeling;

/**
 * One thing a model check found: where (the file under its folder-relative name and the element's id), what rule it
 * breaks, and what the process owner does about it in Camunda Modeler.
 *
 * @param severity an {@link Severity#ERROR} stops a rollout; a {@link Severity#WARNING} is reported and let through
 * @param rule     the rule's code, e.g. {@code USER_TASK_FORM}
 * @param file     e.g. {@code processes/case.bpmn}
 * @param element  the element's id, or the file's own id when the finding is about the whole file
 */
public record Finding(Severity severity, String rule, String file, String element, String message, String fix) {

    public enum Severity { ERROR, WARNING }

    static Finding error(String rule, String file, String element, String message, String fix) {
        return new Finding(Severity.ERROR, rule, file, element, message, fix);
    }

    static Finding warning(String rule, String file, String element, String message, String fix) {
        return new Finding(Severity.WARNING, rule, file, element, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + rule + " " + file + "#" + element + ": " + message + " Fix: " + fix;
    }
}
