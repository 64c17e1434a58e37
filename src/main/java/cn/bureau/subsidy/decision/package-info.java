/**
 * Eligibility and amount decisions of a program. Other modules call {@link cn.bureau.subsidy.decision.QuoteService}
 * with {@link cn.bureau.subsidy.decision.ProgramParameters} and {@link cn.bureau.subsidy.decision.ApplicationFacts};
 * the funding plan reuses {@link cn.bureau.subsidy.decision.UniformReduction} and
 * {@link cn.bureau.subsidy.decision.SupportLimits}.
 *
 * <p>The rules are the process owner's DMN tables in {@code decisions/} (deployed by the modeling module, read back
 * from the engine: the latest version, asked again after each deployment and at least every second):
 * <ul>
 * <li>{@code eligibility.dmn}: {@code Decision_ApplicationEligibility} (COLLECT, once per application: basic
 * conditions and the project thresholds in USD-equivalent) and {@code Decision_ClaimEligibility} (COLLECT, once per
 * claim: the conditions of each category, the loan threshold, with {@code supportYearStart}, {@code supportYearEnd}
 * and {@code filingDeadlineDay} as variables). Each row gives a {@code reasonCode} and a {@code level}; the level,
 * not the table, decides whether a reason stands at the top of the quote or on the claim.</li>
 * <li>{@code support-rates.dmn}: {@code Decision_SupportRates} (rate, base rule, base cap per category),
 * {@code Decision_InterestRateCap} (loan currency and term → capped rate, from {@code lpr1YPercent} /
 * {@code lpr5YPercent}), {@code Decision_SupportLimits} (minimum per claim, maximum per enterprise).</li>
 * <li>{@code required-materials.dmn}: {@code Decision_RequiredMaterials} (COLLECT, by category).</li>
 * </ul>
 * Java derives inputs (currency equivalents at the program's rates, calendar days in Shenzhen time, the support year's
 * bounds) and does the arithmetic of guide §5 in {@code SupportCalculator}; it holds no threshold, rate or limit.
 *
 * <p>These keys are the defaults of {@link cn.bureau.subsidy.decision.DecisionKeys}: a program names its own table for
 * any role in its record, and its claims may carry further facts (a claim's {@code facts}, e.g. last year's revenue)
 * that its tables read by name, so another family of awards needs tables and a program record, no Java. A rates
 * table may answer {@code FIXED_AWARD} with an {@code awardWan} instead of a rate.
 * {@link cn.bureau.subsidy.decision.QuoteService#withChangedDecisions} quotes with changed DMN files in place of the
 * deployed ones, for a what-if before a rollout.
 */
package cn.bureau.subsidy.decision;
