package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What an engine is deciding with. Immutable snapshot.
 *
 * @param live        the version of the live policy
 * @param loadedAt    when it went live
 * @param files       its rules files, relative to the rules directory
 * @param lastReload  the last reload attempt, or {@code null} when there was none
 */
public record PolicyStatus(PolicyVersion live, Instant loadedAt, List<String> files, ReloadAttempt lastReload) {

    public PolicyStatus {
        requireNonNull(live, "live");
        requireNonNull(loadedAt, "loadedAt");
        files = List.copyOf(files);
    }
}
