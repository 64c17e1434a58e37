package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.decision.DecisionKeys;

/**
 * A program as the contract shows it: the body echoed, instants in Shenzhen time, plus server fields; the categories
 * and decisions are the ones in force, defaults included.
 */
record ProgramView(String code, String title, int supportYear, OffsetDateTime filingOpensAt,
        OffsetDateTime filingClosesAt, OffsetDateTime materialsCloseAt, BigDecimal budgetWan,
        Map<String, String> fxRatesToCny, Map<String, String> lprPercent, List<String> categories,
        Map<String, String> decisions, String id, OffsetDateTime createdAt) {

    static ProgramView of(Program p) {
        return new ProgramView(p.getCode(), p.getTitle(), p.getSupportYear(), ShenzhenTime.at(p.getFilingOpensAt()),
                ShenzhenTime.at(p.getFilingClosesAt()), ShenzhenTime.at(p.getMaterialsCloseAt()), p.getBudgetWan(),
                plain(p.getFxRatesToCny()), plain(p.getLprPercent()), p.getCategories(),
                DecisionKeys.of(p.getDecisions()).asMap(), p.getId().toString(),
                ShenzhenTime.at(p.getCreatedAt()));
    }

    private static Map<String, String> plain(Map<String, BigDecimal> values) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }
}
