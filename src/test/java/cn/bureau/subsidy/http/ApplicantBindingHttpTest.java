package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.scenario.Fixtures;

/**
 * An administrator makes an applicant the way production does (a Camunda user in {@code applicants}, through the
 * engine REST API) and binds it to its enterprise; only then can it file, and only for that enterprise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantBindingHttpTest {

    private static final String ADMIN = "admin";
    private static final String DEMO_PASSWORD = "demo";
    private static final String NEW_USER = "binding-test-applicant";
    private static final String NEW_PASSWORD = "a-password-of-its-own";

    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAdministratorBindsANewApplicantToItsEnterprise() {
        assertThat(send(ADMIN, DEMO_PASSWORD, HttpMethod.POST, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", NEW_USER, "firstName", "New", "lastName", "Applicant"),
                "credentials", Map.of("password", NEW_PASSWORD))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String path = "/api/applicant-bindings/" + NEW_USER;
        Map<String, String> body = Map.of("uscc", Fixtures.OTHER_USCC);

        ResponseEntity<JsonNode> notYetAnApplicant = send(ADMIN, DEMO_PASSWORD, HttpMethod.PUT, path, body);
        assertThat(notYetAnApplicant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notYetAnApplicant.getBody().path("errors").path(0).path("code").asText())
                .isEqualTo("NOT_AN_APPLICANT");

        assertThat(send(ADMIN, DEMO_PASSWORD, HttpMethod.PUT, "/engine-rest/group/applicants/members/" + NEW_USER,
                null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(send("manager", DEMO_PASSWORD, HttpMethod.PUT, path, body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(NEW_USER, NEW_PASSWORD, HttpMethod.PUT, path, body).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> badUscc = send(ADMIN, DEMO_PASSWORD, HttpMethod.PUT, path,
                Map.of("uscc", "91440300MA5F000182"));
        assertThat(badUscc.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badUscc.getBody().path("errors").path(0).path("code").asText()).isEqualTo("INVALID_USCC");

        ResponseEntity<JsonNode> bound = send(ADMIN, DEMO_PASSWORD, HttpMethod.PUT, path, body);
        assertThat(bound.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bound.getBody().path("uscc").asText()).isEqualTo(Fixtures.OTHER_USCC);

        String code = publishedProgram();
        ObjectNode ownEnterprise = Fixtures.applicationJson();
        ownEnterprise.with("applicant").put("uscc", Fixtures.OTHER_USCC);
        assertThat(send(NEW_USER, NEW_PASSWORD, HttpMethod.POST, "/api/programs/" + code + "/applications",
                ownEnterprise).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(NEW_USER, NEW_PASSWORD, HttpMethod.POST, "/api/programs/" + code + "/applications",
                Fixtures.applicationJson()).getStatusCode()).as("another enterprise's filing")
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String publishedProgram() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-04-10T09:00:00+08:00").toInstant()));
        String code = Fixtures.programCode();
        Map<String, Object> program = Map.of("code", code, "title", "Binding test program", "supportYear", 2025,
                "filingOpensAt", "2026-04-16T00:00:00+08:00", "filingClosesAt", "2026-04-30T18:00:00+08:00",
                "materialsCloseAt", "2026-05-07T17:45:00+08:00", "budgetWan", 5000,
                "fxRatesToCny", Map.of("USD", "7.0288"), "lprPercent", Map.of("1Y", "3.0", "5Y", "3.5"));
        assertThat(send("manager", DEMO_PASSWORD, HttpMethod.POST, "/api/programs", program).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        setClock(Fixtures.DURING_FILING);
        return code;
    }

    private static void setClock(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private ResponseEntity<JsonNode> send(String user, String password, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password).exchange(path, method, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
