package cn.bureau.subsidy.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.bureau.subsidy.common.WorkingDays;

/** Program managers keep the working-day calendar; the deadlines follow at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalendarApiTest {

    /** A Wednesday of a year whose schedule is not yet published. */
    private static final LocalDate DAY = LocalDate.of(2027, 2, 10);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    WorkingDays workdays;

    @AfterEach
    void removeTheDay() {
        rest.withBasicAuth("manager", "demo").delete("/api/calendar/days/" + DAY);
    }

    @Test
    void listsAYearsHolidaysAndMakeUpDays() {
        JsonNode year = rest.withBasicAuth("manager", "demo").getForObject("/api/calendar/2026", JsonNode.class);

        assertThat(year.toString()).contains("{\"day\":\"2026-02-14\",\"kind\":\"WORKDAY\"")
                .contains("{\"day\":\"2026-10-01\",\"kind\":\"HOLIDAY\"").doesNotContain("2025-");
    }

    @Test
    void addingAndRemovingADayChangesWorkingDaysAtOnce() {
        assertThat(workdays.isWorkingDay(DAY)).isTrue();

        ResponseEntity<JsonNode> added = exchange("manager", HttpMethod.PUT, Map.of("kind", "HOLIDAY", "name",
                "春节 Spring Festival"));
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(workdays.isWorkingDay(DAY)).isFalse();
        assertThat(rest.withBasicAuth("manager", "demo").getForObject("/api/calendar/2027", JsonNode.class)
                .toString()).contains("2027-02-10");

        assertThat(exchange("manager", HttpMethod.PUT, Map.of("kind", "WORKDAY", "name", "调休 make-up"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(workdays.isWorkingDay(DAY)).isTrue();

        assertThat(exchange("manager", HttpMethod.DELETE, null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(exchange("manager", HttpMethod.DELETE, null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(workdays.isWorkingDay(DAY)).isTrue();
    }

    @Test
    void onlyProgramManagersKeepTheCalendarAndBadInputIsRefused() {
        assertThat(exchange("supervisor", HttpMethod.PUT, Map.of("kind", "HOLIDAY", "name", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("applicant", HttpMethod.DELETE, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("manager", HttpMethod.PUT, Map.of("kind", "HOLIDAYS", "name", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("manager", "demo").exchange("/api/calendar/days/2027-02-30", HttpMethod.PUT,
                new HttpEntity<>(Map.of("kind", "HOLIDAY", "name", "x")), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(workdays.isWorkingDay(DAY)).isTrue();
    }

    private ResponseEntity<JsonNode> exchange(String user, HttpMethod method, Object body) {
        return rest.withBasicAuth(user, "demo").exchange("/api/calendar/days/" + DAY, method,
                body == null ? null : new HttpEntity<>(body), JsonNode.class);
    }
}
