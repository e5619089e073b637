package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: nothing is acknowledged that was not recorded, nothing partial stays in the log, and
 * the log takes records again, and says so, once space returns. The disk fills through the log's
 * {@link Storage}, not for real.
 */
@Timeout(60)
class DiskFullTest {

    @TempDir
    Path temp;

    private static List<Deal> deals;
    private static PolicySource policy;

    @BeforeAll
    static void dealsAndPolicy() throws Exception {
        deals = AuditFixtures.exampleDeals().subList(0, 6);
        policy = PolicySource.read(TestEngines.SHIPPED_RULES);
    }

    private static CompletableFuture<AuditRecord> append(AuditLog log, int deal) {
        Deal facts = deals.get(deal);
        return log.append(facts, TestEngines.shipped().evaluate(facts), policy);
    }

    private static AuditException failure(CompletableFuture<AuditRecord> append) {
        CompletionException e = assertThrows(CompletionException.class, append::join);
        return assertInstanceOf(AuditException.class, e.getCause());
    }

    private static void awaitNoProblem(AuditLog log) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (log.problem().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(Optional.empty(), log.problem());
    }

    private void assertIntact(Path file, long records) throws Exception {
        AuditVerifier.Report report = AuditVerifier.verify(file);
        assertEquals(List.of(), report.problems());
        assertEquals(records, report.records());
        assertEquals(Optional.of(report.last()), report.head(), "the head names the last record");
    }

    @Test
    void append_whileTheDiskIsFull_failsLeavingNothingPartial_andSucceedsOnceSpaceReturns() throws Exception {
        for (boolean forceOnly : new boolean[] {false, true}) {
            Path file = Files.createDirectory(temp.resolve(forceOnly ? "force" : "write")).resolve("log.jsonl");
            FullDisk disk = new FullDisk();
            try (AuditLog log = AuditLog.open(file, "test", disk)) {
                append(log, 0).join();
                AuditRecord second = append(log, 1).join();
                byte[] before = Files.readAllBytes(file);
                (forceOnly ? disk.failForceOnly() : disk).fill();

                AuditException failed = failure(append(log, 2));
                assertTrue(failed.getMessage().endsWith("cannot be written: No space left on device"), failed.getMessage());
                assertArrayEquals(before, Files.readAllBytes(file), "nothing of the failed record stays");
                assertTrue(log.problem().orElseThrow().contains("No space left on device"), log.problem().toString());
                assertIntact(file, 2);

                disk.free();
                AuditRecord third = append(log, 3).join();
                assertEquals(second.hash(), third.previousHash(), "the chain goes on from the last record on storage");
                assertEquals(Optional.empty(), log.problem());
            }
            assertIntact(file, 3);
        }
    }

    @Test
    void problem_whileTheDiskIsFull_staysUntilSpaceReturns_thenClearsWithoutAnAppend() throws Exception {
        Path file = temp.resolve("log.jsonl");
        FullDisk disk = new FullDisk();
        try (AuditLog log = AuditLog.open(file, "test", disk)) {
            append(log, 0).join();
            disk.fill();
            failure(append(log, 1));
            Thread.sleep(2 * LogWriter.RETRY_MILLIS + 500);
            assertTrue(log.problem().isPresent(), "a disk still full is tried, and still fails");

            disk.free();
            awaitNoProblem(log);
            append(log, 2).join();
        }
        assertIntact(file, 2);
        assertTrue(Files.notExists(LogFiles.probe(file)), "the probe leaves no file behind");
    }

    @Test
    void everyRecordChainedAfterAFailedBatch_failsToo() throws Exception {
        Path file = temp.resolve("log.jsonl");
        FullDisk disk = new FullDisk();
        try (AuditLog log = AuditLog.open(file, "test", disk)) {
            AuditRecord first = append(log, 0).join();
            disk.fill().holdNextWrite();
            CompletableFuture<AuditRecord> failing = append(log, 1);
            disk.awaitHeld();
            List<CompletableFuture<AuditRecord>> chainedAfter = List.of(append(log, 2), append(log, 3));
            disk.release();

            failure(failing);
            chainedAfter.forEach(DiskFullTest::failure);
            disk.free();
            assertEquals(first.hash(), append(log, 4).join().previousHash());
        }
        assertIntact(file, 2);
    }

    @Test
    void aHeadThatCannotBeWritten_fallsBehind_losingNoRecord_andCatchesUpOnceSpaceReturns() throws Exception {
        Path file = temp.resolve("log.jsonl");
        FullDisk disk = new FullDisk().only(path -> path.getFileName().toString().endsWith(".head"));
        try (AuditLog log = AuditLog.open(file, "test", disk)) {
            append(log, 0).join();
            disk.fill();
            append(log, 1).join();
            assertTrue(log.problem().orElseThrow().startsWith("the head of audit log"), log.problem().toString());
            AuditVerifier.Report behind = AuditVerifier.verify(file);
            assertEquals(List.of(), behind.problems(), "a head behind the log is no problem");
            assertEquals(1, behind.head().orElseThrow().records());

            disk.free();
            awaitNoProblem(log);
        }
        assertIntact(file, 2);
    }
}
