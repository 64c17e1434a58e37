package cn.bureau.subsidy.common;

/** One entry of a problem detail's {@code errors} array: which field, a stable code, words for a person. */
public record FieldProblem(String field, String code, String message) {
}
