package dev.dealdesk.decision;

import static java.util.Objects.requireNonNull;

/**
 * Whether an engine is watching its rules for changes, so a caller can tell a policy that is not
 * reloading because nothing changed from one that is not reloading because nobody is looking.
 * Immutable.
 *
 * @param state  what the watcher is doing
 * @param reason why it stopped; {@code null} unless {@link State#STOPPED}
 */
public record WatcherStatus(State state, String reason) {

    /** What the watcher is doing. */
    public enum State {
        /** The engine was not asked to watch: the rules change only on {@code reload()}. */
        OFF,
        /** Changes to the rules are noticed and reloaded. */
        WATCHING,
        /** The engine was asked to watch and no longer does: changes to the rules go unnoticed. */
        STOPPED
    }

    /**
     * @throws IllegalArgumentException when a stopped watcher has no reason, or a running or absent one has
     */
    public WatcherStatus {
        requireNonNull(state, "state");
        if ((state == State.STOPPED) != (reason != null)) {
            throw new IllegalArgumentException("a reason is given exactly when the watcher is STOPPED; got "
                    + state + " with reason " + reason);
        }
    }

    /** Not watching, as asked. */
    public static WatcherStatus off() {
        return new WatcherStatus(State.OFF, null);
    }

    /** Watching. */
    public static WatcherStatus watching() {
        return new WatcherStatus(State.WATCHING, null);
    }

    /** No longer watching, for {@code reason}. */
    public static WatcherStatus stopped(String reason) {
        return new WatcherStatus(State.STOPPED, requireNonNull(reason, "reason"));
    }
}
