package cn.bureau.subsidy.program;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

import cn.bureau.subsidy.common.ShenzhenTime;

/** A program as the contract shows it: the body echoed, instants in Shenzhen time, plus server fields. */
record ProgramView(String code, String title, int supportYear, OffsetDateTime filingOpensAt,
        OffsetDateTime filingClosesAt, OffsetDateTime materialsCloseAt, BigDecimal budgetWan,
        Map<String, String> fxRatesToCny, Map<String, String> lprPercent, String id, OffsetDateTime createdAt) {

    static ProgramView of(Program p) {
        return new ProgramView(p.getCode(), p.getTitle(), p.getSupportYear(), ShenzhenTime.at(p.getFilingOpensAt()),
                ShenzhenTime.at(p.getFilingClosesAt()), ShenzhenTime.at(p.getMaterialsCloseAt()), p.getBudgetWan(),
                plain(p.getFxRatesToCny()), plain(p.getLprPercent()), p.getId().toString(),
                ShenzhenTime.at(p.getCreatedAt()));
    }

    private static Map<String, String> plain(Map<String, BigDecimal> values) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }
}
