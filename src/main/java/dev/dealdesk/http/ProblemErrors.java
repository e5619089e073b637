package dev.dealdesk.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the server's own errors as problems, in place of Jetty's HTML pages: a request Jetty
 * refuses before any route sees it (a bad request line, headers too large, a request that timed
 * out) and an exception that escaped a route. The detail never carries an exception's text.
 */
final class ProblemErrors implements Request.Handler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR_500;
        Object message = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        Problem problem = problem(status, message instanceof String text ? text : null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.write(true, ByteBuffer.wrap(problem.json().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    static Problem problem(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        return switch (status) {
            case 408 -> Problem.of(status, "request-timeout", reason, "the request did not arrive in time");
            case 413 -> Problem.of(status, "too-large", reason, "the request is too large");
            case 414, 431 -> Problem.of(status, kind(reason), reason,
                    "the request line and headers must be at most " + Limits.MAX_HEADER_BYTES + " bytes together");
            case 500 -> Problem.of(status, "internal-error", "Internal error", "see the service log");
            case 503 -> Problem.of(status, "unavailable", reason, "the service cannot answer now; send the request again later");
            default -> Problem.of(status, kind(reason), reason,
                    status < 500 && message != null && !message.equals(reason) ? message : "the request was refused: " + reason);
        };
    }

    /** "Request Header Fields Too Large" as "request-header-fields-too-large". */
    private static String kind(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
