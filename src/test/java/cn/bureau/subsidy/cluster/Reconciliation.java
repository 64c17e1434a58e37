package cn.bureau.subsidy.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the database says after the run, checked against what the harness did: every acknowledged filing has its case
 * record and a process instance that ended with its route's outcome or waits for something that will move it; no
 * case was paid twice; no timer was left behind or fired later than the tolerance; no incident.
 */
final class Reconciliation {

    record Invariant(String name, boolean holds, String detail) {
    }

    private final List<String> lines = new ArrayList<>();
    private final List<Invariant> invariants = new ArrayList<>();

    /**
     * @param timerDues the due instants (epoch seconds) the harness set itself, by timer activity id and program
     *                  code ({@code Timer_NoticeEnds@CLUSTER-MAIN}); other timers' dues come from the programs
     * @param lateTimersAllowed programs whose timers fell due while no node ran on purpose (the restart test)
     */
    static Reconciliation of(Db db, List<HarnessCase> cases, Map<String, Double> timerDues,
            Set<String> lateTimersAllowed, Duration tolerance) {
        Reconciliation r = new Reconciliation();
        r.cases(db, cases);
        r.programs(db);
        r.payments(db);
        r.timers(db, timerDues, lateTimersAllowed, tolerance);
        r.incidents(db);
        return r;
    }

    private void cases(Db db, List<HarnessCase> cases) {
        Map<String, Map<String, Object>> records = new HashMap<>();
        for (Map<String, Object> row : db.rows("""
                select a.id::text as case_id, p.code, a.stage, a.outcome, a.process_instance_id as pid,
                       h.state_ as state,
                       exists(select 1 from act_ru_execution e where e.proc_inst_id_ = a.process_instance_id) as running,
                       exists(select 1 from act_ru_task t where t.proc_inst_id_ = a.process_instance_id) as has_task,
                       exists(select 1 from act_ru_job j where j.process_instance_id_ = a.process_instance_id
                              and j.retries_ > 0) as has_job,
                       exists(select 1 from act_ru_event_subscr s where s.proc_inst_id_ = a.process_instance_id
                              and s.event_name_ <> 'CaseWithdrawn') as has_event,
                       (select string_agg(t.task_def_key_, ',') from act_ru_task t
                        where t.proc_inst_id_ = a.process_instance_id) as tasks
                from application a
                join program p on p.id = a.program_id
                left join act_hi_procinst h on h.proc_inst_id_ = a.process_instance_id
                """)) {
            records.put((String) row.get("case_id"), row);
        }
        int acknowledged = 0;
        int ended = 0;
        int waiting = 0;
        List<String> lost = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (HarnessCase c : cases) {
            if (c.caseId == null) {
                continue;
            }
            acknowledged++;
            Map<String, Object> row = records.get(c.caseId);
            String state = row == null ? "no case record" : classify(row);
            switch (state) {
                case "ended" -> ended++;
                case "waiting" -> waiting++;
                default -> lost.add(c + ": " + state);
            }
            String outcome = row == null ? null : (String) row.get("outcome");
            outcomes.merge(outcome == null ? "(open)" : outcome, 1, Integer::sum);
            if (row != null && !c.route.outcome.equals(outcome)) {
                unexpected.add(c + " expected " + c.route.outcome + ", is at stage " + row.get("stage")
                        + " with outcome " + outcome + (row.get("tasks") == null ? "" : ", tasks " + row.get("tasks")));
            }
        }
        long duplicates = records.size() - acknowledged;
        line("cases started", acknowledged, "filings acknowledged by the API; " + records.size()
                + " case records in the database");
        line("cases in a valid end state", ended, "process ended and the case record has its outcome");
        line("cases in a valid wait state", waiting, "at a user task, a timer, a job or a message");
        line("cases lost", lost.size(), "no record, no process instance, or a process with nothing to wait for");
        lost.stream().limit(10).forEach(l -> lines.add("    " + l));
        line("outcomes", outcomes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")), "");
        invariants.add(new Invariant("no case lost", lost.isEmpty() && ended + waiting == acknowledged,
                lost.size() + " lost"));
        invariants.add(new Invariant("no case filed twice", duplicates == 0,
                duplicates + " case records beyond the acknowledged filings"));
        invariants.add(new Invariant("every case ended as its route says", unexpected.isEmpty(),
                unexpected.size() + " differ" + (unexpected.isEmpty() ? "" : ": " + String.join("; ",
                        unexpected.subList(0, Math.min(5, unexpected.size()))))));
    }

    private static String classify(Map<String, Object> row) {
        if (row.get("pid") == null || row.get("state") == null) {
            return "no process instance";
        }
        boolean running = (Boolean) row.get("running");
        if (!running) {
            if (!"COMPLETED".equals(row.get("state"))) {
                return "process " + row.get("state");
            }
            return row.get("outcome") == null ? "process ended but the case record has no outcome (stage "
                    + row.get("stage") + ")" : "ended";
        }
        if (row.get("outcome") != null) {
            return "case record says " + row.get("outcome") + " but its process still runs";
        }
        if ((Boolean) row.get("has_task") || (Boolean) row.get("has_job") || (Boolean) row.get("has_event")) {
            return "waiting";
        }
        return "process runs with nothing to wait for (stage " + row.get("stage") + ")";
    }

    private void programs(Db db) {
        List<String> stuck = new ArrayList<>();
        List<String> states = new ArrayList<>();
        for (Map<String, Object> row : db.rows("""
                select p.code, h.state_ as state,
                       exists(select 1 from act_ru_execution e where e.proc_inst_id_ = p.process_instance_id) as running,
                       exists(select 1 from act_ru_task t where t.proc_inst_id_ = p.process_instance_id)
                       or exists(select 1 from act_ru_job j where j.process_instance_id_ = p.process_instance_id
                                 and j.retries_ > 0)
                       or exists(select 1 from act_ru_event_subscr s where s.proc_inst_id_ = p.process_instance_id)
                          as waits,
                       (select string_agg(distinct e.act_id_, ',') from act_ru_execution e
                        where e.proc_inst_id_ = p.process_instance_id and e.act_id_ is not null) as at
                from program p left join act_hi_procinst h on h.proc_inst_id_ = p.process_instance_id
                order by p.code
                """)) {
            boolean running = (Boolean) row.get("running");
            String where = running ? "waits at " + row.get("at") : "ended (" + row.get("state") + ")";
            states.add(row.get("code") + " " + where);
            if (running && !(Boolean) row.get("waits") || !running && !"COMPLETED".equals(row.get("state"))) {
                stuck.add(row.get("code") + " " + where);
            }
        }
        line("programs", String.join("; ", states), "");
        invariants.add(new Invariant("no program stuck", stuck.isEmpty(), String.join("; ", stuck)));
    }

    private void payments(Db db) {
        long twice = db.count("""
                select count(*) from (select application_id from payment where status = 'PAID'
                                      group by application_id having count(*) > 1) paid_twice
                """);
        long paidWithoutPayment = db.count("""
                select count(*) from application a where a.outcome = 'PAID'
                and (select count(*) from payment p where p.application_id = a.id and p.status = 'PAID') <> 1
                """);
        long pending = db.count("select count(*) from payment where status = 'PENDING'");
        long rows = db.count("select count(*) from payment");
        line("payments made twice", twice, "cases with more than one PAID payment row (" + rows + " payment rows, "
                + pending + " pending)");
        invariants.add(new Invariant("no case paid twice", twice == 0 && paidWithoutPayment == 0 && pending == 0,
                twice + " paid twice, " + paidWithoutPayment + " PAID cases without exactly one paid payment, "
                        + pending + " payments left pending"));
    }

    private void timers(Db db, Map<String, Double> timerDues, Set<String> lateTimersAllowed, Duration tolerance) {
        long secs = tolerance.toSeconds();
        List<Map<String, Object>> pending = db.rows("""
                select j.type_ as type, d.act_id_ as activity, j.duedate_ as due, j.lock_owner_ as owner,
                       j.retries_ as retries, j.create_time_ as created
                from act_ru_job j left join act_ru_jobdef d on d.id_ = j.job_def_id_
                where j.retries_ > 0
                  and coalesce(j.duedate_, j.create_time_) < (now() at time zone 'UTC') - make_interval(secs => ?)
                """, (double) secs);
        long pendingTimers = pending.stream().filter(row -> "timer".equals(row.get("type"))).count();
        long pendingOthers = pending.size() - pendingTimers;

        // When each timer fired, against when it was due: program timers from the program's own instants, the notice
        // from the due date the harness gave it, each case's materials deadline from its program.
        List<Map<String, Object>> fired = db.rows("""
                select p.code, h.act_id_ as activity,
                       extract(epoch from (h.end_time_ at time zone 'UTC')) as fired_at,
                       extract(epoch from case h.act_id_ when 'Timer_FilingOpens' then p.filing_opens_at
                                                         when 'Timer_FilingCloses' then p.filing_closes_at
                                                         when 'Timer_MaterialsClose' then p.materials_close_at end)
                           as due
                from act_hi_actinst h join program p on p.process_instance_id = h.proc_inst_id_
                where h.act_type_ = 'intermediateTimer' and h.end_time_ is not null
                union all
                select p.code, h.act_id_, extract(epoch from (h.start_time_ at time zone 'UTC')),
                       extract(epoch from p.materials_close_at)
                from act_hi_actinst h
                join application a on a.process_instance_id = h.proc_inst_id_
                join program p on p.id = a.program_id
                where h.act_id_ = 'BoundaryEvent_MaterialsDeadline'
                """);
        int counted = 0;
        double latest = 0;
        String latestTimer = "none";
        List<String> late = new ArrayList<>();
        for (Map<String, Object> row : fired) {
            String code = (String) row.get("code");
            String activity = (String) row.get("activity");
            Double due = row.get("due") != null ? ((Number) row.get("due")).doubleValue()
                    : timerDues.get(activity + "@" + code);
            if (due == null || lateTimersAllowed.contains(code)) {
                continue;
            }
            double lateness = ((Number) row.get("fired_at")).doubleValue() - due;
            counted++;
            if (lateness >= latest) {
                latest = lateness;
                latestTimer = activity + " of " + code;
            }
            if (lateness > secs) {
                late.add(activity + "@" + code + " fired " + Math.round(lateness) + " s after due");
            }
        }
        line("timers missed", pendingTimers + late.size(), "tolerance " + secs + " s: " + pendingTimers
                + " timer jobs past due, " + late.size() + " fired late; " + counted + " timers fired, the latest "
                + Math.round(latest) + " s after due (" + latestTimer + ")");
        late.stream().limit(10).forEach(l -> lines.add("    " + l));
        line("jobs stuck", pendingOthers, "jobs other than timers still waiting after " + secs + " s");
        pending.stream().limit(10).forEach(row -> lines.add("    " + row));
        invariants.add(new Invariant("no timer missed", pendingTimers == 0 && late.isEmpty(),
                pendingTimers + " pending past due, " + late.size() + " fired late"));
        invariants.add(new Invariant("no job stuck", pendingOthers == 0, pendingOthers + " jobs waiting"));
    }

    private void incidents(Db db) {
        List<Map<String, Object>> incidents = db.rows("""
                select incident_type_ as type, activity_id_ as activity, proc_inst_id_ as instance,
                       incident_msg_ as message
                from act_ru_incident order by incident_timestamp_
                """);
        long retried = db.count("select count(*) from act_ru_job where exception_msg_ is not null and retries_ > 0");
        line("incidents", incidents.size(), incidents.isEmpty() ? "ACT_RU_INCIDENT is empty" : "from ACT_RU_INCIDENT:");
        for (Map<String, Object> incident : incidents) {
            lines.add("    " + incident.get("type") + " at " + incident.get("activity") + " (instance "
                    + incident.get("instance") + "): " + incident.get("message"));
        }
        if (retried > 0) {
            lines.add("    and " + retried + " jobs failed once and wait for a retry");
        }
        invariants.add(new Invariant("no incident", incidents.isEmpty(), incidents.size() + " incidents"));
    }

    void line(String name, Object value, String detail) {
        lines.add(String.format("%-28s %6s   %s", name, value, detail).stripTrailing());
    }

    void add(Invariant invariant) {
        invariants.add(invariant);
    }

    List<String> lines() {
        return lines;
    }

    List<Invariant> invariants() {
        return invariants;
    }
}
