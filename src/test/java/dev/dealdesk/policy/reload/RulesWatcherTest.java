package dev.dealdesk.policy.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher turns a burst of file events, as an editor's multi-file save makes, into one change. */
class RulesWatcherTest {

    @TempDir
    Path rules;

    @Test
    void watch_burstOfWrites_isOneChange() throws Exception {
        Semaphore changes = new Semaphore(0);
        try (RulesWatcher ignored = RulesWatcher.start(rules, Duration.ofMillis(300), changes::release)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(rules.resolve("file" + i + ".drl"), "// " + i);
                Thread.sleep(20);
            }
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "no change reported");
            assertTrue(!changes.tryAcquire(1, TimeUnit.SECONDS), "one burst reported more than once");

            Files.createDirectory(rules.resolve("nested"));
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "a new folder is a change");
            Files.writeString(rules.resolve("nested/inner.drl"), "// inner");
            assertTrue(changes.tryAcquire(10, TimeUnit.SECONDS), "a file in a new folder is watched too");
            assertEquals(0, changes.availablePermits());
        }
    }
}
