package cn.bureau.subsidy.decision;

/**
 * Where the decision tables come from: the engine's deployed definitions in the application, the files in
 * {@code decisions/} in a unit test.
 */
interface DecisionSource {

    /** The latest version of the decision with this key; fails when there is none. */
    LoadedDecision latest(String decisionKey);
}
