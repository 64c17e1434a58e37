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
    /** One database a test run; a second checkout running tests at the same time names another. */
    private static final String DATABASE = System.getProperty("subsidy.test.database", "subsidy_test");
    private static Map<String, Object> settings;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("test-database", settings()));
    }

    private static synchronized Map<String, Object> settings() {
        if (settings == null) {
            settings = new HashMap<>();
            // Tests run jobs explicitly and move the engine clock; nothing runs behind their back.
            settings.put("camunda.bpm.job-execution.enabled", "false");
            settings.put("subsidy.models.directory", ".");
            if (recreatePostgresDatabase()) {
                settings.put("spring.datasource.url", SERVER + DATABASE);
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

    private static boolean recreatePostgresDatabase() {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            statement.execute("create database " + DATABASE);
            System.out.println("[test-database] PostgreSQL " + SERVER + DATABASE + " (created fresh for this run)");
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
