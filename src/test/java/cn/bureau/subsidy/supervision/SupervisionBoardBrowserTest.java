package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.bureau.subsidy.browser.BrowserScript;
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
    @Autowired
    DeadlineWatch watch;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aSupervisorSeesTheSameCountsOnTheBoardAsTheApi() throws Exception {
        assertThat(Path.of("target/classes/static/app/supervision/main.js"))
                .as("the board's bundle (mvn generate-resources builds it)").exists();
        BoardSeed seed = new BoardSeed(publisher, filing, applicant, taskService, managementService, watch);
        Files.deleteIfExists(SCREENSHOT);

        BrowserScript.run("supervision-board.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + port,
                "PROGRAM", seed.programCode, "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));

        assertThat(SCREENSHOT).exists();
    }
}
