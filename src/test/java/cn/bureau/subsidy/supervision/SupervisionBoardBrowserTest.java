package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.ProgramPublisher;

/**
 * The board as a supervisor sees it: headless Chromium (Debian's {@code /usr/bin/chromium}, driven by
 * playwright-core from the front-end's own dependencies) runs {@code src/test/playwright/supervision-board.mjs}
 * against this application with seeded overdue cases; the script compares the page with the API and leaves a
 * screenshot in {@code target/}. The bundle must have been built (Maven does it in generate-resources).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SupervisionBoardBrowserTest {

    private static final Path SCRIPT = Path.of("src/test/playwright/supervision-board.mjs");
    private static final Path SCREENSHOT = Path.of("target/supervision-board.png");

    @LocalServerPort
    int port;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    ApplicantActions applicant;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSupervisorSeesTheSameCountsOnTheBoardAsTheApi() throws Exception {
        assertThat(Path.of("target/classes/static/app/supervision/main.js"))
                .as("the board's bundle (mvn generate-resources builds it)").exists();
        assertThat(Path.of("/usr/bin/chromium")).as("Debian's chromium (.ci/run installs it)").exists();
        BoardSeed seed = new BoardSeed(publisher, filing, applicant, taskService, managementService);
        Files.deleteIfExists(SCREENSHOT);

        ProcessBuilder node = new ProcessBuilder("node", SCRIPT.toString()).redirectErrorStream(true);
        node.environment().put("BASE_URL", "http://127.0.0.1:" + port);
        node.environment().put("PROGRAM", seed.programCode);
        node.environment().put("SCREENSHOT", SCREENSHOT.toAbsolutePath().toString());
        Process process = node.start();
        String output = read(process);
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as("the browser check finished in time; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("browser check output:%n%s", output).isZero();
        assertThat(SCREENSHOT).exists();
    }

    private static String read(Process process) throws IOException {
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        try {
            reader.join(TimeUnit.MINUTES.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (output) {
            return output.toString();
        }
    }
}
