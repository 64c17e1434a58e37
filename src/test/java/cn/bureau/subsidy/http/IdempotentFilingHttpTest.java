package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.bureau.subsidy.http.RunningApp.Answer;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * An applicant whose connection drops resends its filing with the same Idempotency-Key, sometimes while the first is
 * still being stored: every request gets the one case, and only one case is started.
 */
class IdempotentFilingHttpTest {

    private static final int SENDERS = 8;

    private RunningApp app;
    private String program;

    @BeforeEach
    void aProgramOpenNow() {
        ClockUtil.reset();
        app = RunningApp.start();
        program = Fixtures.programCode();
        app.publishProgramOpenNow(program);
    }

    @Test
    void requestsRacingWithOneKeyAllAnswerWithTheOneCase() throws Exception {
        byte[] body = new ObjectMapper().writeValueAsBytes(Fixtures.applicationJson());
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Long> before = app.footprint();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Answer> answers;
        try {
            List<CompletableFuture<Answer>> sent = IntStream.range(0, SENDERS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitUninterruptibly(start);
                        return app.send("applicant", "POST", "/api/programs/" + program + "/applications",
                                "application/json", body, key);
                    }, senders))
                    .toList();
            start.countDown();
            answers = sent.stream().map(CompletableFuture::join).toList();
        } finally {
            senders.shutdownNow();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isEqualTo(201));
        assertThat(answers.stream().map(answer -> answer.json().path("caseId").asText()).distinct())
                .hasSize(1).first().asString().isNotBlank();
        Map<String, Long> after = app.footprint();
        assertThat(after.get("application") - before.get("application")).isEqualTo(1);
        assertThat(after.get("claim") - before.get("claim")).isEqualTo(Fixtures.applicationJson().path("claims").size());
        assertThat(after.get("process instances ever") - before.get("process instances ever")).isEqualTo(1);
        assertThat(app.bean(JdbcTemplate.class).queryForObject(
                "select count(*) from application where idempotency_key = ?", Long.class, key.get("Idempotency-Key")))
                .isEqualTo(1);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
