package dev.dealdesk.decision;

/**
 * Observes reload attempts. Called on the engine's watcher thread after each attempt, whether it
 * succeeded or not; it should return quickly and must not throw (what it throws is logged and
 * ignored).
 */
@FunctionalInterface
public interface ReloadListener {

    void reloaded(ReloadAttempt attempt);
}
