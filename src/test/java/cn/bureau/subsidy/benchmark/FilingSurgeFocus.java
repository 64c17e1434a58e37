package cn.bureau.subsidy.benchmark;

import java.util.Date;
import java.util.Locale;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The filing surge alone, under the project's configuration, for comparing a change to filing before and after it
 * (docs/performance.md): the board's open cases in the database, then rounds of 1,000 filings until the JIT compiler
 * was quiet through a whole round, which on two cores takes tens of rounds when the surge is all the JVM has run,
 * then the measured filings, and the raw limit after them. Run it on the compiled classes, one JVM at a time:
 * {@code mvn -Pbenchmark surefire:test -Dtest=FilingSurgeFocus}. Not a test and not part of the benchmark's table;
 * it prints one line and asserts nothing about time.
 */
class FilingSurgeFocus {

    private static final int FILINGS = Integer.getInteger("benchmark.focus.filings", 6_000);
    private static final int OPEN_CASES = Integer.getInteger("benchmark.open-cases", 100_000);
    private static final int MAX_ROUNDS = Integer.getInteger("benchmark.focus.rounds", 60);
    private static final int CLIENTS = 32;

    @Test
    void run() throws Exception {
        try (ConfigurableApplicationContext context = Configuration.PROJECT.start("subsidy_focus")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ProgramPublisher publisher = context.getBean(ProgramPublisher.class);
            Loopback http = new Loopback(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
            ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
            Program board = publisher.publish(Fixtures.program("FB-" + run), Fixtures.MANAGER);
            long open = jdbc.queryForObject("select count(*) from ACT_RU_TASK", Long.class);
            new SupervisorQueries(jdbc, context).seed(board.getId(), board.getCode(), (int) Math.max(0,
                    OPEN_CASES - open));
            Program surge = publisher.publish(Fixtures.program("FS-" + run), Fixtures.MANAGER);
            Enterprises enterprises = new Enterprises("focus-" + run, 64, context.getBean(IdentityService.class),
                    jdbc);
            String filings = "/api/programs/" + surge.getCode() + "/applications";
            Figures.Operation file = index -> http.send(enterprises.caller(index).userId(), "POST", filings,
                    enterprises.body(index), 201, "Idempotency-Key", UUID.randomUUID().toString());
            jdbc.execute("ANALYZE");
            Warmup.Rounds warmup = Warmup.untilCompiled(MAX_ROUNDS, () -> Figures.run(CLIENTS, 1_000, file));
            SystemBenchmark.settle(jdbc);
            DatabaseWork before = DatabaseWork.read(jdbc);
            CpuUse.Snapshot cpu = CpuUse.now();
            Figures measured = Figures.run(CLIENTS, FILINGS, file);
            CpuUse surgeCpu = CpuUse.since(cpu);
            DatabaseWork work = DatabaseWork.read(jdbc).since(before, FILINGS);
            // The raw limit as the benchmark measures it, over about as long as the surge ran.
            RawLimit raw = new RawLimit(context.getEnvironment().getProperty("spring.datasource.url"),
                    context.getEnvironment().getProperty("spring.datasource.username"));
            int claims = Fixtures.application().claims().size();
            raw.filings(CLIENTS, CLIENTS * 4, claims, surge.getId());
            SystemBenchmark.settle(jdbc);
            Figures rawFilings = raw.filings(CLIENTS, FILINGS * 5, claims, surge.getId());
            System.out.println(String.format(Locale.ROOT,
                    "Focused surge: %d filings, %d clients, after %s rounds of 1,000: %.1f filings/s, p50 %.1f ms, "
                            + "p99 %.1f ms; %.2f of the raw limit (%.0f filings/s); CPU: %s; a filing: %s", FILINGS,
                    CLIENTS, warmup, measured.perSecond(), measured.percentileMs(50), measured.percentileMs(99),
                    measured.perSecond() / rawFilings.perSecond(), rawFilings.perSecond(), surgeCpu, work));
        } finally {
            ClockUtil.reset();
        }
    }
}
