package dev.dealdesk.policy.reload;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a rules directory, its subdirectories included, and calls back once per change after
 * the directory has been quiet for the debounce time, so an editor's multi-file save is one change.
 * Callbacks run one at a time on a daemon thread of their own. Close to stop.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final WatchService service;
    private final Thread thread;

    private RulesWatcher(WatchService service, Path directory, Duration debounce, Runnable onChange) {
        this.service = service;
        this.thread = new Thread(() -> loop(directory, debounce, onChange), "dealdesk-rules-watcher");
        this.thread.setDaemon(true);
    }

    /**
     * Starts watching.
     *
     * @throws IOException when the directory cannot be watched
     */
    public static RulesWatcher start(Path directory, Duration debounce, Runnable onChange) throws IOException {
        requireNonNull(directory, "directory");
        requireNonNull(debounce, "debounce");
        requireNonNull(onChange, "onChange");
        WatchService service = FileSystems.getDefault().newWatchService();
        RulesWatcher watcher = new RulesWatcher(service, directory, debounce, onChange);
        try {
            registerTree(service, directory);
        } catch (IOException e) {
            service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private void loop(Path directory, Duration debounce, Runnable onChange) {
        try {
            while (true) {
                drain(service.take());
                // Wait for the directory to go quiet: an editor's save may touch several files.
                WatchKey more;
                while ((more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                registerTree(service, directory);
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.error("rules change handler failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // closed: stop watching
        } catch (IOException e) {
            LOG.error("stopped watching {}: {}", directory, e.getMessage());
        }
    }

    private static void drain(WatchKey key) {
        for (WatchEvent<?> ignored : key.pollEvents()) {
            // the whole directory is re-read on every change, so which file changed does not matter
        }
        key.reset();
    }

    private static void registerTree(WatchService service, Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path folder : tree.filter(Files::isDirectory).toList()) {
                folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("closing the rules watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
