/**
 * Eligibility and amount decisions of a program: the DMN tables in {@code decisions/} (the process owner's) and the
 * plain-Java calculator of guide §5. Other modules call {@link cn.bureau.subsidy.decision.QuoteService} and use its
 * input and result records; the enterprise-cap and budget rule share {@link cn.bureau.subsidy.decision.UniformReduction}.
 */
package cn.bureau.subsidy.decision;
