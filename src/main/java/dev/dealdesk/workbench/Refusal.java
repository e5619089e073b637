package dev.dealdesk.workbench;

import java.util.Map;

/**
 * A workbench request refused: the service answers it as an RFC 9457 problem of this status and
 * kind. {@code path} is the JSON Pointer of bad input in the body, or {@code null}.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String kind;
    private final String title;
    private final String path;
    private final transient Map<String, String> headers;

    Refusal(int status, String kind, String title, String detail, String path, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.path = path;
        this.headers = Map.copyOf(headers);
    }

    /** Bad input in the body at {@code path}: a 400 {@code invalid-draft}, or another kind. */
    static Refusal badInput(String kind, String path, String detail) {
        return new Refusal(400, kind, "The request is not valid input", detail, path, Map.of());
    }

    /** A query parameter the workbench refuses. */
    static Refusal badQuery(String detail) {
        return new Refusal(400, "invalid-query", "The query is not valid", detail, null, Map.of());
    }

    static Refusal notFound(String detail) {
        return new Refusal(404, "not-found", "No such resource", detail, null, Map.of());
    }

    /** The audit log was moved, replaced or rewritten while the request read it. */
    static Refusal logReplaced() {
        return new Refusal(409, "log-replaced", "The audit log changed while it was read",
                "The audit log was moved, replaced or rewritten while this request read it; send the request again to read"
                        + " the log now there",
                null, Map.of());
    }

    /** Another draft, replay or verification is running: send again shortly. */
    static Refusal busy() {
        return new Refusal(503, "busy", "The workbench is busy",
                "One draft, replay or verification runs at a time, and one is running; send the request again shortly",
                null, Map.of("Retry-After", "1"));
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public String path() {
        return path;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
