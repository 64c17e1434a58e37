package cn.bureau.subsidy.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests to whichever node serves, as a named user with HTTP Basic. A request that could not be sent (connection
 * refused: the node is down) goes to the other node; one whose answer was lost (the node died mid-request) returns
 * {@link Reply#lost()}, and the caller looks at the case again before doing anything more.
 */
final class Http {

    record Reply(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean lost() {
            return status < 0;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration NO_NODE_PATIENCE = Duration.ofMinutes(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Node> nodes;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong lostAnswers = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong refusals = new AtomicLong();
    private final Queue<String> samples = new ConcurrentLinkedQueue<>();

    Http(List<Node> nodes) {
        this.nodes = nodes;
    }

    void user(String user, String password) {
        authorizations.put(user, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Reply json(Node preferred, String user, String method, String path, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
            return send(preferred, user, method, path, body == null ? null : "application/json", bytes, Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Reply send(Node preferred, String user, String method, String path, String contentType, byte[] body,
            Map<String, String> headers) {
        Instant giveUp = Instant.now().plus(NO_NODE_PATIENCE);
        while (true) {
            for (Node node : order(preferred)) {
                if (!node.serving()) {
                    continue;
                }
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                        .timeout(Duration.ofMinutes(3))
                        .header("Authorization", authorizations.get(user))
                        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                if (contentType != null) {
                    request.header("Content-Type", contentType);
                }
                headers.forEach(request::header);
                requests.incrementAndGet();
                try {
                    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    Reply reply = new Reply(response.statusCode(), response.body());
                    note(method, path, user, reply);
                    return reply;
                } catch (ConnectException | HttpConnectTimeoutException notSent) {
                    // The node is down: nothing reached it; try the other one.
                } catch (IOException lost) {
                    lostAnswers.incrementAndGet();
                    return new Reply(-1, lost.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Reply(-1, "interrupted");
                }
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("No node answered " + method + " " + path + " for "
                        + NO_NODE_PATIENCE.toMinutes() + " minutes");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Reply(-1, "interrupted");
            }
        }
    }

    /** The first few unexpected answers, for the report. */
    List<String> samples() {
        return new ArrayList<>(samples);
    }

    private void note(String method, String path, String user, Reply reply) {
        if (reply.ok()) {
            return;
        }
        (reply.status() >= 500 ? serverErrors : refusals).incrementAndGet();
        if (samples.size() < 12) {
            samples.add(reply.status() + " " + method + " " + path + " as " + user + ": "
                    + reply.body().substring(0, Math.min(300, reply.body().length())).replace('\n', ' '));
        }
    }

    private List<Node> order(Node preferred) {
        List<Node> order = new ArrayList<>();
        if (preferred != null) {
            order.add(preferred);
        }
        nodes.stream().filter(node -> node != preferred).forEach(order::add);
        return order;
    }

    /** A multipart/form-data body of text fields and one file. */
    static final class Multipart {

        final String boundary = "harness-" + Long.toHexString(System.nanoTime());
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
