package cn.bureau.subsidy.common;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses itself, before any filter or controller sees the request (a NUL or an encoded slash in the
 * address, a broken escape, a control character in a header, headers over the size limit), answered as a problem
 * detail in the application's shape instead of Tomcat's HTML page. It only speaks when nothing else has: an error
 * the application answered keeps its own body. Public with a public constructor: Tomcat creates it by its class name.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    static final String CODE_MALFORMED = "MALFORMED_REQUEST";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String body = status == HttpStatus.BAD_REQUEST.value()
                ? problem(status, title, CODE_MALFORMED, "The request line or its headers cannot be read",
                        "{\"field\":\"$request\",\"code\":\"" + CODE_MALFORMED + "\",\"message\":\"Use a well-formed"
                                + " address (no NUL, no encoded slash, valid %-escapes) and headers"
                                + " without control characters, within the size limit\"}")
                : problem(status, title, known == null ? "HTTP_" + status : known.name(), title, "");
        try {
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

    /** The body built from constants only: nothing of the refused request is echoed back. */
    private static String problem(int status, String title, String code, String detail, String error) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"code\":\"" + code + "\",\"errors\":[" + error + "]}";
    }
}
