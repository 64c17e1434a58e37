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
 * ({@code forms/initial-review.form}) shows the case it is about, read from the case record when the form opens
 * (the contract's example application: its enterprise, its project, its first claim).
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
        Files.deleteIfExists(SCREENSHOT);

        BrowserScript.run("tasklist-form.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + port,
                "PROGRAM", program.getCode(), "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
                "TASK", review.getId(),
                "EXPECT", String.join("\n", "Shenzhen Example Co., Ltd.", "Phnom Penh plant", filed.getBusinessKey(),
                        "PRE_PROJECT_FEES 600000.00 CNY paid 2025-05-01")));

        assertThat(SCREENSHOT).exists();
        // The process carries the case's id, not copies of what the form showed.
        assertThat(engine.getRuntimeService().getVariables(filed.getProcessInstanceId()))
                .containsKey("applicationId").doesNotContainKeys("enterpriseName", "projectName", "claimSummary");
    }
}
