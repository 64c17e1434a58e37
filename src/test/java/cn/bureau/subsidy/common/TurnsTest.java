package cn.bureau.subsidy.common;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;

/** Requests take turns: no more at once than the permits, every one in the end, and a clear answer past the wait. */
class TurnsTest {

    /** As the application's: Spring's builder writes a problem's properties at its top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void noMoreRunAtOnceThanThePermitsAndEveryOneRuns() throws Exception {
        Turns turns = quotes(2, Duration.ofSeconds(30));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        FilterChain quote = (request, response) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            pause();
            running.decrementAndGet();
        };
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(clients.submit(() -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    turns.doFilter(quoteRequest(), response, quote);
                    return response.getStatus();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
    }

    @Test
    void aRequestThatWaitsTooLongIsToldToAskAgainAndNothingOfItRuns() throws Exception {
        Turns turns = quotes(1, Duration.ofMillis(50));
        Holder holder = new Holder(turns);
        holder.start();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        turns.doFilter(quoteRequest(), refused, (request, response) -> {
            throw new AssertionError("admitted while the only permit is held");
        });
        holder.finish();
        MockHttpServletResponse later = new MockHttpServletResponse();
        AtomicInteger ran = new AtomicInteger();
        turns.doFilter(quoteRequest(), later, (request, response) -> ran.incrementAndGet());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(JSON.readTree(refused.getContentAsByteArray()).path("code").asText()).isEqualTo("QUOTES_BUSY");
        assertThat(ran.get()).as("the permit came back").isEqualTo(1);
    }

    @Test
    void otherRequestsDoNotTakeTurns() throws Exception {
        Turns turns = quotes(1, Duration.ofMillis(1));
        AtomicInteger passed = new AtomicInteger();
        Holder holder = new Holder(turns);
        holder.start();
        try {
            for (MockHttpServletRequest other : List.of(
                    new MockHttpServletRequest("POST", "/api/programs/P/applications"),
                    new MockHttpServletRequest("GET", "/api/programs/P/quote"))) {
                turns.doFilter(other, new MockHttpServletResponse(), (request, response) -> passed.incrementAndGet());
            }
        } finally {
            holder.finish();
        }

        assertThat(passed.get()).isEqualTo(2);
    }

    private static Turns quotes(int permits, Duration maxWait) {
        return new Turns(HttpMethod.POST, "/quote", permits, maxWait, "QUOTES_BUSY", JSON);
    }

    private static MockHttpServletRequest quoteRequest() {
        return new MockHttpServletRequest("POST", "/api/programs/OFDI-2026/quote");
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A quote on a thread of its own that holds its permit until told to finish. */
    private static final class Holder {

        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        Holder(Turns turns) {
            thread = new Thread(() -> {
                try {
                    turns.doFilter(quoteRequest(), new MockHttpServletResponse(), (request, response) -> {
                        holding.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        void start() throws InterruptedException {
            thread.start();
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        }

        void finish() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }
    }
}
