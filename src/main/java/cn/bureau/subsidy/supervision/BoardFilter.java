package cn.bureau.subsidy.supervision;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The board's filters, each optional: program code, case stage, candidate group, assignee. */
record BoardFilter(String program, String stage, String group, String assignee) {

    static BoardFilter of(String program, String stage, String group, String assignee) {
        return new BoardFilter(blankToNull(program), blankToNull(stage), blankToNull(group), blankToNull(assignee));
    }

    /** The {@code and …} conditions over {@code t} (ACT_RU_TASK), {@code a} (application), {@code p} (program). */
    String where(MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder();
        if (program != null) {
            sql.append(" and p.code = :program");
            params.addValue("program", program);
        }
        if (stage != null) {
            sql.append(" and a.stage = :stage");
            params.addValue("stage", stage);
        }
        if (assignee != null) {
            sql.append(" and t.ASSIGNEE_ = :assignee");
            params.addValue("assignee", assignee);
        }
        if (group != null) {
            sql.append(" and exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_"
                    + " and l.TYPE_ = 'candidate' and l.GROUP_ID_ = :grp)");
            params.addValue("grp", group);
        }
        return sql.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
