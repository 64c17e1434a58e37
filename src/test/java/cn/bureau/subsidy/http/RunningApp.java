package cn.bureau.subsidy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The application running on a random port, for tests that are not JUnit Jupiter tests (jqwik properties): it takes
 * the Spring test context from the same cache {@code @SpringBootTest} classes use, so the HTTP tests share one
 * running application. Requests go out raw, so a test controls every byte, header and content type.
 */
final class RunningApp {

    /** The configuration the HTTP tests run under; the context cache keys on it. */
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    static final class Configured {
    }

    static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private RunningApp(ApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    static RunningApp start() {
        try {
            return new RunningApp(new TestContextManager(Configured.class).getTestContext().getApplicationContext());
        } catch (Exception e) {
            throw new IllegalStateException("The application does not start", e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** One answer: status, content type, body as text and, when it is JSON, as a tree; where a redirect leads. */
    record Answer(int status, String contentType, String body, String location) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                return JSON.missingNode();
            }
        }

        boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    Answer send(String user, String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " got no answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a request as it stands, byte for byte, to the server's socket and reads the answer until the server
     * closes the connection: for requests no HTTP client would send.
     */
    Answer raw(String request) {
        URI address = URI.create(base);
        try (Socket socket = new Socket(address.getHost(), address.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int headersEnd = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, headersEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).trim().toLowerCase(), head[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(answer, headersEnd + 4, answer.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers.get("content-type"),
                    new String(body, StandardCharsets.UTF_8), headers.get("location"));
        } catch (IOException e) {
            throw new IllegalStateException("No answer to " + request.lines().findFirst().orElse("") + ": " + e, e);
        }
    }

    /** A chunked body without its chunk sizes. */
    private static byte[] unchunked(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    Answer send(String user, String method, String path, String contentType, byte[] body) {
        return send(user, method, path, contentType, body, Map.of());
    }

    Answer json(String user, String method, String path, Object body) {
        try {
            return send(user, method, path, "application/json", body == null ? null : JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a refused request must leave untouched: the application's rows and the engine's process instances,
     * tasks and variables.
     */
    Map<String, Long> footprint() {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : new String[] {"program", "application", "claim", "material", "review_decision",
                "registry_entry", "plan_objection", "payment", "act_ru_task", "act_ru_variable"}) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        counts.put("running process instances", bean(RuntimeService.class).createProcessInstanceQuery().count());
        counts.put("process instances ever", bean(HistoryService.class).createHistoricProcessInstanceQuery().count());
        return counts;
    }

    /** Publishes, as the program manager, a program whose online filing is open now. */
    void publishProgramOpenNow(String code) {
        assertThat(json("manager", "POST", "/api/programs", programOpenNow(code)).status()).isEqualTo(201);
    }

    /** Files the fixtures' application as the demo applicant; the answer, a 201. */
    Answer fileApplication(String program) {
        Answer filed = json("applicant", "POST", "/api/programs/" + program + "/applications",
                Fixtures.applicationJson());
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        return filed;
    }

    /** A program whose online filing is open now, as the contract's body. */
    static ObjectNode programOpenNow(String code) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code).put("title", "Test program").put("supportYear", 2025)
                .put("filingOpensAt", now.minusDays(1).toString()).put("filingClosesAt", now.plusDays(14).toString())
                .put("materialsCloseAt", now.plusDays(21).toString()).put("budgetWan", 5000);
        body.putObject("fxRatesToCny").put("USD", "7.0288");
        body.putObject("lprPercent").put("1Y", "3.0").put("5Y", "3.5");
        return body;
    }
}
