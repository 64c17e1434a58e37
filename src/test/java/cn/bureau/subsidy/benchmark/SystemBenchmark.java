package cn.bureau.subsidy.benchmark;

import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.filing.QuoteWorkload;
import cn.bureau.subsidy.plan.PlanWorkload;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The benchmark: the filing surge, the whole lifecycle, the plan, the supervisor's queries, quotes and storage, each
 * under the project's configuration and under Camunda's defaults, next to the raw limit of the same database measured
 * in the same run; prints one Markdown table. Run with {@code mvn verify -Pbenchmark} (README, "Benchmarks"). It
 * prints figures and asserts nothing about time.
 */
class SystemBenchmark {

    /** Filings in the surge, cases in the lifecycle and in the plan. */
    private static final int CASES = Integer.getInteger("benchmark.cases", 10_000);
    private static final int OPEN_CASES = Integer.getInteger("benchmark.open-cases", 100_000);
    private static final int QUOTES = Integer.getInteger("benchmark.quotes", 20_000);
    private static final int CLIENTS = Integer.getInteger("benchmark.clients", 32);
    /** The defaults' half before the project's: what the order of the halves does to their figures. */
    private static final boolean DEFAULTS_FIRST = Boolean.getBoolean("benchmark.defaults-first");
    private static final int QUOTE_CLIENTS = 16;
    private static final int BOARD_CLIENTS = 4;
    private static final int OFFICERS = 8;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Most warm-up passes of every workload before the two halves; fewer when the JIT is quiet sooner. */
    private static final int WARMUP_PASSES = Integer.getInteger("benchmark.warmup-passes", 6);
    /** Not the tests' database, so that a test run on the same machine does not recreate it under the benchmark. */
    private static final String DATABASE = System.getProperty("subsidy.test.database", "subsidy_bench");
    /** How long a workload waits for autovacuum workers to finish before it starts anyway. */
    private static final long SETTLE_AUTOVACUUM_NANOS = 60_000_000_000L;

    private final Map<Configuration, Measured> measured = new EnumMap<>(Configuration.class);
    private Warmup.Rounds warmupPasses;
    private Figures rawFilings;
    private Figures rawInserts;
    private DatabaseWork rawWork;
    private CpuUse rawCpu;
    private int claims;
    private String autovacuum;

    private record Measured(Figures quotesInProcess, Figures quotesHttp, Lifecycle.Result lifecycle,
            PlanWorkload.Result plan, Figures surge, DatabaseWork surgeWork, Figures overdue,
            Figures overdueByEnterprise, Figures summary, Map<String, Warmup.Rounds> warmups,
            Map<String, CpuUse> cpu) {
    }

    /** How much of each workload a pass runs, and whether its figures are reported. */
    private record Pass(int cases, int openCases, int quotes, boolean reported) {
    }

    @Test
    void run() throws Exception {
        // Passes at a tenth of the size first (the quotes at full size), not reported, until the JIT compiler is quiet
        // through a whole pass: on two cores its one C2 thread needs minutes of a core for the application's hot code,
        // and a half measured before that measures the compiler too (the first half: much, not all, of why the order of
        // the halves moved their ratio). The code it compiles serves every application this JVM starts after it.
        try (ConfigurableApplicationContext context = Configuration.PROJECT.start(DATABASE + "_warmup")) {
            // Quotes at full size: they cost seconds, and the JIT keeps improving them long after a tenth.
            warmupPasses = Warmup.untilCompiled(WARMUP_PASSES, () -> measure(Configuration.PROJECT, context,
                    new Pass(Math.max(CASES / 10, 20), Math.max(OPEN_CASES / 10, 1000), QUOTES, false)));
        } finally {
            ClockUtil.reset();
        }
        for (Configuration configuration : DEFAULTS_FIRST ? List.of(Configuration.DEFAULTS, Configuration.PROJECT)
                : List.of(Configuration.PROJECT, Configuration.DEFAULTS)) {
            try (ConfigurableApplicationContext context = configuration.start(DATABASE)) {
                measured.put(configuration, measure(configuration, context, new Pass(CASES, OPEN_CASES, QUOTES, true)));
            } finally {
                ClockUtil.reset();
            }
        }
        report().print();
    }

    private Measured measure(Configuration configuration, ConfigurableApplicationContext context, Pass pass)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        IdentityService identity = context.getBean(IdentityService.class);
        ProgramPublisher publisher = context.getBean(ProgramPublisher.class);
        Loopback http = new Loopback(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

        // Quotes first, on the demo program, while the database is small.
        QuoteWorkload quote = new QuoteWorkload(context, "SZ-2026-OFI", Fixtures.application());
        Map<String, Warmup.Rounds> warmups = new LinkedHashMap<>();
        warmups.put("quotes in-process", Warmup.untilCompiled(
                () -> Figures.run(CORES, Math.max(pass.quotes() / 4, 100), index -> quote.quote())));
        claims = quote.quote();
        autovacuum = jdbc.queryForObject("show autovacuum", String.class);
        settle(jdbc);
        Map<String, CpuUse> cpu = new LinkedHashMap<>();
        Figures inProcess = watching(cpu, "quotes in-process",
                () -> Figures.run(CORES, pass.quotes(), index -> quote.quote()));
        inProcess = new Figures(inProcess.operations() * claims, inProcess.seconds(), inProcess.sortedNanos());
        byte[] body = new ObjectMapper().writeValueAsBytes(Fixtures.applicationJson());
        // Each pass starts a fresh application: its pools, caches and prepared statements warm up first too.
        warmups.put("quotes over HTTP", Warmup.untilCompiled(() -> Figures.run(QUOTE_CLIENTS,
                Math.max(pass.quotes() / 20, 100),
                index -> http.send("applicant", "POST", "/api/programs/SZ-2026-OFI/quote", body, 200))));
        settle(jdbc);
        Figures overHttp = watching(cpu, "quotes over HTTP", () -> Figures.run(QUOTE_CLIENTS,
                Math.max(pass.quotes() / 5, 100),
                index -> http.send("applicant", "POST", "/api/programs/SZ-2026-OFI/quote", body, 200)));

        Enterprises enterprises = new Enterprises("bench-" + run, Math.max(CLIENTS, 64), identity, jdbc);
        AtomicInteger warmupRound = new AtomicInteger();
        warmups.put("lifecycle", Warmup.untilCompiled(() -> new Lifecycle(context).run(
                "BW" + warmupRound.incrementAndGet() + "-" + run, Math.max(pass.cases() / 10, 20), OFFICERS,
                enterprises)));
        settle(jdbc);
        Lifecycle.Result lifecycle = watching(cpu, "lifecycle",
                () -> new Lifecycle(context).run("BL-" + run, pass.cases(), OFFICERS, enterprises));
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minusSeconds(10 * 86_400)));
        Program planProgram = publisher.publish(Fixtures.program("BP-" + run), Fixtures.MANAGER);
        settle(jdbc);
        PlanWorkload.Result plan = new PlanWorkload(context).run(planProgram, pass.cases());

        // The surge and the board run with the board's open cases in the database: on the last day of filing the
        // bureau holds the cases of earlier weeks and programs, each open task with its authorization row.
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        Program boardProgram = publisher.publish(Fixtures.program("BB-" + run), Fixtures.MANAGER);
        long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
        SupervisorQueries board = new SupervisorQueries(jdbc, context);
        board.seed(boardProgram.getId(), boardProgram.getCode(), (int) Math.max(0, pass.openCases() - open));

        Program surgeProgram = publisher.publish(Fixtures.program("BS-" + run), Fixtures.MANAGER);
        if (configuration == Configuration.PROJECT && pass.reported()) {
            RawLimit raw = new RawLimit(context.getEnvironment().getProperty("spring.datasource.url"),
                    context.getEnvironment().getProperty("spring.datasource.username"));
            raw.filings(CLIENTS, CLIENTS * 4, claims, surgeProgram.getId()); // warm-up
            settle(jdbc);
            DatabaseWork before = DatabaseWork.read(jdbc);
            // Ten times the surge's filings, so that it runs about as long as the surge: the first second after the
            // checkpoint is slower than the rest (every page touched first writes its full image to the WAL).
            CpuUse.Snapshot rawCpuBefore = CpuUse.now();
            rawFilings = raw.filings(CLIENTS, pass.cases() * 10, claims, surgeProgram.getId());
            rawCpu = CpuUse.since(rawCpuBefore);
            rawWork = DatabaseWork.read(jdbc).since(before, pass.cases() * 10);
            rawInserts = raw.singleRowInserts(CLIENTS, Math.max(pass.cases() * 5, 1000));
        }
        String filings = "/api/programs/" + surgeProgram.getCode() + "/applications";
        Figures.Operation file = index -> http.send(enterprises.caller(index).userId(), "POST", filings,
                enterprises.body(index), 201, "Idempotency-Key", UUID.randomUUID().toString());
        warmups.put("filing surge", Warmup.untilCompiled(
                () -> Figures.run(CLIENTS, Math.max(CLIENTS * 4, pass.cases() / 10), file)));
        settle(jdbc);
        DatabaseWork before = DatabaseWork.read(jdbc);
        Figures surge = watching(cpu, "filing surge", () -> Figures.run(CLIENTS, pass.cases(), file));
        DatabaseWork surgeWork = DatabaseWork.read(jdbc).since(before, pass.cases());

        warmups.put("supervisor's queries", Warmup.untilCompiled(() -> {
            board.overdue(http, BOARD_CLIENTS, 100);
            board.overdueByEnterprise(http, BOARD_CLIENTS, 100);
            board.summary(http, BOARD_CLIENTS, 100);
        }));
        settle(jdbc);
        Figures overdue = watching(cpu, "overdue list", () -> board.overdue(http, BOARD_CLIENTS, 200));
        Figures overdueByEnterprise = board.overdueByEnterprise(http, BOARD_CLIENTS, 200);
        Figures summary = board.summary(http, BOARD_CLIENTS, 200);
        return new Measured(inProcess, overHttp, lifecycle, plan, surge, surgeWork, overdue, overdueByEnterprise,
                summary, warmups, cpu);
    }

    /** Runs a measurement and keeps where the machine's CPU went meanwhile. */
    private static <T> T watching(Map<String, CpuUse> cpu, String workload, Callable<T> measurement)
            throws Exception {
        CpuUse.Snapshot before = CpuUse.now();
        T measured = measurement.call();
        cpu.put(workload, CpuUse.since(before));
        return measured;
    }

    /**
     * Every workload starts from the same state: no autovacuum still cleaning up after the previous workload (or the
     * previous pass's database), PostgreSQL's dirty pages written out, not by a checkpoint falling into the
     * measurement, and the garbage of the previous workload (or application) collected.
     */
    static void settle(JdbcTemplate jdbc) throws InterruptedException {
        // What autovacuum's analyze would have done by now as the tables grew (this machine's PostgreSQL may run
        // without autovacuum): without statistics a pooled connection keeps the plans it made while a table was
        // tiny, sequential scans for foreign-key checks and look-ups, until an analyze invalidates them.
        jdbc.execute("ANALYZE");
        long waitUntil = System.nanoTime() + SETTLE_AUTOVACUUM_NANOS;
        while (autovacuumWorkers(jdbc) > 0) {
            if (System.nanoTime() > waitUntil) {
                System.out.println("Autovacuum still running after a minute: it may fall into the next workload");
                break;
            }
            Thread.sleep(200);
        }
        try {
            jdbc.execute("CHECKPOINT");
        } catch (DataAccessException refused) {
            // CHECKPOINT needs a superuser or the pg_checkpoint role; without it the run goes on and says so.
            System.out.println("No CHECKPOINT before the workload (" + refused.getMostSpecificCause().getMessage()
                    + "): a checkpoint may fall into its measurement");
        }
        System.gc();
        Thread.sleep(1000);
    }

    private static long autovacuumWorkers(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'",
                Long.class);
    }

    private Report report() {
        Measured p = measured.get(Configuration.PROJECT);
        Measured d = measured.get(Configuration.DEFAULTS);
        Report report = new Report();
        report.note("Machine: %d cores. Raw limit (plain JDBC, same JVM, %d warm connections, per filing the "
                .formatted(CORES, CLIENTS) + "application, its %d claims, the case, its first task and one audit row in "
                .formatted(claims) + "one durable transaction, %d filings): **%s filings/s** (p99 %.1f ms). "
                .formatted(rawFilings.operations(), Report.number(rawFilings.perSecond()),
                        rawFilings.percentileMs(99))
                + "Durable single-row inserts, autocommit, warm connections: **%s rows/s**. "
                .formatted(Report.number(rawInserts.perSecond()))
                + "PostgreSQL's autovacuum: %s; every workload starts after an ANALYZE of the database, ".formatted(
                        autovacuum) + "as autovacuum would have analyzed the tables as they grew. The filing surge "
                + "and the supervisor's queries run with %s open cases in the database.".formatted(
                        Report.number(OPEN_CASES)));
        report.throughput("Filing surge (HTTP, %d clients)".formatted(CLIENTS), Integer.toString(CASES), "filings",
                p.surge(), d.surge(), rawFilings.perSecond());
        report.throughput("Whole lifecycle: filed to paid (latencies: officers' actions)", Integer.toString(CASES),
                "cases", p.lifecycle().cases(), d.lifecycle().cases(), 0);
        report.cost("Whole lifecycle: wall time", Integer.toString(CASES), "s", p.lifecycle().cases().seconds(),
                d.lifecycle().cases().seconds());
        report.cost("Plan: calculation", Integer.toString(CASES), "ms", p.plan().calculationMs(),
                d.plan().calculationMs());
        report.cost("Plan: load, calculate, store", Integer.toString(CASES), "ms", p.plan().endToEndMs(),
                d.plan().endToEndMs());
        report.cost("Plan: plain JDBC, same reads and writes", Integer.toString(CASES), "ms",
                p.plan().plainJdbcMs(), d.plan().plainJdbcMs());
        report.throughput("Supervisor: overdue list, most overdue first (a page of %d, %d clients)"
                .formatted(SupervisorQueries.PAGE, BOARD_CLIENTS), "%d open".formatted(OPEN_CASES), "requests",
                p.overdue(), d.overdue(), 0);
        report.throughput("Supervisor: overdue list by enterprise name (a page of %d, %d clients)"
                .formatted(SupervisorQueries.PAGE, BOARD_CLIENTS), "%d open".formatted(OPEN_CASES), "requests",
                p.overdueByEnterprise(), d.overdueByEnterprise(), 0);
        report.throughput("Supervisor: summary by stage (%d clients)".formatted(BOARD_CLIENTS),
                "%d open".formatted(OPEN_CASES), "requests", p.summary(), d.summary(), 0);
        report.throughput("Quote in-process (%d threads; latency a quote)".formatted(CORES),
                Integer.toString(QUOTES), "claims", p.quotesInProcess(), d.quotesInProcess(), 0);
        report.throughput("Quote over HTTP (%d clients)".formatted(QUOTE_CLIENTS),
                Long.toString(p.quotesHttp().operations()), "quotes", p.quotesHttp(), d.quotesHttp(), 0);
        report.cost("Storage a paid case: total", Integer.toString(CASES), "B", p.lifecycle().perCase().total(),
                d.lifecycle().perCase().total());
        report.cost("Storage a paid case: growth before compaction (dead rows included)", Integer.toString(CASES),
                "B", p.lifecycle().writtenPerCase().total(), d.lifecycle().writtenPerCase().total());
        report.cost("Storage a paid case: engine history and byte arrays", Integer.toString(CASES), "B",
                p.lifecycle().perCase().history(), d.lifecycle().perCase().history());
        report.cost("Storage a paid case: engine runtime", Integer.toString(CASES), "B",
                p.lifecycle().perCase().runtime(), d.lifecycle().perCase().runtime());
        report.cost("Storage a paid case: application tables", Integer.toString(CASES), "B",
                p.lifecycle().perCase().application(), d.lifecycle().perCase().application());
        report.footnote("Database work a filing (pg_stat_database; the raw limit's includes its two scratch "
                + "tables' create and drop): raw limit %s; surge, project: %s; surge, Camunda defaults: %s."
                .formatted(rawWork, p.surgeWork(), d.surgeWork()));
        report.footnote("Largest tables a paid case (bytes, compacted): project: %s; Camunda defaults: %s."
                .formatted(largest(p.lifecycle().perCase()), largest(d.lifecycle().perCase())));
        report.footnote("Database work a case, filed to paid: project: %s; Camunda defaults: %s."
                .formatted(p.lifecycle().workPerCase(), d.lifecycle().workPerCase()));
        report.footnote(("Warm-up passes before the halves (every workload at a tenth of the size, the quotes at full "
                + "size, until the JIT's compile time was under %.0f %% of a pass's time; at most %d): %s. ")
                .formatted(Warmup.QUIET * 100, WARMUP_PASSES, warmupPasses)
                + ("Warm-up rounds of each workload before its measurement (until the JIT's compile time was under "
                + "%.0f %% of a round's time; at most %d): %s.").formatted(Warmup.QUIET * 100, Warmup.MAX_ROUNDS,
                        p.warmups().entrySet().stream().map(entry -> "%s: project %s, Camunda defaults %s".formatted(
                                entry.getKey(), entry.getValue(), d.warmups().get(entry.getKey())))
                                .collect(java.util.stream.Collectors.joining("; "))));
        report.footnote("CPU during the raw limit: %s.".formatted(rawCpu));
        p.cpu().forEach((workload, project) -> report.footnote("CPU during the %s: project: %s; Camunda defaults: %s."
                .formatted(workload, project, d.cpu().get(workload))));
        return report;
    }

    private static String largest(Storage.Sizes sizes) {
        return sizes.largest(8).entrySet().stream()
                .map(entry -> entry.getKey() + " " + Report.number(entry.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
