package cn.bureau.subsidy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test context at a fresh PostgreSQL database, created once per test run, so tests run against the
 * production database. Where no PostgreSQL answers (a user's machine without one) it falls back to in-memory H2
 * and says so loudly; CI makes sure PostgreSQL is up before it runs the tests.
 */
public class TestDatabase implements EnvironmentPostProcessor {

    private static final String SERVER = System.getProperty("subsidy.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("subsidy.test.postgres.user", "postgres");
    /**
     * One database a test run; a second checkout running tests at the same time names another, and a context started
     * with {@code --subsidy.test.database=name} (the benchmark's second configuration) gets a database of its own.
     */
    private static final String DATABASE = "subsidy.test.database";
    private static final Map<String, Map<String, Object>> SETTINGS = new HashMap<>();

    /**
     * Above the application's files, below a context's own command-line arguments: a context started with
     * {@code --camunda.bpm.job-execution.enabled=true} runs its job executor.
     */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var source = new MapPropertySource("test-database",
                settings(environment.getProperty(DATABASE, "subsidy_test")));
        var sources = environment.getPropertySources();
        if (sources.contains("commandLineArgs")) {
            sources.addAfter("commandLineArgs", source);
        } else {
            sources.addFirst(source);
        }
    }

    private static synchronized Map<String, Object> settings(String database) {
        Map<String, Object> settings = SETTINGS.get(database);
        if (settings == null) {
            settings = new HashMap<>();
            SETTINGS.put(database, settings);
            // Tests run jobs explicitly and move the engine clock; nothing runs behind their back.
            settings.put("camunda.bpm.job-execution.enabled", "false");
            settings.put("subsidy.models.directory", ".");
            // Tests read the board right after changing the cases under it.
            settings.put("subsidy.supervision.board-max-age", "PT0S");
            if (recreatePostgresDatabase(database)) {
                settings.put("spring.datasource.url", SERVER + database);
                settings.put("spring.datasource.username", USER);
                settings.put("spring.datasource.password", "");
            } else {
                settings.put("spring.datasource.url",
                        "jdbc:h2:mem:subsidy;DEFAULT_NULL_ORDERING=HIGH;"
                                + "DB_CLOSE_DELAY=-1");
            }
        }
        return settings;
    }

    private static boolean recreatePostgresDatabase(String database) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
            System.out.println("[test-database] PostgreSQL " + SERVER + database + " (created fresh for this run)");
            return true;
        } catch (SQLException e) {
            String banner = "#".repeat(100);
            System.err.println(banner);
            System.err.println("##  NO POSTGRESQL at " + SERVER + " (" + e.getMessage() + ")");
            System.err.println("##  TESTS FALL BACK TO IN-MEMORY H2. Production runs on PostgreSQL: start it and run again.");
            System.err.println(banner);
            return false;
        }
    }
}
