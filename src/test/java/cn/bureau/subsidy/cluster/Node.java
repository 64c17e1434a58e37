package cn.bureau.subsidy.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar in the {@code postgres} profile on a loopback port, started, killed with
 * SIGKILL and started again. Each start writes its own log file.
 */
final class Node {

    private final String name;
    private final int port;
    private final Path jar;
    private final Path directory;
    private final Path logs;
    private final Map<String, String> environment;
    private final List<String> properties;
    private final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Process process;
    private volatile boolean serving;
    private volatile Path log;
    private int starts;

    Node(String name, int port, Path jar, Path directory, Path logs, Map<String, String> environment,
            List<String> properties) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.directory = directory;
        this.logs = logs;
        this.environment = environment;
        this.properties = properties;
    }

    synchronized void start() throws IOException {
        starts++;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                "-jar", jar.toString(),
                "--spring.profiles.active=postgres",
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--camunda.bpm.job-execution.enabled=true",
                "--camunda.bpm.job-execution.lock-owner=" + name + "-start-" + starts));
        command.addAll(properties);
        log = logs.resolve(name + "-start-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(environment);
        process = builder.start();
        Harness.log("%s started (pid %d, port %d, log %s)", name, process.pid(), port, directory.relativize(log));
    }

    /** SIGKILL: no shutdown hook runs, no transaction commits, the job executor's locks stay in the database. */
    void kill() throws InterruptedException {
        serving = false;
        Process running = process;
        long pid = running.pid();
        running.destroyForcibly();
        running.waitFor(30, TimeUnit.SECONDS);
        Harness.log("%s killed with SIGKILL (pid %d, exit %s)", name, pid,
                running.isAlive() ? "still alive" : String.valueOf(running.exitValue()));
    }

    void stop() throws InterruptedException {
        serving = false;
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        if (!running.waitFor(60, TimeUnit.SECONDS)) {
            running.destroyForcibly();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the node answers its health check, failing when its process exits first. */
    void awaitServing(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            Process running = process;
            if (!running.isAlive()) {
                throw new IllegalStateException(name + " exited with " + running.exitValue() + " while starting; see "
                        + directory.relativize(log) + ":\n" + tail(40));
            }
            try {
                HttpResponse<String> health = probe.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    serving = true;
                    Harness.log("%s serving after %d s", name, Duration.between(started, Instant.now()).toSeconds());
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(name + " did not answer its health check within " + timeout.toSeconds()
                + " s; see " + directory.relativize(log));
    }

    /** Starts the node again in the background; it serves requests once its health check answers. */
    Thread restartInBackground(Duration timeout) {
        Thread restart = new Thread(() -> {
            try {
                start();
                awaitServing(timeout);
            } catch (Exception e) {
                Harness.log("%s did not come back: %s", name, e.getMessage());
            }
        }, name + "-restart");
        restart.setDaemon(true);
        restart.start();
        return restart;
    }

    boolean serving() {
        return serving;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Lines of every log of this node that report an error, for the report. */
    long errorLines() {
        long count = 0;
        for (int i = 1; i <= starts; i++) {
            try (var lines = Files.lines(logs.resolve(name + "-start-" + i + ".log"))) {
                count += lines.filter(line -> line.contains(" ERROR ")).count();
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                // a log that cannot be read counts nothing
            }
        }
        return count;
    }

    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
