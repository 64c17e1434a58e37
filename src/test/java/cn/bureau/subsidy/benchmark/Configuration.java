package cn.bureau.subsidy.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.bureau.subsidy.SubsidyApplication;

/**
 * The two set-ups every workload runs under, each a whole application on a port of its own and a database of its
 * own: the project's configuration, and the same application with Camunda's defaults (full history, the starter's
 * UUIDs as ids, its job executor, the connection pool's default size, no indexes of the project's own, the engine's
 * own authorization checks, which first read every group that holds an authorization).
 */
enum Configuration {

    PROJECT("project", ""),
    DEFAULTS("Camunda defaults", "_defaults");

    /** The indexes the project adds for its own queries; the defaults run goes without them. */
    private static final List<String> PROJECT_INDEXES = List.of("SUB_IDX_TASK_DUE", "plan_line_plan_application",
            "application_program_stage_key");

    final String label;
    private final String databaseSuffix;

    Configuration(String label, String databaseSuffix) {
        this.label = label;
        this.databaseSuffix = databaseSuffix;
    }

    ConfigurableApplicationContext start(String database) {
        // The job executor and the board's shared counts as in application.yml; the tests switch both off.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--subsidy.test.database=" + database
                + databaseSuffix, "--camunda.bpm.job-execution.enabled=true",
                "--subsidy.supervision.board-max-age=PT10S"));
        if (this == DEFAULTS) {
            // The values the Camunda Spring Boot starter and the engine use when nothing is configured.
            args.addAll(List.of("--camunda.bpm.history-level=full", "--camunda.bpm.id-generator=strong",
                    "--camunda.bpm.job-execution.core-pool-size=3",
                    "--camunda.bpm.job-execution.max-pool-size=10", "--camunda.bpm.job-execution.queue-capacity=3",
                    "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                    "--camunda.bpm.job-execution.wait-time-in-millis=5000",
                    "--camunda.bpm.job-execution.lock-time-in-millis=300000",
                    "--camunda.bpm.job-execution.max-wait=60000", "--spring.datasource.hikari.maximum-pool-size=10",
                    "--server.tomcat.threads.max=200", "--subsidy.engine.caller-groups-authorization=false"));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SubsidyApplication.class)
                .run(args.toArray(String[]::new));
        if (this == DEFAULTS) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            PROJECT_INDEXES.forEach(index -> jdbc.execute("drop index if exists " + index));
        }
        return context;
    }
}
