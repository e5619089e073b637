package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One change of a path to approval. Values are JSON values in Java form: text, a number, a
 * boolean, an object as an ordered {@code Map<String, Object>}. Placeholder texts, for the AE to
 * replace, are written in angle brackets ({@code "<sponsor>"}). Immutable.
 *
 * @param path   a JSON Pointer into the deal
 * @param from   the value before, or {@code null} when the field was absent
 * @param to     the value after: the whole object or entry when the change adds one
 * @param clears the finding codes this change clears, sorted
 */
public record Change(String path, Object from, Object to, List<String> clears) {

    public Change {
        requireNonNull(path, "path");
        requireNonNull(to, "to");
        clears = List.copyOf(clears);
    }
}
