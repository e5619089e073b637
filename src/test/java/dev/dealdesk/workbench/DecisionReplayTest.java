package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.TestDeals;
import dev.dealdesk.TestEngines;
import dev.dealdesk.approval.Ask;
import dev.dealdesk.audit.AuditRecord;
import dev.dealdesk.audit.Replayer;
import dev.dealdesk.decision.Decision;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench replays one decision from its line alone, as a replay of the whole log replays it:
 * a re-approval is derived again from the previous decision the log holds before it.
 */
class DecisionReplayTest {

    @TempDir
    Path temp;

    /** A land FLAGged twice: a 100-day value-proof window (DEAL_DESK) and growth by renegotiation (FINANCE). */
    private static TestDeals flagged() {
        return TestDeals.cleanLand().set("/valueProof/windowDays", 100).set("/contract/expansionByAddOn", false);
    }

    @Test
    void aReapprovedDecision_isReplayedAgainstThePreviousDecision_andAnAlteredReapprovalDiverges() throws Exception {
        Path log = temp.resolve("log.jsonl");
        String again;
        try (DealDesk engine = DealDesk.builder().rules(TestEngines.SHIPPED_RULES).audit(log).build()) {
            Decision first = engine.evaluate(flagged().deal());
            JsonObject previous = AuditRecord.parse(engine.auditRecord(first.decisionId()).orElseThrow()).asPreviousDecision();
            engine.evaluate(TestDeals.cleanLand().set("/dealId", "D-OTHER").deal());
            again = engine.evaluate(flagged().set("/valueProof/windowDays", 120).deal(), new Ask(false, previous)).decisionId();
        }
        JsonObject replayed = new Decisions(log, new LogIndex(log)).replay(again);
        assertTrue(replayed.getBoolean("matched"), replayed.toString());
        assertEquals(3, replayed.getInt("line"));

        // The record now says DEAL_DESK's sign-off carried over; derived again, it is required.
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String altered = lines.get(2).replace("\"carriedOver\":[\"FINANCE\"]", "\"carriedOver\":[\"DEAL_DESK\",\"FINANCE\"]")
                .replace("\"required\":[\"DEAL_DESK\"]", "\"required\":[]");
        assertFalse(altered.equals(lines.get(2)), lines.get(2));
        Files.write(log, List.of(lines.get(0), lines.get(1), altered), StandardCharsets.UTF_8);

        JsonObject diverged = new Decisions(log, new LogIndex(log)).replay(again);
        assertFalse(diverged.getBoolean("matched"), diverged.toString());
        assertEquals("the same findings, but reapproval differ", diverged.getString("error"), diverged.toString());
        Replayer.Report whole = Replayer.replay(log, record -> record.decisionId().equals(again));
        assertEquals(0, whole.matched());
        assertEquals(whole.divergences().get(0).error(), diverged.getString("error"));

        // A later line naming the previous decision that is not a record is passed over, by both replays.
        String notARecord = lines.get(0).replaceFirst("^\\{\"deal\":", "{\"deal\": ");
        Files.write(log, List.of(lines.get(0), lines.get(1), notARecord, altered), StandardCharsets.UTF_8);
        JsonObject passedOver = new Decisions(log, new LogIndex(log)).replay(again);
        assertEquals(4, passedOver.getInt("line"));
        assertFalse(passedOver.getBoolean("matched"), passedOver.toString());
        assertEquals(Replayer.replay(log, record -> record.decisionId().equals(again)).divergences().stream()
                .filter(divergence -> again.equals(divergence.decisionId())).findFirst().orElseThrow().error(),
                passedOver.getString("error"));
    }
}
