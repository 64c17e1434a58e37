package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The board's shared answers: computed once while recent, once for many waiting callers, never kept when failed. */
class RecentAnswersTest {

    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void aRecentAnswerIsGivenAgainAndEachQuestionHasItsOwn() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofHours(1));

        assertThat(answers.get("all", this::count)).isEqualTo(1);
        assertThat(answers.get("all", this::count)).isEqualTo(1);
        assertThat(answers.get("program SZ", this::count)).isEqualTo(2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void withoutAMaximumAgeEveryCallComputes() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ZERO);

        answers.get("all", this::count);
        answers.get("all", this::count);

        assertThat(computations).hasValue(2);
    }

    @Test
    void anAnswerOlderThanTheMaximumAgeIsComputedAgain() throws InterruptedException {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofMillis(1));
        answers.get("all", this::count);
        Thread.sleep(5);

        assertThat(answers.get("all", this::count)).isEqualTo(2);
    }

    @Test
    void callersArrivingDuringAComputationWaitForItsAnswer() throws Exception {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofHours(1));
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            results.add(callers.submit(() -> answers.get("all", question -> {
                computing.countDown();
                await(release);
                return count(question);
            })));
            computing.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 7; i++) {
                results.add(callers.submit(() -> answers.get("all", this::count)));
            }
            release.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(computations).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aFailureReachesItsCallerAndIsNotKept() {
        RecentAnswers<String, Integer> answers = new RecentAnswers<>(Duration.ofHours(1));

        assertThatThrownBy(() -> answers.get("all", question -> {
            throw new IllegalStateException("database away");
        })).hasMessage("database away");
        assertThat(answers.get("all", this::count)).isEqualTo(1);
    }

    private Integer count(String question) {
        return computations.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
