package dev.dealdesk.http;

import dev.dealdesk.json.JsonWriter;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * An error response in the RFC 9457 problem format ({@code application/problem+json}). Never
 * carries a stack trace.
 *
 * @param status HTTP status
 * @param type   an absolute URI naming the kind of problem: {@link #TYPES} and the kind (README, "Problems")
 * @param title  short summary of the kind
 * @param detail what went wrong in this request
 * @param path   the JSON Pointer of bad input, or {@code null}
 */
record Problem(int status, String type, String title, String detail, String path) {

    /** One provider, looked up once: {@code Json.create...} would look it up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Where every problem type's URI starts; the kinds are listed in the README. */
    static final String TYPES = "https://dealdesk.dev/problems/";

    static Problem badInput(String path, String detail) {
        return new Problem(400, TYPES + "invalid-deal", "The deal is not valid input", detail, path);
    }

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(status, TYPES + kind, title, detail, null);
    }

    String json() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (path != null) {
            json.add("path", path);
        }
        return JsonWriter.text(json.build());
    }
}
