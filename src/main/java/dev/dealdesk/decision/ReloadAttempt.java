package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to load the rules again after they changed. Immutable.
 *
 * @param at        when the attempt finished
 * @param version   the version of the files it read, or {@code null} when they could not be read
 * @param succeeded whether that version is now live (or already was)
 * @param problems  why it was refused: compile, safety and example failures; empty when it succeeded
 */
public record ReloadAttempt(Instant at, String version, boolean succeeded, List<PolicyProblem> problems) {

    public ReloadAttempt {
        requireNonNull(at, "at");
        problems = List.copyOf(problems);
    }
}
