package cn.bureau.subsidy.benchmark;

import java.sql.Timestamp;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The supervisor's reads, over HTTP as the board's page makes them (a page of the overdue list, in its default order
 * and by enterprise name; the summary), with many
 * open cases in the database. The open cases are written straight into the case table and the engine's execution,
 * task, identity-link and authorization tables, the rows the engine keeps for an open task, and the deadline watch's
 * escalations of the overdue ones: filing 100,000 cases through the engine would take longer than every other
 * workload together and measure filing again.
 */
final class SupervisorQueries {

    private static final String[][] STAGES = {{"INITIAL_REVIEW", "UserTask_InitialReview", "initial-reviewers"},
        {"MATERIALS", "UserTask_SubmitMaterials", "applicants"}, {"FORMAL_REVIEW", "UserTask_FormalReview",
            "initial-reviewers"}, {"SPECIAL_AUDIT", "UserTask_SpecialAudit", "auditors"},
        {"QUALIFICATION", "UserTask_QualificationReview", "auditors"}};

    /** The board's page of the overdue list. */
    static final int PAGE = 50;

    private final JdbcTemplate jdbc;
    /** What the engine grants a task's candidate group on the task: read, and its default task permission. */
    private final int taskPermissions;

    SupervisorQueries(JdbcTemplate jdbc, ApplicationContext context) {
        this.jdbc = jdbc;
        this.taskPermissions = Permissions.READ.getValue() | ((ProcessEngineConfigurationImpl) context
                .getBean(ProcessEngine.class).getProcessEngineConfiguration()).getDefaultUserPermissionForTask()
                .getValue();
    }

    /** Seeds {@code count} open cases of the program, each with one open task due between 15 days ago and in 5 days. */
    void seed(UUID programId, String programCode, int count) {
        if (count <= 0) {
            return; // an earlier warm-up pass on this database seeded them
        }
        Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
        String definition = jdbc.queryForObject("select ID_ from ACT_RE_PROCDEF where KEY_ = 'SubsidyCase' "
                + "order by VERSION_ desc limit 1", String.class);
        for (int stage = 0; stage < STAGES.length; stage++) {
            // Fresh statistics, so that the foreign-key checks of the inserts below are planned for the tables as
            // they are now: a connection that checked them while the tables were tiny keeps its plan (a sequential
            // scan, by the time quadratic in the rows it took) until an analyze invalidates it.
            jdbc.execute("analyze application, ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_IDENTITYLINK");
            String[] s = STAGES[stage];
            Object[] args = {programCode, programId, s[0], now, count, STAGES.length, stage};
            jdbc.update("""
                    insert into application (id, business_key, program_id, uscc, enterprise_name, bank_name,
                        bank_account_name, bank_account_no, on_dishonesty_list, serious_violation_3y, fiscal_arrears,
                        other_central_funding, reports_statistics, holds_certificate, truthfulness_commitment,
                        project_name, project_kind, host_country, stage, process_instance_id, filed_at, filed_by)
                    select gen_random_uuid(), ? || '-B' || n, ?, '91440300MA5F000181',
                        (array['安','北','长','大','东','恒','华','嘉','金','蓝','明','南','鹏','前','深','天','万',
                            '新','粤','中'])[1 + n % 20] || '科' || n || '投资有限公司', 'Bank',
                        'Account', '6222000000000000', false, false, false, false, true, true, true, 'Project ' || n,
                        'INVESTMENT', 'KH', ?, 'board-' || n, ?, 'benchmark'
                    from generate_series(1, ?) n where n % ? = ?""", args);
            jdbc.update("""
                    insert into ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_,
                        PROC_DEF_ID_, ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_,
                        SUSPENSION_STATE_, SEQUENCE_COUNTER_, PROC_DEF_KEY_)
                    select 'board-' || n, 1, 'board-' || n, 'board-' || n, ? || '-B' || n, ?, ?, true, false, true,
                        false, 1, 1, 'SubsidyCase'
                    from generate_series(1, ?) n where n % ? = ?""", programCode, definition, s[1], count,
                    STAGES.length, stage);
            jdbc.update("""
                    insert into ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_,
                        TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
                    select 'board-task-' || n, 1, 'board-' || n, 'board-' || n, ?, ?, ?,
                        case when n % 7 = 0 then 'reviewer' end, 50, ?::timestamp - interval '20 days',
                        ?::timestamp + (n % 480 - 360) * interval '1 hour', 1
                    from generate_series(1, ?) n where n % ? = ?""", definition, s[1], s[1], now, now, count,
                    STAGES.length, stage);
            jdbc.update("""
                    insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
                    select 'board-link-' || n, 1, ?, 'candidate', 'board-task-' || n
                    from generate_series(1, ?) n where n % ? = ?""", s[2], count, STAGES.length, stage);
            jdbc.update("""
                    insert into ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_,
                        PERMS_, ROOT_PROC_INST_ID_)
                    select 'board-auth-' || n, 1, ?, ?, ?, 'board-task-' || n, ?, 'board-' || n
                    from generate_series(1, ?) n where n % ? = ?""", Authorization.AUTH_TYPE_GRANT, s[2],
                    Resources.TASK.resourceType(), taskPermissions, count, STAGES.length, stage);
        }
        // The deadline watch has escalated every overdue task once, and those overdue a week twice.
        jdbc.update("""
                insert into task_escalation (application_id, process_instance_id, task_id, task_key, task_name, level,
                                             escalated_at, due_at, notified_users, notified_groups)
                select a.id, t.PROC_INST_ID_, t.ID_, t.TASK_DEF_KEY_, t.NAME_, l.level,
                       t.DUE_DATE_ + (l.level - 1) * interval '7 days', t.DUE_DATE_, '', 'supervisors'
                from ACT_RU_TASK t
                join application a on a.process_instance_id = t.PROC_INST_ID_
                cross join (values (1), (2)) l (level)
                where t.ID_ like 'board-task-%' and t.DUE_DATE_ < ?::timestamp - (l.level - 1) * interval '7 days'""",
                now);
        jdbc.execute("analyze");
    }

    Figures overdue(Loopback http, int clients, int requests) {
        return page(http, clients, requests, "overdueWorkingDays", "desc");
    }

    /** Another order than the due-date index's: the database sorts every overdue task for the page. */
    Figures overdueByEnterprise(Loopback http, int clients, int requests) {
        return page(http, clients, requests, "enterprise", "asc");
    }

    private static Figures page(Loopback http, int clients, int requests, String sort, String dir) {
        String url = "/api/supervision/overdue?sort=%s&dir=%s&offset=0&limit=%d".formatted(sort, dir, PAGE);
        return Figures.run(clients, requests, index -> http.send("supervisor", "GET", url, null, 200));
    }

    Figures summary(Loopback http, int clients, int requests) {
        return Figures.run(clients, requests,
                index -> http.send("supervisor", "GET", "/api/supervision/summary", null, 200));
    }
}
