package dev.dealdesk.policy.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher turns a burst of file events, as an editor's multi-file save makes, into one change;
 * it notices changes at any depth, the rules folder replaced, deleted and back, and goes on
 * watching whatever its callback throws.
 */
class RulesWatcherTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(300);

    @TempDir
    Path temp;

    @Test
    void watch_burstOfWrites_isOneChange() throws Exception {
        Path rules = temp;
        Semaphore changes = new Semaphore(0);
        try (RulesWatcher ignored = RulesWatcher.start(rules, DEBOUNCE, changes::release)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(rules.resolve("file" + i + ".drl"), "// " + i);
                Thread.sleep(20);
            }
            awaitChange(changes, "a burst of writes");
            assertTrue(!changes.tryAcquire(1, TimeUnit.SECONDS), "one burst reported more than once");

            Files.createDirectory(rules.resolve("nested"));
            awaitChange(changes, "a new folder");
            Files.writeString(rules.resolve("nested/inner.drl"), "// inner");
            awaitChange(changes, "a file in a new folder");
            assertEquals(0, changes.availablePermits());
        }
    }

    @Test
    void watch_foldersAtAnyDepth_existingAndNew_areWatched() throws Exception {
        Path rules = Files.createDirectory(temp.resolve("rules"));
        Path existing = Files.createDirectories(rules.resolve("contract/pricing"));
        Snapshots seen = new Snapshots(rules);
        try (RulesWatcher ignored = RulesWatcher.start(rules, DEBOUNCE, seen::take)) {
            Files.writeString(existing.resolve("flat-fee.drl"), "flat");
            seen.await("contract/pricing/flat-fee.drl=flat");

            Path created = Files.createDirectories(rules.resolve("a/b/c"));
            Files.writeString(created.resolve("deep.drl"), "deep");
            seen.await("a/b/c/deep.drl=deep contract/pricing/flat-fee.drl=flat");
            Files.writeString(created.resolve("deep.drl"), "deeper");
            seen.await("a/b/c/deep.drl=deeper contract/pricing/flat-fee.drl=flat");
            Files.writeString(Files.createDirectory(created.resolve("d")).resolve("deepest.drl"), "deepest");
            seen.await("a/b/c/d/deepest.drl=deepest a/b/c/deep.drl=deeper contract/pricing/flat-fee.drl=flat");
        }
    }

    @Test
    void watch_folderReplacedByRename_isAChangeAndTheNewFolderIsWatched() throws Exception {
        Path rules = Files.createDirectory(temp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "old");
        Path next = Files.createDirectory(temp.resolve("rules.new"));
        Files.writeString(Files.createDirectory(next.resolve("sub")).resolve("b.drl"), "new");
        Snapshots seen = new Snapshots(rules);
        try (RulesWatcher watcher = RulesWatcher.start(rules, DEBOUNCE, seen::take)) {
            Path old = Files.move(rules, temp.resolve("rules.old"));
            Files.move(next, rules);
            seen.await("sub/b.drl=new");

            Files.writeString(rules.resolve("sub/b.drl"), "newer");
            seen.await("sub/b.drl=newer");
            Files.writeString(old.resolve("a.drl"), "the old folder is not the rules any more");
            seen.assertNoneWithin(Duration.ofSeconds(1));
            assertEquals(Optional.empty(), watcher.stoppedBecause());
        }
    }

    @Test
    void watch_folderDeletedThenBack_isAChangeEachTimeAndWatchingGoesOn() throws Exception {
        Path rules = Files.createDirectory(temp.resolve("rules"));
        Files.writeString(Files.createDirectory(rules.resolve("sub")).resolve("a.drl"), "a");
        Snapshots seen = new Snapshots(rules);
        try (RulesWatcher watcher = RulesWatcher.start(rules, DEBOUNCE, seen::take)) {
            deleteTree(rules);
            seen.await(Snapshots.MISSING);
            assertEquals(Optional.empty(), watcher.stoppedBecause());

            Files.writeString(Files.createDirectories(rules.resolve("sub")).resolve("a.drl"), "back");
            seen.await("sub/a.drl=back");
            Files.writeString(rules.resolve("sub/a.drl"), "edited after coming back");
            seen.await("sub/a.drl=edited after coming back");
        }
    }

    @Test
    void watch_callbackThrowsAnError_watchingGoesOn() throws Exception {
        Path rules = temp;
        Semaphore changes = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        Runnable failsFirst = () -> {
            changes.release();
            switch (calls.incrementAndGet()) {
                case 1 -> throw new StackOverflowError();
                case 2 -> throw new IllegalStateException("broken handler");
                case 3 -> Thread.currentThread().interrupt();
                default -> { }
            }
        };
        try (RulesWatcher watcher = RulesWatcher.start(rules, DEBOUNCE, failsFirst)) {
            for (int i = 1; i <= 4; i++) {
                Files.writeString(rules.resolve("a.drl"), "// " + i);
                awaitChange(changes, "change " + i);
            }
            assertEquals(Optional.empty(), watcher.stoppedBecause());
        }
    }

    @Test
    void watch_threadInterruptedOrClosed_saysWhyItStopped() throws Exception {
        Path rules = temp;
        RulesWatcher watcher = RulesWatcher.start(rules, DEBOUNCE, () -> { });
        try {
            assertEquals(Optional.empty(), watcher.stoppedBecause());
            watcherThread(rules).interrupt();
            assertEquals("the watcher thread was interrupted", awaitStopped(watcher));
        } finally {
            watcher.close();
        }
        RulesWatcher closed = RulesWatcher.start(rules, DEBOUNCE, () -> { });
        closed.close();
        assertEquals("closed", awaitStopped(closed));
    }

    /** The thread watching {@code rules}, found by the name the watcher gives it. */
    static Thread watcherThread(Path rules) {
        String name = "dealdesk-rules-watcher[" + rules.toAbsolutePath().normalize() + "]";
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no thread named " + name));
    }

    private static String awaitStopped(RulesWatcher watcher) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (watcher.stoppedBecause().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the watcher did not stop within 30 s");
            Thread.sleep(10);
        }
        return watcher.stoppedBecause().get();
    }

    /** What the rules folder held each time the watcher called back, as {@code path=text} sorted by path. */
    private static final class Snapshots {

        static final String MISSING = "(missing)";

        private final Path rules;
        private final BlockingQueue<String> taken = new LinkedBlockingQueue<>();

        Snapshots(Path rules) {
            this.rules = rules;
        }

        void take() {
            if (!Files.isDirectory(rules)) {
                taken.add(MISSING);
                return;
            }
            try (Stream<Path> tree = Files.walk(rules)) {
                taken.add(tree.filter(Files::isRegularFile).sorted()
                        .map(file -> rules.relativize(file).toString().replace('\\', '/') + "=" + read(file))
                        .collect(Collectors.joining(" ")));
            } catch (IOException | UncheckedIOException e) {
                taken.add("(unreadable: " + e.getMessage() + ")");
            }
        }

        /** Waits for a callback that saw {@code expected}, skipping those that saw the rules half changed. */
        void await(String expected) throws InterruptedException {
            List<String> skipped = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String snapshot = taken.poll(100, TimeUnit.MILLISECONDS);
                if (expected.equals(snapshot)) {
                    return;
                }
                if (snapshot != null) {
                    skipped.add(snapshot);
                }
            }
            throw new AssertionError("no callback saw [" + expected + "] within 30 s; saw " + skipped);
        }

        void assertNoneWithin(Duration wait) throws InterruptedException {
            String snapshot = taken.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(null, snapshot, "a callback came when nothing under the rules changed");
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void awaitChange(Semaphore changes, String what) throws InterruptedException {
        assertTrue(changes.tryAcquire(30, TimeUnit.SECONDS), "no change reported within 30 s for " + what);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
