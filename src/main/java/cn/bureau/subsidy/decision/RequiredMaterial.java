package cn.bureau.subsidy.decision;

/**
 * One item of the materials checklist of guide 六.
 *
 * @param appliesTo {@code ALL} for the basic materials every application needs, otherwise the category's name
 */
public record RequiredMaterial(String code, String name, String appliesTo) {

    public static final String ALL = "ALL";
}
