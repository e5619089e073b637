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
 * @param watcher     whether changes to the rules are being watched for
 */
public record PolicyStatus(PolicyVersion live, Instant loadedAt, List<String> files, ReloadAttempt lastReload,
                           WatcherStatus watcher) {

    public PolicyStatus {
        requireNonNull(live, "live");
        requireNonNull(loadedAt, "loadedAt");
        files = List.copyOf(files);
        requireNonNull(watcher, "watcher");
    }

    /** The status of an engine that does not watch its rules. */
    public PolicyStatus(PolicyVersion live, Instant loadedAt, List<String> files, ReloadAttempt lastReload) {
        this(live, loadedAt, files, lastReload, WatcherStatus.off());
    }
}
