package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.json.DealJson;
import dev.dealdesk.json.JsonWriter;
import dev.dealdesk.json.StrictJson;
import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.TestEngines;
import dev.dealdesk.facts.Deal;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log: self-contained records, a valid chain under concurrency, one writer, torn tails set aside. */
class AuditLogTest {

    @TempDir
    Path temp;

    @Test
    void aLogBehindASymlink_pinsItsPoliciesBesideTheRealFile_soVerifyOfEitherPathFindsThem() throws Exception {
        Path real = Files.createDirectories(temp.resolve("real")).resolve("log.jsonl");
        Files.createFile(real);
        Path link = Files.createSymbolicLink(Files.createDirectories(temp.resolve("elsewhere")).resolve("log.jsonl"), real);
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, link, AuditFixtures.exampleDeals().subList(0, 2));
        assertTrue(AuditVerifier.verify(real).intact(), AuditVerifier.verify(real).problems().toString());
        assertTrue(AuditVerifier.verify(link).intact(), AuditVerifier.verify(link).problems().toString());
    }

    @Test
    void aLogThatIsNotARegularFile_isRefused() {
        AuditException e = org.junit.jupiter.api.Assertions.assertThrows(AuditException.class,
                () -> AuditLog.open(Path.of("/dev/null"), "test"));
        assertEquals("audit log /dev/null is not a regular file", e.getMessage());
    }

    @Test
    void dealWriter_roundTripsEveryExampleDeal() throws Exception {
        for (Deal deal : AuditFixtures.exampleDeals()) {
            String json = JsonWriter.canonical(DealJson.toJson(deal));
            assertEquals(deal, DealJson.read(json), json);
            assertEquals(json, JsonWriter.canonical(StrictJson.parse(json)), "canonical text is stable");
        }
    }

    @Test
    void audit_eachRecordIsAReceiptCheckableAlone() throws Exception {
        Path log = temp.resolve("log.jsonl");
        List<Deal> deals = AuditFixtures.exampleDeals();
        List<Decision> decisions = AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, deals);
        List<String> lines = Files.readAllLines(log);
        assertEquals(deals.size(), lines.size());
        String previous = AuditRecord.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            AuditRecord record = AuditRecord.parse(lines.get(i));
            assertEquals(record.hash(), record.computedHash());
            assertEquals(previous, record.previousHash());
            assertEquals(decisions.get(i).decisionId(), record.decisionId());
            assertEquals(deals.get(i), record.readDeal());
            assertEquals(decisions.get(i).outcome().name(), record.outcome());
            assertEquals(lines.get(i), record.line(), "the line is the record's canonical form");
            previous = record.hash();
        }
        Path pinned = PolicySnapshots.beside(log).of(decisions.get(0).policy().version());
        assertEquals(decisions.get(0).policy(), PolicySource.read(pinned).version());
        assertTrue(AuditVerifier.verify(log).intact());
    }

    @Test
    void audit_manyThreadsAppending_keepOneValidChainWithEveryDecision() throws Exception {
        Path log = temp.resolve("log.jsonl");
        List<Deal> deals = AuditFixtures.exampleDeals();
        Set<String> returned = Collections.synchronizedSet(new HashSet<>());
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (Deal deal : deals) {
                            returned.add(engine.evaluate(deal).decisionId());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
        }
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(), report.problems());
        assertEquals(8 * 10 * deals.size(), report.records());
        Set<String> logged = new HashSet<>();
        for (String line : Files.readAllLines(log)) {
            logged.add(AuditRecord.parse(line).decisionId());
        }
        assertEquals(returned, logged);
    }

    @Test
    void open_secondWriterOnTheSameFile_isRefused() {
        Path log = temp.resolve("log.jsonl");
        try (AuditLog first = AuditLog.open(log, "test")) {
            AuditException refused = assertThrows(AuditException.class, () -> AuditLog.open(log, "test"));
            assertEquals("audit log " + log + " is in use by another writer", refused.getMessage());
        }
    }

    @Test
    void open_afterACrashMidWrite_setsTheTornTailAsideAndContinuesTheChain() throws Exception {
        Path log = temp.resolve("log.jsonl");
        List<Deal> deals = AuditFixtures.exampleDeals().subList(0, 3);
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, deals);
        Files.write(log, "{\"decisionId\":\"half-writ".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertTrue(AuditVerifier.verify(log).onlyTornTail());

        try (AuditLog reopened = AuditLog.open(log, "test")) {
            assertNotNull(reopened.recoveredTornTail());
            assertEquals("{\"decisionId\":\"half-writ", Files.readString(Path.of(reopened.recoveredTornTail())));
        }
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, deals);
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(), report.problems());
        assertEquals(6, report.records());
    }

    @Test
    void open_aLogWrittenBeforeHeadsWereKept_getsAHeadNamingItsLastRecord() throws Exception {
        Path log = temp.resolve("log.jsonl");
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, AuditFixtures.exampleDeals().subList(0, 3));
        Files.delete(LogFiles.head(log));
        assertEquals(java.util.Optional.empty(), AuditVerifier.verify(log).head());

        AuditLog.open(log, "test").close();
        AuditVerifier.Report report = AuditVerifier.verify(log);
        assertEquals(List.of(), report.problems());
        assertEquals(java.util.Optional.of(new LogHead(3, AuditRecord.parse(Files.readAllLines(log).get(2)).hash())),
                report.head());
    }

    @Test
    void open_aPathThatCannotHoldALog_isRefusedNamingItAndWhy() throws Exception {
        Path missing = temp.resolve("missing/log.jsonl");
        assertEquals("audit log " + missing + " cannot be created: no such directory " + temp.resolve("missing"),
                assertThrows(AuditException.class, () -> AuditLog.open(missing, "test")).getMessage());
        assertTrue(Files.notExists(missing.getParent()), "no directory is made for a mistyped path");
        assertEquals("audit log " + temp + " is a directory, not a file",
                assertThrows(AuditException.class, () -> AuditLog.open(temp, "test")).getMessage());
        Path sealed = Files.createFile(temp.resolve("sealed.jsonl"));
        Files.setPosixFilePermissions(sealed, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        assertEquals("audit log " + sealed + " cannot be written: no write permission",
                assertThrows(AuditException.class, () -> AuditLog.open(sealed, "test")).getMessage());
    }
}
