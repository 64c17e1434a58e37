package cn.bureau.subsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * An officer's task form in Camunda's own Tasklist, in headless Chromium: the Camunda Form a process owner edits
 * ({@code forms/initial-review.form}) shows the case it is about, from the variables the process keeps for it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFormBrowserTest {

    private static final Path SCREENSHOT = Path.of("target/tasklist-initial-review.png");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;

    @Test
    void theInitialReviewFormShowsTheEnterpriseTheProjectAndTheClaims() throws Exception {
        Program program = publisher.publish(Fixtures.programOpenNow(Fixtures.programCode()), Fixtures.MANAGER);
        Application filed = filing.file(program.getCode(), Fixtures.application(), Fixtures.APPLICANT, null);
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(filed.getProcessInstanceId())
                .taskDefinitionKey("UserTask_InitialReview").singleResult();
        String claims = (String) engine.getRuntimeService().getVariable(filed.getProcessInstanceId(), "claimSummary");
        Files.deleteIfExists(SCREENSHOT);

        BrowserScript.run("tasklist-form.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + port,
                "PROGRAM", program.getCode(), "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
                "TASK", review.getId(),
                "EXPECT", String.join("\n", filed.getEnterpriseName(), filed.getProjectName(), filed.getBusinessKey(),
                        firstClaim(claims))));

        assertThat(SCREENSHOT).exists();
    }

    /** The first claim as the form draws it: the summary is a Markdown list, whose items show without "1. ". */
    private static String firstClaim(String claimSummary) {
        return claimSummary.lines().findFirst().orElseThrow().replaceFirst("^\\d+\\.\\s+", "");
    }
}
