package cn.bureau.subsidy.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses every engine query that carries an expression ({@code assigneeExpression}, {@code dueDateExpression}, …),
 * in the query string or anywhere in a JSON body, {@code orQueries} included. Camunda 7's own ad-hoc guard does not
 * look inside a task query's {@code orQueries}, and expressions there are evaluated on the server; no page of this
 * application needs them.
 */
class EngineQueryGuard extends OncePerRequestFilter {

    private static final long MAX_JSON_BYTES = 1024 * 1024;

    private final ObjectMapper json;

    EngineQueryGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String parameter : request.getParameterMap().keySet()) {
            if (isExpression(parameter)) {
                refuse(response, parameter);
                return;
            }
        }
        if (request.getContentType() == null || !request.getContentType().toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) {
            refuse(response, "$");
            return;
        }
        String field = body.length == 0 ? null : expressionField(body);
        if (field != null) {
            refuse(response, field);
            return;
        }
        chain.doFilter(new ReplayedBody(request, body), response);
    }

    private String expressionField(byte[] body) {
        try {
            return expressionField(json.readTree(body), "");
        } catch (JsonProcessingException unreadable) {
            return null; // the engine answers malformed JSON itself
        } catch (IOException e) {
            return null;
        }
    }

    private static String expressionField(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpression(field.getKey()) && !field.getValue().isNull()) {
                    return at;
                }
                String inner = expressionField(field.getValue(), at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = expressionField(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean isExpression(String name) {
        return name.endsWith("Expression") || name.endsWith("Expressions");
    }

    private void refuse(HttpServletResponse response, String field) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Queries with expressions are not accepted");
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        problem.setProperty("code", "EXPRESSION_NOT_ALLOWED");
        problem.setProperty("errors", java.util.List.of(Map.of("field", field, "code", "EXPRESSION_NOT_ALLOWED",
                "message", "Use the field's plain value instead of an expression")));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request with its body read once by the guard and offered again to the engine. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already in memory");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
