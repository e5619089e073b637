package dev.dealdesk.policy.reload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules directory, its folders at any depth included, and calls back once per change
 * after the rules have been quiet for the debounce time, so an editor's multi-file save is one
 * change. The directory deleted, renamed away or replaced by another folder of its name
 * ({@code mv rules.new rules}) is a change too, after which the folder then under the name is the
 * one watched; while the directory is missing, or some of it could not be watched, it is also
 * looked at every second, and its coming back is a change.
 *
 * <p>Callbacks run one at a time on a daemon thread of the watcher's own. What a callback throws,
 * errors included, is logged and watching goes on: only {@link #close()}, an interrupt of that
 * thread while it waits, or a failure of the watching itself ends it, and {@link #stoppedBecause()}
 * then says why. Thread-safe.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final String CLOSED = "closed";

    private final Path directory;
    private final Duration debounce;
    private final Runnable onChange;
    private final WatchService service;
    private final WatchedTree tree;
    private final Thread thread;
    private volatile String stoppedBecause;

    private RulesWatcher(Path directory, Duration debounce, Runnable onChange, WatchService service) {
        this.directory = directory;
        this.debounce = debounce;
        this.onChange = onChange;
        this.service = service;
        this.tree = new WatchedTree(directory, service);
        this.thread = new Thread(this::loop, "dealdesk-rules-watcher[" + directory + "]");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching. A directory that does not exist yet is looked for until it does.
     *
     * @throws IOException when the directory, a folder under it or its parent cannot be watched
     */
    public static RulesWatcher start(Path directory, Duration debounce, Runnable onChange) throws IOException {
        requireNonNull(directory, "directory");
        requireNonNull(debounce, "debounce");
        requireNonNull(onChange, "onChange");
        WatchService service = FileSystems.getDefault().newWatchService();
        RulesWatcher watcher = new RulesWatcher(directory.toAbsolutePath().normalize(), debounce, onChange, service);
        try {
            watcher.tree.watchAll();
        } catch (IOException | UncheckedIOException e) {
            service.close();
            throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
        }
        watcher.thread.start();
        return watcher;
    }

    /** Why watching stopped; empty while it goes on. */
    public Optional<String> stoppedBecause() {
        String reason = stoppedBecause;
        if (reason == null && !thread.isAlive()) {
            return Optional.of("the watcher thread ended");
        }
        return Optional.ofNullable(reason);
    }

    private void loop() {
        try {
            while (true) {
                if (awaitChange()) {
                    awaitQuiet();
                    tree.watch();
                    changed();
                }
            }
        } catch (ClosedWatchServiceException e) {
            stop(stoppedBecause != null ? stoppedBecause : "the file system closed the watch service");
        } catch (InterruptedException e) {
            stop(stoppedBecause != null ? stoppedBecause : "the watcher thread was interrupted");
        } catch (Throwable e) {
            LOG.error("rules watcher failed", e);
            stop("the watcher failed: " + e);
        }
    }

    /** Waits for a change to the rules; false when what came was none. */
    private boolean awaitChange() throws InterruptedException {
        WatchKey key = tree.incomplete() ? service.poll(RETRY.toMillis(), TimeUnit.MILLISECONDS) : service.take();
        if (key != null) {
            return tree.drain(key);
        }
        // A directory back under its name is a change; one still missing is not a new one.
        return tree.watch();
    }

    /** Waits until no event about the rules has come for the debounce time. */
    private void awaitQuiet() throws InterruptedException {
        long quietAt = System.nanoTime() + debounce.toNanos();
        long left;
        while ((left = quietAt - System.nanoTime()) > 0) {
            WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
            if (key == null) {
                return;
            }
            if (tree.drain(key)) {
                quietAt = System.nanoTime() + debounce.toNanos();
            }
        }
    }

    /** Runs the callback; what it throws, or an interrupt it leaves behind, is not the end of watching. */
    private void changed() {
        try {
            onChange.run();
        } catch (Throwable e) {
            LOG.error("rules change handler failed; watching goes on", e);
        }
        if (stoppedBecause == null && Thread.interrupted()) {
            LOG.warn("the rules change handler left its thread interrupted; watching goes on");
        }
    }

    private void stop(String reason) {
        stoppedBecause = reason;
        if (!CLOSED.equals(reason)) {
            LOG.error("stopped watching {}: {}; changes to the rules are no longer loaded", directory, reason);
        }
    }

    /** Stops watching; a callback running now is interrupted and may fail. */
    @Override
    public void close() {
        if (stoppedBecause == null) {
            stoppedBecause = CLOSED;
        }
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("closing the rules watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
