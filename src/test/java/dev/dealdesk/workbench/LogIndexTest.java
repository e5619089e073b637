package dev.dealdesk.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealdesk.DealDesk;
import dev.dealdesk.RulesCopy;
import dev.dealdesk.TestDeals;
import dev.dealdesk.audit.WhatIf;
import dev.dealdesk.policy.compiled.CompiledPolicy;
import dev.dealdesk.policy.compiled.PolicySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What-if over the workbench's index of the log decides the deals it keeps read, reads the others
 * again, and reports exactly as over the log itself; the index follows a log replaced under it.
 */
class LogIndexTest {

    @TempDir
    Path temp;

    @Test
    void whatIfOverTheIndex_isWhatIfOverTheLog_unreadableLinesIncluded() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path log = temp.resolve("log.jsonl");
        try (DealDesk engine = DealDesk.builder().rules(rules.directory()).audit(log).build()) {
            int id = 0;
            for (int window : new int[] {30, 90, 91, 120}) {
                for (String segment : new String[] {"SMB", "MID_MARKET", "ENTERPRISE"}) {
                    engine.evaluate(TestDeals.cleanLand().set("/dealId", "I-" + id++).set("/segment", segment)
                            .set("/valueProof/windowDays", window).set("/acv", 10_000 + id * 2_500.5).set("/seller/arr", 1_000_000)
                            .set("/valueProof/workflow", "intake für Ärzte").deal());
                }
            }
        }
        String first = Files.readAllLines(log, StandardCharsets.UTF_8).get(0);
        Files.writeString(log, String.join("\n",
                "not a record",
                first.replaceFirst("\"acv\":[0-9.]+", "\"acv\":\"many\""),
                first.replace("\"findings\":", "\"noFindings\":"),
                first.replace("\"outcome\":", "\"verdict\":"),
                first.replaceFirst("^\\{\"deal\":", "{\"deal\":{\"dealId\":\"X\"},\"deal\":")) + "\n", StandardOpenOption.APPEND);

        LogIndex index = new LogIndex(log);
        index.refresh();
        assertEquals(12 + 1, index.records(), "the record with an invalid deal is still a logged decision");
        assertEquals(4, index.unreadable(), "a record with two deals is not read as either");
        assertEquals(12, index.search(entry -> entry.deal() != null, 100).total(), "every valid deal is kept read");
        LogIndex keepingNone = new LogIndex(log, 0);
        keepingNone.refresh();
        assertEquals(0, keepingNone.search(entry -> entry.deal() != null, 100).total());
        LogIndex keepingSome = new LogIndex(log, 1);
        keepingSome.refresh();
        assertEquals(1, keepingSome.search(entry -> entry.deal() != null, 100).total(), "the first deal reaches the budget");

        rules.replace("thresholds.drl", "valueProofMaxWindowDays() { return 90; }", "valueProofMaxWindowDays() { return 120; }");
        CompiledPolicy candidate = CompiledPolicy.compile(PolicySource.read(rules.directory()));
        WhatIf.Report overIndex = WhatIf.run(index.whatIfSource(), candidate);
        WhatIf.Report overLog = WhatIf.run(log, candidate);

        assertEquals(overLog, overIndex);
        assertEquals(overLog, WhatIf.run(keepingNone.whatIfSource(), candidate), "deals read again from their lines");
        assertEquals(overLog, WhatIf.run(keepingSome.whatIfSource(), candidate));
        assertEquals(12, overIndex.decisions());
        assertFalse(overIndex.changes().isEmpty(), "windows of 91 and 120 days flip");
        List<String> errors = overIndex.errors();
        assertEquals(5, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("line 13: not a record: "), errors.get(0));
        assertEquals("line 14: /deal/acv: expected a number >= 0, got the string \"many\"", errors.get(1));
        assertEquals("line 15: not a record: it lacks its decisionId, deal, outcome or findings", errors.get(2));
        assertEquals("line 16: not a record: it lacks its decisionId, deal, outcome or findings", errors.get(3));
        assertEquals("line 17: not a record: member deal appears twice", errors.get(4));
    }

    @Test
    void aLogReplacedByAnother_isReadAgain_evenWhenNoShorter_andARequestReadingTheOldOneIsRefused() throws Exception {
        RulesCopy rules = RulesCopy.of(Files.createDirectory(temp.resolve("rules")));
        Path log = temp.resolve("log.jsonl");
        Path other = temp.resolve("other.jsonl");
        for (Path path : List.of(log, other)) {
            try (DealDesk engine = DealDesk.builder().rules(rules.directory()).audit(path).build()) {
                for (int id = 0; id < 3; id++) {
                    engine.evaluate(TestDeals.cleanLand().set("/dealId", (path == log ? "OLD-" : "NEW-") + id).deal());
                }
            }
        }
        LogIndex index = new LogIndex(log);
        index.refresh();
        assertTrue(index.find("x").isEmpty());
        String oldId = index.search(entry -> true, 1).entries().get(0).decisionId();

        // Rotated: the path now names another file of the same length.
        Files.move(other, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Refusal refused = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class, () -> index.line(1));
        assertEquals("log-replaced", refused.kind());
        index.refresh();
        assertTrue(index.find(oldId).isEmpty(), "the old log's decisions are gone from the index");
        assertEquals(List.of("NEW-2", "NEW-1", "NEW-0"), index.search(entry -> true, 10).entries().stream()
                .map(LogIndex.Entry::dealId).toList());

        // Rewritten in place, no shorter: its last line is not the one read.
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.writeString(log, String.join("\n", lines.get(0), lines.get(1), lines.get(2).replace("NEW-2", "NEW-9")) + "\n",
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        index.refresh();
        assertEquals("NEW-9", index.search(entry -> true, 1).entries().get(0).dealId());
        assertEquals(3, index.records());

        // Moved away: a read of what was indexed is refused; read again, the index is empty.
        Files.move(log, temp.resolve("moved.jsonl"));
        assertEquals("log-replaced", org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> WhatIf.run(index.whatIfSource(), CompiledPolicy.compile(PolicySource.read(rules.directory())))).kind());
        index.refresh();
        assertEquals(0, index.records());
        assertEquals(0, WhatIf.run(index.whatIfSource(), CompiledPolicy.compile(PolicySource.read(rules.directory()))).decisions());
    }
}
