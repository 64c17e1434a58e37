package cn.bureau.subsidy.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.bureau.subsidy.cluster.HarnessCase.Route;

/**
 * The crash-and-cluster harness (README, "Crash and cluster harness"): two application nodes from the packaged jar
 * on one fresh PostgreSQL database, both running the job executor; N cases filed and driven through every stage
 * over HTTP while the programs' timers fall due in real time; one node killed with SIGKILL as the filing and
 * materials deadlines fall due, the other while payments run, each restarted; then every node down while a program's
 * deadlines fall due, and one node back to fire them. Finally it reconciles from the database, prints what it found
 * and exits non-zero when an invariant fails.
 *
 * <p>Run it with {@code scripts/cluster-harness.sh}, which builds the jar and the classpath first.
 */
public final class Harness {

    private static final Instant STARTED = Instant.now();
    private static final ZoneOffset SHENZHEN = ZoneOffset.ofHours(8);
    private static final String MAIN = "CLUSTER-MAIN";
    private static final String LATE = "CLUSTER-LATE";
    private static final String RESTART = "CLUSTER-RESTART";
    private static final int RESTART_CASES = 3;

    /** Run settings: {@code --cases 200} and the rest, each with a default that fits the number of cases. */
    record Options(int cases, String server, String user, String database, int threads, long filingSeconds,
            long materialsSeconds, long lockSeconds, long maxWaitSeconds, long toleranceSeconds,
            long restartFilingSeconds, long startSeconds) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Options are --name value pairs: " + String.join(" ", args));
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            int cases = Integer.parseInt(given.getOrDefault("cases", "200"));
            if (cases < 40) {
                throw new IllegalArgumentException("--cases: at least 40, so that every route is taken");
            }
            long lock = Long.parseLong(given.getOrDefault("lock-seconds", String.valueOf(Math.max(30, cases / 20))));
            long maxWait = Long.parseLong(given.getOrDefault("max-wait-seconds", "5"));
            return new Options(cases,
                    given.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/"),
                    given.getOrDefault("postgres-user", "postgres"),
                    given.getOrDefault("database", "subsidy_cluster_harness"),
                    Integer.parseInt(given.getOrDefault("threads", "8")),
                    Long.parseLong(given.getOrDefault("filing-seconds", "0")),
                    Long.parseLong(given.getOrDefault("materials-seconds", "0")),
                    lock, maxWait,
                    Long.parseLong(given.getOrDefault("tolerance-seconds", String.valueOf(lock + maxWait + 60))),
                    Long.parseLong(given.getOrDefault("restart-filing-seconds", "25")),
                    Long.parseLong(given.getOrDefault("start-seconds", "600")));
        }
    }

    private final Options options;
    private final Path root = Path.of("").toAbsolutePath();
    private final Path work = root.resolve("target").resolve("cluster-harness");
    private final List<HarnessCase> cases = new ArrayList<>();
    private final Map<String, Double> timerDues = new HashMap<>();
    private final List<String> kills = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> restarts = java.util.Collections.synchronizedList(new ArrayList<>());
    /** How long making one applicant took (three requests): the yardstick for the programs' windows. */
    private double secondsPerUser;
    private Reconciliation.Invariant restartTest;
    private String restartDetail = "not reached";
    private Db db;
    private Http http;
    private Driver driver;
    private ExecutorService pool;
    private Node a;
    private Node b;

    private Harness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.exit(new Harness(Options.parse(args)).run());
    }

    static void log(String format, Object... args) {
        System.out.printf("[%4d s] %s%n", Duration.between(STARTED, Instant.now()).toSeconds(),
                String.format(format, args));
        System.out.flush();
    }

    private int run() {
        Exception failure = null;
        Reconciliation reconciliation = null;
        try {
            setUp();
            mainRun();
            restartTest();
        } catch (Exception e) {
            failure = e;
            log("The run stopped: %s", e);
        }
        try {
            if (db != null) {
                reconciliation = Reconciliation.of(db, cases, timerDues, Set.of(RESTART),
                        Duration.ofSeconds(options.toleranceSeconds));
            }
        } catch (Exception e) {
            failure = failure == null ? e : failure;
            log("Reconciliation failed: %s", e);
        }
        tearDown();
        return report(reconciliation, failure);
    }

    // --- set-up -------------------------------------------------------------------------------------------------

    private void setUp() throws Exception {
        log("%d cases; times are Shenzhen time; job lock %d s, idle acquisition at most %d s; timer tolerance %d s",
                options.cases, options.lockSeconds, options.maxWaitSeconds, options.toleranceSeconds);
        Files.createDirectories(work);
        try (Stream<Path> old = Files.list(work)) {
            for (Path log : old.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
        Db.recreate(options.server, options.user, options.database);
        db = Db.open(options.server, options.user, options.database);
        log("database %s created fresh", options.database);

        Path jar = jar();
        String adminPassword = secret(24);
        String password = secret(20);
        Map<String, String> environment = Map.of(
                "SUBSIDY_DB_URL", options.server + options.database,
                "SUBSIDY_DB_USER", options.user,
                "SUBSIDY_DB_PASSWORD", "",
                "SUBSIDY_ADMIN_USER", Driver.ADMIN,
                "SUBSIDY_ADMIN_PASSWORD", adminPassword);
        List<String> properties = List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + options.lockSeconds * 1000,
                "--camunda.bpm.job-execution.max-wait=" + options.maxWaitSeconds * 1000);
        int[] ports = freePorts();
        a = new Node("node-a", ports[0], jar, root, work, environment, properties);
        b = new Node("node-b", ports[1], jar, root, work, environment, properties);
        http = new Http(List.of(a, b));
        http.user(Driver.ADMIN, adminPassword);
        pool = Executors.newFixedThreadPool(options.threads);
        driver = new Driver(http, db, pool);

        // A fresh database gets its schema from one node: two nodes creating Camunda's tables at once collide.
        a.start();
        a.awaitServing(Duration.ofSeconds(options.startSeconds));
        b.start();

        int late = Math.max(2, Math.round(options.cases * 0.1f));
        List<Node> nodes = List.of(a, b);
        for (int i = 1; i <= options.cases + RESTART_CASES; i++) {
            Route route;
            String program;
            if (i <= late) {
                route = Route.MATERIALS_MISSED;
                program = LATE;
            } else if (i <= options.cases) {
                route = Route.forMainCase(i - late - 1);
                program = MAIN;
            } else {
                route = Route.MATERIALS_MISSED;
                program = RESTART;
            }
            cases.add(new HarnessCase(i, route, program, "h-applicant-" + i, uscc(i), nodes.get(i % 2)));
        }
        Instant creating = Instant.now();
        createUsers(password);
        secondsPerUser = Duration.between(creating, Instant.now()).toMillis() / 1000.0 / cases.size();
        b.awaitServing(Duration.ofSeconds(options.startSeconds));
    }

    /** Staff and applicants as an administrator makes them: Camunda users, group memberships, then the binding. */
    private void createUsers(String password) throws Exception {
        Map<String, String> staff = Map.of(Driver.MANAGER, "program-managers", Driver.REVIEWER, "initial-reviewers",
                Driver.AUDITOR, "auditors", Driver.APPROVER, "approvers", Driver.TREASURER, "approvers",
                Driver.SUPERVISOR, "supervisors");
        List<Callable<Void>> work = new ArrayList<>();
        staff.forEach((user, group) -> work.add(() -> {
            createUser(user, group, password);
            return null;
        }));
        for (HarnessCase c : cases) {
            work.add(() -> {
                createUser(c.applicant, "applicants", password);
                expect(http.json(a, Driver.ADMIN, "PUT", "/api/applicant-bindings/" + c.applicant,
                        Map.of("uscc", c.uscc)), "bind " + c.applicant);
                return null;
            });
        }
        parallel(work);
        log("%d staff and %d applicants created over the engine REST API, applicants bound to their enterprises",
                staff.size(), cases.size());
    }

    private void createUser(String user, String group, String password) {
        http.user(user, password);
        Http.Reply created = http.json(a, Driver.ADMIN, "POST", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", user, "firstName", user, "lastName", "harness",
                        "email", user + "@harness.invalid"),
                "credentials", Map.of("password", password)));
        expect(created, "create user " + user);
        expect(http.json(a, Driver.ADMIN, "PUT", "/engine-rest/group/" + group + "/members/" + user, null),
                "add " + user + " to " + group);
    }

    // --- the main run -------------------------------------------------------------------------------------------

    private void mainRun() throws Exception {
        List<HarnessCase> late = cases.stream().filter(c -> c.programCode.equals(LATE)).toList();
        List<HarnessCase> main = cases.stream().filter(c -> c.programCode.equals(MAIN)).toList();
        List<HarnessCase> both = Stream.concat(late.stream(), main.stream()).toList();

        String flagged = main.stream().filter(c -> c.route == Route.REGISTRY_FINDING)
                .map(c -> c.uscc + ",,2025-01-01,,cluster harness").collect(Collectors.joining("\n"));
        expect(http.send(a, Driver.AUDITOR, "POST", "/api/registries/FISCAL_ARREARS/import", "text/csv",
                ("uscc,projectName,listedOn,restrictedUntil,note\n" + flagged + "\n").getBytes(), Map.of()),
                "import the registry");

        // The windows must hold the filings and the reviews; unless given, they are sized from how fast this
        // machine made the users (a filing costs up to three users, taking a case to the plan about four).
        long filingSeconds = options.filingSeconds > 0 ? options.filingSeconds
                : Math.max(60, Math.round(20 + both.size() * secondsPerUser * 3.5));
        long materialsSeconds = options.materialsSeconds > 0 ? options.materialsSeconds
                : Math.max(60, Math.round(main.size() * secondsPerUser * 4));
        Instant opens = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plusSeconds(filingSeconds);
        Instant materials = closes.plusSeconds(materialsSeconds);
        publish(MAIN, opens, closes, materials, options.cases * 1000L);
        publish(LATE, opens, closes, closes, 5000);
        log("%s and %s published (users took %.2f s each): filing opens %s and closes %s (%d s); materials due %s "
                + "for %s (%d s later), at the filing deadline for %s", MAIN, LATE, secondsPerUser, time(opens),
                time(closes), filingSeconds, time(materials), MAIN, materialsSeconds, LATE);
        Thread killer = at(closes.plusSeconds(2), () -> killAndRestart(a,
                "as the filing deadline of both programs and the materials deadline of " + LATE + " fall due"));

        sleepUntil(opens.plusSeconds(1));
        Instant filing = Instant.now();
        driver.file(late);
        if (!driver.drive("late cases to their materials", late, (c, seen) -> seen.waitsAt("UserTask_SubmitMaterials"),
                closes, s -> {
                })) {
            throw new IllegalStateException("The cases of " + LATE + " did not reach their materials before its "
                    + "deadline: give the run more time (--filing-seconds)");
        }
        driver.file(main);
        log("%d cases filed in %d s", both.size(), Duration.between(filing, Instant.now()).toSeconds());
        boolean settled = driver.drive("to the materials deadline", both, (c, seen) -> c.route == Route.MATERIALS_MISSED
                ? seen.waitsAt("UserTask_SubmitMaterials") || seen.outcome() != null
                : seen.outcome() != null || "AWAITING_PLAN".equals(seen.stage()), materials.minusSeconds(3), s -> {
                });
        if (!settled) {
            throw new IllegalStateException("Not every case of " + MAIN + " was settled before its materials deadline:"
                    + " the program would check again in an hour. Give the run more time (--materials-seconds).");
        }
        killer.join();

        // Stages 8-10: the plan, drafted, approved, noticed and issued by people; the notice timer in real time.
        Duration patience = Duration.ofSeconds(options.toleranceSeconds + 120);
        sleepUntil(materials);
        complete(programTask(MAIN, "UserTask_DraftPlan", patience), Driver.MANAGER);
        complete(programTask(MAIN, "UserTask_ApprovePlan", patience), Driver.APPROVER);
        String notice = programTimer(MAIN, "Timer_NoticeEnds", patience);
        Instant noticeDue = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        expect(http.json(a, Driver.ADMIN, "PUT", "/engine-rest/job/" + notice + "/duedate", Map.of("duedate",
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(noticeDue.atOffset(SHENZHEN)))),
                "shorten the public notice");
        timerDues.put("Timer_NoticeEnds@" + MAIN, (double) noticeDue.getEpochSecond());
        log("plan drafted and approved; the five working days of public notice end at %s instead (an administrator "
                + "moved the timer's due date)", time(noticeDue));
        complete(programTask(MAIN, "UserTask_IssuePlan", patience), Driver.APPROVER);
        log("plan issued");

        // Stages 11-12: documents, authorisation, payment; node-b is killed while payments run.
        long toPay = main.stream().filter(c -> c.route.outcome.equals("PAID")).count();
        AtomicBoolean killedB = new AtomicBoolean();
        Thread paymentWatch = new Thread(() -> {
            try {
                while (!killedB.get()) {
                    long paid = db.count("select count(*) from payment where status = 'PAID'");
                    if (paid >= Math.max(1, toPay / 4) && killedB.compareAndSet(false, true)) {
                        killAndRestart(b, "while payments run (" + paid + " of " + toPay + " paid)");
                    }
                    Thread.sleep(250);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "payment-watch");
        paymentWatch.setDaemon(true);
        paymentWatch.start();
        boolean ended = driver.drive("to the end", main, (c, seen) -> seen.outcome() != null,
                Instant.now().plusSeconds(Math.max(300, options.cases / 2)), s -> {
                });
        if (killedB.compareAndSet(false, true)) {
            killAndRestart(b, "after the payments");
        }
        if (!ended) {
            throw new IllegalStateException("Not every case of " + MAIN + " ended in time");
        }
        for (Thread restart : restarts) {
            restart.join(Duration.ofSeconds(options.startSeconds).toMillis());
        }
    }

    // --- every node down while deadlines fall due ---------------------------------------------------------------

    private void restartTest() throws Exception {
        if (!a.serving()) {
            throw new IllegalStateException("node-a is not serving before the restart test");
        }
        List<HarnessCase> restartCases = cases.stream().filter(c -> c.programCode.equals(RESTART)).toList();
        b.kill();
        kills.add("node-b at " + time(Instant.now()) + " before the restart test, left down");
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant closes = opens.plusSeconds(options.restartFilingSeconds);
        Instant materials = closes.plusSeconds(10);
        publish(RESTART, opens, closes, materials, 5000);
        driver.file(restartCases);
        if (!driver.drive("restart cases to their materials", restartCases,
                (c, seen) -> seen.waitsAt("UserTask_SubmitMaterials"), closes.minusSeconds(3), s -> {
                })) {
            throw new IllegalStateException("The restart test's cases did not reach their materials in time "
                    + "(--restart-filing-seconds)");
        }
        a.kill();
        Instant down = Instant.now();
        kills.add("node-a at " + time(down) + " for the restart test (no node runs), started again after the deadlines");
        log("no node runs from %s; %s's filing deadline falls due at %s, its materials deadline at %s", time(down),
                RESTART, time(closes), time(materials));
        sleepUntil(materials.plusSeconds(5));
        long dueWhileDown = db.count("""
                select count(*) from act_ru_job j
                where j.type_ = 'timer' and j.duedate_ < (now() at time zone 'UTC')
                  and j.process_instance_id_ in (select process_instance_id from program where code = ?
                      union select a.process_instance_id from application a join program p on p.id = a.program_id
                      where p.code = ?)
                """, RESTART, RESTART);
        Instant back = Instant.now();
        a.start();
        a.awaitServing(Duration.ofSeconds(options.startSeconds));
        long serving = Duration.between(back, Instant.now()).toSeconds();
        Instant giveUp = Instant.now().plusSeconds(options.toleranceSeconds + 60);
        Map<String, Object> fired = Map.of();
        long notAccepted = 0;
        while (Instant.now().isBefore(giveUp)) {
            fired = db.rows("""
                    select max(case when h.act_id_ = 'Timer_FilingCloses' then extract(epoch from
                                   (h.end_time_ at time zone 'UTC')) end) as filing_closed,
                           max(case when h.act_id_ = 'Timer_MaterialsClose' then extract(epoch from
                                   (h.end_time_ at time zone 'UTC')) end) as materials_closed
                    from act_hi_actinst h join program p on p.process_instance_id = h.proc_inst_id_
                    where p.code = ? and h.end_time_ is not null
                    """, RESTART).get(0);
            notAccepted = db.count("""
                    select count(*) from application a join program p on p.id = a.program_id
                    where p.code = ? and a.outcome = 'NOT_ACCEPTED'
                    """, RESTART);
            if (fired.get("filing_closed") != null && fired.get("materials_closed") != null
                    && notAccepted == restartCases.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        boolean passed = fired.get("filing_closed") != null && fired.get("materials_closed") != null
                && notAccepted == restartCases.size() && dueWhileDown == 1 + restartCases.size();
        restartDetail = String.format("%s: %d timers (its filing deadline, its cases' materials deadlines) fell due "
                + "while no node ran (%s to %s); node-a, started again, served after %d s; the filing deadline fired "
                + "%s its start, the program's materials deadline %s, and %d of %d cases ended NOT_ACCEPTED",
                RESTART, dueWhileDown, time(down), time(back), serving, after(fired.get("filing_closed"), back),
                after(fired.get("materials_closed"), back), notAccepted, restartCases.size());
        restartTest = new Reconciliation.Invariant("timers due while no node ran fire after a restart", passed,
                restartDetail);
        log("restart test %s: %s", passed ? "passed" : "FAILED", restartDetail);
    }

    private static String after(Object firedAt, Instant back) {
        if (firedAt == null) {
            return "never";
        }
        double seconds = ((Number) firedAt).doubleValue() - back.toEpochMilli() / 1000.0;
        return String.format("%.1f s after", seconds);
    }

    // --- steps --------------------------------------------------------------------------------------------------

    private void killAndRestart(Node node, String when) {
        try {
            node.kill();
            kills.add(node.name() + " at " + time(Instant.now()) + " " + when + ", restarted at once");
            restarts.add(node.restartInBackground(Duration.ofSeconds(options.startSeconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(String code, Instant opens, Instant closes, Instant materials, long budgetWan) {
        expect(http.json(a.serving() ? a : b, Driver.MANAGER, "POST", "/api/programs", Map.of(
                "code", code,
                "title", "Cluster harness program " + code,
                "supportYear", 2025,
                "filingOpensAt", shenzhen(opens),
                "filingClosesAt", shenzhen(closes),
                "materialsCloseAt", shenzhen(materials),
                "budgetWan", budgetWan,
                "fxRatesToCny", Map.of("USD", "7.0288"),
                "lprPercent", Map.of("1Y", "3.0", "5Y", "3.5"))), "publish " + code);
    }

    private String programTask(String code, String taskKey, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            Object id = db.value("""
                    select t.id_ from act_ru_task t join program p on p.process_instance_id = t.proc_inst_id_
                    where p.code = ? and t.task_def_key_ = ?
                    """, code, taskKey);
            if (id != null) {
                return (String) id;
            }
            if (programTimerId(code, "Timer_RecheckCases") != null) {
                throw new IllegalStateException(code + " found cases unsettled at its materials deadline and checks "
                        + "again in an hour");
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(code + " did not reach " + taskKey + " within " + patience.toSeconds() + " s");
    }

    private String programTimer(String code, String activity, Duration patience) throws InterruptedException {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            String id = programTimerId(code, activity);
            if (id != null) {
                return id;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(code + " did not reach " + activity + " within " + patience.toSeconds() + " s");
    }

    private String programTimerId(String code, String activity) {
        return (String) db.value("""
                select j.id_ from act_ru_job j
                join act_ru_jobdef d on d.id_ = j.job_def_id_
                join program p on p.process_instance_id = j.process_instance_id_
                where p.code = ? and d.act_id_ = ?
                """, code, activity);
    }

    private void complete(String taskId, String user) {
        expect(driver.completeTask(a.serving() ? a : b, user, taskId, "ACCEPT"), user + " completes " + taskId);
    }

    private static void expect(Http.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
        }
    }

    private void parallel(List<Callable<Void>> work) throws InterruptedException {
        for (Future<Void> done : pool.invokeAll(work)) {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static Thread at(Instant when, Runnable action) {
        Thread thread = new Thread(() -> {
            try {
                sleepUntil(when);
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scheduled-kill");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    // --- the end ------------------------------------------------------------------------------------------------

    private void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
        for (Node node : Stream.of(a, b).filter(n -> n != null).toList()) {
            try {
                node.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int report(Reconciliation reconciliation, Exception failure) {
        System.out.println();
        System.out.println("== Crash and cluster harness: reconciliation from the database " + options.database + " ==");
        List<Reconciliation.Invariant> invariants = new ArrayList<>();
        if (reconciliation != null) {
            reconciliation.lines().forEach(System.out::println);
            invariants.addAll(reconciliation.invariants());
        }
        String killed = String.join("\n" + " ".repeat(38), kills);
        System.out.printf("%-28s %6s   %s%n", "node kills", kills.size(), killed);
        System.out.printf("%-28s %6s   %s%n", "restart test",
                restartTest == null ? "-" : restartTest.holds() ? "passed" : "FAILED", restartDetail);
        if (http != null) {
            System.out.printf("%-28s %6s   %d answers lost to a killed node, %d refused (4xx), %d server errors%n",
                    "HTTP requests", http.requests.get(), http.lostAnswers.get(), http.refusals.get(),
                    http.serverErrors.get());
            http.samples().forEach(sample -> System.out.println("    " + sample));
        }
        if (a != null) {
            System.out.printf("%-28s %6s   lines with ERROR in target/cluster-harness/node-*.log%n", "node log errors",
                    a.errorLines() + b.errorLines());
        }
        Duration wall = Duration.between(STARTED, Instant.now());
        System.out.printf("%-28s %6s   %d min %d s%n", "wall time", wall.toSeconds() + " s", wall.toMinutes(),
                wall.toSecondsPart());
        invariants.add(restartTest != null ? restartTest
                : new Reconciliation.Invariant("timers due while no node ran fire after a restart", false,
                        "not reached"));
        invariants.add(new Reconciliation.Invariant("the run completed", failure == null,
                failure == null ? "" : failure.toString()));
        long failed = invariants.stream().filter(i -> !i.holds()).count();
        for (Reconciliation.Invariant invariant : invariants) {
            System.out.printf("  %s %s%s%n", invariant.holds() ? "ok  " : "FAIL", invariant.name(),
                    invariant.holds() ? "" : ": " + invariant.detail());
        }
        System.out.printf("invariants: %d passed, %d failed%n", invariants.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    // --- small things -------------------------------------------------------------------------------------------

    private Path jar() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("subsidy-cases-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/subsidy-cases-*.jar: run "
                            + "mvn -DskipTests package first (scripts/cluster-harness.sh does)"));
        }
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ServerSocket second = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }

    private static String secret(int length) {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }

    /** A valid Shenzhen unified social credit code for enterprise {@code n} (check character per GB 32100). */
    static String uscc(int n) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91440300MA5" + String.format("%06d", n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(body.charAt(i)) * weights[i];
        }
        return body + alphabet.charAt((31 - sum % 31) % 31);
    }

    private static String shenzhen(Instant instant) {
        return OffsetDateTime.ofInstant(instant, SHENZHEN).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm:ss").format(instant.atOffset(SHENZHEN));
    }
}
