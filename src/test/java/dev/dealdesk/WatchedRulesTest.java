package dev.dealdesk;

import dev.dealdesk.decision.PolicyProblem;
import dev.dealdesk.decision.PolicyVersion;
import dev.dealdesk.decision.ReloadAttempt;
import dev.dealdesk.decision.WatcherStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.policy.compiled.PolicySource;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched engine never stops reloading quietly: whatever a change holds (a file nested too deeply
 * to parse, a file of 50 MB, a reload that throws an error), the attempt is recorded as refused with
 * its reason, the last good policy keeps deciding and the next good change goes live; the rules
 * folder replaced, deleted and back, and folders at any depth, are watched. Real files, the real
 * watcher; each wait has a generous deadline and asserts nothing about speed.
 */
class WatchedRulesTest {

    private static final String WINDOW_90 = "function int valueProofMaxWindowDays() { return 90; }";
    private static final String WINDOW_100 = "function int valueProofMaxWindowDays() { return 100; }";

    @TempDir
    Path temp;

    private final BlockingQueue<ReloadAttempt> attempts = new LinkedBlockingQueue<>();

    @Test
    void watch_twentyThousandNestedParentheses_isRefusedForThatFileAndWatchingGoesOn() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        try (DealDesk engine = watching(rules.directory(), Clock.systemUTC())) {
            PolicyVersion good = engine.policy();
            Path deep = Files.writeString(temp.resolve("deep.drl"), "package dealdesk.policy;\nimport dev.dealdesk.facts.Deal;\n"
                    + "rule \"Deep\"\nwhen\n    Deal(acv > " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ")\nthen\nend\n");
            Files.move(deep, rules.directory().resolve("deep.drl"));
            ReloadAttempt refused = await(attempt -> !attempt.succeeded());
            assertEquals(List.of("deep.drl: error: nested too deeply to parse: reduce the parentheses, brackets or blocks"
                    + " within one another"), texts(refused));
            assertEquals(versionOnDisk(rules.directory()), refused.version());
            assertEquals(good, engine.policy());
            assertEquals(WatcherStatus.watching(), engine.status().watcher());

            rules.delete("deep.drl");
            goesLiveAfterAnEdit(engine, rules.directory());
        }
    }

    @Test
    void watch_fiftyMegabyteFile_isRefusedAndWatchingGoesOn() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path big = temp.resolve("big.drl");
        try (Writer out = Files.newBufferedWriter(big)) {
            out.write("package dealdesk.policy;\n");
            String line = "// " + "x".repeat(96) + "\n";
            for (long written = 0; written < 50L << 20; written += line.length()) {
                out.write(line);
            }
            out.write("this line is not DRL\n");
        }
        try (DealDesk engine = watching(rules.directory(), Clock.systemUTC())) {
            PolicyVersion good = engine.policy();
            Files.move(big, rules.directory().resolve("big.drl"));
            ReloadAttempt refused = await(attempt -> !attempt.succeeded());
            assertFalse(refused.problems().isEmpty());
            assertEquals(good, engine.policy());
            assertEquals(WatcherStatus.watching(), engine.status().watcher());

            rules.delete("big.drl");
            goesLiveAfterAnEdit(engine, rules.directory());
        }
    }

    @Test
    void watch_reloadThatThrowsAnError_isRefusedWithItsReasonAndNothingGoesLive() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        BreakingClock clock = new BreakingClock();
        try (DealDesk engine = watching(rules.directory(), clock)) {
            PolicyVersion good = engine.policy();
            clock.breakOnce(new ClockBroke());
            rules.replace("thresholds.drl", WINDOW_90, WINDOW_100);
            ReloadAttempt refused = await(attempt -> !attempt.succeeded());
            assertEquals(List.of("error: loading the rules failed: " + ClockBroke.class.getName() + ": the clock broke"),
                    texts(refused));
            assertEquals(versionOnDisk(rules.directory()), refused.version());
            assertEquals(good, engine.policy(), "a reload that failed half way went live");
            assertEquals(refused, engine.status().lastReload());
            assertEquals(WatcherStatus.watching(), engine.status().watcher());

            rules.write("thresholds.drl", rules.read("thresholds.drl"));
            ReloadAttempt retried = await(ReloadAttempt::succeeded);
            assertEquals(versionOnDisk(rules.directory()), retried.version());
            assertEquals(retried.version(), engine.policy().version());
        }
    }

    @Test
    void watch_rulesFolderReplacedByRename_goesLiveAndTheNewFolderIsWatched() throws Exception {
        Path rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules"))).directory();
        Path next = RulesCopy.of(Files.createDirectory(temp.resolve("rules.new")))
                .replace("thresholds.drl", WINDOW_90, WINDOW_100).directory();
        String replaced = versionOnDisk(next);
        try (DealDesk engine = watching(rules, Clock.systemUTC())) {
            Files.move(rules, temp.resolve("rules.old"));
            Files.move(next, rules);
            await(attempt -> attempt.succeeded() && replaced.equals(attempt.version()));
            assertEquals(replaced, engine.policy().version());

            goesLiveAfterAnEdit(engine, rules);
        }
    }

    @Test
    void watch_rulesFolderDeletedThenBack_refusedWhileMissingThenReloaded() throws Exception {
        Path rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules"))).directory();
        try (DealDesk engine = watching(rules, Clock.systemUTC())) {
            PolicyVersion good = engine.policy();
            deleteTree(rules);
            // Attempts that read the folder half deleted are passed over: the one that found it gone has no version.
            ReloadAttempt missing = await(attempt -> !attempt.succeeded() && attempt.version() == null);
            assertEquals(List.of("error: rules directory not found: " + rules), texts(missing));
            assertNull(missing.version());
            assertEquals(good, engine.policy());
            assertEquals("APPROVE", engine.evaluate(TestDeals.cleanLand().deal()).outcome().name());
            assertEquals(WatcherStatus.watching(), engine.status().watcher());

            RulesCopy.of(Files.createDirectory(rules));
            await(attempt -> attempt.succeeded() && good.version().equals(attempt.version()));
            goesLiveAfterAnEdit(engine, rules);
        }
    }

    @Test
    void watch_foldersAtAnyDepth_existingAndNew_areWatched() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path contract = Files.createDirectory(rules.directory().resolve("contract"));
        Files.move(rules.directory().resolve("pricing-lock-in.drl"), contract.resolve("pricing-lock-in.drl"));
        try (DealDesk engine = watching(rules.directory(), Clock.systemUTC())) {
            rules.write("contract/pricing-lock-in.drl", rules.read("contract/pricing-lock-in.drl") + "// reviewed\n");
            awaitLive(engine, rules.directory());

            Path deep = Files.createDirectories(rules.directory().resolve("extra/more"));
            Files.writeString(deep.resolve("notes.drl"), "package dealdesk.policy;\n");
            awaitLive(engine, rules.directory());
            assertTrue(engine.status().files().contains("extra/more/notes.drl"), engine.status().files().toString());
            Files.writeString(deep.resolve("notes.drl"), "package dealdesk.policy;\n// edited\n");
            awaitLive(engine, rules.directory());
        }
    }

    /** An engine watching {@code rules}, telling {@link #attempts} of every attempt. */
    private DealDesk watching(Path rules, Clock clock) throws Exception {
        return DealDesk.builder().rules(rules).watch(true).debounce(Duration.ofMillis(100)).clock(clock)
                .onReload(attempts::add).build();
    }

    /** A threshold edit goes live: the watcher still notices changes and reloads them. */
    private void goesLiveAfterAnEdit(DealDesk engine, Path rules) throws Exception {
        Path thresholds = rules.resolve("thresholds.drl");
        String text = Files.readString(thresholds);
        Files.writeString(thresholds, text.contains(WINDOW_90) ? text.replace(WINDOW_90, WINDOW_100)
                : text.replace(WINDOW_100, WINDOW_90));
        awaitLive(engine, rules);
    }

    /** Waits until the files now on disk went live through a reload. */
    private void awaitLive(DealDesk engine, Path rules) throws Exception {
        String version = versionOnDisk(rules);
        await(attempt -> attempt.succeeded() && version.equals(attempt.version()));
        assertEquals(version, engine.policy().version());
    }

    private ReloadAttempt await(Predicate<ReloadAttempt> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ReloadAttempt attempt = attempts.poll(1, TimeUnit.SECONDS);
            if (attempt != null && wanted.test(attempt)) {
                return attempt;
            }
        }
        throw new AssertionError("no such reload attempt within 60 s");
    }

    private static String versionOnDisk(Path rules) throws Exception {
        return PolicySource.read(rules).version().version();
    }

    private static List<String> texts(ReloadAttempt attempt) {
        return attempt.problems().stream().map(PolicyProblem::toString).toList();
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** What a clock throws when it breaks. */
    private static final class ClockBroke extends Error {
        ClockBroke() {
            super("the clock broke");
        }
    }

    /** The system clock, until told to throw once: a reload that fails after its policy compiled. */
    private static final class BreakingClock extends Clock {

        private final AtomicReference<Error> next = new AtomicReference<>();

        void breakOnce(Error error) {
            next.set(error);
        }

        @Override
        public Instant instant() {
            Error error = next.getAndSet(null);
            if (error != null) {
                throw error;
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed here");
        }
    }
}
