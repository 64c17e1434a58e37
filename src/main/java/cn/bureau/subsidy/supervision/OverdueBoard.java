package cn.bureau.subsidy.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.supervision.BoardViews.ActivityRow;
import cn.bureau.subsidy.supervision.BoardViews.Buckets;
import cn.bureau.subsidy.supervision.BoardViews.Enterprise;
import cn.bureau.subsidy.supervision.BoardViews.OfficerRow;
import cn.bureau.subsidy.supervision.BoardViews.OverdueItem;
import cn.bureau.subsidy.supervision.BoardViews.OverduePage;
import cn.bureau.subsidy.supervision.BoardViews.StageRow;
import cn.bureau.subsidy.supervision.BoardViews.Summary;

/**
 * The supervision board's reads: plain SQL over the engine's open tasks ({@code ACT_RU_TASK}) joined to the case
 * record, so that a board over 100,000 open cases costs a handful of queries, never one engine query a case.
 *
 * <p>Engine timestamps ({@code DUE_DATE_}) are {@code timestamp} columns written through JDBC in the JVM's zone;
 * parameters compared with them are therefore bound as {@link Timestamp}, which the driver converts the same way.
 */
@Service
@Transactional(readOnly = true)
class OverdueBoard {

    static final int MAX_LIMIT = 5000;
    private static final int BATCH = 500;
    private static final String PINYIN = "zh-x-icu";
    private static final String TABLES = """
            from ACT_RU_TASK t
            join application a on a.process_instance_id = t.PROC_INST_ID_
            join program p on p.id = a.program_id""";
    private static final String OPEN_WITH_DUE_DATE = " where t.DUE_DATE_ is not null";
    private static final String FROM = TABLES + OPEN_WITH_DUE_DATE;

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDays workdays;
    private final Escalations escalations;
    /** The aggregates over every open task, shared by the supervisors watching the board. */
    private final RecentAnswers<BoardFilter, Summary> summaries;
    private final RecentAnswers<BoardFilter, Count> overdueCounts;
    private final CandidateGroups candidateGroups;
    /** The collation that sorts enterprise names as a Chinese reader expects (pinyin), or empty. */
    private final String enterpriseCollation;

    private record Count(long value, Instant at) {
    }

    /**
     * @param maxAge how old the counts of the summary and of the overdue list may be
     *        ({@code subsidy.supervision.board-max-age}): every supervisor's board and its refreshes share one
     *        aggregate over all open tasks instead of each running its own; the answer says as of when
     */
    OverdueBoard(NamedParameterJdbcTemplate jdbc, WorkingDays workdays, Escalations escalations,
            CandidateGroups candidateGroups, @Value("${subsidy.supervision.board-max-age:PT10S}") Duration maxAge) {
        this.jdbc = jdbc;
        this.workdays = workdays;
        this.escalations = escalations;
        this.candidateGroups = candidateGroups;
        this.summaries = new RecentAnswers<>(maxAge);
        this.overdueCounts = new RecentAnswers<>(maxAge);
        this.enterpriseCollation = pinyinCollation(jdbc);
    }

    /** PostgreSQL's ICU collation for Chinese where the server has ICU; H2 and others sort by code point. */
    private static String pinyinCollation(NamedParameterJdbcTemplate jdbc) {
        String product = jdbc.getJdbcTemplate().execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
        if (!"PostgreSQL".equals(product)) {
            return "";
        }
        List<String> found = jdbc.queryForList("select collname from pg_collation where collname = :name",
                Map.of("name", PINYIN), String.class);
        return found.isEmpty() ? "" : PINYIN;
    }

    /**
     * A page of the overdue tasks in the given order: the page as of now, the total as of at most the board's maximum
     * age (the count runs over every overdue task; most overdue first, the page reads {@code offset + limit} rows
     * along the due-date index, while another order sorts every overdue task of the filter).
     */
    OverduePage overdue(BoardFilter filter, OverdueOrder order, int offset, int limit) {
        Instant now = ShenzhenTime.now();
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
        String where = " and t.DUE_DATE_ < :now" + filter.where(params);
        Count total = overdueCounts.get(filter, f -> {
            Instant countedAt = ShenzhenTime.now();
            MapSqlParameterSource counted = new MapSqlParameterSource("now", Timestamp.from(countedAt));
            Long count = jdbc.queryForObject("select count(*) " + FROM + " and t.DUE_DATE_ < :now"
                    + f.where(counted), counted, Long.class);
            return new Count(count == null ? 0 : count, countedAt);
        });
        params.addValue("limit", limit).addValue("offset", offset);
        List<Row> rows = jdbc.query(select(order) + where + order.orderBy(enterpriseCollation)
                + " limit :limit offset :offset", params, (rs, i) -> Row.of(rs));
        return new OverduePage(ShenzhenTime.at(now), total.value(), ShenzhenTime.at(total.at()),
                order.column().apiName(), order.dir(), offset, limit, items(rows, now));
    }

    /** Every overdue task in the given order, handed over in batches so that an export needs no page size. */
    void eachOverdue(BoardFilter filter, OverdueOrder order, Consumer<OverdueItem> consumer) {
        Instant now = ShenzhenTime.now();
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now));
        String where = " and t.DUE_DATE_ < :now" + filter.where(params);
        List<Row> batch = new ArrayList<>(BATCH);
        jdbc.query(select(order) + where + order.orderBy(enterpriseCollation), params, rs -> {
            batch.add(Row.of(rs));
            if (batch.size() == BATCH) {
                items(batch, now).forEach(consumer);
                batch.clear();
            }
        });
        items(batch, now).forEach(consumer);
    }

    /**
     * Counts by stage, by officer and by diagram element, each in the aging buckets; one aggregate query. The
     * candidate group comes from a grouped join, not a subquery a row: over 100,000 open tasks on PostgreSQL that is
     * about 0.7 s instead of 3.3 s.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED) // no connection held while waiting for a shared answer
    Summary summary(BoardFilter filter) {
        return summaries.get(filter, this::currentSummary);
    }

    private Summary currentSummary(BoardFilter filter) {
        Instant now = ShenzhenTime.now();
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("soon", Timestamp.from(workdays.after(now, 1)))
                .addValue("end2", Timestamp.from(workdays.endBefore(now, 2)))
                .addValue("end5", Timestamp.from(workdays.endBefore(now, 5)));
        String sql = """
                select stage, task_key, assignee, grp, count(*) as open_tasks,
                       sum(case when due >= :now and due <= :soon then 1 else 0 end) as due_soon,
                       sum(case when due < :now and due >= :end2 then 1 else 0 end) as overdue_1_2,
                       sum(case when due < :end2 and due >= :end5 then 1 else 0 end) as overdue_3_5,
                       sum(case when due < :end5 then 1 else 0 end) as overdue_over_5
                from (select a.stage as stage, t.TASK_DEF_KEY_ as task_key, t.ASSIGNEE_ as assignee,
                             t.DUE_DATE_ as due, g.grp as grp
                      from ACT_RU_TASK t
                      join application a on a.process_instance_id = t.PROC_INST_ID_
                      join program p on p.id = a.program_id
                      left join (select TASK_ID_ as task_id, min(GROUP_ID_) as grp from ACT_RU_IDENTITYLINK
                                 where TYPE_ = 'candidate' and GROUP_ID_ is not null group by TASK_ID_) g
                             on g.task_id = t.ID_
                      where t.DUE_DATE_ is not null""" + filter.where(params) + """
                     ) x
                group by stage, task_key, assignee, grp""";
        Map<String, Buckets> byStage = new TreeMap<>();
        Map<String, Buckets> byOfficer = new HashMap<>();
        Map<String, Buckets> byActivity = new TreeMap<>();
        Buckets[] total = {Buckets.NONE};
        jdbc.query(sql, params, rs -> {
            Buckets b = new Buckets(rs.getLong("open_tasks"), rs.getLong("due_soon"), rs.getLong("overdue_1_2"),
                    rs.getLong("overdue_3_5"), rs.getLong("overdue_over_5"));
            String assignee = rs.getString("assignee");
            String officer = assignee != null ? "USER:" + assignee
                    : "GROUP:" + (rs.getString("grp") == null ? "" : rs.getString("grp"));
            byStage.merge(rs.getString("stage"), b, Buckets::plus);
            byOfficer.merge(officer, b, Buckets::plus);
            byActivity.merge(rs.getString("task_key"), b, Buckets::plus);
            total[0] = total[0].plus(b);
        });
        MapSqlParameterSource waiting = new MapSqlParameterSource("stage", CaseProcess.STAGE_AWAITING_PLAN);
        String waitingWhere = "";
        if (filter.program() != null) {
            waitingWhere = " and p.code = :program";
            waiting.addValue("program", filter.program());
        }
        boolean stageAllowsWaiting = filter.stage() == null || filter.stage().equals(CaseProcess.STAGE_AWAITING_PLAN);
        long awaitingPlan = !stageAllowsWaiting || filter.group() != null || filter.assignee() != null ? 0
                : jdbc.queryForObject("select count(*) from application a join program p on p.id = a.program_id "
                        + "where a.stage = :stage and a.outcome is null" + waitingWhere, waiting, Long.class);
        List<String> programs = jdbc.queryForList("select code from program order by code",
                new MapSqlParameterSource(), String.class);
        return new Summary(ShenzhenTime.at(now), programs, total[0],
                byStage.entrySet().stream().map(e -> new StageRow(e.getKey(), e.getValue())).toList(),
                byOfficer.entrySet().stream()
                        .sorted(Comparator.comparing((Map.Entry<String, Buckets> e) -> -e.getValue().overdue())
                                .thenComparing(Map.Entry::getKey))
                        .map(e -> new OfficerRow(e.getKey().substring(e.getKey().indexOf(':') + 1),
                                e.getKey().substring(0, e.getKey().indexOf(':')), e.getValue()))
                        .toList(),
                byActivity.entrySet().stream()
                        .map(e -> new ActivityRow(e.getKey(), e.getValue().open(), e.getValue().overdue())).toList(),
                awaitingPlan);
    }

    private static String select(OverdueOrder order) {
        return """
                select t.ID_ as task_id, t.TASK_DEF_KEY_ as task_key, t.NAME_ as task_name, t.ASSIGNEE_ as assignee,
                       t.DUE_DATE_ as due_at, t.PRIORITY_ as priority, a.id as case_id, a.business_key, a.uscc,
                       a.enterprise_name, a.stage, p.code as program_code
                """ + TABLES + " " + order.join() + OPEN_WITH_DUE_DATE;
    }

    private List<OverdueItem> items(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::taskId).toList();
        Map<String, List<String>> groups = candidateGroups.of(ids);
        Map<String, Escalations.Reached> escalated = escalations.reachedBy(ids);
        List<OverdueItem> items = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<String> taskGroups = groups.getOrDefault(r.taskId(), List.of());
            Escalations.Reached reached = escalated.get(r.taskId());
            String holder = r.assignee() != null ? r.assignee() : String.join(",", taskGroups);
            items.add(new OverdueItem(r.caseId(), r.businessKey(), r.programCode(),
                    new Enterprise(r.uscc(), r.enterpriseName()), r.stage(), r.taskId(), r.taskKey(), r.taskName(),
                    r.assignee(), taskGroups, holder, ShenzhenTime.at(r.dueAt()),
                    workdays.workingDaysBetween(r.dueAt(), now), r.priority(),
                    reached == null ? 0 : reached.level(), reached == null ? null : reached.at(),
                    "/api/cases/" + r.caseId(), "/camunda/app/tasklist/default/#/?task=" + r.taskId()));
        }
        return items;
    }

    private record Row(String taskId, String taskKey, String taskName, String assignee, Instant dueAt, int priority,
            String caseId, String businessKey, String uscc, String enterpriseName, String stage,
            String programCode) {

        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                    rs.getString("assignee"), rs.getTimestamp("due_at").toInstant(), rs.getInt("priority"),
                    rs.getObject("case_id").toString(), rs.getString("business_key"), rs.getString("uscc"),
                    rs.getString("enterprise_name"), rs.getString("stage"), rs.getString("program_code"));
        }
    }
}
