package dev.dealdesk.json;

import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyStatus;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.decision.WatcherStatus;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.List;
import java.util.Locale;

/**
 * An engine's policy status as JSON ({@code GET /v1/policy}): {@code version}, {@code files},
 * {@code loadedAt}, {@code fileNames}, {@code lastReload} ({@code null} before the first attempt)
 * and {@code watcher}. {@link JsonWriter} writes it. Thread-safe.
 */
public final class PolicyStatusJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private PolicyStatusJson() {
    }

    /** The status as a JSON object. */
    public static JsonObject toJson(PolicyStatus status) {
        JsonArrayBuilder files = JSON.createArrayBuilder();
        status.files().forEach(files::add);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("version", status.live().version())
                .add("files", status.live().files())
                .add("loadedAt", status.loadedAt().toString())
                .add("fileNames", files);
        if (status.lastReload() == null) {
            json.addNull("lastReload");
        } else {
            json.add("lastReload", toJson(status.lastReload()));
        }
        return json.add("watcher", toJson(status.watcher())).build();
    }

    /** The status as compact JSON. */
    public static String toText(PolicyStatus status) {
        return JsonWriter.text(toJson(status));
    }

    /** Each problem as {@code {file, line, column, level, message, text}}, {@code text} being {@code file:line:column: level: message}. */
    public static JsonArray problems(List<PolicyProblem> problems) {
        JsonArrayBuilder json = JSON.createArrayBuilder();
        for (PolicyProblem problem : problems) {
            json.add(JSON.createObjectBuilder().add("file", problem.file()).add("line", problem.line())
                    .add("column", problem.column()).add("level", problem.level().name().toLowerCase(Locale.ROOT))
                    .add("message", problem.message()).add("text", problem.toString()));
        }
        return json.build();
    }

    private static JsonObject toJson(ReloadAttempt attempt) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("at", attempt.at().toString())
                .add("succeeded", attempt.succeeded()).add("problems", problems(attempt.problems()));
        if (attempt.version() == null) {
            json.addNull("version");
        } else {
            json.add("version", attempt.version());
        }
        return json.build();
    }

    /** {@code {"state": "OFF" | "WATCHING" | "STOPPED", "reason": why it stopped, or null}}. */
    private static JsonObject toJson(WatcherStatus watcher) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("state", watcher.state().name());
        if (watcher.reason() == null) {
            json.addNull("reason");
        } else {
            json.add("reason", watcher.reason());
        }
        return json.build();
    }
}
