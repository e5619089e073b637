package dev.dealdesk.workbench;

import static java.util.Objects.requireNonNull;

import dev.dealdesk.json.JsonWriter;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the workbench answers a request with. Immutable but for the body array, which no one changes.
 *
 * @param status      HTTP status
 * @param contentType the body's media type
 * @param body        the body's bytes
 * @param headers     headers to send besides
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Answer {
        requireNonNull(contentType, "contentType");
        requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** A 200 with {@code json}, never cached: it says what the policy and the log hold now. */
    static Answer json(JsonValue json) {
        return new Answer(200, "application/json", JsonWriter.text(json).getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"));
    }
}
