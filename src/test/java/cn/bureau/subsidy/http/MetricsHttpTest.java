package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.http.RunningApp.Answer;

/**
 * What an operator's monitoring reads from actuator: requests are timed as a whole, per route and status; the
 * security filters are not timed one by one (each request passed about fifteen of them, each with a timer).
 */
class MetricsHttpTest {

    @Test
    void requestsAreTimedAsAWholeAndNotPerSecurityFilter() {
        RunningApp app = RunningApp.start();
        assertThat(app.json("applicant", "GET", "/api/programs", null).status()).isEqualTo(200);

        Answer names = app.json("supervisor", "GET", "/actuator/metrics", null);
        assertThat(names.status()).as("%s", names).isEqualTo(200);
        List<String> metrics = new ArrayList<>();
        names.json().path("names").forEach(name -> metrics.add(name.asText()));
        assertThat(metrics).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));

        Answer requests = app.json("supervisor", "GET", "/actuator/metrics/http.server.requests?tag=uri:/api/programs",
                null);
        assertThat(requests.status()).as("%s", requests).isEqualTo(200);
        assertThat(requests.json().path("measurements").path(0).path("value").asDouble()).isPositive();
    }
}
