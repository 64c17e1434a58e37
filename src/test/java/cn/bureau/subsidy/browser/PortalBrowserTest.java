package cn.bureau.subsidy.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;
import cn.bureau.subsidy.scenario.Scenario;

/**
 * Stages 2–6 from the applicant's side, in headless Chromium: file through the portal's form with the live quote
 * of guide §9's first worked example, upload a PDF, submit the materials, answer the formal review's correction
 * request, and see the case move on. The bureau's officers are simulated here, in real time, while the page runs:
 * initial review accepts, formal review returns the case once and then accepts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target/portal");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ProgramPublisher publisher;

    @Test
    void anApplicantFilesUploadsAndAnswersACorrectionInThePortal() throws Exception {
        Program program = publisher.publish(Fixtures.programOpenNow(Fixtures.programCode()), Fixtures.MANAGER);
        AtomicInteger formalReviews = new AtomicInteger();
        Scenario officers = new Scenario(engine);
        officers.on("UserTask_InitialReview", task -> officers.complete("reviewer", task, Map.of("decision", "ACCEPT")))
                .on("UserTask_FormalReview", task -> officers.complete("reviewer", task,
                        formalReviews.incrementAndGet() == 1
                                ? Map.of("decision", "RETURN", "reason", "营业执照复印件不清晰，请重新上传")
                                : Map.of("decision", "ACCEPT")));
        Files.createDirectories(SCREENSHOTS);

        AtomicBoolean pageDone = new AtomicBoolean();
        ExecutorService bureau = Executors.newSingleThreadExecutor();
        Future<?> officersAtWork = bureau.submit(() -> {
            while (!pageDone.get()) {
                engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKeyLike(program.getCode() + "-%").list().stream()
                        .map(ProcessInstance::getId).forEach(officers::track);
                if (!officers.advance()) {
                    sleep();
                }
            }
            return null;
        });
        try {
            BrowserScript.run("portal.mjs", Map.of("BASE_URL", "http://127.0.0.1:" + port,
                    "PROGRAM", program.getCode(), "SCREENSHOT", SCREENSHOTS.toAbsolutePath().toString()));
        } finally {
            pageDone.set(true);
            officersAtWork.get();
            bureau.shutdown();
        }

        assertThat(formalReviews).as("formal review returned the case once, then accepted it").hasValue(2);
        assertThat(officers.waitingTaskKeys()).containsExactly("UserTask_SpecialAudit");
        try (var shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.map(p -> p.getFileName().toString()).toList())
                    .contains("1-programs.png", "2-quote.png", "3-case.png", "4-correction.png", "5-advanced.png");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
