package dev.dealdesk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.decision.Decision;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per log, across processes, even after the writer has read its log (index, receipts). */
class AuditLockTest {

    @TempDir
    Path temp;

    @Test
    void secondProcess_isRefusedWhileAWriterHasReadItsLog() throws Exception {
        Path log = temp.resolve("log.jsonl");
        AuditFixtures.audit(TestEngines.SHIPPED_RULES, log, java.util.List.of(TestDeals.cleanLand().deal()));
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build()) {
            Decision decision = engine.evaluate(TestDeals.cleanLand().deal());
            assertTrue(engine.auditRecord(decision.decisionId()).isPresent(), "a receipt is read through the writer");

            Process second = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                    "dev.dealdesk.cli.Main", "evaluate", "--audit", log.toString(), "policy-examples/clean-renewal.json")
                    .redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes());
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue(), output);
            assertTrue(output.contains("is in use by another writer"), output);
        }
        assertEquals(java.util.List.of(), AuditVerifier.verify(log).problems());
    }
}
