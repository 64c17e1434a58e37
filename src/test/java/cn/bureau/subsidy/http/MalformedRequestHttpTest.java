package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.bureau.subsidy.http.RunningApp.Answer;

/**
 * Requests Tomcat refuses before any filter or controller sees them get the same kind of answer as every other
 * refusal: a problem detail with a code and the part at fault, not Tomcat's HTML page.
 */
class MalformedRequestHttpTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/programs/%00", "/api/programs/a%2Fb", "/api/programs/%ZZ", "/api/cases/%C0%AF"})
    void aMalformedAddressIsRefusedAsAProblemDetail(String path) {
        assertRefusedAsMalformed(app.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedAsAProblemDetail() {
        assertRefusedAsMalformed(app.raw("GET /api/programs HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\n"
                + "Connection: close\r\n\r\n"));
    }

    @Test
    void headersOverTheSizeLimitAreRefusedAsAProblemDetail() {
        assertRefusedAsMalformed(app.raw("GET /api/programs HTTP/1.1\r\nHost: localhost\r\nX-Filler: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void whatTheApplicationRefusesKeepsItsOwnAnswer() {
        Answer answer = app.raw("GET /api/nowhere HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("applicant:demo".getBytes()) + "\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.json().path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static void assertRefusedAsMalformed(Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.isProblem()).as("%s", answer).isTrue();
        assertThat(answer.json().path("status").asInt()).isEqualTo(400);
        assertThat(answer.json().path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("$request");
        assertThat(answer.json().at("/errors/0/code").asText()).isEqualTo("MALFORMED_REQUEST");
        assertThat(answer.body()).doesNotContain("<html", "Tomcat");
    }
}
