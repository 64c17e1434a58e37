package cn.bureau.subsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;
import cn.bureau.subsidy.scenario.Scenario;

/** The funding plan's notice page (stages 8–9) in headless Chromium, line by line against the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanNoticeBrowserTest {

    private static final Path SCREENSHOT = Path.of("target/plan-notice.png");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    ApplicantActions applicant;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theNoticeShowsEveryLineOfThePlan() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minusSeconds(10 * 86_400)));
        Program program = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        Scenario scenario = new Scenario(engine).track(program.getProcessInstanceId());
        for (String taskKey : new String[] {"UserTask_InitialReview", "UserTask_FormalReview"}) {
            scenario.on(taskKey, task -> scenario.complete("reviewer", task, Map.of("decision", "ACCEPT")));
        }
        scenario.on("UserTask_SpecialAudit", task -> scenario.complete("auditor", task, Map.of("decision", "ACCEPT")));
        scenario.on("UserTask_SubmitMaterials", task -> {
            String caseId = (String) engine.getRuntimeService().getVariable(task.getProcessInstanceId(),
                    "applicationId");
            applicant.upload(caseId, Fixtures.APPLICANT, "APPLICATION_FORM", "form.pdf", Fixtures.pdf());
            applicant.submitMaterials(caseId, Fixtures.APPLICANT);
        });
        scenario.track(filing.file(program.getCode(), Fixtures.application(), Fixtures.APPLICANT, null)
                .getProcessInstanceId());
        scenario.runUntil(() -> scenario.waitingTask("UserTask_DraftPlan").isPresent());
        Files.deleteIfExists(SCREENSHOT);

        BrowserScript.run("plan-notice.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + port,
                "PROGRAM", program.getCode(), "SCREENSHOT", SCREENSHOT.toAbsolutePath().toString()));

        assertThat(SCREENSHOT).exists();
    }
}
