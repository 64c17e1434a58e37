package cn.bureau.subsidy.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.cluster.HarnessCase.Route;

/**
 * Drives cases the way their users would: staff complete their tasks over the engine REST API as themselves,
 * applicants act through the application's case API. What each case waits for is read from the database in one
 * query a round (the harness watches like a supervisor); every action goes over HTTP to a node.
 */
final class Driver {

    static final String MANAGER = "h-manager";
    static final String REVIEWER = "h-reviewer";
    static final String AUDITOR = "h-auditor";
    static final String APPROVER = "h-approver";
    /** Authorises payments: the approver who issued the plan may not (separation of duties). */
    static final String TREASURER = "h-treasurer";
    static final String SUPERVISOR = "h-supervisor";
    static final String ADMIN = "admin";

    /** What the database says about a case: stage, outcome and the tasks it waits at. */
    record Seen(String stage, String outcome, List<Task> tasks) {

        boolean waitsAt(String taskKey) {
            return tasks.stream().anyMatch(task -> task.key().equals(taskKey));
        }
    }

    record Task(String id, String key) {
    }

    private static final byte[] PDF = "%PDF-1.4\n% harness page\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final Http http;
    private final Db db;
    private final ExecutorService pool;
    private final ObjectNode application;

    Driver(Http http, Db db, ExecutorService pool) {
        this.http = http;
        this.db = db;
        this.pool = pool;
        try (InputStream in = Driver.class.getResourceAsStream("/contract/application.json")) {
            this.application = (ObjectNode) Http.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- filing -------------------------------------------------------------------------------------------------

    /** Files every case (stage 2), retrying with the same idempotency key until the API acknowledges it. */
    void file(List<HarnessCase> cases) throws InterruptedException {
        List<Callable<Void>> filings = new ArrayList<>();
        for (HarnessCase c : cases) {
            filings.add(() -> {
                file(c);
                return null;
            });
        }
        runAll(filings);
    }

    private void file(HarnessCase c) {
        ObjectNode body = application.deepCopy();
        ObjectNode applicant = (ObjectNode) body.get("applicant");
        applicant.put("uscc", c.uscc);
        applicant.put("name", "Harness enterprise " + c.number);
        ((ObjectNode) applicant.get("bankAccount")).put("accountName", "Harness enterprise " + c.number)
                .put("accountNo", c.firstAccount());
        byte[] bytes;
        try {
            bytes = Http.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            Http.Reply reply = http.send(c.home, c.applicant, "POST", "/api/programs/" + c.programCode
                    + "/applications", "application/json", bytes, Map.of("Idempotency-Key", "harness-" + c.number));
            if (reply.status() == 201) {
                JsonNode filed = reply.json();
                c.caseId = filed.path("caseId").asText();
                c.businessKey = filed.path("businessKey").asText();
                return;
            }
            if (!reply.lost() && reply.status() < 500) {
                throw new IllegalStateException(c + " was refused: " + reply.status() + " " + reply.body());
            }
        }
        throw new IllegalStateException(c + " could not be filed");
    }

    // --- driving ------------------------------------------------------------------------------------------------

    /**
     * Acts on every case, a round at a time, until each one satisfies {@code reached} or the deadline passes; returns
     * whether all reached it. {@code onRound} sees each round's snapshot (the harness kills nodes from there).
     */
    boolean drive(String phase, List<HarnessCase> cases, BiPredicate<HarnessCase, Seen> reached, Instant deadline,
            java.util.function.Consumer<Map<String, Seen>> onRound) throws InterruptedException {
        Instant nextReport = Instant.now();
        while (true) {
            Map<String, Seen> seen = snapshot(cases);
            onRound.accept(seen);
            List<Callable<Void>> actions = new ArrayList<>();
            int done = 0;
            for (HarnessCase c : cases) {
                Seen state = seen.get(c.caseId);
                if (state == null) {
                    continue;
                }
                if (reached.test(c, state)) {
                    done++;
                    continue;
                }
                Callable<Void> action = next(c, state);
                if (action != null) {
                    actions.add(action);
                }
            }
            if (Instant.now().isAfter(nextReport) || done == cases.size()) {
                Harness.log("%s: %d of %d cases there; %d actions this round; stages %s", phase, done, cases.size(),
                        actions.size(), stages(cases, seen));
                nextReport = Instant.now().plusSeconds(15);
            }
            if (done == cases.size()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            if (actions.isEmpty()) {
                Thread.sleep(1000);
            } else {
                runAll(actions);
            }
        }
    }

    /** The next thing the case's people do, or null when it waits for the engine (a job, a timer, the plan). */
    private Callable<Void> next(HarnessCase c, Seen seen) {
        if (seen.outcome() != null) {
            return null;
        }
        if (c.route == Route.WITHDRAWN) {
            return () -> applicantJson(c, "POST", "/withdrawal", Map.of("reason", "The harness withdraws it"));
        }
        for (Task task : seen.tasks()) {
            Callable<Void> action = switch (task.key()) {
                case "UserTask_InitialReview" -> review(c, task, REVIEWER,
                        c.route == Route.REJECTED_AT_INITIAL_REVIEW ? "REJECT"
                                : c.route == Route.RETURNED_AT_INITIAL_REVIEW && !c.corrected ? "RETURN" : "ACCEPT");
                case "UserTask_CorrectFiling", "UserTask_CorrectMaterials", "UserTask_CorrectForAudit",
                        "UserTask_CorrectForQualification" -> () -> {
                            applicantJson(c, "POST", "/corrections", Map.of("note", "Corrected by the harness"));
                            c.corrected = true;
                            return null;
                        };
                case "UserTask_SubmitMaterials" -> c.route == Route.MATERIALS_MISSED ? null : () -> {
                    upload(c, "/materials", "APPLICATION_FORM", "application.pdf");
                    applicantJson(c, "POST", "/materials/submission", null);
                    return null;
                };
                case "UserTask_FormalReview" -> review(c, task, REVIEWER,
                        c.route == Route.RETURNED_AT_FORMAL_REVIEW && !c.corrected ? "RETURN" : "ACCEPT");
                case "UserTask_SpecialAudit" -> review(c, task, AUDITOR,
                        c.route == Route.REJECTED_AT_AUDIT ? "REJECT" : "ACCEPT");
                case "UserTask_QualificationReview" -> review(c, task, AUDITOR, "ACCEPT");
                case "UserTask_SubmitDisbursementDocuments" -> () -> {
                    c.documentsSent++;
                    upload(c, "/disbursement-documents", null, "receipt.pdf");
                    return null;
                };
                case "UserTask_AuthoriseDisbursement" -> review(c, task, TREASURER,
                        c.route == Route.DOCUMENTS_RETURNED && c.documentsSent < 2 ? "RETURN" : "ACCEPT");
                case "UserTask_CorrectBankAccount" -> () -> applicantJson(c, "PUT", "/bank-account", Map.of(
                        "bank", "Bank of China, Shenzhen Branch", "accountName", "Harness enterprise " + c.number,
                        "accountNo", c.correctedAccount()));
                case "UserTask_ResolvePaymentFailure" -> review(c, task, SUPERVISOR, null);
                default -> null;
            };
            if (action != null) {
                return action;
            }
        }
        return null;
    }

    private Callable<Void> review(HarnessCase c, Task task, String user, String decision) {
        return () -> {
            completeTask(c.home, user, task.id(), decision);
            return null;
        };
    }

    /** Completes a task over the engine REST API as {@code user}; a return or rejection carries a reason. */
    Http.Reply completeTask(Node node, String user, String taskId, String decision) {
        Map<String, Object> variables = new HashMap<>();
        if (decision != null) {
            variables.put("decision", Map.of("value", decision, "type", "String"));
            if (!decision.equals("ACCEPT")) {
                variables.put("reason", Map.of("value", "The harness says " + decision, "type", "String"));
            }
        }
        return http.json(node, user, "POST", "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables));
    }

    private Void applicantJson(HarnessCase c, String method, String action, Object body) {
        http.json(c.home, c.applicant, method, "/api/cases/" + c.caseId + action, body);
        return null;
    }

    private void upload(HarnessCase c, String action, String kind, String fileName) {
        Http.Multipart parts = new Http.Multipart();
        if (kind != null) {
            parts.field("kind", kind);
        }
        parts.file("file", fileName, "application/pdf", PDF);
        http.send(c.home, c.applicant, "POST", "/api/cases/" + c.caseId + action, parts.contentType(),
                parts.bytes(), Map.of());
    }

    // --- what the database says ---------------------------------------------------------------------------------

    Map<String, Seen> snapshot(Collection<HarnessCase> cases) {
        String[] programs = cases.stream().map(c -> c.programCode).distinct().toArray(String[]::new);
        Map<String, List<Task>> tasks = new HashMap<>();
        Map<String, Seen> seen = new HashMap<>();
        List<Map<String, Object>> rows = db.rows("""
                select a.id::text as case_id, a.stage, a.outcome, t.id_ as task_id, t.task_def_key_ as task_key
                from application a
                join program p on p.id = a.program_id
                left join act_ru_task t on t.proc_inst_id_ = a.process_instance_id
                where p.code = any(?)
                order by t.create_time_
                """, (Object) programs);
        for (Map<String, Object> row : rows) {
            String caseId = (String) row.get("case_id");
            List<Task> caseTasks = tasks.computeIfAbsent(caseId, id -> new ArrayList<>());
            if (row.get("task_id") != null) {
                caseTasks.add(new Task((String) row.get("task_id"), (String) row.get("task_key")));
            }
            seen.put(caseId, new Seen((String) row.get("stage"), (String) row.get("outcome"), caseTasks));
        }
        return seen;
    }

    private static Map<String, Integer> stages(List<HarnessCase> cases, Map<String, Seen> seen) {
        Map<String, Integer> stages = new TreeMap<>();
        for (HarnessCase c : cases) {
            Seen state = seen.get(c.caseId);
            stages.merge(state == null ? "?" : state.stage(), 1, Integer::sum);
        }
        return stages;
    }

    private void runAll(List<Callable<Void>> tasks) throws InterruptedException {
        for (Future<Void> done : pool.invokeAll(tasks)) {
            try {
                done.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
