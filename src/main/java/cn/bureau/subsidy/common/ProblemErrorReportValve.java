package cn.bureau.subsidy.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Tomcat refuses itself, before any filter or controller sees the request (a NUL or an encoded slash in the
 * address, a broken escape, a control character in a header, headers over the size limit), answered as a problem
 * detail in the application's shape instead of Tomcat's HTML page. It only speaks when nothing else has: an error
 * the application answered keeps its own body. Public with a public constructor: Tomcat creates it by its class name.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    static final String CODE_MALFORMED = "MALFORMED_REQUEST";

    /** Spring's JSON set-up for problem details (their properties at the top level), outside Spring's context. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status == null || !status.isError()) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            // Built from constants only: nothing of the refused request is echoed back.
            String body = JSON.writeValueAsString(status == HttpStatus.BAD_REQUEST
                    ? ProblemAdvice.problem(status, CODE_MALFORMED, "The request line or its headers cannot be read",
                            List.of(new FieldProblem("$request", CODE_MALFORMED, "Use a well-formed address (no NUL,"
                                    + " no encoded slash, valid %-escapes) and headers without control characters,"
                                    + " within the size limit"))).getBody()
                    : ProblemAdvice.problem(status, status.name(), "Refused by the web server", List.of()).getBody());
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException tooLate) {
            // The connection is gone or the response was committed meanwhile: there is no one left to tell.
        }
    }
}
